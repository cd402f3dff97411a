// Label placement for small graphs: the biggest nodes first, and a label only where it overlaps no label already placed.

/** A node that could carry a label, in viewport pixels. */
export interface LabelCandidate {
  key: string;
  x: number;
  y: number;
  /** Rendered radius. */
  size: number;
  label: string;
}

export interface LabelBox {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Sigma draws a label to the right of its node, vertically centred; this is the box it covers. */
export function labelBox(c: LabelCandidate, width: number, fontSize: number): LabelBox {
  return { key: c.key, x: c.x + c.size + 3, y: c.y - fontSize / 2 - 1, w: width, h: fontSize + 2 };
}

const overlaps = (a: LabelBox, b: LabelBox): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Choose which labels to draw: candidates in the given order (most important first) keep their label when
 * its box overlaps none of the boxes kept so far; `margin` pixels of air are kept around each label.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  measure: (text: string) => number,
  fontSize: number,
  margin = 2,
): Set<string> {
  const kept: LabelBox[] = [];
  const chosen = new Set<string>();
  for (const c of candidates) {
    if (!c.label) continue;
    const b = labelBox(c, measure(c.label), fontSize);
    const padded = { ...b, x: b.x - margin, y: b.y - margin, w: b.w + 2 * margin, h: b.h + 2 * margin };
    if (kept.some((k) => overlaps(k, padded))) continue;
    kept.push(b);
    chosen.add(c.key);
  }
  return chosen;
}
