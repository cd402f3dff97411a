// Label placement for small graphs: biggest nodes first, right of the node or else left, never over a label or a node.

/** A visible node, in viewport pixels; `label` is empty for nodes that only take up room. */
export interface LabelCandidate {
  key: string;
  x: number;
  y: number;
  /** Rendered radius. */
  size: number;
  label: string;
}

export type LabelSide = "right" | "left";

export interface LabelBox {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Gap between a node and its label, in pixels (sigma's default drawing uses 3). */
export const LABEL_GAP = 3;

/** The box a label covers on the given side of its node, vertically centred on it. */
export function labelBox(c: LabelCandidate, side: LabelSide, width: number, fontSize: number): LabelBox {
  const x = side === "right" ? c.x + c.size + LABEL_GAP : c.x - c.size - LABEL_GAP - width;
  return { key: c.key, x, y: c.y - fontSize / 2 - 1, w: width, h: fontSize + 2 };
}

const overlaps = (a: LabelBox, b: LabelBox): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const discBox = (c: LabelCandidate): LabelBox => ({ key: c.key, x: c.x - c.size, y: c.y - c.size, w: 2 * c.size, h: 2 * c.size });

/**
 * Choose which labels to draw and on which side: candidates in the given order (most important first) get
 * their label on the right, or else on the left, where its box lies inside the viewport and (plus `margin`
 * pixels of air) overlaps no label placed so far and no other node; the rest get none. With
 * `overLessImportant` true, a label may cover the nodes after it in the order (on a large graph, a hub's
 * neighbours crowd it on both sides, and it is the hub's label that matters); with a number, only that many
 * of the first labelled candidates may, and only when no place clear of every node is left for them (on a small
 * graph the few hubs are crowded by their neighbours too, and their labels matter most).
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  measure: (text: string) => number,
  fontSize: number,
  margin = 2,
  viewport: { width: number; height: number } = { width: Infinity, height: Infinity },
  overLessImportant: boolean | number = false,
): Map<string, LabelSide> {
  const discs = candidates.map(discBox);
  const kept: LabelBox[] = [];
  const chosen = new Map<string, LabelSide>();
  let labelled = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (!c.label) continue;
    const rank = labelled++;
    const width = measure(c.label);
    const tries = overLessImportant === true ? [discs.slice(0, i)] : overLessImportant !== false && rank < overLessImportant ? [discs, discs.slice(0, i)] : [discs];
    placing: for (const blocking of tries) {
      for (const side of ["right", "left"] as const) {
        const b = labelBox(c, side, width, fontSize);
        const padded = { ...b, x: b.x - margin, y: b.y - margin, w: b.w + 2 * margin, h: b.h + 2 * margin };
        const inside = b.x >= 0 && b.y >= 0 && b.x + b.w <= viewport.width && b.y + b.h <= viewport.height;
        if (!inside || kept.some((k) => overlaps(k, padded)) || blocking.some((d) => d.key !== c.key && overlaps(d, b))) continue;
        kept.push(b);
        chosen.set(c.key, side);
        break placing;
      }
    }
  }
  return chosen;
}

/** Sigma node-label drawer that honours `labelSide` ("left" draws the label right-aligned before the node). */
export function drawSidedLabel(
  context: CanvasRenderingContext2D,
  data: { label?: string | null; x: number; y: number; size: number; labelSide?: LabelSide; color?: string },
  settings: { labelSize: number; labelFont: string; labelWeight: string; labelColor: { color?: string; attribute?: string } },
): void {
  if (!data.label) return;
  const size = settings.labelSize;
  context.fillStyle = settings.labelColor.color ?? "#000";
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  if (data.labelSide === "left") {
    context.textAlign = "right";
    context.fillText(data.label, data.x - data.size - LABEL_GAP, data.y + size / 3);
    context.textAlign = "left";
  } else {
    context.fillText(data.label, data.x + data.size + LABEL_GAP, data.y + size / 3);
  }
}
