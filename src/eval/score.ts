// Score a graph JSON against a gold file by the rules of the project's reference scorer (kgscore.py).
import type { Gold } from "./gold.js";

const SYMMETRIC = new Set(["sibling_of", "spouse_of", "allied_with", "at_war_with", "met_with", "relative_of"]);
const IGNORED_RELATIONS = new Set(["co_occurs_with", "mentioned_with", "mentions", "cooccurs_with", "co_occurrence"]);
const IGNORED_KINDS = new Set(["document", "source"]);

/** The fields of a graph JSON the scorer reads; anything else is ignored. */
export interface ScorableGraph {
  nodes?: Array<{ key: string; attributes?: Record<string, unknown> }>;
  edges?: Array<{ source: string; target: string; attributes?: Record<string, unknown> }>;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export interface EvalReport {
  entities: Prf & { tp: number; fp: number; fn: number };
  entitiesUntyped: Prf;
  relations: Prf & { tp: number; fp: number; fn: number };
  relationPairs: Prf;
  evidence?: { found: number; total: number };
  missedEntities: string[];
  wrongKind: string[];
  duplicates: string[];
  spurious: string[];
  missedRelations: string[];
  wrongRelations: string[];
}

/** Normalise a name as the reference scorer does: NFKC, lower case, dashes to spaces, no "the", no "'s". */
export function normName(s: string): string {
  let t = (s ?? "").normalize("NFKC").toLowerCase();
  t = t.replace(/[\u2019\u2018]/g, "'");
  t = t.replace(/[\u2010-\u2015\-_]+/g, " ");
  t = t.trim().replace(/'s$/, "");
  t = t.replace(/^the /, "");
  t = t.replace(/[^\p{L}\p{N}_' ]+/gu, " ");
  return t.replace(/\s+/g, " ").trim();
}

/** Precision, recall and F1 of counts; 0 where a ratio has no denominator, as the reference scorer. */
export function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const collapse = (s: string) => s.replace(/\s+/g, " ");

/** What became of one distinct predicted (source, relation, target), in the scorer's order. */
export interface TripleOutcome {
  /** Gold entity ids, or `?` + the node key where the node matches no gold entity (or only a taken one). */
  source: string;
  relation: string;
  target: string;
  /** tp: found a required fact; fp: matches no gold fact; neutral: an optional fact, or a fact already found. */
  outcome: "tp" | "fp" | "neutral";
  /** Index of the gold relation it matched. */
  gold?: number;
  /** Indices into `graph.edges` of the edges that state it. */
  edges: number[];
}

/** The report together with the alignment and the fate of every predicted relation. */
export interface GraphMatch {
  report: EvalReport;
  /** Node key to the gold entity id it was aligned with. */
  nodeToGold: Map<string, string>;
  triples: TripleOutcome[];
  /** Indices of the required gold relations no predicted relation found. */
  missed: number[];
}

/** Score `graph` against `gold`; `sources` (document texts) enable the evidence check. */
export function scoreGraph(gold: Gold, graph: ScorableGraph, sources: readonly string[] = []): EvalReport {
  return matchGraph(gold, graph, sources).report;
}

/** Score `graph` against `gold` as scoreGraph does, and say which edge found or missed what. */
export function matchGraph(gold: Gold, graph: ScorableGraph, sources: readonly string[] = []): GraphMatch {
  const srcs = sources.map(collapse);
  const byName = new Map<string, string[]>();
  for (const g of gold.entities) {
    for (const n of [g.name, ...g.aliases]) {
      const k = normName(n);
      const list = byName.get(k) ?? [];
      list.push(g.id);
      byName.set(k, list);
    }
  }
  const gkind = new Map(gold.entities.map((g) => [g.id, new Set(g.kind)]));
  const greq = new Map(gold.entities.map((g) => [g.id, g.required]));
  const attrs = (n: { attributes?: Record<string, unknown> }) => n.attributes ?? {};
  const labelOf = (n: { key: string; attributes?: Record<string, unknown> }) => (attrs(n).label as string) || n.key;
  const nodes = (graph.nodes ?? []).filter((n) => !IGNORED_KINDS.has(attrs(n).kind as string));
  const names = (n: { key: string; attributes?: Record<string, unknown> }) => {
    const out = [labelOf(n)];
    for (const a of (attrs(n).aliases as unknown[]) ?? []) out.push(typeof a === "string" ? a : String((a as { text?: string })?.text ?? ""));
    return out.filter((x) => x).map(normName);
  };
  // a node goes to the gold entity named by its label first, then by an alias
  const node2gold = new Map<string, string | { dup: string }>();
  const claimed = new Map<string, string>();
  const ordered = nodes
    .map((n, i) => ({ n, i, first: byName.has(normName(labelOf(n))) ? 0 : 1 }))
    .sort((a, b) => a.first - b.first || a.i - b.i)
    .map((x) => x.n);
  for (const n of ordered) {
    const cands: string[] = [];
    for (const nm of names(n)) for (const gid of byName.get(nm) ?? []) if (!cands.includes(gid)) cands.push(gid);
    const free = cands.filter((c) => !claimed.has(c));
    if (free.length) {
      node2gold.set(n.key, free[0]);
      claimed.set(free[0], n.key);
    } else if (cands.length) node2gold.set(n.key, { dup: cands[0] });
  }
  let tp = 0, fp = 0, tpu = 0, fpu = 0;
  const wrongKind: string[] = [], spurious: string[] = [], duplicates: string[] = [];
  for (const n of nodes) {
    const m = node2gold.get(n.key);
    const label = labelOf(n);
    if (m === undefined) {
      fp++; fpu++; spurious.push(label);
    } else if (typeof m !== "string") {
      fp++; fpu++; duplicates.push(`${label} (again ${m.dup})`);
    } else if (!greq.get(m)) continue;
    else {
      tpu++;
      if (gkind.get(m)!.has(attrs(n).kind as string)) tp++;
      else {
        fp++;
        wrongKind.push(`${attrs(n).label}: ${attrs(n).kind} not [${[...gkind.get(m)!].sort().map((k) => `'${k}'`).join(", ")}]`);
      }
    }
  }
  const req = gold.entities.filter((g) => g.required).map((g) => g.id);
  const missedEntities = req.filter((g) => !claimed.has(g));
  const fn = req.length - tp;

  // relations
  const pred = new Map<string, number[]>();
  let evidOk = 0, evidAll = 0;
  for (const [index, e] of (graph.edges ?? []).entries()) {
    const a = attrs(e);
    const r = a.relation as string | undefined;
    if (!r || IGNORED_RELATIONS.has(r)) continue;
    evidAll++;
    const ev = (a.evidence as unknown[]) ?? [];
    const texts = ev.map((x) => (x && typeof x === "object" ? String((x as { text?: string }).text ?? "") : String(x)));
    if (texts.length && srcs.length && texts.filter((t) => t).every((t) => srcs.some((s) => s.includes(collapse(t).trim())))) evidOk++;
    const s0 = node2gold.get(e.source), t0 = node2gold.get(e.target);
    const s = typeof s0 === "string" ? s0 : `?${e.source}`;
    const t = typeof t0 === "string" ? t0 : `?${e.target}`;
    const key = JSON.stringify([s, r, t]);
    pred.set(key, [...(pred.get(key) ?? []), index]);
  }
  let rtp = 0, rfp = 0;
  const matched = new Set<number>();
  const wrongRelations: string[] = [];
  const triples = [...pred.keys()].map((p) => JSON.parse(p) as [string, string, string]).sort(cmpTriple);
  const outcomes: TripleOutcome[] = [];
  for (const [s, r, t] of triples) {
    const hit = gold.relations.findIndex((g) => {
      const same = g.source === s && g.target === t;
      const rev = g.source === t && g.target === s && SYMMETRIC.has(r);
      return (same || rev) && g.relation.includes(r);
    });
    const edges = pred.get(JSON.stringify([s, r, t]))!;
    if (hit < 0) {
      rfp++;
      wrongRelations.push(`${s} -${r}-> ${t}`);
      outcomes.push({ source: s, relation: r, target: t, outcome: "fp", edges });
    } else if (gold.relations[hit].required && !matched.has(hit)) {
      rtp++;
      matched.add(hit);
      outcomes.push({ source: s, relation: r, target: t, outcome: "tp", gold: hit, edges });
    } else outcomes.push({ source: s, relation: r, target: t, outcome: "neutral", gold: hit, edges });
  }
  const rfn = gold.relations.filter((g, i) => g.required && !matched.has(i)).length;
  const pairKey = (a: string, b: string) => JSON.stringify([a, b].sort());
  const upairs = new Set(gold.relations.filter((g) => g.required).map((g) => pairKey(g.source, g.target)));
  const optPairs = new Set(gold.relations.map((g) => pairKey(g.source, g.target)));
  const ppairs = new Set(triples.map(([s, , t]) => pairKey(s, t)));
  const utp = [...upairs].filter((p) => ppairs.has(p)).length;
  const ufp = [...ppairs].filter((p) => !optPairs.has(p)).length;
  const report: EvalReport = {
    entities: { ...prf(tp, fp, fn), tp, fp, fn },
    entitiesUntyped: prf(tpu, fpu, missedEntities.length),
    relations: { ...prf(rtp, rfp, rfn), tp: rtp, fp: rfp, fn: rfn },
    relationPairs: prf(utp, ufp, upairs.size - utp),
    ...(srcs.length ? { evidence: { found: evidOk, total: evidAll } } : {}),
    missedEntities,
    wrongKind,
    duplicates,
    spurious,
    missedRelations: gold.relations
      .map((g, i) => ({ g, i }))
      .filter(({ g, i }) => g.required && !matched.has(i))
      .map(({ g }) => `${g.source} -${g.relation[0]}-> ${g.target}`),
    wrongRelations,
  };
  const aligned = new Map<string, string>();
  for (const [k, v] of node2gold) if (typeof v === "string") aligned.set(k, v);
  const missed = gold.relations.flatMap((g, i) => (g.required && !matched.has(i) ? [i] : []));
  return { report, nodeToGold: aligned, triples: outcomes, missed };
}

/** Python's tuple order over (source, relation, target), by code point. */
function cmpTriple(a: [string, string, string], b: [string, string, string]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/**
 * `x` with `digits` decimals as Python's format() writes it: like toFixed, except that an exact tie
 * goes to the even digit (13/16 is "0.812" there, "0.813" with toFixed).
 */
export function toFixedEven(x: number, digits: number): string {
  const s = x.toFixed(digits);
  const exact = x.toFixed(Math.min(digits + 25, 100));
  if (!/^50*$/.test(exact.slice(exact.indexOf(".") + 1 + digits))) return s;
  // a tie is a short binary fraction, so scaling it by a small power of ten is exact
  const lower = Math.floor(Math.abs(x) * 10 ** digits);
  const even = lower % 2 === 0 ? lower : lower + 1;
  return (x < 0 ? "-" : "") + (even / 10 ** digits).toFixed(digits);
}

/** The report as the reference scorer prints it, line for line. */
export function formatReport(r: EvalReport): string {
  const f = (x: number) => toFixedEven(x, 3);
  const lines = [
    `entities  typed   P=${f(r.entities.p)} R=${f(r.entities.r)} F1=${f(r.entities.f1)}  (tp=${r.entities.tp} fp=${r.entities.fp} fn=${r.entities.fn})`,
    `entities  untyped P=${f(r.entitiesUntyped.p)} R=${f(r.entitiesUntyped.r)} F1=${f(r.entitiesUntyped.f1)}`,
    `relations typed   P=${f(r.relations.p)} R=${f(r.relations.r)} F1=${f(r.relations.f1)}  (tp=${r.relations.tp} fp=${r.relations.fp} fn=${r.relations.fn})`,
    `relations pairs   P=${f(r.relationPairs.p)} R=${f(r.relationPairs.r)} F1=${f(r.relationPairs.f1)}`,
  ];
  if (r.evidence) lines.push(`evidence found in source: ${r.evidence.found}/${r.evidence.total}`);
  if (r.missedEntities.length) lines.push(`missed entities: ${r.missedEntities.join(", ")}`);
  if (r.wrongKind.length) lines.push(`wrong kind: ${r.wrongKind.join("; ")}`);
  if (r.duplicates.length) lines.push(`duplicates: ${r.duplicates.slice(0, 20).join("; ")}`);
  if (r.spurious.length) lines.push(`spurious entities: ${r.spurious.slice(0, 40).join("; ")}`);
  if (r.missedRelations.length) lines.push(`missed relations: ${r.missedRelations.join("; ")}`);
  if (r.wrongRelations.length) lines.push(`wrong relations: ${r.wrongRelations.slice(0, 40).join("; ")}`);
  const ev = r.evidence ? ` evidence=${r.evidence.found}/${r.evidence.total}` : "";
  lines.push(`SUMMARY entityF1=${f(r.entities.f1)} relationF1=${f(r.relations.f1)}${ev}`);
  return lines.join("\n") + "\n";
}
