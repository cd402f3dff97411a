// The whole build: sources → documents → facts → resolved entities → graph, with counts for the summary.
import type { DocumentFacts, EntityKind, RelationType, SourceInfo } from "../schema/index.js";
import { documentFromSource } from "../text/index.js";
import { extractFacts, type RelationModel, type Tagger } from "../extract/index.js";
import { resolveEntities, type Corrections } from "../resolve/index.js";
import { buildGraph, type KnowledgeMultiGraph } from "../graph/index.js";
import { GENERATOR } from "../version.js";
import { runPipeline, type SourceText, type Stage, type RunOptions } from "./stage.js";

export interface BuildOptions extends RunOptions {
  name?: string;
  seed?: number;
  tagger?: Tagger;
  /** The learned relation classifier; without it the rules alone state relations. */
  relationModel?: RelationModel;
  /** false skips metrics, communities and layout (see BuildGraphOptions.analyse). */
  analyse?: boolean;
  /** The user's merges, splits and kinds of entities (aliases.yaml, see parseCorrections). */
  corrections?: Corrections;
  /** Called after each document, for progress display. */
  onDocument?: (done: number, total: number, id: string) => void;
}

export const BUILD_DEFAULTS = { name: "graph", seed: 42, analyse: true } as const;

export interface BuildResult {
  graph: KnowledgeMultiGraph;
  warnings: string[];
  stats: {
    documents: number;
    sentences: number;
    tokens: number;
    entities: Partial<Record<EntityKind, number>>;
    relations: Partial<Record<RelationType, number>>;
  };
}

/** The per-document stages, in order. */
export function documentStages(tagger?: Tagger, relationModel?: RelationModel): Stage[] {
  return [
    {
      name: "text/document",
      requires: [],
      provides: ["document"],
      run: (s) => ({ ...s, document: documentFromSource(s.source.id, s.source.content, { sha256: s.source.sha256 }) }),
    },
    {
      name: "extract/facts",
      requires: ["document"],
      provides: ["facts"],
      run: (s) => ({ ...s, facts: extractFacts(s.document!, { tagger, relationModel }) }),
    },
  ];
}

/** What one document contributes to the graph; plain data, so it can cross a worker boundary. */
export interface DocumentResult {
  info: SourceInfo;
  facts: DocumentFacts;
  sentences: number;
  tokens: number;
}

/** Run the per-document stages over one source. */
export function readDocument(source: SourceText, options: Pick<BuildOptions, "tagger" | "relationModel" | "validate"> = {}): DocumentResult {
  const state = runPipeline(documentStages(options.tagger, options.relationModel), source, options);
  const doc = state.document!;
  return {
    info: {
      id: doc.id,
      title: doc.title,
      sha256: doc.sha256,
      ...(doc.date !== undefined ? { date: doc.date } : {}),
      ...(doc.dateSource !== undefined ? { dateSource: doc.dateSource } : {}),
      ...(doc.url !== undefined ? { url: doc.url } : {}),
    },
    facts: state.facts!,
    sentences: doc.sentences.length,
    tokens: doc.tokens.length,
  };
}

/** Build the knowledge graph of a set of decoded sources; the same sources give the same graph. */
export function buildKnowledgeGraph(sources: readonly SourceText[], options: BuildOptions = {}): BuildResult {
  const ordered = [...sources].sort((a, b) => cmp(a.id, b.id));
  const results = ordered.map((source, i) => {
    const r = readDocument(source, options);
    options.onDocument?.(i + 1, ordered.length, source.id);
    return r;
  });
  return assembleGraph(results, options);
}

export interface AssembleOptions extends Pick<BuildOptions, "name" | "seed" | "analyse" | "corrections"> {
  /** Files that could not be read: listed in the graph's `sources` with `skipped` set, and nothing else. */
  skipped?: readonly SourceInfo[];
}

/** Merge per-document results (in any order) into the graph, with the build's counts and warnings. */
export function assembleGraph(results: readonly DocumentResult[], options: AssembleOptions = {}): BuildResult {
  const { name, seed, analyse } = { ...BUILD_DEFAULTS, ...options };
  const ordered = [...results].sort((a, b) => cmp(a.info.id, b.info.id));
  const warnings = ordered.filter((r) => r.sentences === 0).map((r) => `${r.info.id}: no text to read`);
  const infos = [...ordered.map((r) => r.info), ...(options.skipped ?? [])].sort((a, b) => cmp(a.id, b.id));
  const resolved = resolveEntities(ordered.map((r) => r.facts), { corrections: options.corrections });
  const graph = buildGraph(resolved, { name, seed, analyse, sources: infos, createdFrom: fingerprint(infos, options.corrections) });
  const entities: Partial<Record<EntityKind, number>> = {};
  for (const e of resolved.entities) entities[e.kind] = (entities[e.kind] ?? 0) + 1;
  const relations: Partial<Record<RelationType, number>> = {};
  for (const r of resolved.relations) relations[r.relation] = (relations[r.relation] ?? 0) + 1;
  const sum = (f: (r: DocumentResult) => number) => ordered.reduce((a, r) => a + f(r), 0);
  return {
    graph,
    warnings,
    stats: { documents: ordered.length, sentences: sum((r) => r.sentences), tokens: sum((r) => r.tokens), entities, relations },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Identifies the input, never the time: FNV-1a (64-bit) over the generator, every source's id and sha256, and the user's corrections. */
function fingerprint(sources: readonly SourceInfo[], corrections?: Corrections): string {
  let h = 0xcbf29ce484222325n;
  const text = [GENERATOR, ...sources.map((s) => `${s.id}\u0000${s.sha256}`), ...(corrections ? [JSON.stringify(corrections)] : [])].join("\n");
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `fnv1a64:${h.toString(16).padStart(16, "0")}`;
}
