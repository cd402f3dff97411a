// The HTTP API as a pure function: a GET URL under /api/ in, a status and a JSON body out, with bounded work per request.
import { z } from "zod";
import { KgError } from "../errors.js";
import { EntityKind, RelationType } from "../schema/index.js";
import { PatternError, UnknownEntityError } from "./errors.js";
import { DateBound, resolveRange } from "./dates.js";
import type { KnowledgeGraph } from "./knowledge-graph.js";
import type { Page } from "./types.js";

/** Caps on the work and size of one request; `pageSize` is the default `limit` of listing routes. */
export const API_LIMITS = {
  depth: 3, pathLength: 6, matchResults: 1000, matchBudget: 2_000_000, entities: 1000, relations: 1000, neighbors: 1000, timeline: 1000, pageSize: 100,
} as const;

export interface ApiResponse {
  status: number;
  body: unknown;
}

const name = z.string().trim().min(1, "must not be empty");
const relations = z
  .string()
  .transform((s) => s.split(",").map((r) => r.trim()).filter(Boolean))
  .pipe(z.array(RelationType).min(1, "name at least one relation"));
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const limit = (max: number) => z.coerce.number().int().min(1).max(max).default(Math.min(max, API_LIMITS.pageSize));
const offset = z.coerce.number().int().min(0).default(0);
/** `documents=all` lists every document id of each entity; `sample` (default) the first few. */
const documents = z.enum(["sample", "all"]).optional();
const dates = { from: DateBound.optional(), to: DateBound.optional() };
const paged = (max: number) => ({ limit: limit(max), offset, documents });

/** `from` after `to` is an issue of `from`, like any other bad value. */
function orderedDates<T extends { from?: string; to?: string }>(p: T, ctx: z.RefinementCtx): void {
  if (p.from === undefined || p.to === undefined) return;
  try {
    resolveRange(p, "range");
  } catch {
    ctx.addIssue({ code: "custom", path: ["from"], message: `from ${p.from} is after to ${p.to}` });
  }
}

const PARAMS = {
  entities: z
    .strictObject({ search: z.string().optional(), kind: EntityKind.optional(), document: z.string().optional(), ...dates, ...paged(API_LIMITS.entities) })
    .superRefine(orderedDates),
  entity: z.strictObject({ name, documents }),
  relations: z
    .strictObject({
      entity: name.optional(),
      source: name.optional(),
      target: name.optional(),
      relation: relations.optional(),
      cooccurrence: flag.optional(),
      ...dates,
      ...paged(API_LIMITS.relations),
    })
    .superRefine(orderedDates),
  neighbors: z
    .strictObject({
      entity: name,
      depth: z.coerce.number().int().min(1).max(API_LIMITS.depth).default(1),
      relation: relations.optional(),
      cooccurrence: flag.optional(),
      ...dates,
      ...paged(API_LIMITS.neighbors),
    })
    .superRefine(orderedDates),
  path: z
    .strictObject({
      from: name,
      to: name,
      relation: relations.optional(),
      maxLength: z.coerce.number().int().min(1).max(API_LIMITS.pathLength).default(API_LIMITS.pathLength),
      cooccurrence: flag.optional(),
      // `from` and `to` name the two entities here, so the date range has its own names
      since: DateBound.optional(),
      until: DateBound.optional(),
      documents,
    })
    .superRefine((p, ctx) => orderedDates({ from: p.since, to: p.until }, ctx)),
  match: z
    .strictObject({ pattern: name, cooccurrence: flag.optional(), ...dates, ...paged(API_LIMITS.matchResults) })
    .superRefine(orderedDates),
  timeline: z
    .strictObject({ entity: name, relation: relations.optional(), cooccurrence: flag.optional(), ...dates, ...paged(API_LIMITS.timeline) })
    .superRefine(orderedDates),
  stats: z.strictObject({}),
} as const;

type Endpoint = keyof typeof PARAMS;
type Params<E extends Endpoint> = z.infer<(typeof PARAMS)[E]>;

/** The paging fields of a body: the window asked for, the total, and where the next page starts. */
function window<T>(page: Page<T>, limit: number): { total: number; offset: number; limit: number; nextOffset: number | null; truncated: boolean } {
  return { total: page.total, offset: page.offset, limit, nextOffset: page.nextOffset, truncated: page.nextOffset !== null };
}

const STATS = new WeakMap<KnowledgeGraph, ReturnType<KnowledgeGraph["stats"]>>();

const ROUTES: { [E in Endpoint]: (kg: KnowledgeGraph, p: Params<E>) => ApiResponse } = {
  entities(kg, p) {
    const page = kg.entitiesPage(p);
    return ok({ entities: page.items, ...window(page, p.limit) });
  },
  entity(kg, p) {
    const entity = kg.entity(p.name, p);
    if (entity) return ok({ entity });
    const suggestions = kg.suggest(p.name);
    return { status: 404, body: { error: `no entity named "${p.name}"`, code: "UNKNOWN_ENTITY", suggestions } };
  },
  relations(kg, p) {
    const page = kg.relationsPage({ ...p, includeCooccurrence: p.cooccurrence });
    return ok({ relations: page.items, ...window(page, p.limit) });
  },
  neighbors(kg, p) {
    const page = kg.neighborsPage(p.entity, { ...p, includeCooccurrence: p.cooccurrence });
    return ok({ entity: kg.entity(p.entity, p), neighbors: page.items, ...window(page, p.limit) });
  },
  path(kg, p) {
    const options = { maxLength: p.maxLength, relation: p.relation, includeCooccurrence: p.cooccurrence, from: p.since, to: p.until, documents: p.documents };
    return ok({ path: kg.path(p.from, p.to, options) });
  },
  match(kg, p) {
    const result = kg.match(p.pattern, { ...p, budget: API_LIMITS.matchBudget, includeCooccurrence: p.cooccurrence });
    const end = result.offset + result.bindings.length;
    return ok({ ...result, limit: p.limit, nextOffset: end < result.total ? end : null });
  },
  timeline(kg, p) {
    const { entity, items, undated, ...page } = kg.timeline(p.entity, { ...p, includeCooccurrence: p.cooccurrence });
    return ok({ entity, entries: items, undated, ...window({ items, ...page }, p.limit) });
  },
  stats(kg) {
    // the graph never changes under a KnowledgeGraph, and a body is only serialised, never changed
    let stats = STATS.get(kg);
    if (!stats) STATS.set(kg, (stats = kg.stats()));
    return ok(stats);
  },
};

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

function run<E extends Endpoint>(endpoint: E, kg: KnowledgeGraph, url: URL): ApiResponse {
  const parsed = PARAMS[endpoint].safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    const named = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    return { status: 400, body: { error: `invalid parameters for /api/${endpoint}: ${named}`, code: "INVALID_ARGS", issues } };
  }
  return ROUTES[endpoint](kg, parsed.data as Params<E>);
}

/** Answer a GET request for /api/<endpoint>?params with a status and a JSON-ready body; never throws on bad input. */
export function handleApiRequest(kg: KnowledgeGraph, url: URL): ApiResponse {
  const endpoint = url.pathname.replace(/\/+$/, "").replace(/^\/api\//, "");
  if (!url.pathname.startsWith("/api/") || !Object.hasOwn(PARAMS, endpoint)) {
    return { status: 404, body: { error: `unknown endpoint ${url.pathname}`, endpoints: Object.keys(PARAMS).map((e) => `/api/${e}`) } };
  }
  try {
    return run(endpoint as Endpoint, kg, url);
  } catch (err) {
    if (err instanceof PatternError) {
      return { status: 400, body: { error: err.message, code: err.code, position: err.position, expected: err.expected, found: err.found } };
    }
    if (err instanceof UnknownEntityError) return { status: 404, body: { error: err.message, code: err.code, suggestions: err.suggestions } };
    if (err instanceof KgError && err.code === "INVALID_ARGS") return { status: 400, body: { error: err.message, code: err.code } };
    throw err;
  }
}
