// CoNLL column files: parse into documents of sentences (token first column, NER tag last), and write tags back per line.
import { KgError } from "../../errors.js";
import { isIobTag } from "./labels.js";

/** One sentence of a CoNLL file: tokens, the last column (gold tags when present), and the 0-based line of each token. */
export interface ConllSentence {
  tokens: string[];
  tags: string[];
  lines: number[];
}

/** A CoNLL file split into lines and documents (documents are delimited by -DOCSTART- lines). */
export interface ConllFile {
  lines: string[];
  documents: ConllSentence[][];
}

/** Parse options: `requireTags` checks that the last column is an IOB tag over PER/ORG/LOC/MISC. */
export interface ConllOptions {
  requireTags: boolean;
}
export const CONLL_DEFAULTS: ConllOptions = { requireTags: false };

const SPACE = 32;
const TAB = 9;

/** The index of the first space or tab at or after `from`, or the line's length. */
function cut(line: string, from: number): number {
  let k = from;
  while (k < line.length) {
    const c = line.charCodeAt(k);
    if (c === SPACE || c === TAB) break;
    k++;
  }
  return k;
}

/** Columns of a line split on runs of spaces and tabs; 0 for a blank line or one that starts with whitespace. */
function columnsOf(line: string): number {
  let cols = 0;
  let inside = false;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === SPACE || c === TAB) {
      if (k === 0) return 0;
      inside = false;
    } else if (!inside) {
      inside = true;
      cols++;
    }
  }
  return cols;
}

/** The last column of a line with at least one column. */
function lastColumn(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === SPACE || line.charCodeAt(end - 1) === TAB)) end--;
  let start = end;
  while (start > 0 && line.charCodeAt(start - 1) !== SPACE && line.charCodeAt(start - 1) !== TAB) start--;
  return line.slice(start, end);
}

/**
 * Split CoNLL text into documents and sentences; every token line must have the same number of columns.
 * @throws KgError("INVALID_CONLL") naming `where` and the line.
 */
export function parseConll(text: string, where: string, options: Partial<ConllOptions> = {}): ConllFile {
  const { requireTags } = { ...CONLL_DEFAULTS, ...options };
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const documents: ConllSentence[][] = [];
  let doc: ConllSentence[] = [];
  let sentence: ConllSentence = { tokens: [], tags: [], lines: [] };
  let columns = -1;
  const fail = (n: number, message: string) =>
    new KgError("INVALID_CONLL", `parseConll: ${where}:${n + 1}: ${message}`, { where: `${where}:${n + 1}` });
  const endSentence = () => {
    if (sentence.tokens.length) doc.push(sentence);
    sentence = { tokens: [], tags: [], lines: [] };
  };
  const endDocument = () => {
    endSentence();
    if (doc.length) documents.push(doc);
    doc = [];
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const cols = columnsOf(line);
    if (cols === 0) {
      if (line.trim() === "") {
        endSentence();
        continue;
      }
      throw fail(n, "a token line must start with the token (no leading whitespace)");
    }
    const first = cut(line, 0);
    const token = line.slice(0, first);
    if (token === "-DOCSTART-") {
      endDocument();
      continue;
    }
    if (columns < 0) columns = cols;
    else if (cols !== columns) throw fail(n, `expected ${columns} columns like the first token line, found ${cols}`);
    const tag = lastColumn(line);
    if (requireTags && (cols < 2 || !isIobTag(tag))) {
      throw fail(n, `last column "${tag}" is not an IOB tag (O, B-X or I-X with X in PER, ORG, LOC, MISC)`);
    }
    sentence.tokens.push(token);
    sentence.tags.push(tag);
    sentence.lines.push(n);
  }
  endDocument();
  return { lines, documents };
}

/** The file's lines with a predicted tag appended to every token line and "O" to -DOCSTART- lines; blank lines kept. */
export function writeConllTags(file: ConllFile, predicted: readonly (readonly (readonly string[])[])[]): string {
  const byLine = new Array<string | undefined>(file.lines.length);
  file.documents.forEach((doc, d) =>
    doc.forEach((sentence, s) => sentence.lines.forEach((line, i) => (byLine[line] = predicted[d][s][i]))),
  );
  const out = file.lines.map((line, n) => {
    if (line.trim() === "") return line;
    if (line.startsWith("-DOCSTART-")) return `${line} O`;
    return `${line} ${byLine[n] ?? "O"}`;
  });
  return out.length ? out.join("\n") + "\n" : "";
}
