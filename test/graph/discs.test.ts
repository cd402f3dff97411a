// Community discs arranged close together without overlapping: the sweep that pushes them apart, and the arrangement.
import { describe, expect, it } from "vitest";
import { arrangeDiscs, separate } from "../../src/graph/discs.js";
import { seededRandom } from "../../src/random.js";

/** Pairs closer than their radii's sum (less `slack`), by brute force. */
function overlapping(xs: Float64Array, ys: Float64Array, rs: Float64Array, slack = 1e-6): number {
  let n = 0;
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) if (Math.hypot(xs[i] - xs[j], ys[i] - ys[j]) < rs[i] + rs[j] - slack) n++;
  return n;
}

/** Radii like those of a corpus's communities: a few large, many small. */
function radii(n: number, seed: number): Float64Array {
  const rnd = seededRandom(seed);
  return Float64Array.from({ length: n }, () => 10 + 400 * rnd() ** 4);
}

describe("separate", () => {
  it("pushes discs dropped on top of each other apart until none overlaps (each pair half the way each), and reports when it is done", () => {
    const rnd = seededRandom(5);
    const rs = radii(200, 6);
    const xs = Float64Array.from(rs, () => rnd() * 500);
    const ys = Float64Array.from(rs, () => rnd() * 500);
    expect(overlapping(xs, ys, rs)).toBeGreaterThan(1000);
    let passes = 0;
    while (separate(xs, ys, rs, 1, true) && passes < 1000) passes++;
    expect(passes).toBeLessThan(1000);
    expect(overlapping(xs, ys, rs)).toBe(0);
  });
});

describe("arrangeDiscs", () => {
  const n = 120;
  // heaviest first, as a corpus's communities come: the large ones first
  const rs = radii(n, 7).sort((a, b) => b - a);
  const rnd = seededRandom(8);
  // as in a corpus: every community related to the heaviest, and each much more to a few others
  const links: Array<Array<readonly [number, number]>> = Array.from({ length: n }, () => []);
  const relate = (i: number, j: number, w: number) => {
    links[i].push([j, w]);
    links[j].push([i, w]);
  };
  for (let i = 1; i < n; i++) relate(0, i, 1);
  // in pairs: 1 with 2, 3 with 4, ...
  for (let i = 1; i + 1 < n; i += 2) relate(i, i + 1, 10 + Math.floor(rnd() * 3));

  it("leaves the discs touching at most, the same way every time", () => {
    const a = arrangeDiscs(rs, links);
    const b = arrangeDiscs(rs, links);
    expect([...a.xs, ...a.ys]).toEqual([...b.xs, ...b.ys]);
    expect(overlapping(a.xs, a.ys, rs, 0.01 * 2 * 400)).toBe(0);
  });

  it("puts the heaviest (first) disc in the middle and keeps the arrangement compact", () => {
    const { xs, ys } = arrangeDiscs(rs, links);
    const dist = Array.from(xs, (x, i) => Math.hypot(x, ys[i])).sort((p, q) => p - q);
    expect(Math.hypot(xs[0], ys[0])).toBeLessThan(dist[Math.floor(n / 4)]);
    // the discs cover a good share of the disc that holds them all: no sprawl
    let area = 0;
    for (const r of rs) area += Math.PI * r * r;
    let outer = 0;
    xs.forEach((x, i) => (outer = Math.max(outer, Math.hypot(x, ys[i]) + rs[i])));
    expect(area / (Math.PI * outer * outer)).toBeGreaterThan(0.3);
  });

  it("draws related discs nearer each other than unrelated ones", () => {
    const { xs, ys } = arrangeDiscs(rs, links);
    const gap = (i: number, j: number) => Math.hypot(xs[i] - xs[j], ys[i] - ys[j]) - rs[i] - rs[j];
    let related = 0;
    let others = 0;
    for (let i = 1; i + 1 < n; i += 2) {
      related += gap(i, i + 1);
      others += gap(i, 1 + ((i + n / 2) % (n - 1)));
    }
    expect(related).toBeLessThan(0.75 * others);
  });
});
