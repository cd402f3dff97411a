// Pattern matching over the indexes: start at the most selective node or typed relationship, then walk the chain both ways depth-first.
import { ALL_CODES, KIND_CODE, RELATION_CODE, SYMMETRIC_CODES, TYPED_CODES, forEachIncident, toRanges } from "../indexes.js";
import type { CodeRanges, Direction, GraphIndex, KgGraph } from "../indexes.js";
import { normaliseName } from "../normalise.js";
import { edgeInRange, nodeInRange, type DateBounds } from "../dates.js";
import { entityRecord, relationRecord, type RecordContext } from "../records.js";
import { lookupNodes } from "../resolve.js";
import { MATCH_DEFAULTS, type Binding, type MatchOptions, type MatchResult } from "../types.js";
import type { NodePattern, Pattern, RelationshipPattern } from "./parser.js";

interface Step {
  rel: number;
  from: number;
  to: number;
  direction: Direction;
  backward: boolean;
}

const FLIP: Record<Direction, Direction> = { out: "in", in: "out", both: "both" };

/** Nodes a node pattern can bind to, or undefined for "any node". */
function candidates(index: GraphIndex, node: NodePattern): number[] | undefined {
  let nodes: number[] | undefined;
  if (node.id !== undefined) nodes = index.nodeId.has(node.id) ? [index.nodeId.get(node.id)!] : [];
  if (node.name !== undefined) {
    const named = lookupNodes(index, node.name);
    nodes = nodes ? nodes.filter((n) => named.includes(n)) : named;
  }
  if (!nodes && node.kinds) nodes = node.kinds.flatMap((k) => index.kindNodes.get(k) ?? []);
  return nodes;
}

/**
 * Find the bindings of a parsed pattern: all of them are counted (within the work budget), and those from
 * `offset` on, up to `limit`, are returned. With a date range in `ctx`, every relationship binds only
 * relations with evidence inside it, and a pattern of one node only entities with a document inside it.
 */
export function matchPattern(graph: KgGraph, index: GraphIndex, pattern: Pattern, options: MatchOptions = {}, ctx: RecordContext = { allDocuments: false }): MatchResult {
  const limit = options.limit ?? MATCH_DEFAULTS.limit;
  const offset = options.offset ?? 0;
  const budget = options.budget ?? MATCH_DEFAULTS.budget;
  const range: DateBounds | undefined = ctx.range;
  const { nodes, rels } = pattern;
  const allowed: Array<Set<number> | undefined> = [];
  const sizes: number[] = [];
  const kindSets = nodes.map((p) => (p.kinds ? new Set(p.kinds.map((k) => KIND_CODE.get(k)!)) : undefined));
  for (const p of nodes) {
    const c = candidates(index, p);
    allowed.push(c && (p.id !== undefined || p.name !== undefined) ? new Set(c) : undefined);
    sizes.push(c ? c.length : index.nodeKeys.length);
  }
  const ranges: CodeRanges[] = rels.map((r) =>
    toRanges(r.relations ? r.relations.map((x) => RELATION_CODE.get(x)!) : options.includeCooccurrence ? ALL_CODES : TYPED_CODES),
  );
  const role = rels.map((r) => (r.props.role === undefined ? undefined : normaliseName(r.props.role)));

  let start = 0;
  for (let i = 1; i < nodes.length; i++) if (sizes[i] < sizes[start]) start = i;
  // A typed relationship with fewer edges than the best node's candidates is a better place to start.
  let startRel = -1;
  let fewest = sizes[start];
  rels.forEach((r, j) => {
    if (r.variableLength || !r.relations) return;
    let count = 0;
    for (const [a, b] of ranges[j]) count += index.byRelation.offsets[b + 1] - index.byRelation.offsets[a];
    if (count < fewest) [startRel, fewest] = [j, count];
  });
  const forwardFrom = startRel >= 0 ? startRel + 1 : start;
  const backwardFrom = startRel >= 0 ? startRel - 1 : start - 1;
  const steps: Step[] = [];
  for (let j = forwardFrom; j < rels.length; j++) steps.push({ rel: j, from: j, to: j + 1, direction: rels[j].direction, backward: false });
  for (let j = backwardFrom; j >= 0; j--) steps.push({ rel: j, from: j + 1, to: j, direction: FLIP[rels[j].direction], backward: true });

  const bound = new Int32Array(nodes.length).fill(-1);
  const varNode = new Map<string, number>();
  const used = new Set<number>();
  const relBound: Array<number | number[]> = new Array(rels.length);
  const bindings: Binding[] = [];
  let visits = 0;
  let found = 0;
  let stopped = false;
  const lonely = rels.length === 0;

  const bind = (i: number, n: number): boolean => {
    const kinds = kindSets[i];
    if (kinds && !kinds.has(index.nodeKind[n])) return false;
    if (allowed[i] && !allowed[i]!.has(n)) return false;
    if (lonely && range && !nodeInRange(index.dates, n, range)) return false;
    const v = nodes[i].variable;
    if (v !== undefined) {
      const had = varNode.get(v);
      if (had !== undefined && had !== n) return false;
    }
    bound[i] = n;
    return true;
  };
  // A variable is set by the first position that binds it and cleared by that same position.
  const setVar = (i: number): boolean => {
    const v = nodes[i].variable;
    if (v === undefined || varNode.has(v)) return false;
    varNode.set(v, bound[i]);
    return true;
  };
  const unbind = (i: number, owned: boolean): void => {
    if (owned) varNode.delete(nodes[i].variable!);
    bound[i] = -1;
  };
  const relOk = (r: RelationshipPattern, j: number, e: number): boolean => {
    if (range && !edgeInRange(index.dates, e, range)) return false;
    if (r.props.role === undefined && r.props.date === undefined && r.props.quantity === undefined) return true;
    const a = graph.getEdgeAttributes(index.edgeKeys[e]);
    if (role[j] !== undefined && (a.role === undefined || normaliseName(a.role) !== role[j])) return false;
    if (r.props.date !== undefined && a.date !== r.props.date) return false;
    return r.props.quantity === undefined || a.quantity === r.props.quantity;
  };
  // Bindings outside the page are only counted: records are made for the page alone.
  const emit = (): void => {
    if (found++ < offset || bindings.length >= limit) return;
    const binding: Binding = {};
    nodes.forEach((p, i) => {
      if (p.variable !== undefined && !(p.variable in binding)) binding[p.variable] = entityRecord(graph, index, bound[i], ctx);
    });
    rels.forEach((r, j) => {
      if (r.variable === undefined) return;
      const b = relBound[j];
      binding[r.variable] = Array.isArray(b) ? b.map((e) => relationRecord(graph, index, e, ctx)) : relationRecord(graph, index, b, ctx);
    });
    bindings.push(binding);
  };
  const spend = (): boolean => {
    if (++visits > budget) stopped = true;
    return !stopped;
  };
  const result = (): MatchResult => ({ bindings, total: found, offset, complete: !stopped, truncated: stopped || offset + bindings.length < found });
  const arrive = (k: number, s: Step, n: number, b: number | number[]): void => {
    if (!bind(s.to, n)) return;
    const owned = setVar(s.to);
    relBound[s.rel] = b;
    walk(k + 1);
    unbind(s.to, owned);
  };
  const hops = (k: number, s: Step, r: RelationshipPattern, at: number, chain: number[]): void => {
    if (chain.length >= r.min) arrive(k, s, at, s.backward ? [...chain].reverse() : [...chain]);
    if (stopped || chain.length >= r.max) return;
    forEachIncident(index, at, s.direction, ranges[s.rel], (e, other) => {
      if (!spend()) return false;
      if (used.has(e) || !relOk(r, s.rel, e)) return;
      used.add(e);
      chain.push(e);
      hops(k, s, r, other, chain);
      chain.pop();
      used.delete(e);
      return !stopped;
    });
  };
  function walk(k: number): void {
    if (stopped) return;
    if (k === steps.length) return emit();
    const s = steps[k];
    const r = rels[s.rel];
    if (r.variableLength) return hops(k, s, r, bound[s.from], []);
    forEachIncident(index, bound[s.from], s.direction, ranges[s.rel], (e, other) => {
      if (!spend()) return false;
      if (used.has(e) || !relOk(r, s.rel, e)) return;
      used.add(e);
      arrive(k, s, other, e);
      used.delete(e);
      return !stopped;
    });
  }

  const startAtEdge = (j: number, e: number, left: number, right: number): void => {
    if (!bind(j, left)) return;
    const ownedLeft = setVar(j);
    if (bind(j + 1, right)) {
      const ownedRight = setVar(j + 1);
      used.add(e);
      relBound[j] = e;
      walk(0);
      used.delete(e);
      unbind(j + 1, ownedRight);
    }
    unbind(j, ownedLeft);
  };

  if (startRel >= 0) {
    const r = rels[startRel];
    const { offsets, items } = index.byRelation;
    for (const [a, b] of ranges[startRel]) {
      for (let k = offsets[a]; k < offsets[b + 1] && !stopped; k++) {
        const e = items[k];
        if (!spend() || !relOk(r, startRel, e)) continue;
        const s = index.edgeSource[e];
        const t = index.edgeTarget[e];
        const either = r.direction === "both" || SYMMETRIC_CODES.has(index.edgeRel[e]);
        if (either || r.direction === "out") startAtEdge(startRel, e, s, t);
        if ((either || r.direction === "in") && s !== t && !stopped) startAtEdge(startRel, e, t, s);
      }
    }
    return result();
  }
  const first = candidates(index, nodes[start]);
  const total = first ? first.length : index.nodeKeys.length;
  for (let c = 0; c < total && !stopped; c++) {
    const n = first ? first[c] : c;
    if (!spend() || !bind(start, n)) continue;
    const owned = setVar(start);
    walk(0);
    unbind(start, owned);
  }
  return result();
}
