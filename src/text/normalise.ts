// Length-preserving normalisation: one output char per input char, so offsets are shared with the original text.

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\r\f\v]/g;

/**
 * The matching form of a text: straight quotes, ASCII hyphens and plain spaces, same length as the input,
 * so an offset into it is an offset into the original.
 */
export function normaliseForMatching(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, "-").replace(SPACES, " ");
}

const matchingCache = new WeakMap<object, string>();

/** The matching form of a document's text, computed once per document object. */
export function matchingText(doc: { readonly text: string }): string {
  let m = matchingCache.get(doc);
  if (m === undefined) matchingCache.set(doc, (m = normaliseForMatching(doc.text)));
  return m;
}

/** Fold case and accents for comparing names: "Kim Jong‑un" and "kim jong-un" fold alike. */
export function foldName(name: string): string {
  if (name.length > 48) return foldUncached(name);
  let folded = foldCache.get(name);
  if (folded === undefined) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(name, (folded = foldUncached(name)));
  }
  return folded;
}

/** Names and tokens repeat across a corpus: fold each short one once (bounded, so memory stays flat). */
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

function foldUncached(name: string): string {
  // fast path: plain ASCII needs no decomposition or mark stripping
  if (/^[\x20-\x7e]*$/.test(name)) {
    return name.toLowerCase().replace(/['"]/g, "").replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim();
  }
  return normaliseForMatching(name.normalize("NFD"))
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['"]/g, "")
    .replace(/[-_]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A URL-safe slug of a name, for stable keys: letters and digits of any script, joined by dashes. */
export function slugify(name: string): string {
  const slug = foldName(name)
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "x";
}
