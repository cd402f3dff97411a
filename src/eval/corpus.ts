// Score many documents, each graph against its own gold file: macro and micro figures, per relation type, per extractor and rule.
import type { Gold } from "./gold.js";
import { matchGraph, prf, type Prf, type ScorableGraph, type TripleOutcome } from "./score.js";

/** One document of a gold folder with the graph built from its text alone. */
export interface CorpusDocument {
  slug: string;
  gold: Gold;
  graph: ScorableGraph;
  /** The document's text, for the evidence check. */
  text?: string;
  /** Relations whose edges are left out before scoring (what the corpus cannot express). */
  ignoreRelations?: readonly string[];
}

export type Scored = Prf & { tp: number; fp: number; fn: number };

/** A relation as the error lists show it: names of its ends, the sentence, and who stated it. */
export interface RelationError {
  source: string;
  relation: string;
  target: string;
  /** The gold evidence of a missed fact; the graph's first evidence sentence of a wrong edge. */
  evidence?: string;
  /** `extractor` or `extractor:rule` of every provenance entry of a wrong edge. */
  provenance?: string[];
  /** Labels of the edge's ends that match no gold entity (or one another node already took). */
  unaligned?: string[];
}

/**
 * Per relation type: `gold` required gold facts whose first accepted relation it is, `found` of them
 * found (by an edge of any relation they accept), `fn` the others; `tp` and `fp` what the edges of
 * this relation alone score (required facts they find, which may be of another first type; edges
 * that match no gold fact). P = tp / (tp + fp), R = found / gold.
 */
export interface RelationTypeRow extends Prf {
  relation: string;
  gold: number;
  found: number;
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Per extractor, or per (extractor, rule): what its edges score alone, as kgscore would score a graph
 * of them (an edge counts for every entry of its provenance).
 */
export interface ProvenanceRow {
  extractor: string;
  /** null for the extractor's total, or for its edges that carry no rule id (see `noRule`). */
  rule: string | null;
  /** True on a row of edges whose provenance names the extractor and no rule. */
  noRule?: boolean;
  tp: number;
  fp: number;
  /** Edges that match an optional gold fact, or a fact another of its edges already found. */
  neutral: number;
  p: number;
  /** Required gold facts that only this extractor (or rule) found. */
  only: number;
}

export interface DocumentScore {
  slug: string;
  entities: Scored;
  relations: Scored;
  evidence?: { found: number; total: number };
  /** Edges left out because their relation is in `ignoreRelations`. */
  dropped: number;
  missedEntities: string[];
  missedRelations: RelationError[];
  wrongRelations: RelationError[];
  /** Counts behind the corpus tables; summed by summariseCorpus. */
  counts: { types: Record<string, TypeCounts>; provenance: Record<string, ProvenanceCounts> };
}

interface TypeCounts {
  gold: number;
  found: number;
  tp: number;
  fp: number;
}

interface ProvenanceCounts {
  tp: number;
  fp: number;
  neutral: number;
  only: number;
}

export interface CorpusReport {
  documents: number;
  /** Every list of left-out relations used, with the number of documents and edges it applied to. */
  ignored: Array<{ relations: string[]; documents: number; edges: number }>;
  entities: { macro: Prf; micro: Scored };
  relations: { macro: Prf; micro: Scored };
  evidence?: { found: number; total: number };
  relationTypes: RelationTypeRow[];
  extractors: ProvenanceRow[];
  rules: ProvenanceRow[];
  perDocument: DocumentScore[];
}

const SEP = "\u0000";
/** Prefix of a relation type's row among the per-document tallies (no extractor name holds it). */
const TYPE = "\u0001";

/** Score one document's graph against its gold, keeping what the corpus tables and error lists need. */
export function scoreDocument(doc: CorpusDocument): DocumentScore {
  const ignore = new Set(doc.ignoreRelations ?? []);
  const allEdges = doc.graph.edges ?? [];
  const edges = allEdges.filter((e) => !ignore.has(e.attributes?.relation as string));
  const graph = { nodes: doc.graph.nodes, edges };
  const { report, triples, missed } = matchGraph(doc.gold, graph, doc.text === undefined ? [] : [doc.text]);
  const goldName = new Map(doc.gold.entities.map((g) => [g.id, g.name]));
  const label = new Map((doc.graph.nodes ?? []).map((n) => [n.key, String(n.attributes?.label ?? n.key)]));

  // each row scores its own edges as kgscore would score a graph of them alone: tp the required facts
  // they find, fp the edges that match no gold fact, neutral the rest (optional facts, repeats)
  const types: Record<string, TypeCounts> = {};
  const type = (r: string) => (types[r] ??= { gold: 0, found: 0, tp: 0, fp: 0 });
  const found = new Set(triples.filter((t) => t.outcome === "tp").map((t) => t.gold!));
  for (const [i, g] of doc.gold.relations.entries()) {
    if (!g.required) continue;
    type(g.relation[0]).gold++;
    if (found.has(i)) type(g.relation[0]).found++;
  }
  const finds = (t: TripleOutcome) => t.gold !== undefined && doc.gold.relations[t.gold].required;
  const rows = new Map<string, { facts: Set<number>; fp: number; triples: number }>();
  const count = (row: string, t: TripleOutcome) => {
    const r = rows.get(row) ?? rows.set(row, { facts: new Set(), fp: 0, triples: 0 }).get(row)!;
    r.triples++;
    if (t.outcome === "fp") r.fp++;
    else if (finds(t)) r.facts.add(t.gold!);
  };
  const keysOf = (t: TripleOutcome) => provenanceKeys(t.edges.map((i) => edges[i]));
  const supporters = new Map<number, Set<string>>();
  for (const t of triples) {
    const keys = keysOf(t);
    count(`${TYPE}${t.relation}`, t);
    for (const k of keys) count(k, t);
    for (const x of extractorsOf(keys)) count(x, t);
    if (t.gold !== undefined && found.has(t.gold)) {
      const s = supporters.get(t.gold) ?? new Set<string>();
      for (const k of keys) s.add(k);
      supporters.set(t.gold, s);
    }
  }
  const provenance: Record<string, ProvenanceCounts> = {};
  const prov = (k: string) => (provenance[k] ??= { tp: 0, fp: 0, neutral: 0, only: 0 });
  for (const [row, r] of rows) {
    const tp = r.facts.size;
    if (row.startsWith(TYPE)) {
      const t = type(row.slice(TYPE.length));
      t.tp += tp;
      t.fp += r.fp;
    } else Object.assign(prov(row), { tp, fp: r.fp, neutral: r.triples - tp - r.fp });
  }
  for (const keys of supporters.values()) {
    if (keys.size === 1) prov([...keys][0]).only++;
    const extractors = extractorsOf(keys);
    if (extractors.length === 1) prov(extractors[0]).only++;
  }

  const end = (s: string, key: string) => (s.startsWith("?") ? label.get(key) ?? s.slice(1) : goldName.get(s) ?? s);
  const wrongRelations = triples
    .filter((t) => t.outcome === "fp")
    .map((t): RelationError => {
      const e = edges[t.edges[0]];
      const ev = (e.attributes?.evidence as Array<{ text?: string }> | undefined)?.[0]?.text;
      const unaligned = [
        ...(t.source.startsWith("?") ? [end(t.source, e.source)] : []),
        ...(t.target.startsWith("?") ? [end(t.target, e.target)] : []),
      ];
      return {
        source: end(t.source, e.source),
        relation: t.relation,
        target: end(t.target, e.target),
        ...(ev ? { evidence: ev } : {}),
        provenance: [...keysOf(t)].map(displayKey),
        ...(unaligned.length ? { unaligned } : {}),
      };
    });
  const missedRelations = missed.map((i): RelationError => {
    const g = doc.gold.relations[i];
    return { source: goldName.get(g.source) ?? g.source, relation: g.relation[0], target: goldName.get(g.target) ?? g.target, ...(g.evidence ? { evidence: g.evidence } : {}) };
  });
  return {
    slug: doc.slug,
    entities: report.entities,
    relations: report.relations,
    ...(report.evidence ? { evidence: report.evidence } : {}),
    dropped: allEdges.length - edges.length,
    missedEntities: report.missedEntities.map((id) => goldName.get(id) ?? id),
    missedRelations,
    wrongRelations,
    counts: { types, provenance },
  };
}

/** The distinct `extractor\0rule` keys of the edges' provenance (rule empty where there is none). */
function provenanceKeys(edges: ReadonlyArray<{ attributes?: Record<string, unknown> }>): Set<string> {
  const keys = new Set<string>();
  for (const e of edges) {
    const list = (e.attributes?.provenance as Array<{ extractor?: string; rule?: string }> | undefined) ?? [];
    if (list.length === 0) keys.add(`unknown${SEP}`);
    for (const p of list) keys.add(`${p.extractor ?? "unknown"}${SEP}${p.rule ?? ""}`);
  }
  return keys;
}

/** Extractor totals are keyed by the bare extractor name (no separator), so they never collide with rule keys. */
function extractorsOf(keys: Iterable<string>): string[] {
  return [...new Set([...keys].map((k) => k.slice(0, k.indexOf(SEP))))];
}

const displayKey = (k: string) => {
  const [x, rule] = k.split(SEP);
  return rule ? `${x}:${rule}` : x;
};

/** Macro (mean over documents) and micro (summed counts) figures, and the per-type and per-rule tables. */
export function summariseCorpus(docs: readonly DocumentScore[], ignored: CorpusReport["ignored"] = []): CorpusReport {
  const n = docs.length;
  const macro = (pick: (d: DocumentScore) => Prf): Prf => ({
    p: n ? docs.reduce((a, d) => a + pick(d).p, 0) / n : 0,
    r: n ? docs.reduce((a, d) => a + pick(d).r, 0) / n : 0,
    f1: n ? docs.reduce((a, d) => a + pick(d).f1, 0) / n : 0,
  });
  const micro = (pick: (d: DocumentScore) => Scored): Scored => {
    const tp = docs.reduce((a, d) => a + pick(d).tp, 0);
    const fp = docs.reduce((a, d) => a + pick(d).fp, 0);
    const fn = docs.reduce((a, d) => a + pick(d).fn, 0);
    return { ...prf(tp, fp, fn), tp, fp, fn };
  };
  const types = new Map<string, TypeCounts>();
  const provenance = new Map<string, ProvenanceCounts>();
  for (const d of docs) {
    for (const [k, c] of Object.entries(d.counts.types)) add(types, k, c);
    for (const [k, c] of Object.entries(d.counts.provenance)) add(provenance, k, c);
  }
  const relationTypes = [...types.entries()]
    .filter(([, c]) => c.gold || c.tp || c.fp)
    .map(([relation, c]): RelationTypeRow => {
      const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
      const r = c.gold ? c.found / c.gold : 0;
      return { relation, gold: c.gold, found: c.found, tp: c.tp, fp: c.fp, fn: c.gold - c.found, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
    })
    .sort((a, b) => b.gold - a.gold || b.tp + b.fp - (a.tp + a.fp) || cmp(a.relation, b.relation));
  const row = (k: string, c: ProvenanceCounts): ProvenanceRow => {
    const i = k.indexOf(SEP);
    const extractor = i < 0 ? k : k.slice(0, i);
    const rule = i < 0 ? null : k.slice(i + 1) || null;
    return { extractor, rule, ...(i >= 0 && !rule ? { noRule: true } : {}), ...c, p: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0 };
  };
  const rows = [...provenance.entries()].map(([k, c]) => row(k, c));
  const evidenceDocs = docs.filter((d) => d.evidence);
  const evidence = evidenceDocs.length
    ? { found: evidenceDocs.reduce((a, d) => a + d.evidence!.found, 0), total: evidenceDocs.reduce((a, d) => a + d.evidence!.total, 0) }
    : undefined;
  return {
    documents: n,
    ignored,
    entities: { macro: macro((d) => d.entities), micro: micro((d) => d.entities) },
    relations: { macro: macro((d) => d.relations), micro: micro((d) => d.relations) },
    ...(evidence ? { evidence } : {}),
    relationTypes,
    extractors: rows.filter((r) => r.rule === null && !r.noRule).sort((a, b) => b.tp + b.fp - (a.tp + a.fp) || cmp(a.extractor, b.extractor)),
    // the worst first: lowest precision, then most errors
    rules: rows
      .filter((r) => r.rule !== null || r.noRule)
      .sort((a, b) => a.p - b.p || b.fp - a.fp || cmp(a.extractor, b.extractor) || cmp(a.rule ?? "", b.rule ?? "")),
    perDocument: [...docs],
  };
}

function add<T extends object>(into: Map<string, T>, key: string, c: T): void {
  const known = into.get(key);
  if (!known) into.set(key, { ...c });
  else for (const f of Object.keys(c) as Array<keyof T>) (known[f] as number) += c[f] as number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
