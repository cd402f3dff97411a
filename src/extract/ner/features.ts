// Feature extraction: per-token local features, document context (case forms, headlines) and label-history features.
import { CLUSTER_PREFIXES, clusterOf, type WordClusters } from "./clusters.js";
import { matchGazetteer, type Gazetteer } from "./gazetteer.js";
import { BILOU_LABELS, ENTITY_TYPES, START } from "./labels.js";
import type { FeatureSink } from "./sinks.js";

/** One sentence with the per-token strings features are made of. */
export interface SentenceContext {
  words: readonly string[];
  lower: string[];
  short: string[];
  gaz: ReadonlyArray<readonly string[]>;
  /** Case form per token (0 lower, 1 capitalised, 2 upper, -1 none). */
  forms: number[];
  /** All letters upper case (a headline or dateline): case says nothing there. */
  headline: boolean;
}

/** A document ready for feature extraction. */
export interface DocContext {
  sentences: SentenceContext[];
  /** lowercase word -> counts of its case forms [lower, capitalised, upper] where case is informative. */
  caseForms: Map<string, [number, number, number]>;
  /** lowercase capitalised word -> its first few positions [sentence, token] in the document. */
  occurrences: Map<string, Array<[number, number]>>;
  /** Word clusters of the model, if it was trained with them. */
  clusters?: WordClusters;
}

/** What features need of a word on its own, computed once per distinct word (see wordShape). */
interface WordInfo {
  shapes: { shape: string; short: string };
  lower: string;
  /** caseForm of the word. */
  form: number;
  /** The word has a letter. */
  letter: boolean;
  /** Upper-casing leaves the word as it is. */
  upper: boolean;
}

const WORDS = new Map<string, WordInfo>();

function wordInfo(word: string): WordInfo {
  let info = WORDS.get(word);
  if (info) return info;
  if (WORDS.size > 200_000) WORDS.clear();
  const shapes = computeShape(word);
  info = { shapes, lower: word.toLowerCase(), form: caseForm(word, shapes.short), letter: /\p{L}/u.test(word), upper: word.toUpperCase() === word };
  WORDS.set(word, info);
  return info;
}

/** Word shape: upper X, lower x, digit d, other characters kept, runs cut at 4; `short` collapses runs to one. */
export function wordShape(word: string): { shape: string; short: string } {
  return wordInfo(word).shapes;
}

function computeShape(word: string): { shape: string; short: string } {
  let shape = "";
  let short = "";
  let last = "";
  let run = 0;
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    let c: string;
    if (code >= 65 && code <= 90) c = "X";
    else if (code >= 97 && code <= 122) c = "x";
    else if (code >= 48 && code <= 57) c = "d";
    else if (code < 128) c = ch;
    else if (ch.toLowerCase() !== ch) c = "X";
    else if (ch.toUpperCase() !== ch) c = "x";
    else if (/\p{N}/u.test(ch)) c = "d";
    else if (/\p{L}/u.test(ch)) c = "x";
    else c = ch;
    if (c === last) run++;
    else {
      run = 1;
      last = c;
      short += c;
    }
    if (run <= 4) shape += c;
  }
  return { shape, short };
}

function caseForm(word: string, short: string): number {
  if (!/\p{L}/u.test(word)) return -1;
  if (word.toLowerCase() === word) return 0;
  if (word.length > 1 && word.toUpperCase() === word) return 2;
  return short[0] === "X" ? 1 : -1;
}

/** Prepare the sentences of one document (token strings) for feature extraction. */
export function buildDocContext(gaz: Gazetteer, sentences: readonly (readonly string[])[], clusters?: WordClusters): DocContext {
  const caseForms = new Map<string, [number, number, number]>();
  const out: SentenceContext[] = sentences.map((words) => {
    const lower: string[] = [];
    const short: string[] = [];
    const forms: number[] = [];
    let letters = 0;
    let upper = true;
    for (const w of words) {
      const info = wordInfo(w);
      lower.push(info.lower);
      short.push(info.shapes.short);
      forms.push(info.form);
      if (info.letter) {
        if (w.length > 1) letters++;
        if (!info.upper) upper = false;
      }
    }
    const headline = upper && letters > 0;
    if (!headline) {
      for (let i = 1; i < words.length; i++) {
        const f = forms[i];
        if (f < 0) continue;
        const c = caseForms.get(lower[i]) ?? [0, 0, 0];
        c[f]++;
        caseForms.set(lower[i], c);
      }
    }
    return { words, lower, short, gaz: matchGazetteer(gaz, lower), forms, headline };
  });
  const occurrences = new Map<string, Array<[number, number]>>();
  out.forEach((sc, s) =>
    sc.short.forEach((ss, i) => {
      if (!mayBeName(ss)) return;
      const list = occurrences.get(sc.lower[i]);
      if (!list) occurrences.set(sc.lower[i], [[s, i]]);
      else if (list.length < MAX_OCCURRENCES) list.push([s, i]);
    }),
  );
  return { sentences: out, caseForms, occurrences, clusters };
}

/** Context aggregation looks at this many occurrences of a word per document. */
const MAX_OCCURRENCES = 6;

const FORM_NAMES = ["lower", "cap", "upper"];

/** Emit the features of token i of sentence s that do not depend on predicted labels. */
export function staticFeatures(doc: DocContext, s: number, i: number, out: FeatureSink): void {
  const { words, lower, short } = doc.sentences[s];
  const n = words.length;
  const cl = doc.clusters;
  wordFeatures(words[i], out, cl && clusterOf(cl, words[i]));
  neighbourFeatures(0, i > 0 ? lower[i - 1] : "<s>", i > 0 ? short[i - 1] : "<s>", out, cl && i > 0 ? clusterOf(cl, words[i - 1]) : undefined);
  neighbourFeatures(1, i + 1 < n ? lower[i + 1] : "</s>", i + 1 < n ? short[i + 1] : "</s>", out, cl && i + 1 < n ? clusterOf(cl, words[i + 1]) : undefined);
  neighbourFeatures(2, i > 1 ? lower[i - 2] : "<s>", i > 1 ? short[i - 2] : "<s>", out);
  neighbourFeatures(3, i + 2 < n ? lower[i + 2] : "</s>", i + 2 < n ? short[i + 2] : "</s>", out);
  contextFeatures(doc, s, i, out);
}

/** The parts of a word before its first and after its last inner hyphen, lowercased. */
export function hyphenPartsOf(w: string): [string, string] | undefined {
  const first = w.indexOf("-");
  const last = w.lastIndexOf("-");
  return first > 0 && last < w.length - 1 ? [w.slice(0, first).toLowerCase(), w.slice(last + 1).toLowerCase()] : undefined;
}

/**
 * Features of the word itself, whatever its position: they depend on the string only, so taggers may cache them.
 * `bits` is its cluster bit string ("" unknown to the table, undefined for a model without clusters).
 */
export function wordFeatures(w: string, out: FeatureSink, bits?: string): void {
  const lw = w.toLowerCase();
  const { shape, short } = wordShape(w);
  out.f("b", "");
  out.f("w=", w);
  out.f("l=", lw);
  out.f("s=", shape);
  out.f("ss=", short);
  const len = lw.length;
  for (let k = 1; k <= 4 && k < len; k++) {
    out.f(PREFIX[k], lw.slice(0, k));
    out.f(SUFFIX[k], lw.slice(len - k));
  }
  if (/\d/.test(w)) out.f("n=", lw.replace(/\d/g, "0"));
  const parts = hyphenPartsOf(w);
  if (parts) {
    out.f("hyph", "");
    out.f("hp=", parts[0]);
    out.f("hx=", parts[1]);
  }
  if (bits !== undefined) clusterFeatures(CLUSTER_SELF, bits, out);
}

const CLUSTER_SELF = CLUSTER_PREFIXES.map((p) => `c${p}=`);
const CLUSTER_NEIGHBOUR = [CLUSTER_PREFIXES.slice(0, 3).map((p) => `c-1:${p}=`), CLUSTER_PREFIXES.slice(0, 3).map((p) => `c+1:${p}=`)];

/** Cluster prefixes of a word (one per name in `names`), or a single "unknown" feature. */
function clusterFeatures(names: readonly string[], bits: string, out: FeatureSink): void {
  if (!bits) {
    out.f(names[0], "?");
    return;
  }
  for (let k = 0; k < names.length; k++) out.f(names[k], bits.slice(0, CLUSTER_PREFIXES[k]));
}

const NEIGHBOUR_PREFIXES = [
  ["l-1=", "ss-1="],
  ["l+1=", "ss+1="],
  ["l-2=", "ss-2="],
  ["l+2=", "ss+2="],
];

/**
 * Features a word gives the token next to it: role 0 = it is the previous word, 1 the next, 2 two before, 3 two after;
 * `bits` (its cluster bit string, see wordFeatures) counts for the previous and next word only.
 */
export function neighbourFeatures(role: number, lw: string, ss: string, out: FeatureSink, bits?: string): void {
  out.f(NEIGHBOUR_PREFIXES[role][0], lw);
  out.f(NEIGHBOUR_PREFIXES[role][1], ss);
  if (bits !== undefined && role < 2) clusterFeatures(CLUSTER_NEIGHBOUR[role], bits, out);
}

/** Features of token i that depend on its sentence and document beyond single words. */
export function contextFeatures(doc: DocContext, s: number, i: number, out: FeatureSink): void {
  const sc = doc.sentences[s];
  const { lower, short, gaz } = sc;
  const n = lower.length;
  const lw = lower[i];
  const ss = short[i];
  const lm1 = i > 0 ? lower[i - 1] : "<s>";
  const lp1 = i + 1 < n ? lower[i + 1] : "</s>";
  const sm1 = i > 0 ? short[i - 1] : "<s>";
  const sp1 = i + 1 < n ? short[i + 1] : "</s>";
  out.f2("ll-1=", lm1, lw);
  out.f2("ll+1=", lw, lp1);
  out.f3("ss3=", sm1, ss, sp1);
  out.f2("l-1ss=", lm1, ss);
  out.f2("ssl+1=", ss, lp1);
  if (i === 0) out.f("first|", ss);
  if (sc.headline) {
    out.f("hl", "");
    out.f("hl|l=", lw);
  }
  for (const g of gaz[i]) out.f("g=", g);
  if (i > 0) for (const g of gaz[i - 1]) out.f("g-1=", g);
  if (i + 1 < n) for (const g of gaz[i + 1]) out.f("g+1=", g);
  const seen = doc.occurrences.get(lw);
  if (seen && seen.length > 1) {
    // Context aggregation: the neighbours of the same word elsewhere in the document.
    for (const [os, oi] of seen) {
      if (os === s && oi === i) continue;
      const other = doc.sentences[os].lower;
      out.f("ca-1=", oi > 0 ? other[oi - 1] : "<s>");
      out.f("ca+1=", oi + 1 < other.length ? other[oi + 1] : "</s>");
    }
  }
  const forms = doc.caseForms.get(lw);
  if (forms) {
    const own = !sc.headline && i > 0 ? sc.forms[i] : -1;
    const ambiguous = i === 0 || sc.headline;
    for (let f = 0; f < 3; f++) {
      if (forms[f] - (own === f ? 1 : 0) <= 0) continue;
      out.f("dc=", FORM_NAMES[f]);
      if (ambiguous) out.f("dci=", FORM_NAMES[f]);
    }
  }
}

const PREFIX = ["", "p1=", "p2=", "p3=", "p4="];
const SUFFIX = ["", "x1=", "x2=", "x3=", "x4="];

/** Words with an upper-case letter (by short shape) are the ones whose labels elsewhere in a document are informative. */
export function mayBeName(short: string): boolean {
  return short.includes("X");
}

/** Counts of entity types (index 0 = O, then ENTITY_TYPES) a word was labelled with, by lowercase form. */
export type LabelHistory = Map<string, number[]>;

/** Record the type of label `label` (BILOU index) for word `lw`. */
export function recordHistory(history: LabelHistory, lw: string, label: number): void {
  let c = history.get(lw);
  if (!c) {
    c = [0, 0, 0, 0, 0];
    history.set(lw, c);
  }
  c[label === 0 ? 0 : 1 + ((label - 1) >> 2)]++;
}

const TYPE_NAMES = ["O", ...ENTITY_TYPES];

const TYPE_EQ = TYPE_NAMES.map((t) => "=" + t);
const TYPE_PLUS = TYPE_NAMES.map((t) => "+" + t);

function pushCounts(prefix: string, counts: readonly number[] | undefined, out: FeatureSink): void {
  if (!counts) return;
  let best = -1;
  let total = 0;
  for (let t = 0; t < counts.length; t++) {
    total += counts[t];
    if (counts[t] > 0 && (best < 0 || counts[t] > counts[best])) best = t;
  }
  if (total === 0) return;
  out.f(prefix, TYPE_EQ[best]);
  for (let t = 1; t < counts.length; t++) if (counts[t] > 0 && t !== best) out.f(prefix, TYPE_PLUS[t]);
}

/** Push the features that depend on previous labels in the sentence and earlier labels in the document. */
export function dynamicFeatures(
  lw: string,
  ss: string,
  prev1: number,
  prev2: number,
  history: LabelHistory,
  out: FeatureSink,
): void {
  const p1 = prev1 === START ? "<s>" : BILOU_LABELS[prev1];
  const p2 = prev2 === START ? "<s>" : BILOU_LABELS[prev2];
  out.f("t-1=", p1);
  out.f2("t-2=", p2, p1);
  out.f2("t-1l=", p1, lw);
  out.f2("t-1s=", p1, ss);
  if (mayBeName(ss)) pushCounts("h", history.get(lw), out);
}

/** Labels of a whole first pass over a document, as counts per word and per word inside entities. */
export interface FirstPass {
  /** lowercase word -> counts of types over all its occurrences. */
  words: Map<string, number[]>;
  /** lowercase word -> counts of types of first-pass entities that contain it. */
  inEntity: Map<string, number[]>;
  /** lowercase word -> counts of types of first-pass entities that end with it. */
  lastOfEntity: Map<string, number[]>;
}

/** Push the document-level features taken from a first pass: how the same word was labelled elsewhere. */
export function firstPassFeatures(fp: FirstPass, lw: string, ss: string, labels: readonly number[], i: number, out: FeatureSink): void {
  // Look-ahead the greedy first pass lacked: its labels here and on the next two tokens.
  out.f("f0=", BILOU_LABELS[labels[i]]);
  out.f("f+1=", i + 1 < labels.length ? BILOU_LABELS[labels[i + 1]] : "</s>");
  out.f("f+2=", i + 2 < labels.length ? BILOU_LABELS[labels[i + 2]] : "</s>");
  if (!mayBeName(ss)) return;
  const own = labels[i];
  const counts = fp.words.get(lw);
  if (counts) {
    const others = counts.slice();
    others[own === 0 ? 0 : 1 + ((own - 1) >> 2)]--;
    pushCounts("a", others, out);
  }
  pushCounts("e", fp.inEntity.get(lw), out);
  pushCounts("el", fp.lastOfEntity.get(lw), out);
}
