// Feature extraction: per-token local features, document context (case forms, headlines) and label-history features.
import { matchGazetteer, type Gazetteer } from "./gazetteer.js";
import { BILOU_LABELS, ENTITY_TYPES, START } from "./labels.js";

/** One sentence with the per-token strings features are made of. */
export interface SentenceContext {
  words: readonly string[];
  lower: string[];
  shapes: string[];
  short: string[];
  gaz: string[][];
  /** All letters upper case (a headline or dateline): case says nothing there. */
  headline: boolean;
}

/** A document ready for feature extraction. */
export interface DocContext {
  sentences: SentenceContext[];
  /** lowercase word -> counts of its case forms [lower, capitalised, upper] where case is informative. */
  caseForms: Map<string, [number, number, number]>;
}

/** Word shape: upper X, lower x, digit d, other characters kept, runs cut at 4; `short` collapses runs to one. */
export function wordShape(word: string): { shape: string; short: string } {
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
export function buildDocContext(gaz: Gazetteer, sentences: readonly (readonly string[])[]): DocContext {
  const caseForms = new Map<string, [number, number, number]>();
  const out: SentenceContext[] = sentences.map((words) => {
    const lower = words.map((w) => w.toLowerCase());
    const shapes: string[] = [];
    const short: string[] = [];
    let letters = 0;
    let upper = true;
    for (const w of words) {
      const s = wordShape(w);
      shapes.push(s.shape);
      short.push(s.short);
      if (/\p{L}/u.test(w)) {
        if (w.length > 1) letters++;
        if (w.toUpperCase() !== w) upper = false;
      }
    }
    const headline = upper && letters > 0;
    if (!headline) {
      for (let i = 1; i < words.length; i++) {
        const f = caseForm(words[i], short[i]);
        if (f < 0) continue;
        const c = caseForms.get(lower[i]) ?? [0, 0, 0];
        c[f]++;
        caseForms.set(lower[i], c);
      }
    }
    return { words, lower, shapes, short, gaz: matchGazetteer(gaz, lower), headline };
  });
  return { sentences: out, caseForms };
}

const FORM_NAMES = ["lower", "cap", "upper"];

/** Push the features of token i of sentence s that do not depend on predicted labels. */
export function staticFeatures(doc: DocContext, s: number, i: number, out: string[]): void {
  const sc = doc.sentences[s];
  const { words, lower, short, gaz } = sc;
  const n = words.length;
  const w = words[i];
  const lw = lower[i];
  const ss = short[i];
  const lm1 = i > 0 ? lower[i - 1] : "<s>";
  const lp1 = i + 1 < n ? lower[i + 1] : "</s>";
  const lm2 = i > 1 ? lower[i - 2] : "<s>";
  const lp2 = i + 2 < n ? lower[i + 2] : "</s>";
  const sm1 = i > 0 ? short[i - 1] : "<s>";
  const sp1 = i + 1 < n ? short[i + 1] : "</s>";
  out.push("b", "w=" + w, "l=" + lw, "s=" + sc.shapes[i], "ss=" + ss);
  const len = lw.length;
  for (let k = 1; k <= 4 && k < len; k++) out.push(`p${k}=` + lw.slice(0, k), `x${k}=` + lw.slice(len - k));
  out.push("l-1=" + lm1, "l+1=" + lp1, "l-2=" + lm2, "l+2=" + lp2);
  out.push("ss-1=" + sm1, "ss+1=" + sp1, "ss-2=" + (i > 1 ? short[i - 2] : "<s>"), "ss+2=" + (i + 2 < n ? short[i + 2] : "</s>"));
  out.push("ll-1=" + lm1 + "|" + lw, "ll+1=" + lw + "|" + lp1, "ss3=" + sm1 + "|" + ss + "|" + sp1, "l-1ss=" + lm1 + "|" + ss);
  if (i === 0) out.push("first|" + ss);
  if (sc.headline) out.push("hl", "hl|l=" + lw);
  if (/\d/.test(w)) out.push("n=" + lw.replace(/\d/g, "0"));
  if (w.includes("-") && w.length > 1) out.push("hyph");
  for (const g of gaz[i]) out.push("g=" + g);
  for (const g of i > 0 ? gaz[i - 1] : []) out.push("g-1=" + g);
  for (const g of i + 1 < n ? gaz[i + 1] : []) out.push("g+1=" + g);
  const forms = doc.caseForms.get(lw);
  if (forms) {
    const own = !sc.headline && i > 0 ? caseForm(w, ss) : -1;
    const ambiguous = i === 0 || sc.headline;
    for (let f = 0; f < 3; f++) {
      if (forms[f] - (own === f ? 1 : 0) <= 0) continue;
      out.push("dc=" + FORM_NAMES[f]);
      if (ambiguous) out.push("dci=" + FORM_NAMES[f]);
    }
  }
}

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

function pushCounts(prefix: string, counts: readonly number[] | undefined, out: string[]): void {
  if (!counts) return;
  let best = -1;
  let total = 0;
  for (let t = 0; t < counts.length; t++) {
    total += counts[t];
    if (counts[t] > 0 && (best < 0 || counts[t] > counts[best])) best = t;
  }
  if (total === 0) return;
  out.push(prefix + "=" + TYPE_NAMES[best]);
  for (let t = 1; t < counts.length; t++) if (counts[t] > 0 && t !== best) out.push(prefix + "+" + TYPE_NAMES[t]);
}

/** Push the features that depend on previous labels in the sentence and earlier labels in the document. */
export function dynamicFeatures(
  lw: string,
  ss: string,
  prev1: number,
  prev2: number,
  history: LabelHistory,
  out: string[],
): void {
  const p1 = prev1 === START ? "<s>" : BILOU_LABELS[prev1];
  const p2 = prev2 === START ? "<s>" : BILOU_LABELS[prev2];
  out.push("t-1=" + p1, "t-2=" + p2 + "|" + p1, "t-1l=" + p1 + "|" + lw, "t-1s=" + p1 + "|" + ss);
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
export function firstPassFeatures(fp: FirstPass, lw: string, ss: string, own: number, out: string[]): void {
  if (!mayBeName(ss)) return;
  const counts = fp.words.get(lw);
  if (counts) {
    const others = counts.slice();
    others[own === 0 ? 0 : 1 + ((own - 1) >> 2)]--;
    pushCounts("a", others, out);
  }
  pushCounts("e", fp.inEntity.get(lw), out);
  pushCounts("el", fp.lastOfEntity.get(lw), out);
}
