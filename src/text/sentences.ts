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
 * The label of a byline or credit, which news sites run into a paragraph's end: "... he said. Author:
 * Kyle James Editor: Neil King" is a sentence and two credits. A credit is no prose, so it is read
 * like a heading: its names count only where the body uses them, and no relation comes from it.
 */
const CREDIT = /(?:Author|Editor|Reporter|Writer|Translator|Photographer)s?:\s+(?=\p{Lu})/uy;
/**
 * An agency credit that closes a report after its last sentence, with no stop between: the editors'
 * initials and the agencies ("... in September. hc/rc (Reuters, AFP, AP)", "sje/dpa/AP/Reuters").
 * It is read like a credit.
 */
const AGENCY_CREDIT_BODY = String.raw`\p{Ll}{1,4}(?:\/\p{L}{1,10})+(?:\s*\([^()]{1,80}\))?$`;
const AGENCY_CREDIT = new RegExp(`^${AGENCY_CREDIT_BODY}`, "u");
/** The same at the end of a line's last sentence. */
const AGENCY_CREDIT_AFTER = new RegExp(String.raw`(?<=[.!?"'”’)]\s+)${AGENCY_CREDIT_BODY}`, "u");

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
      const credit =
        (isCredit(line, s) && line.slice(s, e).split(/\s+/).length <= HEADING_MAX_WORDS) || AGENCY_CREDIT.test(line.slice(s, e));
      const piece = { index: out.length, start: start + s, end: start + e, text: text.slice(start + s, start + e) };
      out.push({ ...piece, heading: credit });
    }
  }
  return out;
}

/** A line of one sentence is a heading when it is short and lacks final punctuation. */
function isHeading(line: string): boolean {
  if (FINAL_PUNCTUATION.test(line) || line.length > HEADING_MAX_CHARS) return false;
  return line.split(/\s+/).length <= HEADING_MAX_WORDS;
}

/** True when a credit's label ("Author:", "Editor:") starts at `at`. */
function isCredit(line: string, at: number): boolean {
  CREDIT.lastIndex = at;
  return CREDIT.test(line);
}

/** Sentence boundaries inside one line: at sentence ends, before a credit, and before an agency credit. */
function splitLine(line: string): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  const push = (from: number, to: number) => {
    // an agency credit after a sentence, with no stop to split at ("... in September. hc/rc (AFP)")
    const agency = AGENCY_CREDIT_AFTER.exec(line.slice(from, to));
    if (!agency || agency.index === 0) return void parts.push([from, to]);
    let end = from + agency.index;
    while (end > from && /\s/.test(line[end - 1])) end--;
    parts.push([from, end], [from + agency.index, to]);
  };
  for (const [s, e] of splitAtStops(line)) {
    // a credit run into the sentence before it, or into another credit, starts a part of its own
    let from = s;
    for (let k = s + 1; k < e; k++) {
      if (!/\s/.test(line[k - 1]) || !/\p{Lu}/u.test(line[k]) || !isCredit(line, k)) continue;
      let to = k;
      while (to > from && /\s/.test(line[to - 1])) to--;
      if (to > from) push(from, to);
      from = k;
    }
    push(from, e);
  }
  return parts;
}

/** Sentence ends: [.!?] (plus closing quotes) before a space and a capital, digit or quote, not after an abbreviation. */
function splitAtStops(line: string): Array<[number, number]> {
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
