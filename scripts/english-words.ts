// Write src/extract/english-words.ts: the adjectives and adverbs of compromise's English lexicon (MIT): npx tsx scripts/english-words.ts
//
// The extractor reads them to tell an ordinary word capitalised at a sentence's start ("Financial
// markets fell") from a name. Only words the lexicon tags as nothing but an adjective or adverb are
// taken, single lower-case words, minus the names and demonyms of world-countries: the list names
// nothing. Sorted, so the same lexicon gives the same file.
import { writeFileSync } from "node:fs";
import nlp from "compromise";
import worldCountries from "world-countries";

const TAGS = new Set(["Adjective", "Comparative", "Superlative", "Adverb"]);
const OUT = "src/extract/english-words.ts";

const names = new Set<string>();
for (const c of worldCountries) {
  for (const n of [c.name.common, c.name.official, ...c.altSpellings]) names.add(n.toLowerCase());
  for (const d of Object.values(c.demonyms ?? {})) for (const v of Object.values(d)) names.add(String(v).toLowerCase());
}
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const words = Object.entries(lexicon)
  .filter(([w, t]) => typeof t === "string" && TAGS.has(t) && /^[a-z]{3,}$/.test(w) && !names.has(w))
  .map(([w]) => w)
  .sort();
const lines: string[] = [];
let line = "";
for (const w of words) {
  if (line.length + w.length + 1 > 110) {
    lines.push(line);
    line = "";
  }
  line = line ? `${line} ${w}` : w;
}
if (line) lines.push(line);
const body = lines.map((l, k) => `  "${l}${k < lines.length - 1 ? " " : ""}"`).join(" +\n");
writeFileSync(
  OUT,
  `// Adjectives and adverbs of English, from compromise's lexicon (MIT); written by scripts/english-words.ts, not by hand.\n` +
    `\n/** ${words.length} ordinary English adjectives and adverbs, lower case: no names. */\n` +
    `export const ENGLISH_WORDS: ReadonlySet<string> = new Set(\n  (\n${body.replace(/^/gm, "  ")}\n  ).split(" "),\n);\n`,
);
console.log(`${OUT}: ${words.length} words`);
