// GEXF 1.3 (or 1.2draft) writer for kgraph graphs: typed attribute columns, viz colour/size/position, streamed in chunks.
import type { AbstractGraph, Attributes } from "graphology-types";
import type { GraphAttributes } from "../schema/index.js";
import { EDGE_COLUMNS, NODE_COLUMNS, type GexfColumn } from "./gexf-columns.js";
import { escapeXmlAttribute as attr, escapeXmlText as text, formatNumber } from "./xml.js";

/** GEXF versions the writer produces. */
export type GexfVersion = "1.3" | "1.2draft";

export interface GexfOptions {
  /** `1.3` (default; Gephi 0.10+) or `1.2draft` (networkx, older Gephi). */
  version?: GexfVersion;
  /** Approximate size in characters of each chunk gexfChunks yields. */
  chunkSize?: number;
}

export const GEXF_DEFAULTS: Required<GexfOptions> = {
  version: "1.3",
  chunkSize: 1 << 14,
};

/** Namespaces and version attribute of each version, as in the official schemas (test/fixtures/gexf-schema). */
const HEADERS: Readonly<Record<GexfVersion, string>> = {
  "1.3": '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
  "1.2draft": '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
};

const HEX_COLOR = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** Any graphology graph; kgraph's attributes (schema/graph-json.ts) are read where present. */
type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

/**
 * Stream a graph as GEXF, in chunks of about `chunkSize` characters, for writeFileAtomic.
 *
 * Output is a pure function of the graph: nodes and edges in graph order, columns in declared
 * order, no clock. Mapping (docs/export.md has the full table):
 * - node `label` → `label`; `color` → `<viz:color r g b>`; `size` → `<viz:size>`; `x`, `y` → `<viz:position z="0.0">`;
 * - node and edge `firstDate`, `lastDate` → `start`, `end`, in a `mode="dynamic" timeformat="date"` graph when any is dated;
 * - edge `label` and `weight` → the edge's attributes; `size` (else `weight`) → `<viz:thickness>`; `color` → `<viz:color>`;
 * - the other attributes → typed columns (gexf-columns.ts); lists are joined with `|`, evidence one `doc#sentence: text` per line;
 * - absent values (undefined, null, empty lists, NaN, ±Infinity) → no attvalue / no viz element;
 * - graph attributes → `<meta>`: `generator` is the creator, name, sources and createdFrom the description;
 * - characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) are dropped.
 * @throws nothing for a well-formed graphology graph; iteration errors of graphology pass through.
 */
export function* gexfChunks(graph: AnyGraph, options: GexfOptions = {}): Generator<string, void, undefined> {
  const { version, chunkSize } = { ...GEXF_DEFAULTS, ...options };
  const g = graph.getAttributes() as Partial<GraphAttributes>;

  let out = `<?xml version="1.0" encoding="UTF-8"?>\n${HEADERS[version]}\n${metaXml(g)}`;
  // Dated graphs are dynamic, so Gephi's timeline plays them; undated ones stay exactly as they were.
  const dynamic = hasDates(graph);
  out += `  <graph defaultedgetype="directed" mode="${dynamic ? 'dynamic" timeformat="date' : "static"}">\n`;
  out += columnsXml("node", NODE_COLUMNS) + columnsXml("edge", EDGE_COLUMNS);

  out += `    <nodes count="${graph.order}">\n`;
  const colours = new Map<unknown, string>();
  for (const { node, attributes: a } of graph.nodeEntries()) {
    out += `      <node id="${attr(node)}"${typeof a.label === "string" ? ` label="${attr(a.label)}"` : ""}${dynamic ? spanXml(a) : ""}>\n`;
    out += attvaluesXml(NODE_COLUMNS, a);
    out += colourXml(colours, a.color);
    const size = vizNumber(a.size);
    if (size !== undefined) out += `        <viz:size value="${size}"/>\n`;
    const x = typeof a.x === "number" ? formatNumber(a.x) : undefined;
    const y = typeof a.y === "number" ? formatNumber(a.y) : undefined;
    if (x !== undefined && y !== undefined) out += `        <viz:position x="${x}" y="${y}" z="0.0"/>\n`;
    out += `      </node>\n`;
    if (out.length >= chunkSize) {
      yield out;
      out = "";
    }
  }
  out += `    </nodes>\n    <edges count="${graph.size}">\n`;

  for (const { edge, attributes: a, source, target, undirected } of graph.edgeEntries()) {
    out += `      <edge id="${attr(edge)}"${undirected ? ' type="undirected"' : ""} source="${attr(source)}" target="${attr(target)}"`;
    if (typeof a.label === "string") out += ` label="${attr(a.label)}"`;
    const weight = typeof a.weight === "number" ? formatNumber(a.weight) : undefined;
    if (weight !== undefined) out += ` weight="${weight}"`;
    out += `${dynamic ? spanXml(a) : ""}>\n`;
    out += attvaluesXml(EDGE_COLUMNS, a);
    out += colourXml(colours, a.color);
    const thickness = vizNumber(a.size) ?? (typeof a.weight === "number" && a.weight >= 0 ? weight : undefined);
    if (thickness !== undefined) out += `        <viz:thickness value="${thickness}"/>\n`;
    out += `      </edge>\n`;
    if (out.length >= chunkSize) {
      yield out;
      out = "";
    }
  }
  yield `${out}    </edges>\n  </graph>\n</gexf>\n`;
}

/**
 * The whole GEXF document as one string; for large graphs stream gexfChunks into a file instead.
 * @throws RangeError when the document exceeds the engine's maximum string length (about 512 MB in V8).
 */
export function toGexf(graph: AnyGraph, options: GexfOptions = {}): string {
  let s = "";
  for (const chunk of gexfChunks(graph, options)) s += chunk;
  return s;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True when some node or edge has a `firstDate` or `lastDate` day. */
function hasDates(graph: AnyGraph): boolean {
  const dated = (_: string, a: Attributes) => DAY.test(String(a.firstDate)) || DAY.test(String(a.lastDate));
  return graph.someNode(dated) || graph.someEdge(dated);
}

/** ` start="…" end="…"` from `firstDate` and `lastDate` (xsd:date days), each left out when absent. */
function spanXml(a: Attributes): string {
  const start = typeof a.firstDate === "string" && DAY.test(a.firstDate) ? ` start="${a.firstDate}"` : "";
  const end = typeof a.lastDate === "string" && DAY.test(a.lastDate) ? ` end="${a.lastDate}"` : "";
  return start + end;
}

/** `<meta>` from the graph attributes; GEXF has no place for structured graph data, so it is summarised as text. */
function metaXml(g: Partial<GraphAttributes>): string {
  let meta = "  <meta>\n";
  if (typeof g.generator === "string") meta += `    <creator>${text(g.generator)}</creator>\n`;
  const lines: string[] = [];
  if (typeof g.name === "string" && g.name) lines.push(g.name);
  if (Array.isArray(g.sources) && g.sources.length) {
    const list = g.sources.map((s) => (s.title && s.title !== s.id ? `${s.id} (${s.title})` : s.id));
    lines.push(`sources (${g.sources.length}): ${list.join("; ")}`);
  }
  if (typeof g.createdFrom === "string" && g.createdFrom) lines.push(`createdFrom: ${g.createdFrom}`);
  if (typeof g.schemaVersion === "string") lines.push(`schemaVersion: ${g.schemaVersion}`);
  if (lines.length) meta += `    <description>${text(lines.join("\n"))}</description>\n`;
  return `${meta}  </meta>\n`;
}

function columnsXml(cls: "node" | "edge", columns: readonly GexfColumn[]): string {
  let s = `    <attributes class="${cls}" mode="static">\n`;
  for (const c of columns) s += `      <attribute id="${c.id}" title="${c.id}" type="${c.type}"/>\n`;
  return `${s}    </attributes>\n`;
}

function attvaluesXml(columns: readonly GexfColumn[], a: Attributes): string {
  let s = "";
  for (const c of columns) {
    // Formatted numbers are plain ASCII digits, signs, dots and e: only strings need escaping.
    const v = c.formatXml ? c.formatXml(a[c.id]) : c.type === "string" ? escapeOrUndefined(c.format(a[c.id])) : c.format(a[c.id]);
    if (v !== undefined) s += `          <attvalue for="${c.id}" value="${v}"/>\n`;
  }
  return s ? `        <attvalues>\n${s}        </attvalues>\n` : "";
}

function escapeOrUndefined(v: string | undefined): string | undefined {
  return v === undefined ? undefined : attr(v);
}

/** `<viz:color r g b/>` for a #rrggbb or #rgb colour (networkx cannot read `hex`), cached per colour string. */
function colourXml(cache: Map<unknown, string>, color: unknown): string {
  let s = cache.get(color);
  if (s !== undefined) return s;
  s = "";
  const m = typeof color === "string" ? HEX_COLOR.exec(color) : null;
  if (m) {
    const hex = m[1].length === 3 ? m[1].replace(/./g, "$&$&") : m[1];
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    s = `        <viz:color r="${r}" g="${g}" b="${b}"/>\n`;
  }
  if (cache.size < 4096) cache.set(color, s);
  return s;
}

/** A viz size/thickness: a finite, non-negative number, else undefined. */
function vizNumber(v: unknown): string | undefined {
  return typeof v === "number" && v >= 0 ? formatNumber(v) : undefined;
}
