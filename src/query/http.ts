// The HTTP API as a pure function: a GET URL under /api/ in, a status and a JSON body out, with bounded work per request.
import { z } from "zod";
import { KgError } from "../errors.js";
import { EntityKind, RelationType } from "../schema/index.js";
import { PatternError, UnknownEntityError } from "./errors.js";
import type { KnowledgeGraph } from "./knowledge-graph.js";

/** Caps on the work and size of one request. */
export const API_LIMITS = { depth: 3, pathLength: 6, matchResults: 1000, matchBudget: 2_000_000, entities: 1000, relations: 1000, neighbors: 1000 } as const;

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
const limit = (max: number) => z.coerce.number().int().min(1).max(max).default(max);

const PARAMS = {
  entities: z.strictObject({ search: z.string().optional(), kind: EntityKind.optional(), document: z.string().optional(), limit: limit(API_LIMITS.entities) }),
  entity: z.strictObject({ name }),
  relations: z.strictObject({
    entity: name.optional(),
    source: name.optional(),
    target: name.optional(),
    relation: relations.optional(),
    cooccurrence: flag.optional(),
    limit: limit(API_LIMITS.relations),
  }),
  neighbors: z.strictObject({
    entity: name,
    depth: z.coerce.number().int().min(1).max(API_LIMITS.depth).default(1),
    relation: relations.optional(),
    cooccurrence: flag.optional(),
    limit: limit(API_LIMITS.neighbors),
  }),
  path: z.strictObject({
    from: name,
    to: name,
    relation: relations.optional(),
    maxLength: z.coerce.number().int().min(1).max(API_LIMITS.pathLength).default(API_LIMITS.pathLength),
    cooccurrence: flag.optional(),
  }),
  match: z.strictObject({ pattern: name, limit: limit(API_LIMITS.matchResults), cooccurrence: flag.optional() }),
  stats: z.strictObject({}),
} as const;

type Endpoint = keyof typeof PARAMS;
type Params<E extends Endpoint> = z.infer<(typeof PARAMS)[E]>;

const ROUTES: { [E in Endpoint]: (kg: KnowledgeGraph, p: Params<E>) => ApiResponse } = {
  entities(kg, p) {
    const found = kg.entities({ search: p.search, kind: p.kind, document: p.document, limit: p.limit + 1 });
    return ok({ entities: found.slice(0, p.limit), truncated: found.length > p.limit });
  },
  entity(kg, p) {
    const entity = kg.entity(p.name);
    if (entity) return ok({ entity });
    const suggestions = kg.suggest(p.name);
    return { status: 404, body: { error: `no entity named "${p.name}"`, code: "UNKNOWN_ENTITY", suggestions } };
  },
  relations(kg, p) {
    const found = kg.relations({ entity: p.entity, source: p.source, target: p.target, relation: p.relation, includeCooccurrence: p.cooccurrence, limit: p.limit + 1 });
    return ok({ relations: found.slice(0, p.limit), truncated: found.length > p.limit });
  },
  neighbors(kg, p) {
    const found = kg.neighbors(p.entity, { depth: p.depth, relation: p.relation, includeCooccurrence: p.cooccurrence, limit: p.limit + 1 });
    return ok({ entity: kg.entity(p.entity), neighbors: found.slice(0, p.limit), truncated: found.length > p.limit });
  },
  path(kg, p) {
    return ok({ path: kg.path(p.from, p.to, { maxLength: p.maxLength, relation: p.relation, includeCooccurrence: p.cooccurrence }) });
  },
  match(kg, p) {
    return ok(kg.match(p.pattern, { limit: p.limit, budget: API_LIMITS.matchBudget, includeCooccurrence: p.cooccurrence }));
  },
  stats(kg) {
    return ok(kg.stats());
  },
};

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

function run<E extends Endpoint>(endpoint: E, kg: KnowledgeGraph, url: URL): ApiResponse {
  const parsed = PARAMS[endpoint].safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    return { status: 400, body: { error: `invalid parameters for /api/${endpoint}`, code: "INVALID_ARGS", issues } };
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
