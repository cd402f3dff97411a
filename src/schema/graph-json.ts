// The graph JSON contract: graphology's serialisation with kgraph's node, edge and graph attributes.
import { z } from "zod";
import { DateSource, DocumentDate, IsoDay } from "./document.js";
import { Evidence, Provenance } from "./facts.js";
import { EntityKind, RelationType } from "./vocabulary.js";

export const SCHEMA_VERSION = "1.0";

export const NodeAttributes = z.object({
  label: z.string().min(1),
  kind: EntityKind,
  aliases: z.array(z.string()),
  mentions: z.number().int().nonnegative(),
  documents: z.array(z.string()),
  x: z.number(),
  y: z.number(),
  size: z.number().positive(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  pagerank: z.number().nonnegative(),
  degree: z.number().int().nonnegative(),
  community: z.number().int().nonnegative(),
  /** Earliest and latest date of the dated documents that mention it; absent when none is dated. */
  firstDate: IsoDay.optional(),
  lastDate: IsoDay.optional(),
});
export type NodeAttributes = z.infer<typeof NodeAttributes>;

export const EdgeAttributes = z.object({
  relation: RelationType,
  label: z.string(),
  role: z.string().optional(),
  quantity: z.number().optional(),
  items: z.array(z.string()).optional(),
  date: z.string().optional(),
  evidence: z.array(Evidence).min(1),
  confidence: z.number().min(0).max(1),
  /** Which extractors and rules stated the relation (absent in graphs written before it was recorded). */
  provenance: z.array(Provenance).optional(),
  weight: z.number().int().positive(),
  size: z.number().positive().optional(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i).optional(),
  /** Earliest and latest date of the dated documents of its evidence; absent when none is dated. */
  firstDate: IsoDay.optional(),
  lastDate: IsoDay.optional(),
});
export type EdgeAttributes = z.infer<typeof EdgeAttributes>;

export const SourceInfo = z.object({
  id: z.string(),
  title: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  date: DocumentDate.optional(),
  dateSource: DateSource.optional(),
  url: z.string().optional(),
  /** Why the file could not be read (binary, not UTF-8, unreadable); such a file contributes nothing else. */
  skipped: z.string().min(1).optional(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const GraphAttributes = z.object({
  name: z.string(),
  sources: z.array(SourceInfo),
  generator: z.string(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** A fingerprint (FNV-1a, 64-bit) of the generator and every source id and sha256: identifies the input, never a clock. */
  createdFrom: z.string(),
  /** Colour of each kind, for legends. */
  legend: z.record(EntityKind, z.string()),
  /** Which metric node `size` encodes. */
  sizeBy: z.literal("pagerank"),
});
export type GraphAttributes = z.infer<typeof GraphAttributes>;

export const GraphJson = z.object({
  attributes: GraphAttributes,
  options: z.object({
    type: z.literal("directed"),
    multi: z.literal(true),
    allowSelfLoops: z.boolean(),
  }),
  nodes: z.array(z.object({ key: z.string(), attributes: NodeAttributes })),
  edges: z.array(
    z.object({
      key: z.string(),
      source: z.string(),
      target: z.string(),
      attributes: EdgeAttributes,
      undirected: z.literal(false).optional(),
    }),
  ),
});
export type GraphJson = z.infer<typeof GraphJson>;
