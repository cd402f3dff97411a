// The tagger's slips: words run into a name, ordinary words read as names at a sentence start.
import type { Document, Token } from "../schema/index.js";
import { FUNCTION_WORDS, MONTH_NAMES, WEEKDAYS } from "./lexicon.js";
import { ENGLISH_WORDS } from "./english-words.js";
import { tokensBySentence } from "./spans.js";

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
