// User corrections of entity resolution (aliases.yaml): names to merge, names to keep apart, kinds to impose.
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { KgError } from "../errors.js";
import { EntityKind } from "../schema/index.js";

const Name = z.string().trim().min(1, "a name must not be empty");

const MergeEntry = z.union([
  z.array(Name).min(2, "a merge names at least two names"),
  z.strictObject({
    names: z.array(Name).min(2, "a merge names at least two names"),
    label: Name.optional(),
    kind: EntityKind.optional(),
  }),
]);

const SplitEntry = z.union([
  z.array(Name).min(2, "a split names at least two names"),
  z.strictObject({ names: z.array(Name).min(2, "a split names at least two names") }),
  z.strictObject({ name: Name, by: z.literal("kind") }),
]);

/** The file as written: every section optional. */
export const CorrectionsFile = z
  .strictObject({
    merge: z.array(MergeEntry).optional(),
    split: z.array(SplitEntry).optional(),
    kinds: z.record(Name, EntityKind).optional(),
  })
  .nullable();
export type CorrectionsFile = z.infer<typeof CorrectionsFile>;

/** Corrections in the form resolveEntities reads them; names are as the user wrote them. */
export interface Corrections {
  /** Each entry's names are one entity; `label` and `kind` override the vote. */
  merges: Array<{ names: string[]; label?: string; kind?: EntityKind }>;
  /** Each entry's names never end in one entity. */
  apart: string[][];
  /** Names whose entities are one node per kind, not merged across kinds. */
  byKind: string[];
  /** The kind of every entity that carries this name as its label. */
  kinds: Array<{ name: string; kind: EntityKind }>;
}

export const NO_CORRECTIONS: Corrections = { merges: [], apart: [], byKind: [], kinds: [] };

/**
 * Parse and validate the text of an aliases file.
 * @throws KgError INVALID_CORRECTIONS naming `file:line` of the first problem, with one line per problem in the message
 */
export function parseCorrections(text: string, file: string): Corrections {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => (offset === undefined ? file : `${file}:${lines.linePos(offset).line}`);
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split("\n")[0]}`);
    throw new KgError("INVALID_CORRECTIONS", `parseCorrections: ${file} is not valid YAML:\n  ${problems.join("\n  ")}`, { where: at(doc.errors[0].pos[0]) });
  }
  const parsed = CorrectionsFile.safeParse(doc.toJS());
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ where: at(offsetOf(doc.contents, i.path)), path: i.path.map(String).join("."), message: i.message }));
    const problems = issues.map((i) => `${i.where}: ${i.path || "(root)"}: ${i.message}`);
    throw new KgError(
      "INVALID_CORRECTIONS",
      `parseCorrections: ${file} has ${issues.length} problem${issues.length === 1 ? "" : "s"} (see docs/resolve.md for the format):\n  ${problems.join("\n  ")}`,
      { where: issues[0].where },
    );
  }
  const data = parsed.data ?? {};
  const corrections: Corrections = { merges: [], apart: [], byKind: [], kinds: [] };
  for (const m of data.merge ?? []) corrections.merges.push(Array.isArray(m) ? { names: m } : m);
  for (const s of data.split ?? []) {
    if (Array.isArray(s)) corrections.apart.push(s);
    else if ("names" in s) corrections.apart.push(s.names);
    else corrections.byKind.push(s.name);
  }
  for (const [name, kind] of Object.entries(data.kinds ?? {})) corrections.kinds.push({ name, kind });
  return corrections;
}

/** The start offset of the deepest YAML node on a zod issue's path, for its line number. */
function offsetOf(root: unknown, path: readonly PropertyKey[]): number | undefined {
  let node = root as YamlNode | null | undefined;
  let offset = node?.range?.[0];
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === String(step));
      if (!pair) break;
      const key = pair.key as YamlNode | null;
      node = pair.value as YamlNode | null;
      offset = node?.range?.[0] ?? key?.range?.[0] ?? offset;
    } else if (isSeq(node)) {
      node = node.items[Number(step)] as YamlNode | null;
      offset = node?.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}
