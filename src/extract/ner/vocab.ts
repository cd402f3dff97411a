// What the tagger keeps per distinct word and per constant feature: score vectors and weight-row offsets, so a token costs array reads, not string look-ups.
import { clusterOf } from "./clusters.js";
import { mayBeName, neighbourFeatures, wordFeatures, wordShape } from "./features.js";
import { BILOU_LABELS, ENTITY_TYPES, START } from "./labels.js";
import { findSlot, type TagTables } from "./model.js";
import { HashSink, hashString, PieceHash } from "./sinks.js";

export const L = BILOU_LABELS.length;
/** Previous-label values: the 17 labels, then START. */
export const PREV = L + 1;
/** Cached groups of a word: its own features, then its features as the word at -1, +1, -2, +2. */
export const GROUPS = 5;
const WORD_LIMIT = 100_000;

/** Not looked up yet (row offsets are 0 for "no such feature" and 1 + the row's start otherwise). */
const UNKNOWN = -1;

/** One distinct word as written, with everything the tagger reads of it. */
export interface WordEntry {
  word: string;
  lower: string;
  short: string;
  /** Case form: 0 lower, 1 capitalised, 2 upper, -1 none. */
  form: number;
  /** Counts towards a headline: a letter word of two or more characters, and whether it is all upper case. */
  headlineWord: boolean;
  upper: boolean;
  /** The short shape has an upper-case letter (features.ts's mayBeName). */
  name: boolean;
  /** Index of `lower` among all lower-case forms the vocabulary has seen. */
  lid: number;
  /** Summed rows of each cached group, per stage: vec[v + (stage * GROUPS + group) * L + label]. */
  vec: Int32Array;
  v: number;
  /** Rows of "ca-1=" and "ca+1=" with this word as the neighbour, per stage: ca[c + (stage * 2 + side) * L + label]; made on first need. */
  ca?: Int32Array;
  c: number;
  /** Row offsets per stage of "t-1l=", "t-1s=" (per previous label), "first|" and "hl|l=" with this word (rows[r + ...]); filled on first need. */
  rows: Int32Array;
  r: number;
  /** Gazetteer entries starting with this word, or null. */
  gaz: unknown;
}

/**
 * Offsets in WordEntry.rows: row offsets per stage of `stages`, then the hashes (h1, h2) of the context
 * features' beginnings that hold this word (features.ts's contextFeatures), so that a token hashes only
 * what follows: "ll-1=" + lower + "|", "l-1ss=" + lower + "|", "ss3=" + short + "|" as the previous word,
 * "ll+1=" + lower + "|" and "ssl+1=" + short + "|" as the word itself.
 */
export const rowsLayout = (stages: number) => {
  const hashes = 2 * stages * PREV + 2 * stages;
  return { t1l: 0, t1s: stages * PREV, first: 2 * stages * PREV, hl: 2 * stages * PREV + stages, hashes, size: hashes + 2 * CONTEXT_PREFIXES.length };
};

/** The context features that start with one word, and what follows it there. */
export const CONTEXT_PREFIXES = [
  ["ll-1=", "lower"],
  ["l-1ss=", "lower"],
  ["ss3=", "short"],
  ["ll+1=", "lower"],
  ["ssl+1=", "short"],
] as const;

/** Row offsets (0: no such feature, else 1 + the row's start in tables.weights) of one feature text, per stage. */
export function featureRows(tables: TagTables, text: string, out: Int32Array, at: number): void {
  const [h1, h2] = hashString(text);
  const slot = findSlot(tables, h1, h2);
  for (let st = 0; st < tables.stages.length; st++) out[at + st] = slot < 0 ? 0 : tables.slots[slot + 2 + st];
}

const TYPE_NAMES = ["O", ...ENTITY_TYPES];
export const labelText = (l: number) => (l === START ? "<s>" : BILOU_LABELS[l]);

/** Add the weights of every stage of the feature `text` to out[base + stage * stride + label]. */
function addFeature(tables: TagTables, text: string, out: Int32Array, base: number, stride: number): void {
  const [h1, h2] = hashString(text);
  const at = findSlot(tables, h1, h2);
  if (at < 0) return;
  for (let st = 0; st < tables.stages.length; st++) {
    const start = tables.slots[at + 2 + st];
    if (start === 0) continue;
    for (let a = start - 1; ; a++) {
      const x = tables.weights[a];
      out[base + st * stride + (x & 31)] += x >> 6;
      if (x & 32) break;
    }
  }
}

/**
 * The summed weights of the features made of labels and constants alone, dense: what a token adds for
 * its previous two labels, its first-pass labels, a count vector's pattern, its case forms, a headline,
 * is one run of L integers. Each table is per stage: stage st's part starts at st * (length / stages).
 */
export interface ConstantScores {
  /** "t-1=" + previous label and "t-2=" + the label before it + "|" + previous label: at ((p2 * PREV + p1) * L). */
  transitions: Int32Array;
  /** "f0=", "f+1=", "f+2=" (k = 0, 1, 2) + a first-pass label, or "</s>" as label L: at ((k * PREV + label) * L). */
  firstPass: Int32Array;
  /**
   * The features features.ts's pushCounts gives a count vector: prefix + "=" + the type counted most, and
   * prefix + "+" + each other type counted (bit t - 1 of `mask`): at (((prefix * TYPES + best) * 16 + mask) * L).
   */
  counts: Int32Array;
  /** "hl". */
  headline: Int32Array;
  /** "dc=" and "dci=" + lower, cap, upper: at (form * L). */
  caseForm: Int32Array;
  caseFormInitial: Int32Array;
}

export const COUNT_PREFIXES = ["h", "a", "e", "el"] as const;
export const TYPES = TYPE_NAMES.length;

function constantScores(tables: TagTables): ConstantScores {
  const S = tables.stages.length;
  const table = (entries: number, fill: (out: Int32Array, at: (k: number) => number, stride: number) => void) => {
    const out = new Int32Array(S * entries * L);
    fill(out, (k) => k * L, entries * L);
    return out;
  };
  const forms = ["lower", "cap", "upper"];
  return {
    transitions: table(PREV * PREV, (out, at, stride) => {
      for (let p2 = 0; p2 < PREV; p2++) {
        for (let p1 = 0; p1 < PREV; p1++) {
          addFeature(tables, `t-1=${labelText(p1)}`, out, at(p2 * PREV + p1), stride);
          addFeature(tables, `t-2=${labelText(p2)}|${labelText(p1)}`, out, at(p2 * PREV + p1), stride);
        }
      }
    }),
    firstPass: table(3 * PREV, (out, at, stride) => {
      ["f0=", "f+1=", "f+2="].forEach((f, k) => [...BILOU_LABELS, "</s>"].forEach((l, label) => addFeature(tables, f + l, out, at(k * PREV + label), stride)));
    }),
    counts: table(COUNT_PREFIXES.length * TYPES * 16, (out, at, stride) => {
      COUNT_PREFIXES.forEach((prefix, k) => {
        for (let best = 0; best < TYPES; best++) {
          for (let mask = 0; mask < 16; mask++) {
            const to = at((k * TYPES + best) * 16 + mask);
            addFeature(tables, `${prefix}=${TYPE_NAMES[best]}`, out, to, stride);
            for (let t = 1; t < TYPES; t++) if (mask & (1 << (t - 1))) addFeature(tables, `${prefix}+${TYPE_NAMES[t]}`, out, to, stride);
          }
        }
      });
    }),
    headline: table(1, (out, at, stride) => addFeature(tables, "hl", out, at(0), stride)),
    caseForm: table(3, (out, at, stride) => forms.forEach((f, k) => addFeature(tables, `dc=${f}`, out, at(k), stride))),
    caseFormInitial: table(3, (out, at, stride) => forms.forEach((f, k) => addFeature(tables, `dci=${f}`, out, at(k), stride))),
  };
}

/**
 * Small arrays carved out of large ones: a word's few hundred integers as its own typed array would be
 * an ArrayBuffer of its own, which costs more to allocate and collect than the integers cost to fill.
 */
class Pool {
  chunk: Int32Array;
  private used = 0;
  constructor(private readonly size: number) {
    this.chunk = new Int32Array(size);
  }
  /** Room for n integers, zeroed: at the returned offset of `chunk` (read it after the call). */
  take(n: number): number {
    if (this.used + n > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(this.size, n));
      this.used = 0;
    }
    const at = this.used;
    this.used += n;
    return at;
  }
}

/** The tagger's per-model memory: word entries, lower-case form ids, constant and gazetteer feature rows. */
export class Vocab {
  readonly stages: number;
  readonly constants: ConstantScores;
  readonly start: WordEntry;
  readonly end: WordEntry;
  private words = new Map<string, WordEntry>();
  private lowers = new Map<string, number>();
  /** Gazetteer feature text ("country:B") -> the summed weights of "g=", "g-1=", "g+1=" with it. */
  private gazScores = new Map<string, Int32Array>();
  private readonly sink = new HashSink();
  private readonly hash = new PieceHash();
  private readonly pool = new Pool(1 << 20);
  readonly layout: ReturnType<typeof rowsLayout>;

  constructor(
    readonly tables: TagTables,
    private readonly gazetteerFirst: ReadonlyMap<string, unknown> | undefined,
  ) {
    this.stages = tables.stages.length;
    this.layout = rowsLayout(this.stages);
    this.constants = constantScores(tables);
    this.start = this.make("<s>", true);
    this.end = this.make("</s>", true);
  }

  private stamp = new Int32Array(0);
  private localOf = new Int32Array(0);
  private documents = 0;

  /** Document-local ids of the entries' lower-case forms (0, 1, ... in order of first sight) and how many there are. */
  localIds(entries: readonly WordEntry[]): { ids: Int32Array; count: number } {
    if (this.stamp.length < this.lowers.size) {
      const cap = Math.max(1024, this.lowers.size * 2);
      const stamp = new Int32Array(cap);
      stamp.set(this.stamp);
      this.stamp = stamp;
      this.localOf = new Int32Array(cap);
    }
    const doc = ++this.documents;
    const { stamp, localOf } = this;
    const ids = new Int32Array(entries.length);
    let count = 0;
    for (let t = 0; t < entries.length; t++) {
      const lid = entries[t].lid;
      if (stamp[lid] !== doc) {
        stamp[lid] = doc;
        localOf[lid] = count++;
      }
      ids[t] = localOf[lid];
    }
    return { ids, count };
  }

  /** Called before a document's words are looked up: a full vocabulary starts afresh (never within a document, whose entries share lower-case ids). */
  beginDocument(): void {
    if (this.words.size < WORD_LIMIT) return;
    this.words.clear();
    this.lowers.clear();
    this.stamp.fill(0);
  }

  /** The entry of a word, made on first sight. */
  entry(word: string): WordEntry {
    const known = this.words.get(word);
    if (known) return known;
    const e = this.make(word, false);
    this.words.set(word, e);
    return e;
  }

  private make(word: string, boundary: boolean): WordEntry {
    const { tables, sink } = this;
    const S = this.stages;
    const { short } = boundary ? { short: word } : wordShape(word);
    const lower = boundary ? word : word.toLowerCase();
    const pool = this.pool;
    const v = pool.take(S * GROUPS * L);
    const vec = pool.chunk;
    const bits = tables.clusters && !boundary ? clusterOf(tables.clusters, word) : undefined;
    for (let g = 0; g < GROUPS; g++) {
      if (g === 0 && boundary) continue;
      sink.reset();
      if (g === 0) wordFeatures(word, sink, bits);
      else neighbourFeatures(g - 1, lower, short, sink, bits);
      addRows(tables, sink, vec, v + g * L, GROUPS * L);
    }
    const r = pool.take(this.layout.size);
    const rows = pool.chunk;
    rows.fill(UNKNOWN, r, r + this.layout.hashes);
    const hash = this.hash;
    CONTEXT_PREFIXES.forEach(([prefix, part], k) => {
      hash.reset();
      hash.feed(prefix);
      hash.feed(part === "lower" ? lower : short);
      hash.feed("|");
      rows[r + this.layout.hashes + 2 * k] = hash.h1;
      rows[r + this.layout.hashes + 2 * k + 1] = hash.h2;
    });
    let lid = this.lowers.get(lower);
    if (lid === undefined) {
      lid = this.lowers.size;
      this.lowers.set(lower, lid);
    }
    const letter = !boundary && /\p{L}/u.test(word);
    const form = boundary ? -1 : caseForm(word, lower, short, letter);
    const upper = word.toUpperCase() === word;
    return {
      word,
      lower,
      short,
      form,
      headlineWord: letter && word.length > 1,
      upper: !letter || upper,
      name: mayBeName(short),
      lid,
      vec,
      v,
      c: 0,
      rows,
      r,
      gaz: boundary ? null : (this.gazetteerFirst?.get(lower) ?? null),
    };
  }

  /** Makes the entry's rows of "ca-1=" and "ca+1=" + its lower-case form (e.ca, e.c) if they are not made yet. */
  caOf(e: WordEntry): void {
    if (e.ca) return;
    const c = this.pool.take(this.stages * 2 * L);
    const ca = this.pool.chunk;
    const sink = this.sink;
    sink.reset();
    sink.f("ca-1=", e.lower);
    addRows(this.tables, sink, ca, c, 2 * L);
    sink.reset();
    sink.f("ca+1=", e.lower);
    addRows(this.tables, sink, ca, c + L, 2 * L);
    e.ca = ca;
    e.c = c;
  }

  /** Row offset of "t-1l=" or "t-1s=" (which = 0 or 1) with previous label p1 and this word, for stage st. */
  prevRow(e: WordEntry, which: number, p1: number, st: number): number {
    const at = e.r + (which === 0 ? this.layout.t1l : this.layout.t1s) + p1 * this.stages;
    let r = e.rows[at + st];
    if (r === UNKNOWN) {
      featureRows(this.tables, `${which === 0 ? "t-1l=" : "t-1s="}${labelText(p1)}|${which === 0 ? e.lower : e.short}`, e.rows, at);
      r = e.rows[at + st];
    }
    return r;
  }

  /** Row offsets (per stage, at the returned index of e.rows) of "first|" + short shape (which = 0) or "hl|l=" + lower (which = 1). */
  wordRows(e: WordEntry, which: number): number {
    const at = e.r + (which === 0 ? this.layout.first : this.layout.hl);
    if (e.rows[at] === UNKNOWN) featureRows(this.tables, which === 0 ? `first|${e.short}` : `hl|l=${e.lower}`, e.rows, at);
    return at;
  }

  /** Summed weights of "g=", "g-1=" and "g+1=" (role 0, 1, 2) with a gazetteer feature text: [(stage * 3 + role) * L + label]. */
  gazetteerScores(g: string): Int32Array {
    let scores = this.gazScores.get(g);
    if (!scores) {
      scores = new Int32Array(this.stages * 3 * L);
      ["g=", "g-1=", "g+1="].forEach((prefix, role) => addFeature(this.tables, prefix + g, scores!, role * L, 3 * L));
      this.gazScores.set(g, scores);
    }
    return scores;
  }
}

function caseForm(word: string, lower: string, short: string, letter: boolean): number {
  if (!letter) return -1;
  if (lower === word) return 0;
  if (word.length > 1 && word.toUpperCase() === word) return 2;
  return short[0] === "X" ? 1 : -1;
}

/** Add the rows of every stage of every feature hashed in `sink` to `target` at offset + stage * stride. */
export function addRows(tables: TagTables, sink: HashSink, target: Int32Array, offset: number, stride: number): void {
  const { slots, weights } = tables;
  const stages = tables.stages.length;
  for (let k = 0; k < sink.n; k++) {
    const at = findSlot(tables, sink.h1[k], sink.h2[k]);
    if (at < 0) continue;
    for (let st = 0; st < stages; st++) {
      const start = slots[at + 2 + st];
      if (start === 0) continue;
      const base = offset + st * stride;
      for (let a = start - 1; ; a++) {
        const x = weights[a];
        target[base + (x & 31)] += x >> 6;
        if (x & 32) break;
      }
    }
  }
}
