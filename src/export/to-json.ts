// Graph JSON: graphology's own serialisation (graph.export()), whole or streamed node by node with identical bytes.
import type { AbstractGraph, Attributes } from "graphology-types";

export interface JsonOptions {
  /** Indent with two spaces (as `JSON.stringify(x, null, 2)`); default compact. */
  pretty?: boolean;
  /** Approximate size in characters of each chunk jsonChunks yields. */
  chunkSize?: number;
}

export const JSON_DEFAULTS: Required<JsonOptions> = {
  pretty: false,
  chunkSize: 1 << 14,
};

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

/**
 * `JSON.stringify(graph.export())`: the contract of graph-data/out/*.json, so `Graph.from(JSON.parse(s))`
 * restores the graph. Key and attribute order are the graph's insertion order. Nothing is validated.
 * @throws RangeError when the text exceeds the engine's maximum string length; use jsonChunks for big graphs.
 */
export function toJson(graph: AnyGraph, options: JsonOptions = {}): string {
  const { pretty } = { ...JSON_DEFAULTS, ...options };
  return JSON.stringify(graph.export(), null, pretty ? 2 : undefined);
}

/**
 * The same text as toJson, yielded in chunks of about `chunkSize` characters without ever holding the
 * whole serialisation (neither graph.export()'s copy nor the full string) in memory.
 * @throws nothing for a well-formed graphology graph.
 */
export function* jsonChunks(graph: AnyGraph, options: JsonOptions = {}): Generator<string, void, undefined> {
  const { pretty, chunkSize } = { ...JSON_DEFAULTS, ...options };
  const indent = pretty ? 2 : undefined;
  // Inside the top-level object, one level deeper for array items: re-indent nested lines by that much.
  const nl1 = pretty ? "\n  " : "";
  const nl2 = pretty ? "\n    " : "";
  const colon = pretty ? ": " : ":";
  const at = (value: unknown, nl: string): string => {
    const s = JSON.stringify(value, null, indent);
    return pretty ? s.replace(/\n/g, nl) : s;
  };
  const options_ = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };

  let out = `{${nl1}"options"${colon}${at(options_, nl1)},${nl1}"attributes"${colon}${at(graph.getAttributes(), nl1)},`;
  out += `${nl1}"nodes"${colon}[`;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    const item = isEmpty(attributes) ? { key: node } : { key: node, attributes };
    out += `${first ? "" : ","}${nl2}${at(item, nl2)}`;
    first = false;
    if (out.length >= chunkSize) {
      yield out;
      out = "";
    }
  }
  out += `${first ? "" : nl1}],${nl1}"edges"${colon}[`;
  first = true;
  const mixed = graph.type === "mixed";
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const item: Record<string, unknown> = { key: edge, source, target };
    if (!isEmpty(attributes)) item.attributes = attributes;
    if (mixed && undirected) item.undirected = true;
    out += `${first ? "" : ","}${nl2}${at(item, nl2)}`;
    first = false;
    if (out.length >= chunkSize) {
      yield out;
      out = "";
    }
  }
  yield `${out}${first ? "" : nl1}]${pretty ? "\n" : ""}}`;
}

/** graphology's test for "no attributes" (serializeNode/serializeEdge leave `attributes` out then). */
function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}
