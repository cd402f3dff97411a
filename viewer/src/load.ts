// Loading a graph: fetch or read a file, validate graph JSON with the zod contract (GEXF is parsed, then rebuilt), Graph.from.
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf/browser";
import { KgError, formatIssues } from "../../src/errors.js";
import { importGraph, shareEvidenceStrings } from "../../src/graph/import.js";
import {
  ENTITY_KINDS,
  GraphJson,
  KIND_COLORS,
  RELATION_LABELS,
  RELATION_TYPES,
  SCHEMA_VERSION,
  type EntityKind,
  type RelationType,
} from "../../src/schema/index.js";
import type { KgGraph } from "./graph-types.js";

/** Validate parsed JSON against the graph contract and build the graph; `where` names the file in errors. */
export function graphFromJson(data: unknown, where: string): KgGraph {
  const parsed = GraphJson.safeParse(data);
  if (!parsed.success) {
    const lines = formatIssues(parsed.error.issues);
    const shown = lines.slice(0, 8).join("\n") + (lines.length > 8 ? `\n… and ${lines.length - 8} more` : "");
    throw new KgError("INVALID_GRAPH", `${where} is not a kgraph graph JSON file:\n${shown}`, { where });
  }
  shareEvidenceStrings(parsed.data.edges);
  const graph: KgGraph = new MultiDirectedGraph({ allowSelfLoops: parsed.data.options.allowSelfLoops });
  try {
    importGraph(graph, parsed.data);
  } catch (err) {
    throw new KgError("INVALID_GRAPH", `${where}: ${(err as Error).message}`, { where, cause: err });
  }
  return graph;
}

/** Parse the text of a graph JSON file. */
export function graphFromJsonText(text: string, where: string): KgGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new KgError("INVALID_GRAPH", `${where} is not valid JSON: ${(err as Error).message}`, { where, cause: err });
  }
  return graphFromJson(data, where);
}

/** GEXF keeps only scalars: lists come back as strings. Accept a JSON array or a `|`-separated list (kgraph's GEXF). */
function listFrom(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== "string" || value.trim() === "") return [];
  const text = value.trim();
  if (text.startsWith("[")) {
    try {
      const arr: unknown = JSON.parse(text);
      if (Array.isArray(arr)) return arr.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
    } catch {
      /* not JSON after all: split below */
    }
  }
  return text.split(/\s*\|\s*/).filter(Boolean);
}

/** kgraph's GEXF flattens evidence to one `doc#sentence: text` line per sentence; anything else is one plain sentence. */
/** Provenance as GEXF flattens it ("rules:leader_of/title-name 0.90; classifier 0.83"), or as the JSON keeps it. */
function provenanceFrom(value: unknown): Array<{ extractor: string; rule?: string; score: number }> | undefined {
  if (Array.isArray(value)) return value as Array<{ extractor: string; rule?: string; score: number }>;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return value.split("; ").map((part) => {
    const m = /^([^:\s]+)(?::(\S+))?(?:\s+([\d.]+))?$/.exec(part.trim());
    const score = m?.[3] === undefined ? 1 : Math.min(1, Math.max(0, Number(m[3])));
    return m ? { extractor: m[1], ...(m[2] ? { rule: m[2] } : {}), score } : { extractor: part.trim(), score: 1 };
  });
}

function evidenceFrom(value: unknown, fallback: string): Array<{ doc: string; sentence: number; start: number; end: number; text: string }> {
  const raw = typeof value === "string" && value.trim() ? value : fallback;
  return raw
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => {
      const m = /^([^\n#]*)#(\d+): (.*)$/s.exec(line);
      const text = m ? m[3] : line;
      return { doc: m ? m[1] : "", sentence: m ? Number(m[2]) : 0, start: 0, end: text.length, text };
    });
}

const num = (v: unknown, d: number): number => (typeof v === "number" && Number.isFinite(v) ? v : Number.isFinite(Number(v)) && v !== "" && v !== undefined ? Number(v) : d);

function hex(color: unknown, d: string): string {
  if (typeof color === "string" && /^#[0-9a-f]{6}$/i.test(color)) return color;
  const m = typeof color === "string" ? /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color) : null;
  return m ? "#" + m.slice(1, 4).map((c) => Number(c).toString(16).padStart(2, "0")).join("") : d;
}

/** Parse GEXF text (kgraph's own export or Gephi's) and rebuild it as graph JSON, then validate it like any JSON file. */
export function graphFromGexfText(text: string, where: string): KgGraph {
  let raw: MultiDirectedGraph;
  try {
    raw = parseGexf(MultiDirectedGraph, text, { allowUndeclaredAttributes: true });
  } catch (err) {
    throw new KgError("INVALID_GRAPH", `${where} is not a readable GEXF file: ${(err as Error).message}`, { where, cause: err });
  }
  const json = {
    attributes: {
      name: String(raw.getAttribute("name") ?? raw.getAttribute("title") ?? where),
      sources: [],
      generator: String(raw.getAttribute("generator") ?? raw.getAttribute("creator") ?? "gexf"),
      schemaVersion: SCHEMA_VERSION,
      createdFrom: String(raw.getAttribute("createdFrom") ?? ""),
      legend: { ...KIND_COLORS },
      sizeBy: "pagerank" as const,
    },
    options: { type: "directed" as const, multi: true as const, allowSelfLoops: true },
    nodes: raw.mapNodes((key, a) => {
      const kind = (ENTITY_KINDS as readonly string[]).includes(String(a.kind)) ? (a.kind as EntityKind) : "institution";
      return {
        key,
        attributes: {
          label: String(a.label ?? key) || key,
          kind,
          aliases: listFrom(a.aliases),
          mentions: Math.max(0, Math.round(num(a.mentions, 0))),
          documents: listFrom(a.documents),
          x: num(a.x, 0),
          y: num(a.y, 0),
          size: Math.max(0.1, num(a.size, 1)),
          color: hex(a.color, KIND_COLORS[kind]),
          pagerank: Math.max(0, num(a.pagerank, 0)),
          degree: Math.max(0, Math.round(num(a.degree, raw.degree(key)))),
          community: Math.max(0, Math.round(num(a.community, 0))),
        },
      };
    }),
    edges: raw.mapEdges((key, a, source, target) => {
      const relation = (RELATION_TYPES as readonly string[]).includes(String(a.relation)) ? (a.relation as RelationType) : "co_occurs_with";
      return {
        key,
        source,
        target,
        attributes: {
          relation,
          label: String(a.label ?? RELATION_LABELS[relation]),
          ...(a.role ? { role: String(a.role) } : {}),
          ...(a.quantity !== undefined && a.quantity !== "" ? { quantity: num(a.quantity, 0) } : {}),
          ...(a.items ? { items: listFrom(a.items) } : {}),
          ...(a.date ? { date: String(a.date) } : {}),
          evidence: evidenceFrom(a.evidence, `${source} ${RELATION_LABELS[relation]} ${target}`),
          confidence: Math.min(1, Math.max(0, num(a.confidence, 1))),
          ...(provenanceFrom(a.provenance) ? { provenance: provenanceFrom(a.provenance) } : {}),
          weight: Math.max(1, Math.round(num(a.weight, 1))),
        },
      };
    }),
  };
  return graphFromJson(json, where);
}

/** Read a graph from text, choosing the parser by file name (`.gexf`) or content (`<`). */
export function graphFromText(text: string, name: string): KgGraph {
  return /\.gexf$/i.test(name) || text.trimStart().startsWith("<") ? graphFromGexfText(text, name) : graphFromJsonText(text, name);
}

/** Fetch a graph file from the server. */
export async function fetchGraph(url: string): Promise<KgGraph> {
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-cache" });
  } catch (err) {
    throw new KgError("GRAPH_MISSING", `could not fetch ${url}: ${(err as Error).message}`, { where: url, cause: err });
  }
  if (!res.ok) {
    throw new KgError("GRAPH_MISSING", `could not fetch ${url}: HTTP ${res.status}; build a graph with \`kg build\`, or open a file`, {
      where: url,
    });
  }
  return graphFromText(await res.text(), url);
}

/** Read a graph from a file the user picked or dropped. */
export async function readGraphFile(file: File): Promise<KgGraph> {
  return graphFromText(await file.text(), file.name);
}
