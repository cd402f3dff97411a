// Word clusters (word -> bit string of hierarchical splits, see scripts/word-clusters.ts): parsing, look-up, fingerprint.
import { KgError } from "../../errors.js";
import { hashString } from "./sinks.js";

/** A cluster table: word (case kept) -> bit string; prefixes of the bit string are coarser clusters. */
export interface WordClusters {
  readonly bits: ReadonlyMap<string, string>;
  /** Fingerprint of the table's text, recorded in models trained with it. */
  readonly hash: string;
}

/** Bit-string prefix lengths used as features, as Ratinov & Roth used Brown cluster prefixes. */
export const CLUSTER_PREFIXES = [4, 6, 10, 20] as const;

/** A fingerprint of a text: its two 32-bit feature hashes in hex. */
export function textHash(text: string): string {
  return hashString(text)
    .map((h) => (h >>> 0).toString(16).padStart(8, "0"))
    .join("");
}

/**
 * Parse a cluster table: one `word<TAB>bits` line per word.
 * @throws KgError("INVALID_MODEL") naming the first malformed line.
 */
export function parseWordClusters(text: string, where = "clusters"): WordClusters {
  const bits = new Map<string, string>();
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line++;
    const tab = text.indexOf("\t", start);
    if (end > start) {
      if (tab < 0 || tab >= end || tab === start) {
        throw new KgError("INVALID_MODEL", `parseWordClusters: ${where}:${line} is not "word<TAB>bits"; rebuild it with npm run clusters:ner`, {
          where: `${where}:${line}`,
        });
      }
      bits.set(text.slice(start, tab), text.slice(tab + 1, end));
    }
    start = end + 1;
  }
  return { bits, hash: textHash(text) };
}

/** The bit string of a word: as written, else (for an all-caps word) capitalised, else lowercase; "" when unknown. */
export function clusterOf(clusters: WordClusters | undefined, word: string): string {
  if (!clusters) return "";
  const table = clusters.bits;
  const exact = table.get(word);
  if (exact !== undefined) return exact;
  const lower = word.toLowerCase();
  if (lower === word) return "";
  if (word.length > 1 && word.toUpperCase() === word) {
    const cap = table.get(word[0] + lower.slice(1));
    if (cap !== undefined) return cap;
  }
  return table.get(lower) ?? "";
}
