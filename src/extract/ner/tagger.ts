// Tagging with a loaded model: each token's static scores from cached word vectors and its context, then the local pass and the document pass.
import type { FirstPassInput } from "./decode.js";
import type { DocContext } from "./features.js";
import { spansFromBilou, iob2FromSpans, ALLOWED, ENTITY_TYPES, FINAL, START } from "./labels.js";
import type { NerModel, TagTables } from "./model.js";
import { HashSink } from "./sinks.js";
import { addRows, COUNT_PREFIXES, GROUPS, L, PREV, TYPES, Vocab, type WordEntry } from "./vocab.js";

/** Context aggregation looks at this many occurrences of a word per document (features.ts's MAX_OCCURRENCES). */
const MAX_OCCURRENCES = 6;

/** A document as the fast path reads it: every token's word entry, and per lower-case form its counts and occurrences. */
interface Prepared {
  vocab: Vocab;
  entries: WordEntry[];
  /** First token of each sentence, and the token count at the end. */
  sentenceStart: Int32Array;
  headline: Uint8Array;
  /** Gazetteer features per token of each sentence; null for a sentence without any. */
  gaz: ReadonlyArray<ReadonlyArray<readonly string[]> | null>;
  /** Document-local id of each token's lower-case form. */
  local: Int32Array;
  locals: number;
  /** Case forms [lower, capitalised, upper] of each lower-case form where case is informative (features.ts's caseForms). */
  caseForms: Int32Array;
  /** The first MAX_OCCURRENCES tokens of each lower-case form among words that may be names, and their number. */
  occurrences: Int32Array;
  occurrenceCount: Int32Array;
}

const vocabs = new WeakMap<TagTables, WeakMap<object, Vocab>>();
/** Stands for "no gazetteer": the gazetteer matches come with the document (training's DocContext). */
const GIVEN = {};

function vocabOf(tables: TagTables, gazetteer: object): Vocab {
  let byGazetteer = vocabs.get(tables);
  if (!byGazetteer) vocabs.set(tables, (byGazetteer = new WeakMap()));
  let vocab = byGazetteer.get(gazetteer);
  if (!vocab) {
    vocab = new Vocab(tables, gazetteer === GIVEN ? undefined : (gazetteer as NerModel["gazetteer"]).first);
    byGazetteer.set(gazetteer, vocab);
  }
  return vocab;
}

const NONE: readonly string[] = [];

/** Gazetteer features per token of one sentence: as matchGazetteer, over the entries' cached first-word lists. */
function gazetteerOf(entries: readonly WordEntry[], from: number, to: number): ReadonlyArray<readonly string[]> | null {
  let out: Array<readonly string[]> | undefined;
  let i = from;
  while (i < to) {
    const list = entries[i].gaz as ReadonlyArray<{ tokens: string[]; categories: string[] }> | null;
    let matched = 0;
    if (list) {
      for (const e of list) {
        if (i + e.tokens.length > to) continue;
        let ok = true;
        for (let k = 1; k < e.tokens.length && ok; k++) ok = entries[i + k].lower === e.tokens[k];
        if (!ok) continue;
        matched = e.tokens.length;
        out ??= Array.from({ length: to - from }, () => NONE);
        for (let k = 0; k < matched; k++) {
          const at = i - from + k;
          const features = out[at] === NONE ? [] : (out[at] as string[]);
          for (const c of e.categories) features.push(`${c}:${k === 0 ? "B" : "I"}`);
          out[at] = features;
        }
        break;
      }
    }
    i += Math.max(1, matched);
  }
  return out ?? null;
}

function prepare(vocab: Vocab, sentences: readonly (readonly string[])[], givenGaz?: ReadonlyArray<ReadonlyArray<readonly string[]>>): Prepared {
  vocab.beginDocument();
  const sentenceStart = new Int32Array(sentences.length + 1);
  const entries: WordEntry[] = [];
  for (let s = 0; s < sentences.length; s++) {
    sentenceStart[s] = entries.length;
    for (const w of sentences[s]) entries.push(vocab.entry(w));
  }
  sentenceStart[sentences.length] = entries.length;
  const { ids: local, count: locals } = vocab.localIds(entries);
  const headline = new Uint8Array(sentences.length);
  const caseForms = new Int32Array(locals * 3);
  const occurrences = new Int32Array(locals * MAX_OCCURRENCES);
  const occurrenceCount = new Int32Array(locals);
  const gaz: Array<ReadonlyArray<readonly string[]> | null> = [];
  for (let s = 0; s < sentences.length; s++) {
    const from = sentenceStart[s];
    const to = sentenceStart[s + 1];
    let letters = 0;
    let upper = true;
    for (let t = from; t < to; t++) {
      const e = entries[t];
      if (e.headlineWord) letters++;
      if (!e.upper) upper = false;
    }
    const isHeadline = upper && letters > 0;
    headline[s] = isHeadline ? 1 : 0;
    if (!isHeadline) {
      for (let t = from + 1; t < to; t++) {
        const f = entries[t].form;
        if (f >= 0) caseForms[local[t] * 3 + f]++;
      }
    }
    gaz.push(givenGaz ? givenGaz[s] : gazetteerOf(entries, from, to));
  }
  for (let t = 0; t < entries.length; t++) {
    if (!entries[t].name) continue;
    const k = local[t];
    const n = occurrenceCount[k];
    if (n < MAX_OCCURRENCES) {
      occurrences[k * MAX_OCCURRENCES + n] = t;
      occurrenceCount[k] = n + 1;
    }
  }
  return { vocab, entries, sentenceStart, headline, gaz, local, locals, caseForms, occurrences, occurrenceCount };
}

/** Add the weights of the row at `start` (1 + its offset; 0 adds nothing) to target[base + label]. */
function addRow(weights: Int32Array, start: number, target: Int32Array | Float64Array, base: number): void {
  if (start === 0) return;
  for (let a = start - 1; ; a++) {
    const x = weights[a];
    target[base + (x & 31)] += x >> 6;
    if (x & 32) break;
  }
}

/** Add L integers of `dense` from `from` to target[base + label]. */
function addDense(dense: Int32Array, from: number, target: Int32Array | Float64Array, base: number): void {
  for (let l = 0; l < L; l++) target[base + l] += dense[from + l];
}

/** Static (label-independent) scores of every token and stage: [(stage * tokens + token) * L + label]. */
function staticScores(p: Prepared, sink: HashSink): Int32Array {
  const { vocab, entries, sentenceStart, local, caseForms, occurrences, occurrenceCount } = p;
  const { tables, constants, start, end } = vocab;
  const hashes = vocab.layout.hashes;
  const { weights } = tables;
  const S = vocab.stages;
  const tokens = entries.length;
  const stride = tokens * L;
  const out = new Int32Array(S * stride);
  for (let s = 0; s + 1 < sentenceStart.length; s++) {
    const from = sentenceStart[s];
    const n = sentenceStart[s + 1] - from;
    const headline = p.headline[s] === 1;
    const gaz = p.gaz[s];
    for (let i = 0; i < n; i++) {
      const t = from + i;
      const e = entries[t];
      const prev = i > 0 ? entries[t - 1] : start;
      const next = i + 1 < n ? entries[t + 1] : end;
      const prev2 = i > 1 ? entries[t - 2] : start;
      const next2 = i + 2 < n ? entries[t + 2] : end;
      const self = e.vec;
      const p1 = prev.vec;
      const n1 = next.vec;
      const p2 = prev2.vec;
      const n2 = next2.vec;
      const base = t * L;
      for (let st = 0; st < S; st++) {
        const at = st * stride + base;
        const g0 = st * GROUPS * L;
        const a0 = e.v + g0;
        const a1 = prev.v + g0 + L;
        const a2 = next.v + g0 + 2 * L;
        const a3 = prev2.v + g0 + 3 * L;
        const a4 = next2.v + g0 + 4 * L;
        for (let l = 0; l < L; l++) out[at + l] = self[a0 + l] + p1[a1 + l] + n1[a2 + l] + p2[a3 + l] + n2[a4 + l];
      }
      // the token's context features (features.ts's contextFeatures): its word pairs and shape triple, hashed ...
      const lw = e.lower;
      const ss = e.short;
      // (each begun by the hashes its first word holds: see rowsLayout)
      const ph = prev.r + hashes;
      const eh = e.r + hashes;
      const pr = prev.rows;
      const er = e.rows;
      sink.reset();
      sink.after(pr[ph], pr[ph + 1], lw);
      sink.after(er[eh + 6], er[eh + 7], next.lower);
      sink.after(pr[ph + 4], pr[ph + 5], ss, next.short);
      sink.after(pr[ph + 2], pr[ph + 3], ss);
      sink.after(er[eh + 8], er[eh + 9], next.lower);
      addRows(tables, sink, out, base, stride);
      // ... and the rest from rows found once per word or per constant
      if (i === 0) {
        const r = vocab.wordRows(e, 0);
        for (let st = 0; st < S; st++) addRow(weights, e.rows[r + st], out, st * stride + base);
      }
      if (headline) {
        const r = vocab.wordRows(e, 1);
        for (let st = 0; st < S; st++) {
          addDense(constants.headline, st * L, out, st * stride + base);
          addRow(weights, e.rows[r + st], out, st * stride + base);
        }
      }
      for (let role = 0; gaz && role < 3; role++) {
        const j = role === 0 ? i : role === 1 ? i - 1 : i + 1;
        if (j < 0 || j >= n) continue;
        for (const g of gaz[j]) {
          const dense = vocab.gazetteerScores(g);
          for (let st = 0; st < S; st++) addDense(dense, (st * 3 + role) * L, out, st * stride + base);
        }
      }
      const k = local[t];
      const seen = occurrenceCount[k];
      if (seen > 1) {
        // context aggregation: the neighbours of the same word elsewhere in the document
        for (let q = 0; q < seen; q++) {
          const o = occurrences[k * MAX_OCCURRENCES + q];
          if (o === t) continue;
          const os = sentenceOf(sentenceStart, o);
          const before = o > sentenceStart[os] ? entries[o - 1] : start;
          const after = o + 1 < sentenceStart[os + 1] ? entries[o + 1] : end;
          vocab.caOf(before);
          vocab.caOf(after);
          const caBefore = before.ca!;
          const caAfter = after.ca!;
          for (let st = 0; st < S; st++) {
            const at = st * stride + base;
            const b = before.c + st * 2 * L;
            const a = after.c + st * 2 * L + L;
            for (let l = 0; l < L; l++) out[at + l] += caBefore[b + l] + caAfter[a + l];
          }
        }
      }
      const cf = k * 3;
      if (caseForms[cf] + caseForms[cf + 1] + caseForms[cf + 2] > 0) {
        const own = !headline && i > 0 ? e.form : -1;
        const ambiguous = i === 0 || headline;
        for (let f = 0; f < 3; f++) {
          if (caseForms[cf + f] - (own === f ? 1 : 0) <= 0) continue;
          for (let st = 0; st < S; st++) {
            addDense(constants.caseForm, (st * 3 + f) * L, out, st * stride + base);
            if (ambiguous) addDense(constants.caseFormInitial, (st * 3 + f) * L, out, st * stride + base);
          }
        }
      }
    }
  }
  return out;
}

/** The sentence holding token t (binary search over the sentence starts). */
function sentenceOf(sentenceStart: Int32Array, t: number): number {
  let lo = 0;
  let hi = sentenceStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentenceStart[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const typeOf = (label: number) => (label === 0 ? 0 : 1 + ((label - 1) >> 2));

/** Per-form counts of a first pass (decode.ts's summariseFirstPass): types of all occurrences, of entities holding it, of entities ending with it. */
function firstPassCounts(p: Prepared, labels: readonly (readonly number[])[]): { words: Int32Array; inEntity: Int32Array; lastOfEntity: Int32Array } {
  const words = new Int32Array(p.locals * TYPES);
  const inEntity = new Int32Array(p.locals * TYPES);
  const lastOfEntity = new Int32Array(p.locals * TYPES);
  for (let s = 0; s < labels.length; s++) {
    const from = p.sentenceStart[s];
    for (let i = 0; i < labels[s].length; i++) words[p.local[from + i] * TYPES + typeOf(labels[s][i])]++;
    for (const span of spansFromBilou(labels[s])) {
      const type = 1 + ENTITY_TYPES.indexOf(span.label);
      for (let i = span.start; i < span.end; i++) inEntity[p.local[from + i] * TYPES + type]++;
      lastOfEntity[p.local[from + span.end - 1] * TYPES + type]++;
    }
  }
  return { words, inEntity, lastOfEntity };
}

/** Greedy left-to-right decoding of one stage (decode.ts's decodeDocument with the tagger's features), with a first pass for the document stage. */
function decode(p: Prepared, statics: Int32Array, stage: number, firstPass?: readonly (readonly number[])[]): number[][] {
  const { vocab, entries, sentenceStart, local } = p;
  const { weights } = vocab.tables;
  const { transitions, counts, firstPass: fpScores } = vocab.constants;
  const S = vocab.stages;
  const offset = stage * entries.length * L;
  const transitionsAt = stage * PREV * PREV * L;
  const firstPassAt = stage * 3 * PREV * L;
  const countsAt = stage * COUNT_PREFIXES.length * TYPES * 16 * L;
  const history = new Int32Array(p.locals * TYPES);
  const fp = firstPass ? firstPassCounts(p, firstPass) : undefined;
  const others = new Int32Array(TYPES);
  const scores = new Float64Array(L);
  /** The features of a count vector (features.ts's pushCounts) for count prefix `prefix`: the most counted type and the others counted. */
  const addCounts = (prefix: number, c: Int32Array, at: number) => {
    let best = -1;
    let total = 0;
    for (let t = 0; t < TYPES; t++) {
      total += c[at + t];
      if (c[at + t] > 0 && (best < 0 || c[at + t] > c[at + best])) best = t;
    }
    if (total === 0) return;
    let mask = 0;
    for (let t = 1; t < TYPES; t++) if (c[at + t] > 0 && t !== best) mask |= 1 << (t - 1);
    addDense(counts, countsAt + ((prefix * TYPES + best) * 16 + mask) * L, scores, 0);
  };
  const result: number[][] = [];
  for (let s = 0; s + 1 < sentenceStart.length; s++) {
    const from = sentenceStart[s];
    const n = sentenceStart[s + 1] - from;
    const labels = new Array<number>(n);
    const first = firstPass?.[s];
    let prev1 = START;
    let prev2 = START;
    for (let i = 0; i < n; i++) {
      const t = from + i;
      const e = entries[t];
      const base = offset + t * L;
      const tr = transitionsAt + (prev2 * PREV + prev1) * L;
      for (let l = 0; l < L; l++) scores[l] = statics[base + l] + transitions[tr + l];
      addRow(weights, vocab.prevRow(e, 0, prev1, stage), scores, 0);
      addRow(weights, vocab.prevRow(e, 1, prev1, stage), scores, 0);
      if (e.name) addCounts(0, history, local[t] * TYPES);
      if (first && fp) {
        addDense(fpScores, firstPassAt + first[i] * L, scores, 0);
        addDense(fpScores, firstPassAt + (PREV + (i + 1 < n ? first[i + 1] : L)) * L, scores, 0);
        addDense(fpScores, firstPassAt + (2 * PREV + (i + 2 < n ? first[i + 2] : L)) * L, scores, 0);
        if (e.name) {
          const at = local[t] * TYPES;
          for (let k = 0; k < TYPES; k++) others[k] = fp.words[at + k];
          others[typeOf(first[i])]--;
          addCounts(1, others, 0);
          addCounts(2, fp.inEntity, at);
          addCounts(3, fp.lastOfEntity, at);
        }
      }
      const allowed = ALLOWED[prev1];
      const last = i === n - 1;
      let best = -1;
      for (let l = 0; l < L; l++) {
        if (!allowed[l] || (last && !FINAL[l])) continue;
        if (best < 0 || scores[l] > scores[best]) best = l;
      }
      labels[i] = best;
      prev2 = prev1;
      prev1 = best;
    }
    for (let i = 0; i < n; i++) if (entries[from + i].name) history[local[from + i] * TYPES + typeOf(labels[i])]++;
    result.push(labels);
  }
  return result;
}

/** BILOU label indices of one pass with the first stage of `tables` over a training document (used to evaluate a stage while training). */
export function decodeWithStage(tables: TagTables, doc: DocContext, firstPass?: FirstPassInput): number[][] {
  const p = prepare(
    vocabOf(tables, GIVEN),
    doc.sentences.map((sc) => sc.words),
    doc.sentences.map((sc) => sc.gaz),
  );
  return decode(p, staticScores(p, new HashSink()), 0, firstPass?.labels);
}

/** BILOU label indices for one document given as sentences of tokens: the local pass, then (if there is one) the document pass. */
export function labelSentences(model: NerModel, sentences: readonly (readonly string[])[]): number[][] {
  const p = prepare(vocabOf(model, model.gazetteer), sentences);
  const statics = staticScores(p, new HashSink());
  const first = decode(p, statics, 0);
  if (model.stages.length < 2) return first;
  return decode(p, statics, 1, first);
}

/** IOB2 tags ("B-PER", "I-ORG", "O", ...) for one document given as sentences of tokens; the document pass sees all sentences. */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  return labelSentences(model, sentences).map((labels) => iob2FromSpans(spansFromBilou(labels), labels.length));
}
