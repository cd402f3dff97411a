// Indexes built once per graph: names to nodes, and edges grouped by node and relation (compressed rows).
import type { AbstractGraph } from "graphology-types";
import { ENTITY_KINDS, RELATION_TYPES, SYMMETRIC_RELATIONS, TYPED_RELATIONS } from "../schema/index.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, RelationType } from "../schema/index.js";
import { buildDateIndex, type DateIndex } from "./dates.js";
import { nameTokens, normaliseName } from "./normalise.js";

/** A kgraph graph: graphology with the contract's attributes. */
export type KgGraph = AbstractGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Edges grouped by a key (node or relation): items[offsets[k] .. offsets[k+1]) are key k's edges. */
export interface Csr {
  offsets: Int32Array;
  items: Int32Array;
}

export interface GraphIndex {
  nodeKeys: string[];
  nodeId: Map<string, number>;
  edgeKeys: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeRel: Uint8Array;
  edgeConfidence: Float64Array;
  edgeWeight: Float64Array;
  /** Per node, its out (in) edges sorted by relation code. */
  out: Csr;
  in: Csr;
  /** Per relation code, its edges. */
  byRelation: Csr;
  kindNodes: Map<string, number[]>;
  /** Per node, the index of its kind in ENTITY_KINDS. */
  nodeKind: Uint8Array;
  labels: Map<string, number[]>;
  aliases: Map<string, number[]>;
  tokens: Map<string, number[]>;
  documents: Map<string, number[]>;
  normLabels: string[];
  normAliases: string[][];
  degree: Float64Array;
  pagerank: Float64Array;
  /** Evidence and node dates, for date ranges and timelines. */
  dates: DateIndex;
  /** Nodes most connected first (compareConnected), and each node's place in that order. */
  connectedOrder: Int32Array;
  connectedRank: Int32Array;
  /** Edges strongest first (compareStrength), and each edge's place in that order, so result lists sort by number. */
  strengthOrder: Int32Array;
  strengthRank: Int32Array;
}

/**
 * Relation codes: the typed relations first, in vocabulary order, then the weak ones. Wherever a typed relation
 * sits in the vocabulary, "every typed relation" is then one range of codes, and sorting by code lists it first.
 */
const CODE_ORDER: readonly RelationType[] = [...TYPED_RELATIONS, ...RELATION_TYPES.filter((r) => !TYPED_RELATIONS.has(r))];
export const RELATION_CODE: ReadonlyMap<RelationType, number> = new Map(CODE_ORDER.map((r, i) => [r, i]));
/** Codes of the typed relations, and of every relation (typed then weak). */
export const TYPED_CODES: readonly number[] = [...TYPED_RELATIONS].map((r) => RELATION_CODE.get(r)!);
export const ALL_CODES: readonly number[] = CODE_ORDER.map((_, i) => i);
/** An edge whose relation is outside the vocabulary counts as the weak co-occurrence. */
const COOCCURRENCE_CODE = RELATION_CODE.get("co_occurs_with")!;
export const KIND_CODE: ReadonlyMap<string, number> = new Map(ENTITY_KINDS.map((k, i) => [k, i]));
export const SYMMETRIC_CODES: ReadonlySet<number> = new Set([...SYMMETRIC_RELATIONS].map((r) => RELATION_CODE.get(r)!));

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function groupBy(count: number, keyOf: Int32Array | Uint8Array, order: Iterable<number>, size: number): Csr {
  const offsets = new Int32Array(count + 1);
  for (let e = 0; e < size; e++) offsets[keyOf[e] + 1]++;
  for (let k = 0; k < count; k++) offsets[k + 1] += offsets[k];
  const fill = offsets.slice(0, count);
  const items = new Int32Array(size);
  for (const e of order) items[fill[keyOf[e]]++] = e;
  return { offsets, items };
}

/** Build every index of a graph in one pass over nodes and one over edges. */
export function buildIndex(graph: KgGraph): GraphIndex {
  const n = graph.order;
  const m = graph.size;
  const nodeKeys: string[] = new Array(n);
  const nodeId = new Map<string, number>();
  const kindNodes = new Map<string, number[]>();
  const labels = new Map<string, number[]>();
  const aliases = new Map<string, number[]>();
  const tokens = new Map<string, number[]>();
  const documents = new Map<string, number[]>();
  const normLabels: string[] = new Array(n);
  const normAliases: string[][] = new Array(n);
  const nodeKind = new Uint8Array(n);
  const degree = new Float64Array(n);
  const pagerank = new Float64Array(n);
  let i = 0;
  graph.forEachNode((key, a) => {
    nodeKeys[i] = key;
    nodeId.set(key, i);
    push(kindNodes, a.kind, i);
    nodeKind[i] = KIND_CODE.get(a.kind) ?? 0;
    const label = normaliseName(a.label);
    normLabels[i] = label;
    push(labels, label, i);
    const forms = a.aliases.map(normaliseName).filter((f) => f && f !== label);
    normAliases[i] = forms;
    for (const f of forms) push(aliases, f, i);
    for (const form of [label, ...forms]) for (const t of nameTokens(form)) push(tokens, t, i);
    for (const d of a.documents) push(documents, d, i);
    degree[i] = a.degree;
    pagerank[i] = a.pagerank;
    i++;
  });
  const edgeKeys: string[] = new Array(m);
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeRel = new Uint8Array(m);
  const edgeConfidence = new Float64Array(m);
  const edgeWeight = new Float64Array(m);
  let e = 0;
  graph.forEachEdge((key, a, source, target) => {
    edgeKeys[e] = key;
    edgeSource[e] = nodeId.get(source)!;
    edgeTarget[e] = nodeId.get(target)!;
    edgeRel[e] = RELATION_CODE.get(a.relation) ?? COOCCURRENCE_CODE;
    edgeConfidence[e] = a.confidence;
    edgeWeight[e] = a.weight;
    e++;
  });
  const byRelation = groupBy(RELATION_CODE.size, edgeRel, Array.from({ length: m }, (_, k) => k), m);
  // Filling node rows in relation order leaves each row sorted by relation, ready for binary search.
  const out = groupBy(n, edgeSource, byRelation.items, m);
  const inn = groupBy(n, edgeTarget, byRelation.items, m);
  const index: GraphIndex = {
    nodeKeys, nodeId, edgeKeys, edgeSource, edgeTarget, edgeRel, edgeConfidence, edgeWeight, out, in: inn, byRelation,
    kindNodes, nodeKind, labels, aliases, tokens, documents, normLabels, normAliases, degree, pagerank,
    dates: buildDateIndex(graph, nodeKeys, edgeKeys),
    connectedOrder: new Int32Array(0), connectedRank: new Int32Array(n), strengthOrder: new Int32Array(0), strengthRank: new Int32Array(m),
  };
  index.connectedOrder = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => compareConnected(index, a, b));
  index.connectedOrder.forEach((node, rank) => (index.connectedRank[node] = rank));
  index.strengthOrder = Int32Array.from({ length: m }, (_, k) => k).sort((a, b) => compareStrength(index, a, b));
  index.strengthOrder.forEach((edge, rank) => (index.strengthRank[edge] = rank));
  return index;
}

/** Sort edges in place by relation code, then strongest first: the order of relation lists. */
export function sortByRelationThenStrength(index: GraphIndex, edges: number[]): number[] {
  const m = index.edgeKeys.length;
  const keys = Float64Array.from(edges, (e) => index.edgeRel[e] * m + index.strengthRank[e]).sort();
  for (let i = 0; i < keys.length; i++) edges[i] = index.strengthOrder[keys[i] % m];
  return edges;
}

function lowerBound(index: GraphIndex, items: Int32Array, lo: number, hi: number, code: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.edgeRel[items[mid]] < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Relation codes as sorted, merged [first, last] ranges. */
export type CodeRanges = ReadonlyArray<readonly [number, number]>;

/** Turn a set of relation codes into ranges so a row is searched once per range, not once per relation. */
export function toRanges(codes: Iterable<number>): CodeRanges {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const c of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
  }
  return ranges;
}

/** Which way to follow edges from a node. */
export type Direction = "out" | "in" | "both";

/**
 * Visit the edges of `node` in `direction` whose relation is in `ranges`; symmetric relations are followed both ways.
 * The callback gets the edge and the node at its other end; returning false stops the walk.
 */
export function forEachIncident(
  index: GraphIndex,
  node: number,
  direction: Direction,
  ranges: CodeRanges,
  visit: (edge: number, other: number) => boolean | void,
): boolean {
  for (const side of ["out", "in"] as const) {
    const csr = index[side];
    const lo0 = csr.offsets[node];
    const hi0 = csr.offsets[node + 1];
    if (lo0 === hi0) continue;
    const ends = side === "out" ? index.edgeTarget : index.edgeSource;
    const wanted = direction === "both" || direction === side;
    for (const [first, last] of ranges) {
      let k = lowerBound(index, csr.items, lo0, hi0, first);
      const hi = lowerBound(index, csr.items, k, hi0, last + 1);
      for (; k < hi; k++) {
        const edge = csr.items[k];
        if (!wanted && !SYMMETRIC_CODES.has(index.edgeRel[edge])) continue;
        // A self-loop sits in both rows; report it once.
        if (side === "in" && index.edgeSource[edge] === node && (direction === "both" || SYMMETRIC_CODES.has(index.edgeRel[edge]))) continue;
        if (visit(edge, ends[edge]) === false) return false;
      }
    }
  }
  return true;
}

/** Order nodes most connected first: degree, then pagerank, then label, then id. */
export function compareConnected(index: GraphIndex, a: number, b: number): number {
  return (
    index.degree[b] - index.degree[a] ||
    index.pagerank[b] - index.pagerank[a] ||
    (index.normLabels[a] < index.normLabels[b] ? -1 : index.normLabels[a] > index.normLabels[b] ? 1 : 0) ||
    (index.nodeKeys[a] < index.nodeKeys[b] ? -1 : index.nodeKeys[a] > index.nodeKeys[b] ? 1 : 0)
  );
}

/** Order edges strongest first: confidence, then weight, then id. */
export function compareStrength(index: GraphIndex, a: number, b: number): number {
  return (
    index.edgeConfidence[b] - index.edgeConfidence[a] ||
    index.edgeWeight[b] - index.edgeWeight[a] ||
    (index.edgeKeys[a] < index.edgeKeys[b] ? -1 : index.edgeKeys[a] > index.edgeKeys[b] ? 1 : 0)
  );
}
