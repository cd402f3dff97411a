// Extract the relation corpora from the git mirrors into .data/ and convert them to gold folders (never committed): npm run data:re
//
// Each source is pinned to the commit docs/data.md lists with its licence. Only development and training
// splits are read. The conversions use shared/tools/dwie_to_gold.py and redocred_to_gold.py (the mapping
// we score with) and scripts/conll04-to-gold.ts.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    mirrors: { type: "string", default: "/work/.mirror" },
    tools: { type: "string", default: resolve("../shared/tools") },
    data: { type: "string", default: ".data" },
  },
});

interface Source {
  repo: string;
  commit: string;
  files: Array<[path: string, as: string]>;
}

const SOURCES: Source[] = [
  { repo: "XingYing-stack+MILR", commit: "c0aaf7a7b11b9ee90d5e8016db2a0410275203ca", files: [["dataset_dwie/dev.json", "dwie-dev.json"]] },
  { repo: "tonytan48+Re-DocRED", commit: "ccfb54f5ddf5836027c87badda10f6dfc56efaac", files: [["data/dev_revised.json", "redocred-dev.json"]] },
  { repo: "guojiapub+PEMSCL", commit: "fffe504edc58d3b2c901ceb54a87aae5a90c80c7", files: [["meta/rel_info.json", "rel_info.json"]] },
  {
    repo: "YoumiMa+TablERT-CNN",
    commit: "055333c2b0dfff48fbab8fa73367cc0766c89862",
    files: [
      ["data/datasets/conll04/conll04_train.json", "conll04-train.json"],
      ["data/datasets/conll04/conll04_dev.json", "conll04-dev.json"],
      ["data/datasets/conll04/conll04_test.json", "conll04-test.json"],
    ],
  },
];

function gitDir(repo: string): string {
  const base = join(values.mirrors!, repo, "repo");
  return existsSync(join(base, ".git")) ? join(base, ".git") : base;
}

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
}

mkdirSync(values.data!, { recursive: true });
for (const s of SOURCES) {
  // a mirror's snapshot may be newer than the pinned commit; the pinned one is read when it is there
  const dir = gitDir(s.repo);
  const commit = execFileSync("git", ["--git-dir", dir, "cat-file", "-t", s.commit], { encoding: "utf8" }).trim() === "commit" ? s.commit : "HEAD";
  for (const [path, as] of s.files) {
    writeFileSync(join(values.data!, as), execFileSync("git", ["--git-dir", dir, "show", `${commit}:${path}`], { maxBuffer: 1 << 30 }));
    console.log(`${s.repo} ${commit.slice(0, 7)} ${path} -> ${join(values.data!, as)}`);
  }
}
const countries = resolve("node_modules/world-countries/countries.json");
run("python3", [join(values.tools!, "dwie_to_gold.py"), "--input", join(values.data!, "dwie-dev.json"), "--countries", countries, "--out", join(values.data!, "dwie-dev")]);
run("python3", [
  join(values.tools!, "redocred_to_gold.py"),
  "--input",
  join(values.data!, "redocred-dev.json"),
  "--relinfo",
  join(values.data!, "rel_info.json"),
  "--out",
  join(values.data!, "redocred-dev"),
]);
for (const split of ["train", "dev", "test"]) {
  run(process.execPath, ["--import", "tsx", "scripts/conll04-to-gold.ts", "--input", join(values.data!, `conll04-${split}.json`), "--out", join(values.data!, `conll04-${split}`)]);
}
