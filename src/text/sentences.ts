// Sentence and heading segmentation over the matching form of a text, with offsets into the original.
import type { Sentence } from "../schema/index.js";

/** Abbreviations whose period does not end a sentence (lower-cased, without the period). */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof gen lt col maj capt sgt cmdr adm gov sen rep pres st sr jr rev hon " +
    "no nos vs etc approx est dept univ inc ltd corp co bros jan feb mar apr jun jul aug sep sept oct nov dec " +
    "e.g i.e u.s u.k u.n a.m p.m fig op cf al"
  ).split(" "),
);

const FINAL_PUNCTUATION = /[.!?:;"')\]…]$/;
/**
 * Headings are short: news headlines run to about a dozen words (the longest of 75 Deutsche Welle
 * titles has 13). A longer line without its final stop is prose whose last sentence lost it, or ends
 * in a byline or credit ("... Author: Kyle James Editor: Neil King").
 */
const HEADING_MAX_WORDS = 14;
const HEADING_MAX_CHARS = 120;

/**
 * Split a text into sentences and headings. A heading is a short line with no final punctuation
 * that would not split into sentences; every other line is prose, split at its sentence ends.
 */
export function splitSentences(text: string, matching: string): Sentence[] {
  const out: Sentence[] = [];
  const lineRe = /[^\n]+/g;
  for (let m = lineRe.exec(matching); m; m = lineRe.exec(matching)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /[\s\p{Cc}]/u.test(matching[start])) start++;
    while (end > start && /[\s\p{Cc}]/u.test(matching[end - 1])) end--;
    if (start === end) continue;
    const line = matching.slice(start, end);
    const parts = splitLine(line);
    if (parts.length === 1 && isHeading(line)) {
      out.push({ index: out.length, start, end, text: text.slice(start, end), heading: true });
      continue;
    }
    for (const [s, e] of parts) {
      out.push({ index: out.length, start: start + s, end: start + e, text: text.slice(start + s, start + e), heading: false });
    }
  }
  return out;
}

/** A line of one sentence is a heading when it is short and lacks final punctuation. */
function isHeading(line: string): boolean {
  if (FINAL_PUNCTUATION.test(line) || line.length > HEADING_MAX_CHARS) return false;
  return line.split(/\s+/).length <= HEADING_MAX_WORDS;
}

/** Sentence boundaries inside one line: [.!?] (plus closing quotes) before a space and a capital, digit or quote. */
function splitLine(line: string): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  const re = /[.!?]+["')\]]*(?=\s+["'(\[]?[\p{Lu}\p{N}])/gu;
  let from = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const stop = m.index + m[0].length;
    if (m[0][0] === "." && m[0].length === 1 && isAbbreviation(line, m.index)) continue;
    parts.push([from, stop]);
    from = stop;
    while (from < line.length && /\s/.test(line[from])) from++;
  }
  if (from < line.length) parts.push([from, line.length]);
  return parts;
}

function isAbbreviation(line: string, dot: number): boolean {
  if (/^\s*[\dIVXivx]{1,4}$/.test(line.slice(0, dot))) return true; // "1. The army ..." numbers a paragraph
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(line[i - 1])) i--;
  const word = line.slice(i, dot);
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}
