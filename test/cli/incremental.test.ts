// Incremental kg build: the same bytes as a build from scratch after adding, changing and removing files, after a SIGKILL, and with two builds on one store.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/index.js";
import { CLI, ROOT, runKg, SEED_TEXT } from "../helpers/kg.js";

const tmp = mkdtempSync(join(tmpdir(), "kgraph-incremental-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ARTICLES = join(ROOT, "test/fixtures/articles");
const article = (name: string) => readFileSync(join(ARTICLES, name), "utf8");

/** The fixture articles and the seed, as a sources folder. */
function corpus(name: string): string {
  const dir = join(tmp, name);
  cpSync(ARTICLES, dir, { recursive: true });
  cpSync(SEED_TEXT, join(dir, "world/north-korea-russia.txt"));
  return dir;
}

/** `count` real articles, each the seed followed by one of the fixtures: enough work to be caught mid-build. */
function bigCorpus(name: string, count: number): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const fixtures = readdirSync(ARTICLES).filter((f) => f.endsWith(".txt")).sort();
  const seed = readFileSync(SEED_TEXT, "utf8");
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `doc-${String(i).padStart(3, "0")}.txt`), `Report ${i}\n\n${seed}\n${article(fixtures[i % fixtures.length])}`);
  }
  return dir;
}

function expectSameOutput(a: string, b: string): void {
  for (const f of ["graph.json", "graph.gexf"]) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
}

function build(sources: string, out: string, ...extra: string[]) {
  const r = runKg(["build", "--sources", sources, "--out", out, ...extra]);
  expect(r.status, r.stderr).toBe(0);
  return r;
}

describe("kg build, incremental", () => {
  it("after adding, changing and removing files, writes the same bytes as a build from scratch, extracting only what changed", () => {
    const src = corpus("edit");
    const out = join(tmp, "edit-out");
    const first = build(src, out);
    expect(first.stderr).toMatch(/store {5}\S+graph\.store\.sqlite: 11 new, 0 changed, 0 removed, 0 reused/);

    const unchanged = build(src, out);
    expect(unchanged.stderr).toMatch(/0 new, 0 changed, 0 removed, 11 reused/);
    expect(unchanged.stderr).toMatch(/are up to date/);

    writeFileSync(join(src, "added.md"), "# Talks\n\nFinnish President Alexander Stubb met Swedish Prime Minister Ulf Kristersson in Helsinki.\n");
    writeFileSync(join(src, "summit.txt"), article("summit.txt") + "\nGerman Chancellor Olaf Scholz also attended the summit.\n");
    unlinkSync(join(src, "sahel.txt"));
    const edited = build(src, out);
    expect(edited.stderr).toMatch(/1 new, 1 changed, 1 removed, 9 reused/);
    expect(edited.stderr).toMatch(/wrote /);

    const fresh = join(tmp, "edit-fresh");
    build(src, fresh, "--quiet");
    expectSameOutput(out, fresh);
    const json = JSON.parse(readFileSync(join(out, "graph.json"), "utf8"));
    expect(json.attributes.sources.map((s: { id: string }) => s.id)).not.toContain("sahel.txt");
    expect(json.attributes.sources.map((s: { id: string }) => s.id)).toContain("added.md");
  });

  it("does not read a file whose path, size and modification time are those stored, and reads it again when its time changes", () => {
    const src = corpus("mtime");
    const out = join(tmp, "mtime-out");
    const path = join(src, "summit.txt");
    // a whole second, which the file system keeps exactly
    const second = 1_700_000_000;
    utimesSync(path, second, second);
    build(src, out, "--quiet");
    // the same number of bytes, and the old modification time put back: taken for the stored file
    const size = statSync(path).size;
    const text = article("summit.txt");
    writeFileSync(path, text.replace(/[a-z]/, (c) => c.toUpperCase()));
    expect(readFileSync(path, "utf8")).not.toBe(text);
    expect(statSync(path).size).toBe(size);
    utimesSync(path, second, second);
    const trusted = build(src, out);
    expect(trusted.stderr).toMatch(/0 new, 0 changed, 0 removed, 11 reused/);
    expect(trusted.stderr).toMatch(/are up to date/);
    // a new modification time: read, found changed, extracted again
    utimesSync(path, second, second + 5);
    const touched = build(src, out);
    expect(touched.stderr).toMatch(/0 new, 1 changed, 0 removed, 10 reused/);
    const fresh = join(tmp, "mtime-fresh");
    build(src, fresh, "--quiet");
    expectSameOutput(out, fresh);
  });

  it("extracts again when the extractor changes (--rules-only), and the output equals a fresh build with it, whatever --jobs", () => {
    const src = corpus("extractor");
    const out = join(tmp, "extractor-out");
    build(src, out, "--quiet");
    // extracted again on two worker threads, each result committed as it arrives
    const rules = build(src, out, "--rules-only", "--jobs", "2");
    expect(rules.stderr).toMatch(/0 new, 0 changed, 0 removed, 0 reused, 11 re-extracted for a new extractor/);
    const fresh = join(tmp, "extractor-fresh");
    build(src, fresh, "--rules-only", "--quiet");
    expectSameOutput(out, fresh);
  });

  it("writes the outputs again when they were edited or deleted, even if nothing else changed", () => {
    const src = corpus("outputs");
    const out = join(tmp, "outputs-out");
    build(src, out, "--quiet");
    const original = readFileSync(join(out, "graph.json"));
    writeFileSync(join(out, "graph.json"), "{}");
    expect(build(src, out).stderr).toMatch(/wrote /);
    expect(readFileSync(join(out, "graph.json")).equals(original)).toBe(true);
    unlinkSync(join(out, "graph.gexf"));
    expect(build(src, out).stderr).toMatch(/wrote /);
    expect(existsSync(join(out, "graph.gexf"))).toBe(true);
    // another seed is another output
    expect(build(src, out, "--seed", "7").stderr).toMatch(/wrote /);
  });

  it("shows progress on a terminal: extracted, unchanged and failed", () => {
    const script = spawnSync("script", ["--version"], { encoding: "utf8" });
    if (script.status !== 0) return; // util-linux's script gives the build a terminal; without it there is none to test on
    const src = corpus("tty");
    const out = join(tmp, "tty-out");
    const inTerminal = (...extra: string[]) =>
      spawnSync("script", ["-qec", [process.execPath, CLI, "build", "--sources", src, "--out", out, ...extra].map((a) => `'${a}'`).join(" "), "/dev/null"], {
        cwd: ROOT,
        encoding: "utf8",
      }).stdout;
    const first = inTerminal();
    expect(first).toContain("extracted 0/11, unchanged 0, failed 0");
    expect(first).toMatch(/extracted 11\/11, unchanged 0, failed 0 {2}world\/north-korea-russia\.txt/);
    writeFileSync(join(src, "added.txt"), "Finnish President Alexander Stubb met Swedish Prime Minister Ulf Kristersson.\n");
    expect(inTerminal()).toContain("extracted 1/1, unchanged 11, failed 0  added.txt");
  });

  it("uses --store FILE instead of the store in --out", () => {
    const src = corpus("store-flag");
    const store = join(tmp, "elsewhere/my.sqlite");
    const out = join(tmp, "store-flag-out");
    build(src, out, "--store", store, "--quiet");
    expect(existsSync(store)).toBe(true);
    expect(readdirSync(out).sort()).toEqual(["graph.gexf", "graph.json"]);
    expect(build(src, join(tmp, "store-flag-out2"), "--store", store).stderr).toMatch(/11 reused/);
  });

  it("stops with a clear message on a damaged store", () => {
    const src = corpus("damaged");
    const out = join(tmp, "damaged-out");
    mkdirSync(out);
    writeFileSync(join(out, "graph.store.sqlite"), "not a database ".repeat(100));
    const r = runKg(["build", "--sources", src, "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(join(out, "graph.store.sqlite"));
    expect(r.stderr).toMatch(/damaged or not a SQLite file/);
    expect(existsSync(join(out, "graph.json"))).toBe(false);
  });
});

/** Start `kg build` in the background; resolves with its exit code and stderr. */
function startBuild(sources: string, out: string): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, "build", "--sources", sources, "--out", out], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/** Wait until the store's write-ahead log holds more than `bytes`: by then the build holds the store and has committed documents. */
async function waitForCommits(store: string, bytes: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (existsSync(`${store}-wal`) && statSync(`${store}-wal`).size > bytes) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no commits in ${store} within a minute`);
}

describe("kg build, interrupted and concurrent", () => {
  const COUNT = 40;

  it("loses nothing already extracted when killed with SIGKILL, and the next run writes the bytes of a build from scratch", async () => {
    const src = bigCorpus("killed", COUNT);
    const out = join(tmp, "killed-out");
    const storeFile = join(out, "graph.store.sqlite");
    const run = startBuild(src, out);
    await waitForCommits(storeFile, 200_000);
    run.child.kill("SIGKILL");
    const killed = await run.done;
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(join(out, "graph.json"))).toBe(false);
    const store = await openSqliteStore(storeFile);
    const kept = (await store.documents()).length;
    await store.close();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(COUNT);

    const resumed = build(src, out);
    expect(resumed.stderr).toContain(`${COUNT - kept} new, 0 changed, 0 removed, ${kept} reused`);
    const fresh = join(tmp, "killed-fresh");
    build(src, fresh, "--quiet");
    expectSameOutput(out, fresh);
  });

  it("stops a second build on the same store with a clear message while another holds it, and builds once it is free", async () => {
    const src = bigCorpus("concurrent", 3);
    const out = join(tmp, "concurrent-out");
    const storeFile = join(out, "graph.store.sqlite");
    expect(build(src, out, "--quiet").status).toBe(0);
    // hold the store as a running build does (an exclusive lock until close), from this process
    const holder = await openSqliteStore(storeFile);
    await holder.documents();
    let second: ReturnType<typeof runKg>;
    try {
      second = runKg(["build", "--sources", src, "--out", out]);
    } finally {
      await holder.close();
    }
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(storeFile);
    expect(second.stderr).toMatch(/in use by another kg build/);
    const after = build(src, out);
    expect(after.status).toBe(0);
    expect(after.stderr).toContain("0 new, 0 changed, 0 removed, 3 reused");
  });

});
