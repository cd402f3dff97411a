// `kg query`: entity, entities, relations, neighbors, path, match, timeline and stats over a built graph, as a table, JSON or CSV.
import { z } from "zod";
import { KgError } from "../../errors.js";
import {
  API_LIMITS, DateBound, PatternError, entityFieldTable, entityTable, matchTable, neighborTable, pathTable, relationTable, statsTable,
  timelineTable, toCsv, toTable,
} from "../../query/index.js";
import type { KnowledgeGraph, Page, Table } from "../../query/index.js";
import { EntityKind, RelationType } from "../../schema/index.js";
import type { Command } from "../command.js";
import { DEFAULT_GRAPH_FILE, loadGraphFile } from "../graph-file.js";
import { parseCommandArgs } from "../io.js";

const HELP = `usage: kg query <what> [arguments] [options]

  entity NAME                       one entity by name, alias or id, with its relations
  entities [--search S] [--kind K]  entities, best match or most connected first
  relations [--entity X] [--source X] [--target X] [--relation R[,R...]]
  neighbors X [--depth N] [--relation R[,R...]]
  path A B [--max-length N] [--relation R[,R...]]
  match PATTERN                     e.g. '(a:person)-[:official_of]->(b:state)'
  timeline X [--relation R[,R...]]  X's relations by the date of their evidence, oldest first
  stats                             counts by kind, relation and document

options:
  --graph FILE      graph JSON written by kg build (default ${DEFAULT_GRAPH_FILE})
  --json            JSON output        --csv   CSV output (RFC 4180)
  --cooccurrence    also follow weak co_occurs_with edges
  --document D      (entities) only entities mentioned in document D
  --from D --to D   only relations with evidence dated in [D, D] (YYYY, YYYY-MM or YYYY-MM-DD;
                    either may be left out); entities: only those with a document dated in it
  --limit N         results per page (default ${API_LIMITS.pageSize})   --offset N   skip the first N
  --all-documents   list every document id of each entity (default: the first few and a count)

Names match labels and aliases, ignoring case and accents. See docs/query.md.
Exit codes: 0 found, 1 unknown entity or no path, 2 bad arguments, pattern or graph.`;

const OPTIONS = {
  graph: { type: "string" },
  json: { type: "boolean" },
  csv: { type: "boolean" },
  entity: { type: "string" },
  source: { type: "string" },
  target: { type: "string" },
  relation: { type: "string" },
  kind: { type: "string" },
  search: { type: "string" },
  document: { type: "string" },
  depth: { type: "string" },
  "max-length": { type: "string" },
  limit: { type: "string" },
  offset: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  "all-documents": { type: "boolean" },
  cooccurrence: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const Flags = z.object({
  depth: z.coerce.number().int().min(1).default(1),
  "max-length": z.coerce.number().int().min(1).default(6),
  limit: z.coerce.number().int().min(1).default(API_LIMITS.pageSize),
  offset: z.coerce.number().int().min(0).default(0),
  from: DateBound.optional(),
  to: DateBound.optional(),
  kind: EntityKind.optional(),
  relation: z
    .string()
    .transform((s) => s.split(",").map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(RelationType).min(1))
    .optional(),
});

type Values = ReturnType<typeof parseCommandArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];
/** What a query prints: JSON, tables for the terminal, and one table for CSV (the first table unless given). */
type Output = { json: unknown; tables: Array<{ title?: string; table: Table }>; csv?: Table; found: boolean; note?: string };

function fail(message: string): never {
  throw new KgError("INVALID_ARGS", `kg query: ${message}; see kg query --help`);
}

function positionals(what: string, args: string[], count: number, names: string): string[] {
  if (args.length !== count) fail(`${what} takes ${names}, got ${args.length} argument${args.length === 1 ? "" : "s"}`);
  return args;
}

/** The JSON of a page, as the HTTP API answers it, under the name of its items. */
function pageJson<T>(name: string, page: Page<T>, limit: number): Record<string, unknown> {
  return { [name]: page.items, total: page.total, offset: page.offset, limit, nextOffset: page.nextOffset, truncated: page.nextOffset !== null };
}

/** Which part of a longer list was shown, and how to get the next part. */
function cut(page: { total: number; offset: number; items: unknown[]; nextOffset: number | null }): string | undefined {
  if (page.nextOffset === null && page.offset === 0) return undefined;
  const shown = page.items.length ? `${page.offset + 1}–${page.offset + page.items.length}` : "none";
  return `showing ${shown} of ${page.total}` + (page.nextOffset !== null ? `; --offset ${page.nextOffset} for the next page` : "");
}

function run(kg: KnowledgeGraph, what: string, args: string[], values: Values): Output {
  const parsed = Flags.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  const flags = parsed.data;
  const includeCooccurrence = values.cooccurrence ?? false;
  const common = {
    from: flags.from, to: flags.to, documents: values["all-documents"] ? ("all" as const) : ("sample" as const), offset: flags.offset, limit: flags.limit,
  };
  switch (what) {
    case "entity": {
      const [name] = positionals(what, args, 1, "one NAME");
      const entity = kg.requireEntity(name, common);
      const relations = kg.relationsPage({ ...common, entity: entity.id, includeCooccurrence });
      return {
        json: { entity, ...pageJson("relations", relations, flags.limit) },
        tables: [{ table: entityFieldTable(entity) }, { title: `relations (${relations.total})`, table: relationTable(relations.items) }],
        csv: entityTable([entity]),
        found: true,
        note: cut(relations),
      };
    }
    case "entities": {
      positionals(what, args, 0, "no positional arguments");
      const page = kg.entitiesPage({ ...common, search: values.search, kind: flags.kind, document: values.document });
      return { json: pageJson("entities", page, flags.limit), tables: [{ table: entityTable(page.items) }], found: true, note: cut(page) };
    }
    case "relations": {
      positionals(what, args, 0, "no positional arguments (use --entity, --source, --target, --relation)");
      const page = kg.relationsPage({ ...common, entity: values.entity, source: values.source, target: values.target, relation: flags.relation, includeCooccurrence });
      return { json: pageJson("relations", page, flags.limit), tables: [{ table: relationTable(page.items) }], found: true, note: cut(page) };
    }
    case "neighbors": {
      const [name] = positionals(what, args, 1, "one entity name");
      const page = kg.neighborsPage(name, { ...common, depth: flags.depth, relation: flags.relation, includeCooccurrence });
      return { json: pageJson("neighbors", page, flags.limit), tables: [{ table: neighborTable(page.items) }], found: true, note: cut(page) };
    }
    case "timeline": {
      const [name] = positionals(what, args, 1, "one entity name");
      const { entity, undated, ...page } = kg.timeline(name, { ...common, relation: flags.relation, includeCooccurrence });
      const undatedNote = undated ? `${undated} undated evidence sentence${undated === 1 ? "" : "s"} left out` : undefined;
      const note = [cut(page), undatedNote].filter(Boolean).join("; ") || undefined;
      return {
        json: { entity, ...pageJson("entries", page, flags.limit), undated },
        tables: [{ table: timelineTable(page.items) }],
        found: true,
        note,
      };
    }
    case "path": {
      const [from, to] = positionals(what, args, 2, "two entity names");
      const path = kg.path(from, to, { ...common, maxLength: flags["max-length"], relation: flags.relation, includeCooccurrence });
      if (!path) return { json: null, tables: [], found: false, note: `no path between "${from}" and "${to}" within ${flags["max-length"]} hops` };
      return { json: path, tables: [{ table: pathTable(path) }], found: true };
    }
    case "match": {
      const [pattern] = positionals(what, args, 1, "one PATTERN (quote it)");
      const result = kg.match(pattern, { ...common, includeCooccurrence });
      const end = result.offset + result.bindings.length;
      const nextOffset = end < result.total ? end : null;
      const note = result.complete
        ? cut({ ...result, items: result.bindings, nextOffset })
        : `showing ${result.bindings.length} matches of ${result.total} found before the search budget ran out; narrow the pattern`;
      return { json: { ...result, limit: flags.limit, nextOffset }, tables: [{ table: matchTable(result) }], found: true, note };
    }
    case "stats": {
      positionals(what, args, 0, "no arguments");
      const stats = kg.stats();
      return { json: stats, tables: [{ table: statsTable(stats) }], found: true };
    }
    default:
      fail(`unknown query "${what}"; use entity, entities, relations, neighbors, path, match, timeline or stats`);
  }
}

function render(out: Output, values: Values): string {
  if (values.json) return JSON.stringify(out.json, null, 2) + "\n";
  if (values.csv) {
    const table = out.csv ?? out.tables[0]?.table;
    return table ? toCsv(table) : "";
  }
  return out.tables.map((t) => (t.title ? `\n${t.title}\n` : "") + toTable(t.table)).join("");
}

export const query: Command = {
  summary: "ask the graph: entities, relations, neighbours, paths, Cypher-like patterns",
  async run(argv) {
    const { values, positionals: rest } = parseCommandArgs("query", argv, { options: OPTIONS, allowPositionals: true });
    if (values.help) {
      process.stdout.write(HELP + "\n");
      return 0;
    }
    const [what, ...args] = rest;
    if (!what) {
      process.stderr.write(HELP + "\n");
      return 2;
    }
    if (values.json && values.csv) fail("choose one of --json and --csv");
    const kg = await loadGraphFile(values.graph ?? DEFAULT_GRAPH_FILE);
    let out: Output;
    try {
      out = run(kg, what, args, values);
    } catch (err) {
      if (!(err instanceof PatternError)) throw err;
      process.stderr.write(`kg: ${err.message}\n  ${args[0]}\n  ${" ".repeat(err.position)}^\n`);
      return 2;
    }
    process.stdout.write(render(out, values));
    if (out.note) process.stderr.write(`kg query: ${out.note}\n`);
    return out.found ? 0 : 1;
  },
};
