// Reassemble real multi-document corpora as article files, for corpus-scale builds and measurements.
//
//   npx tsx scripts/corpus-data.ts [--data .data] [--out .data/corpus]
//
// Reads what `npm run data:ner` and `npm run data:re` put in .data/ and writes one text file per
// document: CoNLL-2003 eng.train (946 Reuters articles of August 1996) and eng.testa (216), DWIE dev
// (98 Deutsche Welle articles) and Re-DocRED dev (500 Wikipedia leads). Tokens are joined back into
// prose; each CoNLL sentence, the headline, byline and dateline ("BRUSSELS 1996-08-22") keep their own
// line. The texts are third-party (see docs/data.md) and stay in the git-ignored .data/ folder.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { data: { type: "string", default: ".data" }, out: { type: "string", default: ".data/corpus" } } });
const data = values.data!;
const out = values.out!;

/** Join tokens into prose: no space before closing punctuation and clitics, none after opening brackets. */
export function detokenise(tokens: readonly string[]): string {
  let s = "";
  let quoteOpen = false;
  let glueNext = false;
  for (const t of tokens) {
    let glue = s === "" || glueNext;
    glueNext = false;
    if (/^[.,;:!?%)\]}]$|^'s$|^'S$|^n't$|^'re$|^'ve$|^'ll$|^'d$|^'m$|^\.\.\.$/.test(t)) glue = true;
    if (t === '"') {
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    if (/^[([{$]$/.test(t)) glueNext = true;
    s += glue ? t : ` ${t}`;
  }
  return s;
}

function fresh(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

function conll(file: string, prefix: string): number {
  const path = join(data, file);
  if (!existsSync(path)) {
    process.stderr.write(`corpus-data: ${path} missing (npm run data:ner); skipped\n`);
    return 0;
  }
  const docs: string[][][] = [];
  let sentence: string[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const t = line.trim();
    if (t.startsWith("-DOCSTART-")) {
      docs.push([]);
      continue;
    }
    if (t === "") {
      if (sentence.length > 0) docs[docs.length - 1]?.push(sentence);
      sentence = [];
      continue;
    }
    sentence.push(t.split(" ")[0]);
  }
  if (sentence.length > 0) docs[docs.length - 1]?.push(sentence);
  const dir = join(out, "conll");
  docs.forEach((d, i) => {
    const text = d.map(detokenise).join("\n") + "\n";
    writeFileSync(join(dir, `${prefix}-${String(i + 1).padStart(4, "0")}.txt`), text);
  });
  return docs.length;
}

interface DocRed {
  title: string;
  sents: string[][];
}

function docred(file: string, sub: string): number {
  const path = join(data, file);
  if (!existsSync(path)) {
    process.stderr.write(`corpus-data: ${path} missing (npm run data:re); skipped\n`);
    return 0;
  }
  const docs = JSON.parse(readFileSync(path, "utf8")) as DocRed[];
  const dir = join(out, sub);
  fresh(dir);
  const taken = new Set<string>();
  for (const d of docs) {
    let slug = d.title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "doc";
    for (let n = 2; taken.has(slug); n++) slug = `${slug.replace(/-\d+$/, "")}-${n}`;
    taken.add(slug);
    writeFileSync(join(dir, `${slug}.txt`), d.sents.map(detokenise).join(" ") + "\n");
  }
  return docs.length;
}

fresh(join(out, "conll"));
const counts = {
  "conll (eng.train)": conll("eng.train", "train"),
  "conll (eng.testa)": conll("eng.testa", "testa"),
  dwie: docred("dwie-dev.json", "dwie"),
  redocred: docred("redocred-dev.json", "redocred"),
};
for (const [k, v] of Object.entries(counts)) process.stdout.write(`${k}: ${v} documents\n`);
process.stdout.write(`wrote ${out}\n`);
