// Finds where entity names occur in an evidence sentence, so the panel can mark both mentions.

/** Half-open [start, end) ranges of `text` where one of `names` occurs, longest names first, without overlaps. */
export function mentionRanges(text: string, names: readonly string[]): Array<[number, number]> {
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
  if (!unique.length) return [];
  const escaped = unique.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  // A name must not start inside a word; it may end inside one for inflected scripts (Korean particles, Russian cases),
  // but not inside a Latin word ("Korea" in "Korean" is a different name).
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{Script=Latin}\\p{N}])`, "giu");
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}
