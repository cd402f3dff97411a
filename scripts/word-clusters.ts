// Hierarchical word clusters from unlabeled text: npm run clusters:ner -- --out models/ner-clusters-en.tsv FILE.tok...
//
// Each word of the vocabulary is described by the words seen one and two places before and after it (the K
// most frequent lowercase words, sentence boundaries, and the short shape of any other word), as
// square roots of their relative frequencies (Hellinger), then the vocabulary is split in two again
// and again by spherical 2-means. A word's path of splits is a bit string, read by the tagger by its
// prefixes as Brown clusters are. Integer counts, sqrt and fixed orders only: the same input gives
// the same bytes.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { seededRandom } from "../src/random.js";

interface Options {
  minCount: number;
  contexts: number;
  depth: number;
  iterations: number;
  power: number;
  /** Context words on each side (1 or 2). */
  window: number;
}

const SIDES = 4;

function shortShape(word: string): string {
  let out = "";
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? "X" : /\p{L}/u.test(ch) ? "x" : /\p{N}/u.test(ch) ? "d" : ".";
    if (!out.endsWith(c)) out += c;
  }
  return out.slice(0, 4);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clusters(sentences: string[][], options: Options): Map<string, { bits: string; count: number }> {
  const counts = new Map<string, number>();
  const lowerCounts = new Map<string, number>();
  for (const s of sentences) {
    for (const w of s) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      const l = w.toLowerCase();
      lowerCounts.set(l, (lowerCounts.get(l) ?? 0) + 1);
    }
  }
  const byCount = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  const vocab = byCount(counts).filter(([, c]) => c >= options.minCount);
  const wordId = new Map(vocab.map(([w], i) => [w, i]));
  // Context dimensions: the K most frequent lowercase words, then boundaries and shapes, on each side.
  const ctxId = new Map<string, number>();
  for (const [w] of byCount(lowerCounts).slice(0, options.contexts)) ctxId.set(w, ctxId.size);
  const contextOf = (w: string | undefined): number => {
    const key = w === undefined ? "<b>" : (ctxId.has(w.toLowerCase()) ? w.toLowerCase() : `<${shortShape(w)}>`);
    let id = ctxId.get(key);
    if (id === undefined) {
      id = ctxId.size;
      ctxId.set(key, id);
    }
    return id;
  };
  const rows: Array<Map<number, number>> = vocab.map(() => new Map());
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const id = wordId.get(s[i]);
      if (id === undefined) continue;
      const row = rows[id];
      // sides 0, 1: the word before and after; 2, 3: two before and two after (a window of 2)
      for (let d = 1; d <= options.window; d++) {
        const left = SIDES * contextOf(s[i - d]) + 2 * (d - 1);
        const right = SIDES * contextOf(s[i + d]) + 2 * (d - 1) + 1;
        row.set(left, (row.get(left) ?? 0) + 1);
        row.set(right, (row.get(right) ?? 0) + 1);
      }
    }
  }
  const dims = SIDES * ctxId.size;
  // Sparse unit vectors: sqrt(count / total), normalised (the sum of count / total is 1 per side).
  const idx: Int32Array[] = [];
  const val: Float64Array[] = [];
  rows.forEach((row) => {
    const keys = [...row.keys()].sort((a, b) => a - b);
    const total = keys.reduce((a, k) => a + row.get(k)!, 0);
    const v = Float64Array.from(keys, (k) => Math.sqrt(row.get(k)! / total));
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    for (let k = 0; k < v.length; k++) v[k] /= norm;
    idx.push(Int32Array.from(keys));
    val.push(v);
  });
  const dot = (w: number, c: Float64Array) => {
    const ii = idx[w];
    const vv = val[w];
    let s = 0;
    for (let k = 0; k < ii.length; k++) s += vv[k] * c[ii[k]];
    return s;
  };
  const centroid = (members: readonly number[]): Float64Array => {
    const c = new Float64Array(dims);
    for (const w of members) {
      const ii = idx[w];
      const vv = val[w];
      for (let k = 0; k < ii.length; k++) c[ii[k]] += vv[k];
    }
    let norm = 0;
    for (let k = 0; k < dims; k++) norm += c[k] * c[k];
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < dims; k++) c[k] /= norm;
    return c;
  };
  const bits = new Array<string>(vocab.length).fill("");
  // Members are kept in vocabulary order (most frequent first); splits are done breadth first.
  let level: number[][] = [vocab.map((_, i) => i)];
  for (let depth = 0; depth < options.depth && level.length; depth++) {
    const next: number[][] = [];
    for (const members of level) {
      if (members.length < 2) continue;
      // Principal direction of the members (power iteration from a fixed start), then 2-means from that split.
      const mean = new Float64Array(dims);
      for (const m of members) {
        const ii = idx[m];
        const vv = val[m];
        for (let k = 0; k < ii.length; k++) mean[ii[k]] += vv[k] / members.length;
      }
      let x = new Float64Array(dims);
      const rnd = seededRandom(depth * 7919 + members.length);
      for (let k = 0; k < dims; k++) x[k] = rnd() - 0.5;
      const proj = new Float64Array(members.length);
      for (let it = 0; it < options.power; it++) {
        let mx = 0;
        for (let k = 0; k < dims; k++) mx += mean[k] * x[k];
        const y = new Float64Array(dims);
        let sum = 0;
        members.forEach((m, j) => {
          const a = dot(m, x) - mx;
          proj[j] = a;
          sum += a;
          const ii = idx[m];
          const vv = val[m];
          for (let k = 0; k < ii.length; k++) y[ii[k]] += a * vv[k];
        });
        let norm = 0;
        for (let k = 0; k < dims; k++) {
          y[k] -= sum * mean[k];
          norm += y[k] * y[k];
        }
        norm = Math.sqrt(norm);
        if (norm === 0) break;
        for (let k = 0; k < dims; k++) y[k] /= norm;
        x = y;
      }
      let side = Uint8Array.from(proj, (p) => (p > 0 ? 1 : 0));
      for (let it = 0; it < options.iterations; it++) {
        const ca = centroid(members.filter((_, k) => side[k] === 0));
        const cb = centroid(members.filter((_, k) => side[k] === 1));
        const now = Uint8Array.from(members, (m) => (dot(m, cb) > dot(m, ca) ? 1 : 0));
        let changed = false;
        for (let k = 0; k < now.length && !changed; k++) changed = now[k] !== side[k];
        side = now;
        if (!changed) break;
      }
      const zero = members.filter((_, k) => side[k] === 0);
      const one = members.filter((_, k) => side[k] === 1);
      if (!zero.length || !one.length) continue;
      for (const m of zero) bits[m] += "0";
      for (const m of one) bits[m] += "1";
      next.push(zero, one);
    }
    level = next;
    process.stderr.write(`depth ${depth + 1}: ${level.length} clusters\n`);
  }
  return new Map(vocab.map(([w, c], i) => [w, { bits: bits[i], count: c }]));
}

function main(): void {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      out: { type: "string", default: "models/ner-clusters-en.tsv" },
      "min-count": { type: "string", default: "6" },
      contexts: { type: "string", default: "1000" },
      depth: { type: "string", default: "20" },
      iterations: { type: "string", default: "4" },
      power: { type: "string", default: "12" },
      window: { type: "string", default: "2" },
    },
    allowPositionals: true,
  });
  const sentences = positionals.flatMap((path) =>
    readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => l.split(" ").filter(Boolean)),
  );
  const table = clusters(sentences, {
    minCount: Number(values["min-count"]),
    contexts: Number(values.contexts),
    depth: Number(values.depth),
    iterations: Number(values.iterations),
    power: Number(values.power),
    window: Math.min(2, Math.max(1, Number(values.window))),
  });
  const lines = [...table.entries()].filter(([, e]) => e.bits).sort((a, b) => cmp(a[0], b[0]));
  writeFileSync(values.out, lines.map(([w, e]) => `${w}\t${e.bits}`).join("\n") + "\n");
  process.stderr.write(`${values.out}: ${lines.length} words from ${sentences.length} sentences\n`);
}

main();
