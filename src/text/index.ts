// The text stage: load, normalise, split sentences and headings, tokenise with UTF-16 offsets.
export { documentFromText, documentFromSource, type DocumentOptions } from "./document.js";
export { normaliseForMatching, matchingText, foldName, slugify } from "./normalise.js";
export { splitSentences } from "./sentences.js";
export { tokenise } from "./tokens.js";
export { htmlToText, markdownToText } from "./markup.js";
export { parseDate, readDate, dayOf } from "./dates.js";
export {
  detectMetadata,
  splitFrontMatter,
  frontMatterMetadata,
  publishedLineDate,
  datelineDate,
  pathDate,
  htmlMetadata,
  type DocumentMetadata,
  type FrontMatter,
  type HtmlMetadata,
  type MetadataInput,
} from "./metadata.js";
