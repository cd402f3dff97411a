// The NER model: its JSON file format (zod-checked), loading into lookup tables, and deterministic serialisation.
import { z } from "zod";
import { KgError, formatIssues } from "../../errors.js";
import type { WordClusters } from "./clusters.js";
import { buildGazetteer, type Gazetteer } from "./gazetteer.js";
import { BILOU_LABELS } from "./labels.js";
import { addToFilter, FILTER_WORDS, HASH_SEEDS, hashString } from "./sinks.js";

export const NER_MODEL_FORMAT = "kgraph-ner";
export const NER_MODEL_VERSION = 2;
/** Weights are stored as integers in units of 1/SCALE. */
export const WEIGHT_SCALE = 1000;

const StageFile = z.object({
  name: z.enum(["local", "document"]),
  /** The stage's features in code-unit order, one per line (one string parses and validates far faster than 200k). */
  features: z.string(),
  /** base64 of little-endian int32 words: value * 64 + (last of its feature ? 32 : 0) + label index. */
  weights: z.string(),
});

export const NerModelFile = z.object({
  format: z.literal(NER_MODEL_FORMAT),
  version: z.literal(NER_MODEL_VERSION),
  labels: z.array(z.string()).refine((l) => l.join() === BILOU_LABELS.join(), "labels must be the 17 BILOU labels in order"),
  scale: z.number().positive(),
  training: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The word-cluster table the model was trained with: its file name beside the model and its fingerprint. */
  clusters: z.object({ file: z.string().regex(/^[\w.-]+$/), hash: z.string().regex(/^[0-9a-f]{16}$/) }).optional(),
  stages: z.array(StageFile).min(1).max(2),
});
export type NerModelFile = z.infer<typeof NerModelFile>;

/**
 * Weights of one stage, sparse: feature f's non-zero weights are words[rowStart[f]] .. words[rowStart[f + 1] - 1],
 * each `value * 64 + (last of row ? 32 : 0) + label` with value in 1/WEIGHT_SCALE (the file's encoding, kept as is).
 */
export interface StageWeights {
  name: "local" | "document";
  /** The features, row by row (a loaded model splits its features text only when this is first read). */
  readonly features: readonly string[];
  words: Int32Array;
  rowStart: Int32Array;
  /** The two hashes of each feature (hashString), h1 then h2: what tagging needs of the features, without their strings. */
  hashes?: Int32Array;
}

/** h1, h2 of every feature of a stage, from its strings unless the loader hashed them already. */
function hashesOf(stage: StageWeights): Int32Array {
  if (stage.hashes) return stage.hashes;
  const out = new Int32Array(stage.features.length * 2);
  stage.features.forEach((f, k) => {
    const [h1, h2] = hashString(f);
    out[2 * k] = h1;
    out[2 * k + 1] = h2;
  });
  return out;
}

/**
 * Stages ready to tag with. `slots` is an open-addressing table over the union of the stages' features,
 * SLOT integers a slot: the feature's two hashes, then per stage 1 + the offset of its row in `weights`
 * (0 when the stage lacks the feature; a slot with both 0 is empty). `weights` holds the rows feature by
 * feature, stage 0's row then stage 1's, each ending with its last-of-row flag, so that the rows a token
 * needs from both stages usually share a cache line, and a slot is a quarter of one.
 */
export interface TagTables {
  stages: StageWeights[];
  slots: Int32Array;
  mask: number;
  /** The features' filter (see addToFilter): a third of a text's features are ones the model lacks. */
  filter: Int32Array;
  weights: Int32Array;
  /** Word clusters the stages were trained with, if any. */
  clusters?: WordClusters;
}

/** A loaded model: one stage (local) or two (local, then document-level using the first pass). */
export interface NerModel extends TagTables {
  version: number;
  gazetteer: Gazetteer;
  training: Record<string, string | number>;
}

/** Integers per slot of TagTables.slots; the row starts of stage s are at slot + 2 + s. */
export const SLOT = 4;

/** The offset in `tables.slots` of the slot of the feature with these hashes, or -1. */
export function findSlot(tables: TagTables, h1: number, h2: number): number {
  if ((tables.filter[(h2 >>> 5) & (FILTER_WORDS - 1)] & (1 << (h2 & 31))) === 0) return -1;
  const { slots, mask } = tables;
  let slot = h1 & mask;
  for (;;) {
    const at = slot * SLOT;
    if (slots[at] === h1 && slots[at + 1] === h2) return at;
    if (slots[at + 2] === 0 && slots[at + 3] === 0) return -1;
    slot = (slot + 1) & mask;
  }
}

/** Slots for `features` features: a power of two, at least twice as many. */
function capacityFor(features: number): number {
  let cap = 16;
  while (cap < features * 2) cap *= 2;
  return cap;
}

/**
 * Put every feature of `stages` into a table of `cap` slots (each slot's row index + 1 per stage); null if a
 * stage lists a feature twice, undefined if the features need more than half the slots.
 */
function fillSlots(hashes: readonly Int32Array[], cap: number): { slots: Int32Array; union: number } | null | undefined {
  const slots = new Int32Array(cap * SLOT);
  const mask = cap - 1;
  let union = 0;
  for (let s = 0; s < hashes.length; s++) {
    const h = hashes[s];
    for (let row = 0; row < h.length / 2; row++) {
      const h1 = h[2 * row];
      const h2 = h[2 * row + 1];
      let slot = h1 & mask;
      for (;;) {
        const at = slot * SLOT;
        const empty = slots[at + 2] === 0 && slots[at + 3] === 0;
        if (empty || (slots[at] === h1 && slots[at + 1] === h2)) {
          if (slots[at + 2 + s] !== 0) return null;
          if (empty && ++union * 2 > cap) return undefined;
          slots[at] = h1;
          slots[at + 1] = h2;
          slots[at + 2 + s] = row + 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  return { slots, union };
}

/** Build the look-up tables of one or two stages; null if a stage lists a feature twice. */
export function buildTagTables(stages: StageWeights[], clusters?: WordClusters): TagTables | null {
  if (stages.length > 2) return null;
  const hashes = stages.map(hashesOf);
  // A table with room for twice the union of the stages' features (most are in both): a smaller table keeps
  // more of itself in the processor's caches, and every tagged token probes it. The union is at least the
  // larger stage; a table that fills up is made again twice as large.
  let cap = capacityFor(Math.max(0, ...hashes.map((h) => h.length / 2)));
  let filled = fillSlots(hashes, cap);
  while (filled === undefined) filled = fillSlots(hashes, (cap *= 2));
  if (filled === null) return null;
  const { slots } = filled;
  const mask = cap - 1;
  const filter = new Int32Array(FILTER_WORDS);
  for (let at = 0; at < slots.length; at += SLOT) if (slots[at + 2] !== 0 || slots[at + 3] !== 0) addToFilter(filter, slots[at + 1]);
  // ... then the rows, slot by slot, a feature's stage 0 row right before its stage 1 row.
  const weights = new Int32Array(stages.reduce((a, st) => a + st.words.length, 0));
  let w = 0;
  for (let at = 0; at < slots.length; at += SLOT) {
    for (let s = 0; s < stages.length; s++) {
      const row = slots[at + 2 + s] - 1;
      if (row < 0) continue;
      const { words, rowStart } = stages[s];
      slots[at + 2 + s] = w + 1;
      for (let k = rowStart[row], end = rowStart[row + 1]; k < end; k++) weights[w++] = words[k];
    }
  }
  return { stages, slots, mask, filter, weights, clusters };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_INDEX = new Int8Array(65536).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** base64 of bytes (pure, for Node and browsers alike). */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    chunk += B64[a >> 2] + B64[((a & 3) << 4) | (b >> 4)];
    chunk += i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)] : "=";
    chunk += i + 2 < bytes.length ? B64[c & 63] : "=";
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  parts.push(chunk);
  return parts.join("");
}

/** Bytes of a base64 string; undefined if it is not base64 (checked while decoding: a regular expression over megabytes is slow). */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) - pad);
  // every quad but a padded last one gives three bytes; a character outside the alphabet makes `bad` negative
  const whole = pad ? text.length - 4 : text.length;
  let bad = 0;
  let o = 0;
  for (let i = 0; i < whole; i += 4, o += 3) {
    const a = B64_INDEX[text.charCodeAt(i)];
    const b = B64_INDEX[text.charCodeAt(i + 1)];
    const c = B64_INDEX[text.charCodeAt(i + 2)];
    const d = B64_INDEX[text.charCodeAt(i + 3)];
    bad |= a | b | c | d;
    out[o] = (a << 2) | (b >> 4);
    out[o + 1] = ((b & 15) << 4) | (c >> 2);
    out[o + 2] = ((c & 3) << 6) | d;
  }
  if (bad < 0) return undefined;
  if (pad) {
    const i = whole;
    const a = B64_INDEX[text.charCodeAt(i)];
    const b = B64_INDEX[text.charCodeAt(i + 1)];
    const c = B64_INDEX[text.charCodeAt(i + 2)];
    if ((a | b) < 0 || (c < 0 && pad !== 2)) return undefined;
    out[o++] = (a << 2) | (b >> 4);
    if (pad === 1) out[o] = ((b & 15) << 4) | (c >> 2);
  }
  return out;
}

function invalid(message: string, where = "model"): KgError {
  return new KgError("INVALID_MODEL", `parseNerModel: ${message}; retrain it with npm run train:ner`, { where });
}

const NEWLINE = 10;

/** Lines of a non-empty text: its line breaks + 1. */
function countLines(text: string): number {
  let n = 1;
  for (let k = text.indexOf("\n"); k >= 0; k = text.indexOf("\n", k + 1)) n++;
  return n;
}

function decodeStage(file: z.infer<typeof StageFile>, index: number): StageWeights {
  const bytes = fromBase64(file.weights);
  if (!bytes) throw invalid(`stages.${index}.weights is not base64`);
  if (bytes.length % 4 !== 0) throw invalid(`stages.${index}.weights is not a whole number of int32 words`);
  let words: Int32Array;
  if (LITTLE_ENDIAN && bytes.byteOffset === 0) words = new Int32Array(bytes.buffer, 0, bytes.length / 4);
  else {
    words = new Int32Array(bytes.length / 4);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let k = 0; k < words.length; k++) words[k] = view.getInt32(k * 4, true);
  }
  // the rows, each ended by its last-of-row flag ...
  const L = BILOU_LABELS.length;
  let rows = 0;
  for (let k = 0; k < words.length; k++) {
    const x = words[k];
    if ((x & 31) >= L) throw invalid(`stages.${index}.weights has label index ${x & 31}`);
    if (x & 32) rows++;
  }
  if (words.length > 0 && (words[words.length - 1] & 32) === 0) throw invalid(`stages.${index}.weights ends inside a row`);
  const rowStart = new Int32Array(rows + 1);
  for (let k = 0, row = 0; k < words.length; k++) if (words[k] & 32) rowStart[++row] = k + 1;
  // ... then one feature a line, each hashed straight from the text as hashString hashes it
  const text = file.features;
  const lines = text === "" ? 0 : countLines(text);
  if (lines !== rows) throw invalid(`stages.${index}: ${lines} features but ${rows} weight rows`);
  const hashes = new Int32Array(rows * 2);
  for (let row = 0, k = 0; row < rows; row++, k++) {
    let h1 = HASH_SEEDS[0];
    let h2 = HASH_SEEDS[1];
    for (; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === NEWLINE) break;
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    hashes[2 * row] = h1;
    hashes[2 * row + 1] = h2;
  }
  let features: string[] | undefined;
  return {
    name: file.name,
    get features() {
      return (features ??= text === "" ? [] : text.split("\n"));
    },
    words,
    rowStart,
    hashes,
  };
}

/**
 * Validate a parsed model file and build its lookup tables; `clusters` must be the table the model names, if it names one.
 * @throws KgError("INVALID_MODEL") naming every schema issue or the broken invariant.
 */
export function parseNerModel(data: unknown, clusters?: WordClusters): NerModel {
  const parsed = NerModelFile.safeParse(data);
  if (!parsed.success) throw invalid(formatIssues(parsed.error.issues).join("; "));
  const file = parsed.data;
  if (file.stages[0].name !== "local" || (file.stages.length === 2 && file.stages[1].name !== "document")) {
    throw invalid('stages must be ["local"] or ["local", "document"]');
  }
  if (file.clusters && !clusters) throw invalid(`the model needs its word clusters ${file.clusters.file}; pass them`);
  if (file.clusters && clusters && clusters.hash !== file.clusters.hash) {
    throw invalid(`word clusters ${clusters.hash} are not the table ${file.clusters.file} (${file.clusters.hash}) it was trained with`);
  }
  const tables = buildTagTables(
    file.stages.map((s, i) => decodeStage(s, i)),
    file.clusters ? clusters : undefined,
  );
  if (!tables) throw invalid("a stage lists the same feature twice");
  return {
    version: file.version,
    ...tables,
    gazetteer: buildGazetteer(),
    training: file.training,
  };
}

/** Sparse integer weights of one stage, ready to write: feature -> [label, value] pairs with value != 0. */
export type SparseStage = { name: "local" | "document"; rows: Map<string, Array<[number, number]>> };

/** Pack a sparse stage the way the file stores it: features sorted by code unit, labels ascending within a row. */
export function packStage(stage: SparseStage): StageWeights {
  const features = [...stage.rows.keys()].filter((f) => stage.rows.get(f)!.length > 0).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const words: number[] = [];
  const rowStart = new Int32Array(features.length + 1);
  features.forEach((f, row) => {
    const pairs = stage.rows.get(f)!.slice().sort((a, b) => a[0] - b[0]);
    pairs.forEach(([label, value], k) => words.push(value * 64 + (k === pairs.length - 1 ? 32 : 0) + label));
    rowStart[row + 1] = words.length;
  });
  return { name: stage.name, features, words: Int32Array.from(words), rowStart };
}

/** Serialise stages to the model file text; features sorted by code unit, so equal weights give equal bytes. */
export function serialiseNerModel(
  stages: readonly SparseStage[],
  training: Record<string, string | number>,
  clusters?: { file: string; hash: string },
): string {
  const files = stages.map((stage) => {
    const packed = packStage(stage);
    const bytes = new Uint8Array(packed.words.length * 4);
    const view = new DataView(bytes.buffer);
    packed.words.forEach((w, k) => view.setInt32(k * 4, w, true));
    if (packed.features.some((f) => f.includes("\n"))) throw new RangeError("serialiseNerModel: a feature holds a line break");
    return { name: stage.name, features: packed.features.join("\n"), weights: toBase64(bytes) };
  });
  const file: NerModelFile = {
    format: NER_MODEL_FORMAT,
    version: NER_MODEL_VERSION,
    labels: [...BILOU_LABELS],
    scale: WEIGHT_SCALE,
    training,
    ...(clusters ? { clusters } : {}),
    stages: files,
  };
  return JSON.stringify(file) + "\n";
}
