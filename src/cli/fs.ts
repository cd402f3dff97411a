// Atomic file output for the CLI: write a temporary file beside the target, fsync, rename over it.
import { randomBytes } from "node:crypto";
import { open, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { KgError } from "../errors.js";

/**
 * Bytes gathered before each write call. Chunks are encoded straight into two buffers of this size
 * that take turns (one is filled while the other is written), so a streamed export allocates no
 * large strings or buffers: large allocations go to the old generation, and each one brings the
 * next full garbage collection, which has to mark the whole graph, closer.
 */
const WRITE_BUFFER = 1 << 20;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair, two units, needs 4). */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Write `data` (a string, or string chunks such as gexfChunks/jsonChunks) to `path` atomically:
 * readers see either the old file or the complete new one, never a half-written file. The data goes
 * to `.<name>.<random>.tmp` in the same folder, is fsynced, then renamed over `path`; an existing
 * file's permission bits are kept.
 * @throws KgError WRITE_FAILED naming `path` when anything fails (missing folder, no permission, disk
 * full, or the chunk source throwing); the temporary file is removed first and the cause is attached.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  let fh: FileHandle | undefined;
  let created = false;
  try {
    fh = await open(tmp, "wx");
    created = true;
    const mode = await existingMode(path);
    if (mode !== undefined) await fh.chmod(mode);
    if (typeof data === "string") {
      await fh.writeFile(data, "utf8");
    } else {
      await writeChunks(fh, data);
    }
    await fh.sync();
    await fh.close();
    fh = undefined;
    await rename(tmp, path);
    created = false;
    await syncDir(dirname(path));
  } catch (err) {
    await fh?.close().catch(() => undefined);
    if (created) await unlink(tmp).catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new KgError(
      "WRITE_FAILED",
      `writeFileAtomic: could not write ${path}: ${reason}; check that the folder exists and is writable`,
      { cause: err, where: path },
    );
  }
}

/**
 * Encode chunks into a buffer and write it when full; the next buffer is filled while the previous
 * write runs in the thread pool. At most one write is outstanding, so the bytes land in order.
 */
async function writeChunks(fh: FileHandle, data: Iterable<string> | AsyncIterable<string>): Promise<void> {
  let pending: Promise<void> | undefined;
  let buffer = Buffer.allocUnsafe(WRITE_BUFFER);
  let spare = Buffer.allocUnsafe(WRITE_BUFFER);
  let used = 0;
  const flush = async () => {
    await pending;
    pending = fh.writeFile(buffer.subarray(0, used));
    [buffer, spare] = [spare, buffer];
    used = 0;
  };
  try {
    for await (const chunk of data) {
      if (chunk.length * MAX_UTF8_PER_UNIT > WRITE_BUFFER - used) {
        if (used) await flush();
        if (chunk.length * MAX_UTF8_PER_UNIT > WRITE_BUFFER) {
          // A chunk larger than the buffer is encoded on its own.
          await pending;
          pending = fh.writeFile(chunk, "utf8");
          continue;
        }
      }
      used += buffer.write(chunk, used, "utf8");
    }
    if (used) await flush();
    await pending;
    pending = undefined;
  } finally {
    // On failure, let an outstanding write settle before the caller closes and removes the file.
    await pending?.catch(() => undefined);
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Make the rename itself durable; some platforms cannot open or fsync a folder, which is harmless. */
async function syncDir(dir: string): Promise<void> {
  let dh: FileHandle | undefined;
  try {
    dh = await open(dir, "r");
    await dh.sync();
  } catch {
    // Best effort only: the data itself is already synced.
  } finally {
    await dh?.close().catch(() => undefined);
  }
}
