// What the tagger keeps per distinct word and per constant feature: score vectors and weight-row offsets, so a token costs array reads, not string look-ups.
import { clusterOf } from "./clusters.js";
import { mayBeName, neighbourFeatures, wordFeatures, wordShape } from "./features.js";
import { BILOU_LABELS, ENTITY_TYPES, START } from "./labels.js";
import { findSlot, type TagTables } from "./model.js";
import { HashSink, hashString } from "./sinks.js";

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

/** Offsets in WordEntry.rows, per stage of `stages`. */
export const rowsLayout = (stages: number) => ({ t1l: 0, t1s: stages * PREV, first: 2 * stages * PREV, hl: 2 * stages * PREV + stages, size: 2 * stages * PREV + 2 * stages });

/** Row offsets (0: no such feature, else 1 + the row's start in tables.weights) of one feature text, per stage. */
export function featureRows(tables: TagTables, text: string, out: Int32Array, at: number): void {
  const [h1, h2] = hashString(text);
  const slot = findSlot(tables, h1, h2);
  for (let st = 0; st < tables.stages.length; st++) out[at + st] = slot < 0 ? 0 : tables.slots[slot + 2 + st];
}

const TYPE_NAMES = ["O", ...ENTITY_TYPES];
const labelText = (l: number) => (l === START ? "<s>" : BILOU_LABELS[l]);

/** Rows of the features made of labels and constants alone, per stage (index * stages + stage). */
export interface ConstantRows {
  /** "t-1=" + previous label. */
  t1: Int32Array;
  /** "t-2=" + label two before + "|" + previous label, at (p2 * PREV + p1). */
  t2: Int32Array;
  /** prefix + "=" + type and prefix + "+" + type for the count prefixes h, a, e, el: at ((prefix * 2 + plus) * 5 + type). */
  counts: Int32Array;
  /** "f0=", "f+1=", "f+2=" + a first-pass label, or "</s>" at index L: at (k * PREV + label). */
  firstPass: Int32Array;
  /** "hl", then "dc=" and "dci=" + lower, cap, upper. */
  hl: Int32Array;
  dc: Int32Array;
  dci: Int32Array;
}

export const COUNT_PREFIXES = ["h", "a", "e", "el"] as const;

function constantRows(tables: TagTables): ConstantRows {
  const S = tables.stages.length;
  const rows = (texts: string[]) => {
    const out = new Int32Array(texts.length * S);
    texts.forEach((t, k) => featureRows(tables, t, out, k * S));
    return out;
  };
  const prev = Array.from({ length: PREV }, (_, p) => labelText(p));
  const forms = ["lower", "cap", "upper"];
  return {
    t1: rows(prev.map((p) => `t-1=${p}`)),
    t2: rows(prev.flatMap((p2) => prev.map((p1) => `t-2=${p2}|${p1}`))),
    counts: rows(COUNT_PREFIXES.flatMap((prefix) => ["=", "+"].flatMap((sign) => TYPE_NAMES.map((t) => `${prefix}${sign}${t}`)))),
    firstPass: rows(["f0=", "f+1=", "f+2="].flatMap((f) => [...BILOU_LABELS, "</s>"].map((l) => f + l))),
    hl: rows(["hl"]),
    dc: rows(forms.map((f) => `dc=${f}`)),
    dci: rows(forms.map((f) => `dci=${f}`)),
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
  readonly constants: ConstantRows;
  readonly start: WordEntry;
  readonly end: WordEntry;
  private words = new Map<string, WordEntry>();
  private lowers = new Map<string, number>();
  /** Gazetteer feature text ("country:B") -> rows of "g=", "g-1=", "g+1=" with it, per stage. */
  private gazRows = new Map<string, Int32Array>();
  private readonly sink = new HashSink();
  private readonly pool = new Pool(1 << 20);
  readonly layout: ReturnType<typeof rowsLayout>;

  constructor(
    readonly tables: TagTables,
    private readonly gazetteerFirst: ReadonlyMap<string, unknown> | undefined,
  ) {
    this.stages = tables.stages.length;
    this.layout = rowsLayout(this.stages);
    this.constants = constantRows(tables);
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
    rows.fill(UNKNOWN, r, r + this.layout.size);
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

  /** Rows of "g=", "g-1=" and "g+1=" with a gazetteer feature text, per stage: [role * stages + stage]. */
  gazetteerRows(g: string): Int32Array {
    let rows = this.gazRows.get(g);
    if (!rows) {
      rows = new Int32Array(3 * this.stages);
      featureRows(this.tables, `g=${g}`, rows, 0);
      featureRows(this.tables, `g-1=${g}`, rows, this.stages);
      featureRows(this.tables, `g+1=${g}`, rows, 2 * this.stages);
      this.gazRows.set(g, rows);
    }
    return rows;
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
