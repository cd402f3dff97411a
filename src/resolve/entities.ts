// Merge the entities of many documents into one node per real-world entity: names, aliases, kinds by vote, user corrections.
import type { DocumentFacts, Entity, EntityKind, Relation } from "../schema/index.js";
import { ENTITY_KINDS, SYMMETRIC_RELATIONS, TYPED_RELATIONS } from "../schema/index.js";
import { foldName, slugify } from "../text/index.js";
import { mergeRelations } from "../extract/index.js";
import { AREA_HEADS } from "../extract/lexicon.js";
import { NO_CORRECTIONS, type Corrections } from "./corrections.js";

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

export interface ResolveOptions {
  /** The user's merges, splits and kinds (aliases.yaml); none by default. */
  corrections?: Corrections;
}

/**
 * A one-word name seen as a person and as something else is two entities when the smaller side holds
 * at least this share of its mentions and appears in at least MIXED_MIN_DOCUMENTS documents
 * ("Jordan" the player and the country); below that the smaller side is the tagger's slip.
 */
const MIXED_MIN_SHARE = 1 / 3;
const MIXED_MIN_DOCUMENTS = 2;

interface Local {
  doc: string;
  entity: Entity;
  /** The folded name its label is compared by. */
  name: string;
}

type Side = "person" | "thing";
const sideOf = (kind: EntityKind): Side => (kind === "person" ? "person" : "thing");

/**
 * Merge per-document facts into corpus entities, in five steps that each depend only on the whole
 * corpus, so the order of `facts` does not matter:
 * 1. entities whose labels fold alike are one name; the kind of each is decided by the weight of its
 *    mentions over the corpus, across kinds — except a one-word name with mixed evidence, whose person
 *    and non-person sides stay apart;
 * 2. the user's merges join names;
 * 3. a multi-word alias or an acronym that a document gave an entity joins the entity of that name;
 * 4. a one-word person name joins the only person of the corpus whose full name has it as a part;
 * 5. relations are re-keyed to the merged entities and merged.
 * No step joins names the user's splits keep apart.
 */
export function resolveEntities(facts: readonly DocumentFacts[], options: ResolveOptions = {}): Resolved {
  const corrections = options.corrections ?? NO_CORRECTIONS;
  const kindOf = new Map(corrections.kinds.map((k) => [nameKey(k.name), k.kind]));
  const byKind = new Set(corrections.byKind.map(nameKey));
  const sorted = [...facts].sort((a, b) => cmp(a.doc, b.doc));
  const locals: Local[] = [];
  for (const f of sorted) {
    for (const e of f.entities) {
      const name = nameKey(e.label);
      const kind = kindOf.get(name);
      locals.push({ doc: f.doc, entity: kind && kind !== e.kind ? { ...e, kind } : e, name });
    }
  }
  const sets = new DisjointSets(locals.length, apartTags(locals, corrections));

  // 1. one name, one entity, unless the evidence says two
  const byName = groupBy(locals.map((_, i) => i), (i) => locals[i].name);
  /** Name (and side, where split) → its first local; the side a local's name stands on. */
  const nameNodes = new Map<string, number>();
  const sides: Side[] = new Array(locals.length);
  for (const [name, members] of byName) {
    const partOf = partition(name, members, locals, byKind.has(name));
    for (const [part, indices] of partOf) {
      const side = sideOf(voteKind(indices.map((i) => locals[i].entity)));
      for (const i of indices) {
        sides[i] = side;
        sets.union(indices[0], i);
      }
      nameNodes.set(part, indices[0]);
    }
  }
  const nodesOfName = (name: string): number[] => {
    const whole = nameNodes.get(name);
    if (whole !== undefined) return [whole];
    return [nameNodes.get(`${name}\u0000person`), nameNodes.get(`${name}\u0000thing`), ...ENTITY_KINDS.map((k) => nameNodes.get(`${name}\u0000${k}`))].filter(
      (i): i is number => i !== undefined,
    );
  };

  // 2. the user's merges
  for (const m of corrections.merges) {
    const nodes = m.names.flatMap((n) => nodesOfName(nameKey(n)));
    for (const i of nodes) sets.union(nodes[0], i);
  }

  // 3. aliases a document stated: multi-word forms and acronyms, on the same side of the person line; and an
  //    institution's one-word short form ("Ajax" of "Ajax Amsterdam") joins the institution of that name
  locals.forEach((l, i) => {
    for (const a of l.entity.aliases) {
      const single = !/\s/.test(a.trim()) && !isAcronym(a);
      // single names ("Kim") are too ambiguous across documents, but not an institution's among institutions
      if (single && l.entity.kind !== "institution") continue;
      for (const j of nodesOfName(nameKey(a))) {
        if (sides[j] === sides[i] && (!single || locals[j].entity.kind === "institution")) sets.union(i, j);
      }
    }
  });

  // 3b. a place named with its area's word ("Chechnya region", "California state"), whose documents also call it
  //     by the bare name, is the place of that name elsewhere
  locals.forEach((l, i) => {
    if (l.entity.kind !== "place") return;
    const words = l.entity.label.split(/\s+/);
    if (words.length < 2 || !AREA_HEADS.has(words[words.length - 1].toLowerCase())) return;
    const bare = nameKey(words.slice(0, -1).join(" "));
    if (!l.entity.aliases.some((a) => nameKey(a) === bare)) return;
    for (const j of nodesOfName(bare)) if (locals[j].entity.kind === "place" && sides[j] === sides[i]) sets.union(i, j);
  });

  // 4. a one-word person ("Vance") is the full name ("JD Vance") of another document when exactly one fits
  const byPart = new Map<string, Set<number>>();
  locals.forEach((l, i) => {
    if (sides[i] !== "person") return;
    const parts = l.entity.label.split(/\s+/);
    if (parts.length < 2) return;
    for (const p of parts) if (/^\p{Lu}/u.test(p)) (byPart.get(nameKey(p)) ?? byPart.set(nameKey(p), new Set()).get(nameKey(p))!).add(i);
  });
  const partUnions: Array<[number, number]> = [];
  locals.forEach((l, i) => {
    if (sides[i] !== "person" || l.name.includes(" ")) return;
    const owners = new Set([...(byPart.get(l.name) ?? [])].map((j) => sets.find(j)));
    if (owners.size === 1) partUnions.push([i, [...owners][0]]);
  });
  for (const [i, j] of partUnions) sets.union(i, j);

  // 5. entities with stable keys, then relations re-keyed
  const groups = groupBy(locals.map((_, i) => i), (i) => sets.find(i));
  const merged = [...groups.values()].map((members) => mergeMembers(members.map((i) => locals[i]), corrections, kindOf));
  const bases = merged.map((m) => `${m.entity.kind}:${slugify(m.entity.label)}`);
  const order = merged.map((_, i) => i).sort((a, b) => cmp(bases[a], bases[b]) || merged[b].entity.mentions - merged[a].entity.mentions || cmp(merged[a].first, merged[b].first));
  const keyOf = new Map<string, Map<string, string>>(); // doc -> local id -> node key
  const entities: ResolvedEntity[] = [];
  const taken = new Set<string>();
  for (const g of order) {
    const { entity: e, members } = merged[g];
    let key = bases[g];
    for (let n = 2; taken.has(key); n++) key = `${bases[g]}-${n}`;
    taken.add(key);
    entities.push({ ...e, key });
    for (const m of members) (keyOf.get(m.doc) ?? keyOf.set(m.doc, new Map()).get(m.doc)!).set(m.entity.id, key);
  }
  entities.sort((a, b) => cmp(a.key, b.key));
  const relations: Relation[] = [];
  for (const f of sorted) {
    const local = keyOf.get(f.doc);
    for (const r of f.relations) {
      const s = local?.get(r.source);
      const t = local?.get(r.target);
      if (!s || !t || s === t) continue;
      const [source, target] = SYMMETRIC_RELATIONS.has(r.relation) && t < s ? [t, s] : [s, t];
      relations.push({ ...r, source, target });
    }
  }
  return { entities, relations: dropCoveredCooccurrences(mergeRelations(relations)) };
}

/**
 * The parts one name's entities fall into: one, or, for a one-word name whose person and non-person
 * sides both carry weight (MIXED_MIN_SHARE, MIXED_MIN_DOCUMENTS), a person part and a non-person part;
 * or one part per kind where the user split the name by kind.
 */
function partition(name: string, members: readonly number[], locals: readonly Local[], splitByKind: boolean): Map<string, number[]> {
  if (splitByKind) return groupBy(members, (i) => `${name}\u0000${locals[i].entity.kind}`);
  // several words, or an initial ("M." of a scorecard), name too little to be two things
  if (name.includes(" ") || [...name].length < 2) return new Map([[name, [...members]]]);
  const weight = { person: 0, thing: 0 };
  const docs = { person: new Set<string>(), thing: new Set<string>() };
  for (const i of members) {
    const side = sideOf(locals[i].entity.kind);
    weight[side] += locals[i].entity.mentions;
    docs[side].add(locals[i].doc);
  }
  const minor: Side = weight.person < weight.thing ? "person" : "thing";
  const mixed = weight.person > 0 && weight.thing > 0 && weight[minor] >= MIXED_MIN_SHARE * (weight.person + weight.thing) && docs[minor].size >= MIXED_MIN_DOCUMENTS;
  if (!mixed) return new Map([[name, [...members]]]);
  return groupBy(members, (i) => `${name}\u0000${sideOf(locals[i].entity.kind)}`);
}

/** The kind with the most mentions; ties go to the earlier kind in legend order. */
function voteKind(entities: readonly Entity[]): EntityKind {
  const weight = new Map<EntityKind, number>();
  for (const e of entities) weight.set(e.kind, (weight.get(e.kind) ?? 0) + e.mentions);
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || ENTITY_KINDS.indexOf(a[0]) - ENTITY_KINDS.indexOf(b[0]))[0][0];
}

function mergeMembers(members: readonly Local[], corrections: Corrections, kindOf: ReadonlyMap<string, EntityKind>): { entity: Omit<ResolvedEntity, "key">; members: readonly Local[]; first: string } {
  const names = new Set(members.map((m) => m.name));
  const imposed = corrections.merges.find((m) => m.names.some((n) => names.has(nameKey(n))));
  const kind = imposed?.kind ?? [...names].map((n) => kindOf.get(n)).find((k) => k !== undefined) ?? voteKind(members.map((m) => m.entity));
  // the label: the form most mentioned among members of the winning kind; a full name over a bare one or an acronym
  const labelCount = new Map<string, number>();
  const forms = new Set<string>();
  const documents = new Set<string>();
  let mentions = 0;
  for (const { doc, entity } of members) {
    if (entity.kind === kind) labelCount.set(entity.label, (labelCount.get(entity.label) ?? 0) + entity.mentions);
    forms.add(entity.label);
    for (const a of entity.aliases) forms.add(a);
    documents.add(doc);
    mentions += entity.mentions;
  }
  if (labelCount.size === 0) for (const { entity } of members) labelCount.set(entity.label, (labelCount.get(entity.label) ?? 0) + entity.mentions);
  const full = [...labelCount.entries()].filter(([l]) => (kind === "person" ? /\s/.test(l) : !isAcronym(l)));
  const candidates = full.length > 0 ? full : [...labelCount.entries()];
  const label = imposed?.label ?? candidates.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0][0];
  if (imposed?.label) forms.add(imposed.label);
  const first = members.reduce((m, l) => (cmp(`${l.doc}\u0000${l.entity.id}`, m) < 0 ? `${l.doc}\u0000${l.entity.id}` : m), `${members[0].doc}\u0000${members[0].entity.id}`);
  return {
    entity: { kind, label, aliases: [...forms].filter((f) => f !== label).sort(cmp), mentions, documents: [...documents].sort(cmp) },
    members,
    first,
  };
}

/**
 * The folded form names are compared by: acronyms without their dots ("U.N." and "UN"), and the
 * endings English transliterations of Slavic names spell in several ways made one: "Zelenskyy",
 * "Zelenskiy" and "Zelensky"; "Sergei" and "Sergey". Names that differ in anything else stay apart
 * ("Kim Jong-un", "Kim Jong-il").
 */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key !== undefined) return key;
  if (nameKeys.size >= NAME_KEY_CACHE_LIMIT) nameKeys.clear();
  if (isAcronym(name.trim())) key = foldName(name.replace(/\./g, ""));
  else {
    key = foldName(name)
      .split(" ")
      .map((w) => w.replace(/sk(?:yy|iy|ii)$/, "sky").replace(/^(\p{L}{3,})ei$/u, "$1ey"))
      .join(" ");
  }
  nameKeys.set(name, key);
  return key;
}

/** A corpus repeats its names: each is keyed once (bounded, so memory stays flat). */
const nameKeys = new Map<string, string>();
const NAME_KEY_CACHE_LIMIT = 200_000;

function isAcronym(s: string): boolean {
  return /^(?:\p{Lu}\.?){2,6}$/u.test(s);
}

/** For each local, the user's splits it takes part in: split index → which of its names. */
function apartTags(locals: readonly Local[], corrections: Corrections): Array<Map<number, number>> {
  const tagOf = new Map<string, Array<[number, number]>>();
  corrections.apart.forEach((names, s) => names.forEach((n, j) => (tagOf.get(nameKey(n)) ?? tagOf.set(nameKey(n), []).get(nameKey(n))!).push([s, j])));
  // most locals take part in no split: they share one empty map, which unions never change (they assign new ones)
  const none: ReadonlyMap<number, number> = new Map();
  return locals.map((l) => (tagOf.has(l.name) ? new Map(tagOf.get(l.name)) : none)) as Array<Map<number, number>>;
}

/** Union-find whose sets carry split tags: a union that would put two names of one split together is refused. */
class DisjointSets {
  private readonly parent: number[];
  constructor(
    n: number,
    private readonly tags: Array<Map<number, number>>,
  ) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) [this.parent[i], i] = [r, this.parent[i]];
    return r;
  }
  union(a: number, b: number): boolean {
    const [x, y] = [this.find(a), this.find(b)];
    if (x === y) return true;
    const [tx, ty] = [this.tags[x], this.tags[y]];
    for (const [s, j] of ty) if (tx.has(s) && tx.get(s) !== j) return false;
    const [root, child] = x < y ? [x, y] : [y, x];
    this.parent[child] = root;
    if (ty.size > 0 || tx.size > 0) this.tags[root] = new Map([...tx, ...ty]);
    return true;
  }
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) {
    const k = key(t);
    const g = out.get(k);
    if (g) g.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** A co-occurrence says less than any typed relation: drop it where the pair has one. */
function dropCoveredCooccurrences(relations: Relation[]): Relation[] {
  const typed = new Set<string>();
  for (const r of relations) if (TYPED_RELATIONS.has(r.relation)) typed.add(pairKey(r.source, r.target));
  return relations.filter((r) => TYPED_RELATIONS.has(r.relation) || !typed.has(pairKey(r.source, r.target)));
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
