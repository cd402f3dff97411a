// writeFileAtomic: complete files or nothing, never a leftover temporary file, KgError WRITE_FAILED naming the path.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/cli/fs.js";
import { KgError } from "../../src/errors.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kgraph-fs-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function failure(p: Promise<unknown>): Promise<KgError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KgError);
  return err as KgError;
}

describe("writeFileAtomic", () => {
  it("writes a string, UTF-8", async () => {
    const path = join(dir, "out.json");
    await writeFileAtomic(path, '{"label":"김정은 Ким 😀"}');
    expect(readFileSync(path, "utf8")).toBe('{"label":"김정은 Ким 😀"}');
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });

  it("writes sync and async chunk sources in order, across many write batches", async () => {
    const chunk = "α".repeat(100_000) + "\n";
    function* sync() {
      for (let i = 0; i < 30; i++) yield `${i}:${chunk}`;
    }
    async function* async() {
      yield* sync();
    }
    const expected = [...sync()].join("");
    for (const [name, source] of [["sync.txt", sync()], ["async.txt", async()]] as const) {
      await writeFileAtomic(join(dir, name), source);
      expect(readFileSync(join(dir, name), "utf8")).toBe(expected);
    }
    expect(readdirSync(dir).sort()).toEqual(["async.txt", "sync.txt"]);
  });

  it("keeps multi-byte characters whole across buffer boundaries, and writes chunks larger than a buffer", async () => {
    // Chunks of odd lengths mixing 1-, 2-, 3- and 4-byte UTF-8 characters, so that buffers fill at every
    // possible byte offset; then one chunk of several megabytes and an empty one.
    const pieces: string[] = [];
    for (let i = 0; i < 4000; i++) pieces.push(`${i}a é 김 😀 `.repeat(1 + (i % 97)));
    pieces.push("", "ж😀".repeat(1_500_000), "end");
    const path = join(dir, "mixed.txt");
    await writeFileAtomic(path, pieces);
    const written = readFileSync(path);
    expect(written.equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
  });

  it("replaces an existing file whole and keeps its permission bits", async () => {
    const path = join(dir, "graph.gexf");
    writeFileSync(path, "old");
    chmodSync(path, 0o640);
    await writeFileAtomic(path, ["new ", "content"]);
    expect(readFileSync(path, "utf8")).toBe("new content");
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it("leaves neither the file nor a temporary file when the chunk source throws midway", async () => {
    const path = join(dir, "half.gexf");
    function* broken() {
      yield "<gexf>".padEnd(2 << 20, " ");
      yield "<nodes>";
      throw new Error("exporter broke");
    }
    const err = await failure(writeFileAtomic(path, broken()));
    expect(err.code).toBe("WRITE_FAILED");
    expect(err.where).toBe(path);
    expect(err.message).toContain(path);
    expect((err.cause as Error).message).toBe("exporter broke");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("keeps the old file intact when a replacement fails", async () => {
    const path = join(dir, "graph.json");
    writeFileSync(path, "previous good build");
    async function* broken() {
      yield "{";
      throw new Error("nope");
    }
    expect((await failure(writeFileAtomic(path, broken()))).code).toBe("WRITE_FAILED");
    expect(readFileSync(path, "utf8")).toBe("previous good build");
    expect(readdirSync(dir)).toEqual(["graph.json"]);
  });

  it("fails with WRITE_FAILED when the target folder is missing", async () => {
    const path = join(dir, "missing", "out.json");
    const err = await failure(writeFileAtomic(path, "x"));
    expect(err.code).toBe("WRITE_FAILED");
    expect(err.where).toBe(path);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("fails with WRITE_FAILED and cleans up when the target is a folder", async () => {
    const path = join(dir, "taken");
    mkdirSync(path);
    expect((await failure(writeFileAtomic(path, "x"))).code).toBe("WRITE_FAILED");
    expect(readdirSync(dir)).toEqual(["taken"]);
  });
});
