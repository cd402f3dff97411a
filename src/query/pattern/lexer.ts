// Tokenizer for match patterns: punctuation, names, quoted strings and numbers, each with its character position.
import { PatternError } from "../errors.js";

export type TokenKind =
  | "(" | ")" | "[" | "]" | "{" | "}" | ":" | "|" | "," | "*" | ".." | "-" | "<" | ">"
  | "name" | "string" | "number" | "end";

export interface Token {
  kind: TokenKind;
  /** The source text of the token (for strings, without quotes or escapes). */
  text: string;
  /** 0-based character offset in the pattern. */
  position: number;
}

const PUNCTUATION = new Set(["(", ")", "[", "]", "{", "}", ":", "|", ",", "*", "-", "<", ">"]);

/** How a token reads in an error message. */
export function describeToken(token: Token): string {
  if (token.kind === "end") return "end of pattern";
  if (token.kind === "string") return `string "${token.text}"`;
  return `"${token.text}"`;
}

/** Split a pattern into tokens, ending with an `end` token. @throws KgError INVALID_PATTERN on a stray character or an open string */
export function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "." && pattern[i + 1] === ".") {
      tokens.push({ kind: "..", text: "..", position: i });
      i += 2;
    } else if (PUNCTUATION.has(c)) {
      tokens.push({ kind: c as TokenKind, text: c, position: i });
      i++;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(?:\.[0-9]+)?/.exec(pattern.slice(i))!;
      tokens.push({ kind: "number", text: m[0], position: i });
      i += m[0].length;
    } else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(pattern.slice(i))!;
      tokens.push({ kind: "name", text: m[0], position: i });
      i += m[0].length;
    } else if (c === '"' || c === "'") {
      const start = i;
      let text = "";
      i++;
      while (i < pattern.length && pattern[i] !== c) {
        if (pattern[i] === "\\" && i + 1 < pattern.length) i++;
        text += pattern[i];
        i++;
      }
      if (i >= pattern.length) throw new PatternError(pattern.length, `closing ${c} for the string opened at ${start}`, "end of pattern");
      tokens.push({ kind: "string", text, position: start });
      i++;
    } else {
      throw new PatternError(i, "a node \"(\" or a relationship \"-[\"", `"${c}"`);
    }
  }
  tokens.push({ kind: "end", text: "", position: pattern.length });
  return tokens;
}
