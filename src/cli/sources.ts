// Read a sources folder: .txt, .md and .html files, decoded strictly, with errors that name the file and byte.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { KgError } from "../errors.js";
import type { SourceText } from "../pipeline/index.js";

export const SOURCE_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm"];

/** Files that describe a sources folder rather than belong to it: README and LICENSE (or LICENCE, LICENSES), any case and extension. */
const FOLDER_NOTES = /^(?:readme|licen[cs]es?)(?:\.[^.]*)?$/i;

/** Every source file under `dir`, sorted by relative path; hidden files and folders, README and LICENSE files are skipped. */
export async function listSources(dir: string): Promise<string[]> {
  const info = await stat(dir).catch((err: NodeJS.ErrnoException) => {
    throw new KgError("SOURCES_MISSING", `kg build: cannot read the sources folder ${dir} (${err.code ?? err.message}); pass --sources DIR`, { cause: err, where: dir });
  });
  if (!info.isDirectory()) throw new KgError("SOURCES_MISSING", `kg build: ${dir} is not a folder; pass --sources DIR`, { where: dir });
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith(".") || (e.isFile() && FOLDER_NOTES.test(e.name))) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && SOURCE_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x))) out.push(p);
    }
  };
  await walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A source's id: its path relative to the sources folder, with forward slashes. */
export function sourceId(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}

/** Read and decode one source; `id` is its path relative to `root` with forward slashes. */
export async function readSource(root: string, path: string): Promise<SourceText> {
  const id = relative(root, path).split(sep).join("/");
  const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new KgError("SOURCE_UNREADABLE", `${path}: cannot read (${err.code ?? err.message})`, { cause: err, where: path });
  });
  return { id, content: decodeSource(path, bytes), sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** A source file as a build sees it: decoded, known from the store, or the reason it cannot be read. */
export interface SourceFile {
  /** Path relative to the sources folder, with forward slashes. */
  id: string;
  /** sha256 of the bytes (64 zeros when they could not be read). */
  sha256: string;
  size: number;
  /** Modification time in whole milliseconds, when the file could be examined. */
  mtimeMs?: number;
  /** The decoded text; absent when the file was skipped, or not read because the store knows it (`known`). */
  source?: SourceText;
  /** Not read: its path, size and modification time are those the store holds its result under, so its sha256 is the stored one. */
  known?: true;
  /** Why it was skipped (binary, not UTF-8, unreadable), without the path; with the error it came from. */
  skipped?: { reason: string; error: KgError };
}

/** What a build knows of a file from the store: the key its result is stored under. */
export interface KnownFile {
  sha256: string;
  size: number;
  mtimeMs?: number;
}

/**
 * Like readSourceFile, but a file whose size and modification time are those `known` gives is not
 * read: it comes back `known`, with the stored sha256. Anything else (no stored key, another size or
 * time, a file that cannot be examined) is read as readSourceFile reads it.
 */
export async function readSourceFileUnlessKnown(root: string, path: string, known: KnownFile | undefined): Promise<SourceFile> {
  if (known?.mtimeMs !== undefined) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile() && info.size === known.size && Math.floor(info.mtimeMs) === known.mtimeMs) {
      return { id: sourceId(root, path), sha256: known.sha256, size: known.size, mtimeMs: known.mtimeMs, known: true };
    }
  }
  return readSourceFile(root, path);
}

/** Read one source like readSource, but a file that cannot be read or decoded comes back as skipped instead of throwing. */
export async function readSourceFile(root: string, path: string): Promise<SourceFile> {
  const id = relative(root, path).split(sep).join("/");
  let bytes: Buffer;
  let mtimeMs: number | undefined;
  try {
    // the time before the bytes: a file written meanwhile is stored with the older time, and read again next time
    mtimeMs = Math.floor((await stat(path)).mtimeMs);
    bytes = await readFile(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const error = new KgError("SOURCE_UNREADABLE", `${path}: cannot read (${e.code ?? e.message})`, { cause: err, where: path });
    return { id, sha256: "0".repeat(64), size: 0, skipped: { reason: `cannot read (${e.code ?? e.message})`, error } };
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  try {
    return { id, sha256, size: bytes.length, mtimeMs, source: { id, content: decodeSource(path, bytes), sha256 } };
  } catch (err) {
    if (!(err instanceof KgError)) throw err;
    const reason = err.message.startsWith(`${path}: `) ? err.message.slice(path.length + 2) : err.message;
    return { id, sha256, size: bytes.length, mtimeMs, skipped: { reason, error: err } };
  }
}

/** Decode UTF-8 (or UTF-16 with a byte-order mark); binary data and invalid UTF-8 throw with the byte offset. */
export function decodeSource(path: string, bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be", { fatal: false }).decode(bytes.subarray(2));
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new KgError("SOURCE_BINARY", `${path}: binary data (a NUL byte at byte ${nul}); only UTF-8 text, Markdown and HTML are read`, { where: `${path}:${nul}` });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (err) {
    const at = firstInvalidUtf8(bytes);
    throw new KgError("SOURCE_ENCODING", `${path}: not valid UTF-8 (byte ${at}: 0x${bytes[at]?.toString(16).padStart(2, "0")}); convert it to UTF-8`, {
      cause: err,
      where: `${path}:${at}`,
    });
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    if (n === 2 && ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] > 0x9f))) return i;
    if (n === 3 && ((c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] > 0x8f))) return i;
    i += n + 1;
  }
  return b.length;
}
