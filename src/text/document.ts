// Build a Document from decoded text: NFC, sentences and headings, tokens; every offset into `text`.
import type { Document } from "../schema/index.js";
import { normaliseForMatching } from "./normalise.js";
import { splitSentences } from "./sentences.js";
import { tokenise } from "./tokens.js";
import { htmlToText, markdownToText } from "./markup.js";

export interface DocumentOptions {
  /** sha256 of the source bytes (hex); the CLI computes it. Unknown: 64 zeros. */
  sha256?: string;
  /** Display title; by default the first heading line, else the id's file name. */
  title?: string;
}

const UNKNOWN_SHA = "0".repeat(64);

/** Turn decoded plain text into a Document with sentences and tokens. */
export function documentFromText(id: string, raw: string, options: DocumentOptions = {}): Document {
  const text = raw.replace(/^\uFEFF/, "").normalize("NFC");
  const matching = normaliseForMatching(text);
  const sentences = splitSentences(text, matching);
  const tokens = tokenise(text, matching, sentences);
  const firstHeading = sentences.length > 0 && sentences[0].heading ? sentences[0].text : undefined;
  const title = options.title ?? firstHeading ?? baseName(id);
  return { id, title, sha256: options.sha256 ?? UNKNOWN_SHA, text, sentences, tokens };
}

/** Turn a source file's decoded content into a Document, stripping HTML or Markdown markup by extension. */
export function documentFromSource(id: string, content: string, options: DocumentOptions = {}): Document {
  const ext = /\.([^./]+)$/.exec(id)?.[1]?.toLowerCase();
  if (ext === "html" || ext === "htm") {
    const { text, title } = htmlToText(content);
    return documentFromText(id, text, { title, ...options });
  }
  if (ext === "md" || ext === "markdown") {
    const { text, title } = markdownToText(content);
    return documentFromText(id, text, { title, ...options });
  }
  return documentFromText(id, content, options);
}

function baseName(id: string): string {
  return id.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
}
