// The typed GEXF attribute columns of kgraph nodes and edges, and how each value is flattened to one string.
import type { Evidence } from "../schema/index.js";
import { escapeXmlAttribute, formatNumber } from "./xml.js";

/** GEXF attribute types kgraph declares. */
export type GexfAttributeType = "string" | "integer" | "double";

/** One declared `<attribute>`: its id (also its title) and how to turn an attribute value into text. */
export interface GexfColumn {
  id: string;
  type: GexfAttributeType;
  /** The attvalue text, or undefined when the value is absent (the attvalue is then left out). */
  format(value: unknown): string | undefined;
  /** The same text escaped for an XML attribute, where a column can make it faster than format then escape. */
  formatXml?(value: unknown): string | undefined;
}

/** Separator of list items (aliases, documents, items) in GEXF strings; the JSON keeps real arrays. */
export const LIST_SEPARATOR = "|";
/** Separator of evidence entries in the flattened `evidence` string. */
export const EVIDENCE_SEPARATOR = "\n";

const NEWLINES = /[\r\n]+/g;

function formatString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

function formatList(value: unknown): string | undefined {
  if (!Array.isArray(value)) return formatString(value);
  return value.length === 0 ? undefined : value.join(LIST_SEPARATOR);
}

function formatInteger(value: unknown): string | undefined {
  // Gephi and networkx read `integer` with a strict integer parser: no `2.5`, no `1e+21`.
  return typeof value === "number" && Number.isSafeInteger(value) ? String(value) : undefined;
}

function formatDouble(value: unknown): string | undefined {
  return typeof value === "number" ? formatNumber(value) : undefined;
}

/**
 * Evidence as text: one entry per line, each `doc#sentence: text`. Line breaks inside a sentence
 * become spaces so that a line is always exactly one piece of evidence; the JSON keeps the verbatim
 * text and the character offsets.
 */
export function flattenEvidence(value: unknown): string | undefined {
  return evidenceText(value, String, EVIDENCE_SEPARATOR);
}

/**
 * flattenEvidence's text escaped for an XML attribute (the line breaks between entries as `&#10;`),
 * escaping each document id, sentence and text on its own rather than the joined text: the same
 * characters, without building and scanning the joined string first.
 */
export function evidenceXml(value: unknown): string | undefined {
  return evidenceText(value, escapeXmlAttribute, "&#10;");
}

/** The evidence entries as `doc#sentence: text`, each part passed through `out`, joined by `separator`. */
function evidenceText(value: unknown, out: (s: string) => string, separator: string): string | undefined {
  if (!Array.isArray(value)) {
    const s = formatString(value);
    return s === undefined ? undefined : out(s);
  }
  if (value.length === 0) return undefined;
  let text = "";
  for (let i = 0; i < value.length; i++) {
    const e = value[i] as Partial<Evidence>;
    let sentence = typeof e.text === "string" ? e.text : "";
    if (LINE_BREAK.test(sentence)) sentence = sentence.replace(NEWLINES, " ");
    text += `${i ? separator : ""}${out(String(e.doc ?? "?"))}#${out(String(e.sentence ?? "?"))}: ${out(sentence)}`;
  }
  return text;
}

const LINE_BREAK = /[\r\n]/;

/** Provenance entries as `extractor:rule score`, joined by `; ` ("rules:leader_of/title-name 0.90; classifier 0.83"). */
export function formatProvenance(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value
    .map((p: { extractor?: unknown; rule?: unknown; score?: unknown }) => `${String(p.extractor ?? "?")}${p.rule ? `:${String(p.rule)}` : ""} ${Number(p.score ?? 0).toFixed(2)}`)
    .join("; ");
}

const string = (id: string): GexfColumn => ({ id, type: "string", format: formatString });
const list = (id: string): GexfColumn => ({ id, type: "string", format: formatList });
const integer = (id: string): GexfColumn => ({ id, type: "integer", format: formatInteger });
const double = (id: string): GexfColumn => ({ id, type: "double", format: formatDouble });

/** Node columns, in the order they are declared and written. label, x, y, size, color go to GEXF's own fields. */
export const NODE_COLUMNS: readonly GexfColumn[] = [
  string("kind"),
  list("aliases"),
  integer("mentions"),
  list("documents"),
  double("pagerank"),
  integer("degree"),
  integer("community"),
];

/**
 * Edge columns, in the order they are declared and written. `weight` is both the edge's GEXF weight
 * and a column, so readers that ignore the weight attribute still see it; label, size, color go to
 * GEXF's own fields.
 */
export const EDGE_COLUMNS: readonly GexfColumn[] = [
  string("relation"),
  string("role"),
  double("quantity"),
  list("items"),
  string("date"),
  { id: "evidence", type: "string", format: flattenEvidence, formatXml: evidenceXml },
  double("confidence"),
  { id: "provenance", type: "string", format: formatProvenance },
  double("weight"),
];
