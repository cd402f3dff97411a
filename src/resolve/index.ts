// The resolve stage: merge the entities of many documents by name and alias into one set with stable keys.
import type { DocumentFacts, Entity, EntityKind, Relation } from "../schema/index.js";
import { SYMMETRIC_RELATIONS, TYPED_RELATIONS } from "../schema/index.js";
import { foldName, slugify } from "../text/index.js";
import { mergeRelations } from "../extract/index.js";

/** An entity of the whole corpus; `key` is the graph node key, `${kind}:${slug}`. */
export interface ResolvedEntity {
  key: string;
  kind: EntityKind;
  label: string;
  aliases: string[];
  mentions: number;
  documents: string[];
}

export interface Resolved {
  entities: ResolvedEntity[];
  relations: Relation[];
}

interface Local {
  doc: string;
  entity: Entity;
}

/**
 * Merge per-document facts: entities whose folded labels agree, or whose multi-word alias or acronym is
 * another's label, become one; relations are re-keyed and merged. The order of `facts` does not matter.
 */
export function resolveEntities(facts: readonly DocumentFacts[]): Resolved {
  const locals: Local[] = [];
  for (const f of [...facts].sort((a, b) => cmp(a.doc, b.doc))) for (const e of f.entities) locals.push({ doc: f.doc, entity: e });
  const parent = locals.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  const byLabel = new Map<string, number>();
  const nameKey = (kind: EntityKind, name: string) => (kind === "person" ? spellingKey(name) : foldName(name));
  locals.forEach((l, i) => {
    const k = `${family(l.entity.kind)}:${l.entity.id.startsWith("state:") ? l.entity.id : nameKey(l.entity.kind, l.entity.label)}`;
    const j = byLabel.get(k);
    if (j === undefined) byLabel.set(k, i);
    else union(i, j);
  });
  locals.forEach((l, i) => {
    for (const a of l.entity.aliases) {
      if (!/\s/.test(a.trim()) && !/^\p{Lu}{2,}$/u.test(a)) continue; // single names ("Kim") are too ambiguous across documents
      const j = byLabel.get(`${family(l.entity.kind)}:${nameKey(l.entity.kind, a)}`);
      if (j !== undefined) union(i, j);
    }
  });
  // a one-word person ("Putin") in one document is the full name ("Vladimir Putin") of another when exactly one fits
  const byPart = new Map<string, Set<number>>();
  locals.forEach((l, i) => {
    if (l.entity.kind !== "person") return;
    const parts = l.entity.label.split(/\s+/);
    if (parts.length < 2) return;
    for (const p of parts) {
      if (!/^\p{Lu}/u.test(p)) continue;
      const k = spellingKey(p);
      (byPart.get(k) ?? byPart.set(k, new Set()).get(k)!).add(find(i));
    }
  });
  locals.forEach((l, i) => {
    if (l.entity.kind !== "person" || /\s/.test(l.entity.label.trim())) return;
    const owners = [...(byPart.get(spellingKey(l.entity.label)) ?? [])].map(find);
    if (new Set(owners).size === 1) union(i, owners[0]);
  });
  const groups = new Map<number, Local[]>();
  locals.forEach((l, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(l);
    else groups.set(root, [l]);
  });
  const keyOf = new Map<string, string>(); // `${doc}\u0000${local id}` -> node key
  const entities: ResolvedEntity[] = [];
  const taken = new Set<string>();
  for (const members of groups.values()) {
    const e = mergeMembers(members);
    let key = `${e.kind}:${slugify(e.label)}`;
    for (let n = 2; taken.has(key); n++) key = `${e.kind}:${slugify(e.label)}-${n}`;
    taken.add(key);
    entities.push({ ...e, key });
    for (const m of members) keyOf.set(`${m.doc}\u0000${m.entity.id}`, key);
  }
  entities.sort((a, b) => cmp(a.key, b.key));
  const relations: Relation[] = [];
  for (const f of facts) {
    for (const r of f.relations) {
      const s = keyOf.get(`${f.doc}\u0000${r.source}`);
      const t = keyOf.get(`${f.doc}\u0000${r.target}`);
      if (!s || !t || s === t) continue;
      const [source, target] = SYMMETRIC_RELATIONS.has(r.relation) && t < s ? [t, s] : [s, t];
      relations.push({ ...r, source, target });
    }
  }
  return { entities, relations: dropCoveredCooccurrences(mergeRelations(relations)) };
}

/**
 * A person's name folded, with the endings that English transliterations of Slavic names spell in
 * several ways made one: "Zelenskyy", "Zelenskiy" and "Zelensky"; "Sergei" and "Sergey". Names that
 * differ in anything else stay apart ("Kim Jong-un", "Kim Jong-il").
 */
function spellingKey(name: string): string {
  return foldName(name)
    .split(" ")
    .map((w) => w.replace(/sk(?:yy|iy|ii)$/, "sky").replace(/^(\p{L}{3,})ei$/u, "$1ey"))
    .join(" ");
}

/** Places and institutions are often told apart differently by different documents: they merge by name. */
function family(kind: EntityKind): string {
  return kind === "place" || kind === "institution" ? "site" : kind;
}

function mergeMembers(members: readonly Local[]): Omit<ResolvedEntity, "key"> {
  const kindCount = new Map<EntityKind, number>();
  const labelCount = new Map<string, number>();
  const forms = new Set<string>();
  const documents = new Set<string>();
  let mentions = 0;
  for (const { doc, entity } of members) {
    kindCount.set(entity.kind, (kindCount.get(entity.kind) ?? 0) + entity.mentions);
    labelCount.set(entity.label, (labelCount.get(entity.label) ?? 0) + entity.mentions);
    forms.add(entity.label);
    for (const a of entity.aliases) forms.add(a);
    documents.add(doc);
    mentions += entity.mentions;
  }
  const best = <T>(m: Map<T, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || cmp(String(a[0]), String(b[0])))[0][0];
  const label = best(labelCount);
  return {
    kind: best(kindCount),
    label,
    aliases: [...forms].filter((f) => f !== label).sort(cmp),
    mentions,
    documents: [...documents].sort(cmp),
  };
}

/** A co-occurrence says less than any typed relation: drop it where the pair has one. */
function dropCoveredCooccurrences(relations: Relation[]): Relation[] {
  const typed = new Set<string>();
  for (const r of relations) if (TYPED_RELATIONS.has(r.relation)) typed.add(pairKey(r.source, r.target));
  return relations.filter((r) => TYPED_RELATIONS.has(r.relation) || !typed.has(pairKey(r.source, r.target)));
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
