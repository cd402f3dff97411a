// The NER model: its JSON file format (zod-checked), loading into lookup tables, and deterministic serialisation.
import { z } from "zod";
import { KgError, formatIssues } from "../../errors.js";
import { buildGazetteer, type Gazetteer } from "./gazetteer.js";
import { BILOU_LABELS } from "./labels.js";
import { FeatureTable } from "./sinks.js";

export const NER_MODEL_FORMAT = "kgraph-ner";
export const NER_MODEL_VERSION = 1;
/** Weights are stored as integers in units of 1/SCALE. */
export const WEIGHT_SCALE = 1000;

const StageFile = z.object({
  name: z.enum(["local", "document"]),
  features: z.array(z.string()),
  /** base64 of little-endian int32 words: value * 64 + (last of its feature ? 32 : 0) + label index. */
  weights: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

export const NerModelFile = z.object({
  format: z.literal(NER_MODEL_FORMAT),
  version: z.literal(NER_MODEL_VERSION),
  labels: z.array(z.string()).refine((l) => l.join() === BILOU_LABELS.join(), "labels must be the 17 BILOU labels in order"),
  scale: z.number().positive(),
  training: z.record(z.string(), z.union([z.string(), z.number()])),
  stages: z.array(StageFile).min(1).max(2),
});
export type NerModelFile = z.infer<typeof NerModelFile>;

/**
 * Weights of one stage, sparse: feature f's non-zero weights are words[rowStart[f]] .. words[rowStart[f + 1] - 1],
 * each `value * 64 + (last of row ? 32 : 0) + label` with value in 1/WEIGHT_SCALE (the file's encoding, kept as is).
 */
export interface StageWeights {
  name: "local" | "document";
  features: readonly string[];
  words: Int32Array;
  rowStart: Int32Array;
}

/**
 * Stages ready to tag with: one hash table over the union of their features whose slots also hold, per
 * stage, the range of the feature's weights in that stage's `words` (both 0 when the stage lacks it):
 * slot + SPAN + 2 * stage is the first word, the next integer the end.
 */
export interface TagTables {
  stages: StageWeights[];
  table: FeatureTable;
}

/** A loaded model: one stage (local) or two (local, then document-level using the first pass). */
export interface NerModel extends TagTables {
  version: number;
  gazetteer: Gazetteer;
  training: Record<string, string | number>;
}

/** Offset of the weight ranges within a table slot (after the two hashes and the index). */
export const SPAN = 3;

/** Build the hash table of one or two stages; null if a stage lists a feature twice. */
export function buildTagTables(stages: StageWeights[]): TagTables | null {
  // Sized for the union of the stages' features (most features are in both), not their sum: a smaller
  // table keeps more of itself in the processor's caches, and every tagged token probes it.
  const union = stages.length === 1 ? stages[0].features.length : new Set(stages.flatMap((st) => st.features)).size;
  const table = new FeatureTable(union, 2 * stages.length);
  const slots = table.slots;
  for (let st = 0; st < stages.length; st++) {
    const { features, rowStart } = stages[st];
    for (let row = 0; row < features.length; row++) {
      const at = table.place(features[row]) + SPAN + 2 * st;
      if (slots[at + 1] !== 0) return null;
      slots[at] = rowStart[row];
      slots[at + 1] = rowStart[row + 1];
    }
  }
  return { stages, table };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_INDEX = new Int16Array(128).fill(-1);
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

/** Bytes of a base64 string (already checked against the alphabet). */
export function fromBase64(text: string): Uint8Array {
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = B64_INDEX[text.charCodeAt(i)];
    const b = B64_INDEX[text.charCodeAt(i + 1)];
    const c = B64_INDEX[text.charCodeAt(i + 2)];
    const d = B64_INDEX[text.charCodeAt(i + 3)];
    if (o < out.length) out[o++] = (a << 2) | (b >> 4);
    if (o < out.length) out[o++] = ((b & 15) << 4) | (c >> 2);
    if (o < out.length) out[o++] = ((c & 3) << 6) | d;
  }
  return out;
}

function invalid(message: string, where = "model"): KgError {
  return new KgError("INVALID_MODEL", `parseNerModel: ${message}; retrain it with npm run train:ner`, { where });
}

function decodeStage(stage: z.infer<typeof StageFile>, index: number): StageWeights {
  const bytes = fromBase64(stage.weights);
  if (bytes.length % 4 !== 0) throw invalid(`stages.${index}.weights is not a whole number of int32 words`);
  let words: Int32Array;
  if (LITTLE_ENDIAN && bytes.byteOffset === 0) words = new Int32Array(bytes.buffer, 0, bytes.length / 4);
  else {
    words = new Int32Array(bytes.length / 4);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let k = 0; k < words.length; k++) words[k] = view.getInt32(k * 4, true);
  }
  const L = BILOU_LABELS.length;
  const rowStart = new Int32Array(stage.features.length + 1);
  let row = 0;
  for (let k = 0; k < words.length; k++) {
    if (row >= stage.features.length) throw invalid(`stages.${index}.weights has more rows than features`);
    const x = words[k];
    if ((x & 31) >= L) throw invalid(`stages.${index}.weights has label index ${x & 31}`);
    if (x & 32) rowStart[++row] = k + 1;
  }
  if (row !== stage.features.length) throw invalid(`stages.${index}: ${stage.features.length} features but ${row} weight rows`);
  return { name: stage.name, features: stage.features, words, rowStart };
}

/**
 * Validate a parsed model file and build its lookup tables.
 * @throws KgError("INVALID_MODEL") naming every schema issue or the broken invariant.
 */
export function parseNerModel(data: unknown): NerModel {
  const parsed = NerModelFile.safeParse(data);
  if (!parsed.success) throw invalid(formatIssues(parsed.error.issues).join("; "));
  const file = parsed.data;
  if (file.stages[0].name !== "local" || (file.stages.length === 2 && file.stages[1].name !== "document")) {
    throw invalid('stages must be ["local"] or ["local", "document"]');
  }
  const tables = buildTagTables(file.stages.map((s, i) => decodeStage(s, i)));
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
export function serialiseNerModel(stages: readonly SparseStage[], training: Record<string, string | number>): string {
  const files = stages.map((stage) => {
    const packed = packStage(stage);
    const bytes = new Uint8Array(packed.words.length * 4);
    const view = new DataView(bytes.buffer);
    packed.words.forEach((w, k) => view.setInt32(k * 4, w, true));
    return { name: stage.name, features: [...packed.features], weights: toBase64(bytes) };
  });
  const file: NerModelFile = {
    format: NER_MODEL_FORMAT,
    version: NER_MODEL_VERSION,
    labels: [...BILOU_LABELS],
    scale: WEIGHT_SCALE,
    training,
    stages: files,
  };
  return JSON.stringify(file) + "\n";
}
