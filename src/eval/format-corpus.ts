// The corpus report as text: macro and micro figures, then the per-type and per-rule tables, then (optionally) each document's errors.
import type { CorpusReport, DocumentScore, ProvenanceRow, RelationError } from "./corpus.js";
import { toFixedEven, type Prf } from "./score.js";

export interface CorpusFormatOptions {
  /** List each document's missed and wrong relations with their sentences. */
  errors?: boolean;
}

const f = (x: number) => toFixedEven(x, 3);
const pad = (s: string | number, w: number) => String(s).padStart(w);
const padEnd = (s: string, w: number) => (s.length >= w ? s : s + " ".repeat(w - s.length));

/** Print a corpus report; the figures have three decimals, as the reference scorer prints them. */
export function formatCorpusReport(r: CorpusReport, options: CorpusFormatOptions = {}): string {
  const lines: string[] = [];
  lines.push(`${r.documents} document${r.documents === 1 ? "" : "s"}, each graph built from its text alone and scored against its gold file`);
  for (const x of r.ignored) {
    if (x.relations.length === 0) continue;
    lines.push(
      `left out before scoring: ${x.edges} edge${x.edges === 1 ? "" : "s"} of ${x.relations.join(", ")} ` +
        `(relations the corpus cannot express; ${x.documents} document${x.documents === 1 ? "" : "s"})`,
    );
  }
  lines.push("");
  lines.push(`${padEnd("", 16)}${pad("P", 7)}${pad("R", 7)}${pad("F1", 7)}${pad("tp", 7)}${pad("fp", 7)}${pad("fn", 7)}`);
  const macroLine = (name: string, x: Prf) => `${padEnd(name, 16)}${pad(f(x.p), 7)}${pad(f(x.r), 7)}${pad(f(x.f1), 7)}`;
  const microLine = (name: string, x: CorpusReport["entities"]["micro"]) => `${macroLine(name, x)}${pad(x.tp, 7)}${pad(x.fp, 7)}${pad(x.fn, 7)}`;
  lines.push(macroLine("entities  macro", r.entities.macro));
  lines.push(microLine("entities  micro", r.entities.micro));
  lines.push(macroLine("relations macro", r.relations.macro));
  lines.push(microLine("relations micro", r.relations.micro));
  if (r.evidence) lines.push(`evidence found in source: ${r.evidence.found}/${r.evidence.total}`);

  lines.push("");
  lines.push("per relation type (gold, found, fn: required gold facts whose first accepted relation it is; tp, fp: its edges scored alone)");
  lines.push(`${padEnd("relation", 20)}${pad("gold", 6)}${pad("found", 7)}${pad("fn", 6)}${pad("tp", 6)}${pad("fp", 6)}${pad("P", 7)}${pad("R", 7)}${pad("F1", 7)}`);
  for (const t of r.relationTypes) {
    // with no gold fact of the type there is no recall (nor F1); with no edge, no precision
    const p = t.tp + t.fp ? f(t.p) : "-", rec = t.gold ? f(t.r) : "-", f1 = t.gold && t.tp + t.fp ? f(t.f1) : "-";
    lines.push(`${padEnd(t.relation, 20)}${pad(t.gold, 6)}${pad(t.found, 7)}${pad(t.fn, 6)}${pad(t.tp, 6)}${pad(t.fp, 6)}${pad(p, 7)}${pad(rec, 7)}${pad(f1, 7)}`);
  }

  const table = (title: string, rows: ProvenanceRow[], name: (x: ProvenanceRow) => string) => {
    lines.push("");
    lines.push(title);
    const w = Math.max(24, ...rows.map((x) => name(x).length + 2));
    lines.push(`${padEnd(title.startsWith("per rule") ? "rule" : "extractor", w)}${pad("tp", 6)}${pad("fp", 6)}${pad("neutral", 9)}${pad("P", 7)}${pad("only", 6)}`);
    for (const x of rows) lines.push(`${padEnd(name(x), w)}${pad(x.tp, 6)}${pad(x.fp, 6)}${pad(x.neutral, 9)}${pad(f(x.p), 7)}${pad(x.only, 6)}`);
  };
  table("per extractor, its edges scored alone (neutral: on optional or repeated facts; only: facts no other extractor found)", r.extractors, (x) => x.extractor);
  table("per rule, its edges scored alone, lowest precision first (only: facts no other rule found)", r.rules, (x) =>
    x.rule ? `${x.extractor}:${x.rule}` : `${x.extractor} (no rule id)`,
  );
  if (options.errors) for (const d of r.perDocument) lines.push("", ...documentErrors(d));
  return lines.join("\n") + "\n";
}

/** One document's figures and error lists. */
export function documentErrors(d: DocumentScore): string[] {
  const e = d.entities, r = d.relations;
  const lines = [
    `== ${d.slug}: entity P=${f(e.p)} R=${f(e.r)} F1=${f(e.f1)} | relation P=${f(r.p)} R=${f(r.r)} F1=${f(r.f1)} (tp=${r.tp} fp=${r.fp} fn=${r.fn})`,
  ];
  if (d.missedEntities.length) lines.push(`  missed entities: ${d.missedEntities.join("; ")}`);
  const rel = (x: RelationError) => `${x.source} -${x.relation}-> ${x.target}`;
  for (const x of d.missedRelations) {
    lines.push(`  missed ${rel(x)}`);
    if (x.evidence) lines.push(`      "${oneLine(x.evidence)}"`);
  }
  for (const x of d.wrongRelations) {
    const by = x.provenance?.length ? `  [${x.provenance.join(", ")}]` : "";
    const un = x.unaligned?.length ? `  (no gold entity: ${x.unaligned.join("; ")})` : "";
    lines.push(`  wrong  ${rel(x)}${by}${un}`);
    if (x.evidence) lines.push(`      "${oneLine(x.evidence)}"`);
  }
  return lines;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
