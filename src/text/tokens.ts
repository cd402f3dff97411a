// Tokeniser with CoNLL/PTB conventions: punctuation and possessive 's split off, hyphenated words, "U.S." and "15,000" whole.
import type { Sentence, Token } from "../schema/index.js";

const TITLE_ABBREVIATIONS =
  "Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cmdr|Adm|Gov|Sen|Rep|Pres|St|Sr|Jr|Rev|Hon|No|Nos|vs|etc|Inc|Ltd|Corp|Co|Bros|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

// Order matters: the first alternative that matches at a position wins.
const TOKEN_RE = new RegExp(
  [
    `(?:${TITLE_ABBREVIATIONS})\\.(?=\\s)`, // Mr.  Gen.  Jan.
    "\\p{L}(?:\\.\\p{L})+\\.?", // U.S.  e.g.
    "\\d+(?:[.,:/]\\d+)*(?:st|nd|rd|th|s|%)?", // 15,000  1990s  3.5%  2024/10
    "[\\p{L}\\p{M}\\p{N}]+(?=n't\\b)", // do|n't
    "n't\\b",
    "'[sS]\\b", // possessive
    "'(?:ll|re|ve|d|m|LL|RE|VE|D|M)\\b",
    "[\\p{L}\\p{M}\\p{N}]+(?:[-&][\\p{L}\\p{M}\\p{N}]+|'(?![sSdm]\\b|ll\\b|re\\b|ve\\b)[\\p{L}\\p{M}]+)*", // words, hyphenated words, O'Brien, AT&T
    "\\.\\.\\.|--|[^\\s]", // any other single non-space character
  ].join("|"),
  "gu",
);

/** Tokenise each sentence of `matching` (the length-preserving normal form); token text is taken from `text`. */
export function tokenise(text: string, matching: string, sentences: readonly Sentence[]): Token[] {
  const form = splittingDashes(text, matching);
  const tokens: Token[] = [];
  for (const s of sentences) {
    const part = form.slice(s.start, s.end);
    TOKEN_RE.lastIndex = 0;
    for (let m = TOKEN_RE.exec(part); m; m = TOKEN_RE.exec(part)) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      tokens.push({ start, end, text: text.slice(start, end), sentence: s.index });
    }
  }
  return tokens;
}

/** En and em dashes separate words ("said—again") though matching reads them as hyphens: give them back. */
function splittingDashes(text: string, matching: string): string {
  const re = /[\u2013\u2014\u2015]/g;
  let out = "";
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out += matching.slice(from, m.index) + "\u2014";
    from = m.index + 1;
  }
  return from === 0 ? matching : out + matching.slice(from);
}
