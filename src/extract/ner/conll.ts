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

/** Columns of a line (split on runs of spaces and tabs), where its first column ends and its last one lies; columns 0 for a blank line or one that starts with whitespace. */
interface LineShape {
  columns: number;
  firstEnd: number;
  lastStart: number;
  lastEnd: number;
}

/** Scan a line once for its LineShape (written into `out`, one object for all lines). */
function shapeOf(line: string, out: LineShape): void {
  let columns = 0;
  let inside = false;
  let firstEnd = -1;
  let lastStart = 0;
  let lastEnd = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === SPACE || c === TAB) {
      if (k === 0) {
        columns = 0;
        break;
      }
      if (inside) {
        inside = false;
        lastEnd = k;
        if (firstEnd < 0) firstEnd = k;
      }
    } else if (!inside) {
      inside = true;
      columns++;
      lastStart = k;
    }
  }
  if (inside) {
    lastEnd = line.length;
    if (firstEnd < 0) firstEnd = line.length;
  }
  out.columns = columns;
  out.firstEnd = firstEnd;
  out.lastStart = lastStart;
  out.lastEnd = lastEnd;
}

/**
 * Split CoNLL text into documents and sentences; every token line must have the same number of columns.
 * @throws KgError("INVALID_CONLL") naming `where` and the line.
 */
export function parseConll(text: string, where: string, options: Partial<ConllOptions> = {}): ConllFile {
  const { requireTags } = { ...CONLL_DEFAULTS, ...options };
  const lines = text.split("\n");
  if (text.includes("\r")) for (let n = 0; n < lines.length; n++) if (lines[n].endsWith("\r")) lines[n] = lines[n].slice(0, -1);
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
  const shape: LineShape = { columns: 0, firstEnd: 0, lastStart: 0, lastEnd: 0 };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    shapeOf(line, shape);
    const cols = shape.columns;
    if (cols === 0) {
      if (line.trim() === "") {
        endSentence();
        continue;
      }
      throw fail(n, "a token line must start with the token (no leading whitespace)");
    }
    const token = line.slice(0, shape.firstEnd);
    if (token === "-DOCSTART-") {
      endDocument();
      continue;
    }
    if (columns < 0) columns = cols;
    else if (cols !== columns) throw fail(n, `expected ${columns} columns like the first token line, found ${cols}`);
    const tag = line.slice(shape.lastStart, shape.lastEnd);
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
