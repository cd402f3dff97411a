// Build a Document from decoded text: NFC, sentences and headings, tokens; every offset into `text`.
import type { Document } from "../schema/index.js";
import { normaliseForMatching } from "./normalise.js";
import { splitSentences } from "./sentences.js";
import { tokenise } from "./tokens.js";
import { htmlToText, markdownToText } from "./markup.js";
import { detectMetadata, htmlMetadata, splitFrontMatter, type DocumentMetadata } from "./metadata.js";

export interface DocumentOptions {
  /** sha256 of the source bytes (hex); the CLI computes it. Unknown: 64 zeros. */
  sha256?: string;
  /** Display title; by default the first heading line, else the id's file name. */
  title?: string;
  /** Publication date (ISO 8601 day, or UTC time), where it was read, and the document's URL. */
  date?: string;
  dateSource?: Document["dateSource"];
  url?: string;
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
  const dated = options.date !== undefined ? { date: options.date, ...(options.dateSource ? { dateSource: options.dateSource } : {}) } : {};
  return { id, title, sha256: options.sha256 ?? UNKNOWN_SHA, ...dated, ...(options.url ? { url: options.url } : {}), text, sentences, tokens };
}

/**
 * Turn a source file's decoded content into a Document: YAML front matter cut off (never part of the
 * text), HTML or Markdown markup stripped by extension, and the title, date and URL read from the
 * metadata (src/text/metadata.ts); `options` override what is found.
 */
export function documentFromSource(id: string, content: string, options: DocumentOptions = {}): Document {
  const ext = /\.([^./]+)$/.exec(id)?.[1]?.toLowerCase();
  const html = ext === "html" || ext === "htm";
  const front = html ? undefined : splitFrontMatter(content.replace(/^\uFEFF/, ""));
  const body = front ? front.body : content;
  const read = html ? htmlToText(body) : ext === "md" || ext === "markdown" ? markdownToText(body) : { text: body };
  const meta: DocumentMetadata = detectMetadata({ id, text: read.text, front: front?.data, ...(html ? { html: htmlMetadata(body) } : {}) });
  const title = meta.title ?? read.title;
  const found: DocumentOptions = {
    ...(title !== undefined ? { title } : {}),
    ...(meta.date ? { date: meta.date, dateSource: meta.dateSource } : {}),
    ...(meta.url ? { url: meta.url } : {}),
  };
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as DocumentOptions;
  return documentFromText(id, read.text, { ...found, ...given });
}

function baseName(id: string): string {
  return id.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
}
