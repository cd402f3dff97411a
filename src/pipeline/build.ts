// The whole build: sources → documents → facts → resolved entities → graph, with counts for the summary.
import type { DocumentFacts, EntityKind, RelationType, SourceInfo } from "../schema/index.js";
import { documentFromSource } from "../text/index.js";
import { extractFacts, type Tagger } from "../extract/index.js";
import { resolveEntities } from "../resolve/index.js";
import { buildGraph, type KnowledgeMultiGraph } from "../graph/index.js";
import { GENERATOR } from "../version.js";
import { runPipeline, type SourceText, type Stage, type RunOptions } from "./stage.js";

export interface BuildOptions extends RunOptions {
  name?: string;
  seed?: number;
  tagger?: Tagger;
  /** Called after each document, for progress display. */
  onDocument?: (done: number, total: number, id: string) => void;
}

export const BUILD_DEFAULTS = { name: "graph", seed: 42 } as const;

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
export function documentStages(tagger?: Tagger): Stage[] {
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
      run: (s) => ({ ...s, facts: extractFacts(s.document!, { tagger }) }),
    },
  ];
}

/** Build the knowledge graph of a set of decoded sources; the same sources give the same graph. */
export function buildKnowledgeGraph(sources: readonly SourceText[], options: BuildOptions = {}): BuildResult {
  const { name, seed } = { ...BUILD_DEFAULTS, ...options };
  const stages = documentStages(options.tagger);
  const ordered = [...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const facts: DocumentFacts[] = [];
  const infos: SourceInfo[] = [];
  const warnings: string[] = [];
  let sentences = 0;
  let tokens = 0;
  ordered.forEach((source, i) => {
    const state = runPipeline(stages, source, options);
    const doc = state.document!;
    if (doc.sentences.length === 0) warnings.push(`${source.id}: no text to read`);
    sentences += doc.sentences.length;
    tokens += doc.tokens.length;
    facts.push(state.facts!);
    infos.push({ id: doc.id, title: doc.title, sha256: doc.sha256 });
    options.onDocument?.(i + 1, ordered.length, source.id);
  });
  const resolved = resolveEntities(facts);
  const graph = buildGraph(resolved, { name, seed, sources: infos, createdFrom: fingerprint(infos) });
  const entities: Partial<Record<EntityKind, number>> = {};
  for (const e of resolved.entities) entities[e.kind] = (entities[e.kind] ?? 0) + 1;
  const relations: Partial<Record<RelationType, number>> = {};
  for (const r of resolved.relations) relations[r.relation] = (relations[r.relation] ?? 0) + 1;
  return { graph, warnings, stats: { documents: ordered.length, sentences, tokens, entities, relations } };
}

/** Identifies the input, never the time: FNV-1a (64-bit) over the generator and every source's id and sha256. */
function fingerprint(sources: readonly SourceInfo[]): string {
  let h = 0xcbf29ce484222325n;
  const text = [GENERATOR, ...sources.map((s) => `${s.id}\u0000${s.sha256}`)].join("\n");
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `fnv1a64:${h.toString(16).padStart(16, "0")}`;
}
