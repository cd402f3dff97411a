// The tagger's slips: words run into a name, ordinary words read as names at a sentence start, a name read with two kinds.
import type { Document, EntityKind, Token } from "../schema/index.js";
import { FUNCTION_WORDS, INSTITUTION_HEADS, MONTH_NAMES, PLACE_HEADS, WEEKDAYS } from "./lexicon.js";
import { ENGLISH_WORDS } from "./english-words.js";
import { type Cand, tokensBySentence } from "./spans.js";

const MONTHS = new Set(MONTH_NAMES);
/** A word written in lower case or capitalised, not in capitals ("US", "WHO", "IT" are names). */
const PLAIN = /^(?:\p{Lu}\p{Ll}*|\p{Ll}+)$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** True for a function word or a weekday, in lower case or capitalised: never the first or last word of a name. */
export function isNameStop(word: string): boolean {
  if (!PLAIN.test(word)) return false;
  const w = word.toLowerCase();
  return FUNCTION_WORDS.has(w) || WEEKDAYS.has(w);
}

/** What a document says about its words' case, for the sentence-start check. */
export interface CaseEvidence {
  /** Words (lower-cased) written capitalised somewhere other than a sentence's first word, outside headings. */
  capitalised: Set<string>;
}

const evidenceCache = new WeakMap<Document, CaseEvidence>();

/** The case evidence of a document, computed once per document object. */
export function caseEvidence(doc: Document): CaseEvidence {
  let out = evidenceCache.get(doc);
  if (out) return out;
  out = { capitalised: new Set() };
  const sentences = tokensBySentence(doc);
  for (const s of doc.sentences) {
    const tokens = sentences[s.index];
    const first = firstWord(tokens);
    if (s.heading) continue;
    for (let k = first + 1; k < tokens.length; k++) {
      const w = tokens[k].text;
      if (/^\p{Lu}/u.test(w) && !/[:"“'‘(]$/u.test(tokens[k - 1].text)) out.capitalised.add(w.toLowerCase());
    }
  }
  evidenceCache.set(doc, out);
  return out;
}

/** Index of a sentence's first word, past opening quotes and brackets. */
function firstWord(tokens: readonly Token[]): number {
  let k = 0;
  while (k < tokens.length && !HAS_WORD.test(tokens[k].text)) k++;
  return k;
}

/**
 * An ordinary English word capitalised only because it starts the sentence ("Black said", "Dark chapter
 * of history", "Potential upsets"): an adjective or adverb of the word list that the document never
 * capitalises but at a sentence's start ("Conrad Black ... Black said" keeps it).
 */
function isOrdinaryWord(word: string, evidence: CaseEvidence): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const w = word.toLowerCase();
  return ENGLISH_WORDS.has(w) && !evidence.capitalised.has(w);
}

/**
 * Tags with the tagger's slips at the edges of its spans set to O: function words and weekdays at a
 * span's end ("Benjamin Netanyahu Thursday", "Schröder On Tuesday"), months at the end of a span
 * other than a person's ("Theresa May" keeps hers), function words at its start where they start the
 * sentence or are in lower case ("Many Starbucks", "Unlike"; "All Nippon Airways" mid-sentence keeps
 * its first word), and a one-word span at the sentence's start that is an ordinary word.
 */
export function repairSpanEdges(
  tokens: readonly Token[],
  tags: readonly string[],
  evidence: CaseEvidence,
): readonly string[] {
  let out: string[] | undefined;
  const first = firstWord(tokens);
  for (let i = 0; i < tokens.length; ) {
    const tag = tags[i] ?? "O";
    if (tag === "O") {
      i++;
      continue;
    }
    const label = tag.slice(2);
    let j = i + 1;
    while (j < tokens.length && tags[j] === `I-${label}`) j++;
    let a = i;
    let b = j;
    const stop = (k: number) => {
      const w = tokens[k].text;
      return !HAS_WORD.test(w) || isNameStop(w) || (label !== "PER" && PLAIN.test(w) && MONTHS.has(w.toLowerCase()));
    };
    while (b > a && stop(b - 1)) b--;
    while (a < b && isNameStop(tokens[a].text) && (a === first || /^\p{Ll}/u.test(tokens[a].text))) a++;
    if (b - a === 1 && a === first && isOrdinaryWord(tokens[a].text, evidence)) b = a;
    if (a !== i || b !== j) {
      out ??= [...tags];
      for (let k = i; k < j; k++) out[k] = k >= a && k < b ? (k === a ? `B-${label}` : `I-${label}`) : "O";
    }
    i = j;
  }
  return out ?? tags;
}

const KIND_OF_LABEL: Readonly<Record<string, EntityKind>> = {
  "ner:PER": "person",
  "ner:ORG": "institution",
  "ner:LOC": "place",
};
const LABEL_OF_KIND: Readonly<Partial<Record<EntityKind, string>>> = {
  person: "ner:PER",
  institution: "ner:ORG",
  place: "ner:LOC",
};

/** A capitalised part of a personal name: "Joe", "Biden", "Jong-un". */
const NAME_WORD = /^\p{Lu}[\p{Ll}'’]+(?:-\p{L}+)*$/u;

/**
 * Words that may make a person's name: name words, none a function word or weekday ("Sunday Times"),
 * the last no institution or place noun.
 */
function isPersonalName(w: readonly string[]): boolean {
  const last = w[w.length - 1].toLowerCase();
  return w.every((x) => NAME_WORD.test(x) && !isNameStop(x)) && !INSTITUTION_HEADS.has(last) && !PLACE_HEADS.has(last);
}

/** A person's name `p` ends in `name`'s last word and is not `name` run on from the left ("Given Bayern Munich"). */
function namedBySurname(p: readonly string[], name: readonly string[]): boolean {
  if (p[p.length - 1] !== name[name.length - 1]) return false;
  return p.length < name.length || p.slice(p.length - name.length).join(" ") !== name.join(" ");
}

/**
 * One sense per document for names of two words or more, which the tagger sometimes reads as a place
 * or organisation after a preposition ("Trust in Joe Biden fell"). A name read with several kinds
 * outside headings takes the kind it was read with most often, a person's on a tie; a place or
 * organisation made of name words that ends in a word the document names a person by ("Biden said",
 * "President Biden") at least as often is that person ("Bayern Munich" five times stays a club
 * where "Munich" was once read as a person). Single words are left alone: "Washington" may be the city and the
 * government in one article. Rewrites `spans` (tagger spans per sentence) in place.
 */
export function unifyNameKinds(doc: Document, spans: Cand[][]): void {
  const counts = new Map<string, Map<EntityKind, number>>();
  const persons: string[][] = [];
  const words = (c: Cand) =>
    KIND_OF_LABEL[c.source] ? doc.text.slice(c.start, c.end).replace(/\s*['’]s?$/u, "").split(/\s+/u) : [];
  for (const s of doc.sentences) {
    if (s.heading) continue;
    for (const c of spans[s.index]) {
      const w = words(c);
      if (c.kind === "person" && w.length > 0) persons.push(w);
      if (w.length < 2) continue;
      const name = w.join(" ");
      const byKind = counts.get(name) ?? new Map<EntityKind, number>();
      byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
      counts.set(name, byKind);
    }
  }
  const chosen = new Map<string, EntityKind>();
  for (const [name, byKind] of counts) {
    const w = name.split(" ");
    const bySurname = persons.filter((p) => namedBySurname(p, w)).length;
    const read = [...byKind.values()].reduce((a, n) => a + n, 0);
    if (!byKind.has("person") && isPersonalName(w) && bySurname >= read) {
      chosen.set(name, "person");
      continue;
    }
    if (byKind.size < 2) continue;
    const most = Math.max(...byKind.values());
    const best = [...byKind].filter(([, n]) => n === most).map(([k]) => k);
    if (best.length === 1) chosen.set(name, best[0]);
    else if (best.includes("person")) chosen.set(name, "person");
  }
  if (chosen.size === 0) return;
  for (const list of spans) {
    for (let k = 0; k < list.length; k++) {
      const kind = chosen.get(words(list[k]).join(" "));
      if (kind && kind !== list[k].kind) list[k] = { ...list[k], kind, source: LABEL_OF_KIND[kind]! };
    }
  }
}
