// Per-document stages that declare what they need and provide, and a runner that checks the order first.
import { KgError } from "../errors.js";
import { Document, DocumentFacts } from "../schema/index.js";
import type { z } from "zod";

/** What flows through the per-document stages: the source, then its Document, then its facts. */
export interface DocState {
  source: SourceText;
  document?: Document;
  facts?: DocumentFacts;
}

/** A decoded source file: id (path relative to the sources folder), text and the sha256 of its bytes. */
export interface SourceText {
  id: string;
  content: string;
  sha256: string;
}

export type Provision = "document" | "facts";

export interface Stage {
  name: string;
  requires: readonly Provision[];
  provides: readonly Provision[];
  run(state: DocState): DocState;
}

const SCHEMAS: Record<Provision, z.ZodType> = { document: Document, facts: DocumentFacts };

/** Throw PIPELINE_INVALID when a stage needs something no earlier stage provides. */
export function checkPipeline(stages: readonly Stage[]): void {
  const have = new Set<Provision>();
  for (const s of stages) {
    for (const r of s.requires) {
      if (!have.has(r)) {
        throw new KgError("PIPELINE_INVALID", `checkPipeline: stage "${s.name}" requires "${r}", which no earlier stage provides; reorder the stages`);
      }
    }
    for (const p of s.provides) have.add(p);
  }
}

export interface RunOptions {
  /** Schema-check every stage's output (tests turn this on). */
  validate?: boolean;
}

/** Run the stages over one source; a failing stage becomes KgError("STAGE_FAILED") naming it and the document. */
export function runPipeline(stages: readonly Stage[], source: SourceText, options: RunOptions = {}): DocState {
  checkPipeline(stages);
  let state: DocState = { source };
  for (const stage of stages) {
    try {
      state = stage.run(state);
    } catch (err) {
      if (err instanceof KgError) throw err;
      throw new KgError("STAGE_FAILED", `${stage.name} failed on ${source.id}: ${(err as Error).message}`, { cause: err, where: source.id });
    }
    if (options.validate) {
      for (const p of stage.provides) {
        const r = SCHEMAS[p].safeParse(state[p]);
        if (!r.success) throw new KgError("INVARIANT", `${stage.name} produced an invalid ${p} for ${source.id}: ${r.error.message}`);
      }
    }
  }
  return state;
}
