// Where a node goes by its documents: beside the placed entities the same documents name.
import type { KnowledgeMultiGraph, Simple } from "./types.js";

export type Centres = Map<string, { x: number; y: number; n: number }>;

/** Sum and count of the positions of each document's placed entities. */
export function documentCentres(graph: KnowledgeMultiGraph, simple: Simple, placed: Iterable<string>): Centres {
  const centres: Centres = new Map();
  for (const n of placed) {
    const a = simple.getNodeAttributes(n);
    for (const doc of graph.getNodeAttribute(n, "documents") ?? []) {
      const c = centres.get(doc);
      if (c) {
        c.x += a.x;
        c.y += a.y;
        c.n++;
      } else centres.set(doc, { x: a.x, y: a.y, n: 1 });
    }
  }
  return centres;
}

/** The mean of the centres of a node's documents, or undefined when none of them has a placed entity. */
export function besideDocuments(graph: KnowledgeMultiGraph, n: string, centres: Centres): { x: number; y: number } | undefined {
  let x = 0;
  let y = 0;
  let docs = 0;
  for (const doc of graph.getNodeAttribute(n, "documents") ?? []) {
    const c = centres.get(doc);
    if (!c) continue;
    x += c.x / c.n;
    y += c.y / c.n;
    docs++;
  }
  return docs > 0 ? { x: x / docs, y: y / docs } : undefined;
}

/** The centre of the placed nodes and the radius that half of them lie within (`fallback` when nothing is placed). */
export function innerDisc(simple: Simple, placed: ReadonlySet<string>, fallback: number): { cx: number; cy: number; inner: number } {
  let cx = 0;
  let cy = 0;
  for (const n of placed) {
    const a = simple.getNodeAttributes(n);
    cx += a.x;
    cy += a.y;
  }
  cx /= Math.max(placed.size, 1);
  cy /= Math.max(placed.size, 1);
  const radii: number[] = [];
  for (const n of placed) {
    const a = simple.getNodeAttributes(n);
    radii.push(Math.hypot(a.x - cx, a.y - cy));
  }
  radii.sort((a, b) => a - b);
  const inner = radii.length ? radii[radii.length >> 1] : fallback;
  return { cx, cy, inner };
}
