// Extract the relation corpora from the git mirrors into .data/ and convert them to gold folders (never committed): npm run data:re
//
// Each source is pinned to the commit docs/data.md lists with its licence. Only development and training
// splits are read. The conversions use shared/tools/dwie_to_gold.py and redocred_to_gold.py (the mapping
// we score with) and scripts/conll04-to-gold.ts. Re-DocRED dev is then split by a hash of each document's
// slug into a part to train on and a part held apart for measuring, and DWIE dev into halves by slug order.
//
// A mirror may list a file without holding its content (snapshots leave out files of 4 MiB and more, such
// as DWIE's train_annotated.json). Such a file is read from .data/ instead when a copy is there whose git
// blob id is the one the pinned commit lists, so only the pinned bytes are ever used; an optional file
// that is in neither place is skipped with a warning, and so is its conversion.
import { createHash } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    mirrors: { type: "string", default: "/work/.mirror" },
    tools: { type: "string", default: resolve("../shared/tools") },
    data: { type: "string", default: ".data" },
  },
});

interface SourceFile {
  path: string;
  as: string;
  /** Set for a file the corpora can do without: the conversions that need it are skipped when it is missing. */
  optional?: boolean;
}

interface Source {
  repo: string;
  commit: string;
  files: SourceFile[];
}

const SOURCES: Source[] = [
  {
    repo: "XingYing-stack+MILR",
    commit: "c0aaf7a7b11b9ee90d5e8016db2a0410275203ca",
    files: [
      { path: "dataset_dwie/dev.json", as: "dwie-dev.json" },
      { path: "dataset_dwie/train_annotated.json", as: "dwie-train.json", optional: true },
    ],
  },
  { repo: "tonytan48+Re-DocRED", commit: "ccfb54f5ddf5836027c87badda10f6dfc56efaac", files: [{ path: "data/dev_revised.json", as: "redocred-dev.json" }] },
  { repo: "guojiapub+PEMSCL", commit: "fffe504edc58d3b2c901ceb54a87aae5a90c80c7", files: [{ path: "meta/rel_info.json", as: "rel_info.json" }] },
  {
    repo: "YoumiMa+TablERT-CNN",
    commit: "055333c2b0dfff48fbab8fa73367cc0766c89862",
    files: ["train", "dev", "test"].map((split) => ({ path: `data/datasets/conll04/conll04_${split}.json`, as: `conll04-${split}.json` })),
  },
];

/** One document in REDOCRED_HELD_APART of Re-DocRED dev is held apart from training. */
const REDOCRED_HELD_APART = 3;

function gitDir(repo: string): string {
  const base = join(values.mirrors!, repo, "repo");
  return existsSync(join(base, ".git")) ? join(base, ".git") : base;
}

function git(dir: string, args: string[]): string {
  return execFileSync("git", ["--git-dir", dir, ...args], { encoding: "utf8" }).trim();
}

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
}

/** Whether the mirror holds the content of a blob, not only its name in a tree. */
function hasBlob(dir: string, blob: string): boolean {
  return spawnSync("git", ["--git-dir", dir, "cat-file", "-e", blob]).status === 0;
}

/** The git blob id of a file's bytes, as `git hash-object` computes it. */
function blobId(file: string): string {
  const bytes = readFileSync(file);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** Write each file of the sources into the data folder; the names of the files that are missing (optional ones only). */
function extract(): Set<string> {
  const missing = new Set<string>();
  mkdirSync(values.data!, { recursive: true });
  for (const s of SOURCES) {
    // a mirror's snapshot may be newer than the pinned commit; the pinned one is read when it is there
    const dir = gitDir(s.repo);
    const commit = spawnSync("git", ["--git-dir", dir, "cat-file", "-t", s.commit], { encoding: "utf8" }).stdout.trim() === "commit" ? s.commit : "HEAD";
    for (const f of s.files) {
      const target = join(values.data!, f.as);
      const blob = git(dir, ["rev-parse", `${commit}:${f.path}`]);
      if (hasBlob(dir, blob)) {
        writeFileSync(`${target}.tmp`, execFileSync("git", ["--git-dir", dir, "cat-file", "blob", blob], { maxBuffer: 1 << 30 }));
        renameSync(`${target}.tmp`, target);
        console.log(`${s.repo} ${commit.slice(0, 7)} ${f.path} -> ${target}`);
      } else if (existsSync(target) && blobId(target) === blob) {
        console.log(`${s.repo} ${commit.slice(0, 7)} ${f.path}: not in the mirror; ${target} has its bytes (blob ${blob.slice(0, 12)})`);
      } else {
        const why = `${s.repo} ${commit.slice(0, 7)} lists ${f.path} (blob ${blob}) but the mirror ${dir} lacks its content, and ${target} ${
          existsSync(target) ? "is another version" : "is not there"
        }; put the file of that commit at ${target}`;
        if (!f.optional) throw new Error(`relation-data: ${why}`);
        console.warn(`relation-data: skipped: ${why}`);
        missing.add(f.as);
      }
    }
  }
  return missing;
}

/** Copy the documents of a gold folder that `keep` selects into a new one, MANIFEST.tsv included; written beside it, then renamed. */
function subsetFolder(from: string, to: string, keep: (slug: string) => boolean): number {
  const [header, ...lines] = readFileSync(join(from, "MANIFEST.tsv"), "utf8").split("\n").filter((l) => l);
  const chosen = lines.filter((l) => keep(l.split("\t")[0]));
  const tmp = `${to}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, "texts"), { recursive: true });
  for (const line of chosen) {
    const slug = line.split("\t")[0];
    copyFileSync(join(from, `${slug}.gold.json`), join(tmp, `${slug}.gold.json`));
    copyFileSync(join(from, "texts", `${slug}.txt`), join(tmp, "texts", `${slug}.txt`));
  }
  writeFileSync(join(tmp, "MANIFEST.tsv"), [header, ...chosen].join("\n") + "\n");
  rmSync(to, { recursive: true, force: true });
  renameSync(tmp, to);
  return chosen.length;
}

const missing = extract();
const data = (name: string) => join(values.data!, name);
const countries = resolve("node_modules/world-countries/countries.json");
for (const split of ["dev", "train"]) {
  if (missing.has(`dwie-${split}.json`)) continue;
  run("python3", [join(values.tools!, "dwie_to_gold.py"), "--input", data(`dwie-${split}.json`), "--countries", countries, "--out", data(`dwie-${split}`)]);
}
run("python3", [join(values.tools!, "redocred_to_gold.py"), "--input", data("redocred-dev.json"), "--relinfo", data("rel_info.json"), "--out", data("redocred-dev")]);
const heldApart = (slug: string) => createHash("sha256").update(slug).digest().readUInt32BE(0) % REDOCRED_HELD_APART === 0;
const trainPart = subsetFolder(data("redocred-dev"), data("redocred-dev-train"), (slug) => !heldApart(slug));
const heldPart = subsetFolder(data("redocred-dev"), data("redocred-dev-heldout"), heldApart);
console.log(`split ${data("redocred-dev")}: ${trainPart} documents to train on in ${data("redocred-dev-train")}, ${heldPart} held apart in ${data("redocred-dev-heldout")}`);
// DWIE dev in halves by slug order: the documents at even positions to look at and train on, the odd ones held apart
const dwieSlugs = readFileSync(data("dwie-dev/MANIFEST.tsv"), "utf8").split("\n").slice(1).filter(Boolean).map((l) => l.split("\t")[0]).sort();
const oddHalf = new Set(dwieSlugs.filter((_, k) => k % 2 === 1));
const evenPart = subsetFolder(data("dwie-dev"), data("dwie-dev-even"), (slug) => !oddHalf.has(slug));
const oddPart = subsetFolder(data("dwie-dev"), data("dwie-dev-odd"), (slug) => oddHalf.has(slug));
console.log(`split ${data("dwie-dev")}: ${evenPart} documents in ${data("dwie-dev-even")}, ${oddPart} held apart in ${data("dwie-dev-odd")}`);
for (const split of ["train", "dev", "test"]) {
  run(process.execPath, ["--import", "tsx", "scripts/conll04-to-gold.ts", "--input", data(`conll04-${split}.json`), "--out", data(`conll04-${split}`)]);
}
