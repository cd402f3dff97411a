// Discs (the communities of a large graph) arranged close together: the heaviest in the middle, related ones side by side, overlapping little.
import { GOLDEN_ANGLE } from "./sunflower.js";

export interface DiscOptions {
  /** Two discs may come this share of their radii's sum close: below 1 they overlap at the rim. */
  touch: number;
  /** Rounds of drawing together and pushing apart. */
  rounds: number;
}

export const DISC_DEFAULTS: DiscOptions = { touch: 1, rounds: 30 };

/** Passes of pushing overlapping discs apart in a round, at most. */
const PASSES = 20;

/** The share of the way towards the discs it is related to that a disc moves in a round. */
const ATTRACT = 0.1;

/** Passes of pushing overlapping discs apart after the last round, at most. */
const SETTLE_PASSES = 500;

/**
 * Centres for discs of radii `rs` (heaviest first), related as `links` says (index → index →
 * weight). They start on a sunflower spiral, each at the distance that leaves room for the area of
 * the discs before it; then, each round, every disc but the first (which stays in the middle) moves a
 * tenth of the way towards the weighted mean of the discs it is related to and a twentieth of the way
 * towards the middle, and discs that come closer than `touch` times their radii's sum are pushed
 * apart along the line between them.
 * After the rounds, the discs are pushed apart until none overlaps (or SETTLE_PASSES have run).
 * Deterministic: no randomness, a fixed order.
 */
export function arrangeDiscs(rs: Float64Array, links: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, options: Partial<DiscOptions> = {}): { xs: Float64Array; ys: Float64Array } {
  const { touch, rounds } = { ...DISC_DEFAULTS, ...options };
  const n = rs.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let area = 0;
  for (let i = 0; i < n; i++) {
    const d = i === 0 ? 0 : Math.sqrt(area + rs[i] * rs[i]);
    xs[i] = d * Math.cos(i * GOLDEN_ANGLE);
    ys[i] = d * Math.sin(i * GOLDEN_ANGLE);
    area += rs[i] * rs[i];
  }
  const nx = new Float64Array(n);
  const ny = new Float64Array(n);
  for (let round = 0; round < rounds; round++) {
    // the heaviest stays in the middle
    for (let i = 1; i < n; i++) {
      let sx = 0;
      let sy = 0;
      let sw = 0;
      for (const [j, w] of links[i]) {
        sx += w * xs[j];
        sy += w * ys[j];
        sw += w;
      }
      nx[i] = (sw > 0 ? xs[i] + ATTRACT * (sx / sw - xs[i]) : xs[i]) * 0.95;
      ny[i] = (sw > 0 ? ys[i] + ATTRACT * (sy / sw - ys[i]) : ys[i]) * 0.95;
    }
    nx[0] = xs[0];
    ny[0] = ys[0];
    xs.set(nx);
    ys.set(ny);
    for (let pass = 0; pass < PASSES && separate(xs, ys, rs, touch, false, 0); pass++);
  }
  // small discs caught between large ones go to and fro when the small one always moves: after a
  // while, each of a pair moves half the way
  for (let pass = 0; pass < SETTLE_PASSES && separate(xs, ys, rs, touch, pass >= SETTLE_PASSES / 5, 0); pass++);
  return { xs, ys };
}

/**
 * One pass pushing apart the pairs of discs closer than `touch` times their radii's sum (by more than
 * a billionth of it), the smaller disc of a pair the more, or both as much (`evenly`), the `pinned`
 * one not at all; whether there were any. Pairs are found by sweeping the discs in order of their left edge (sort and sweep), so
 * a pass costs n log n plus the pairs whose extents meet on the x axis.
 */
export function separate(xs: Float64Array, ys: Float64Array, rs: Float64Array, touch: number, evenly = false, pinned = -1): boolean {
  const n = xs.length;
  const byLeft = Array.from({ length: n }, (_, i) => i).sort((a, b) => xs[a] - touch * rs[a] - (xs[b] - touch * rs[b]) || a - b);
  let any = false;
  const active: number[] = [];
  for (const i of byLeft) {
    const left = xs[i] - touch * rs[i];
    for (let k = active.length - 1; k >= 0; k--) {
      const j = active[k];
      if (xs[j] + touch * rs[j] < left) {
        active.splice(k, 1);
        continue;
      }
      const dx = xs[i] - xs[j];
      const dy = ys[i] - ys[j];
      const dist = Math.hypot(dx, dy);
      const need = touch * (rs[i] + rs[j]);
      if (dist >= need * (1 - 1e-9)) continue;
      any = true;
      // apart along the line between them (along x when they coincide), the smaller disc the more, or
      // each half the way (`evenly`)
      const [ux, uy] = dist > 0 ? [dx / dist, dy / dist] : [1, 0];
      const push = need - dist;
      const share = i === pinned ? 0 : j === pinned ? 1 : evenly ? 0.5 : (rs[j] * rs[j]) / (rs[i] * rs[i] + rs[j] * rs[j]);
      xs[i] += ux * push * share;
      ys[i] += uy * push * share;
      xs[j] -= ux * push * (1 - share);
      ys[j] -= uy * push * (1 - share);
    }
    active.push(i);
  }
  return any;
}
