// Candidate entity pairs of one document and the sparse features the relation classifier reads for each.
import type { Document, Entity, EntityKind, Mention, Relation, Token } from "../../../schema/index.js";
import { tokensBySentence } from "../../spans.js";
import { KINSHIP, LEADER_TITLES, OCCUPATIONS, OFFICIAL_TITLES } from "../../lexicon.js";
import { foldName } from "../../../text/index.js";
import { world } from "../../world.js";
import { InstanceSink, type PairInstance, type PairSink } from "./pair-sink.js";

export type { PairInstance, PairRef, PairSink } from "./pair-sink.js";

export interface PairOptions {
  /** Sentences with more entities than this are read for their nearest pairs only. */
  maxEntities: number;
  /** Largest token distance between the two mentions of a local pair. */
  maxDistance: number;
  /** Also read pairs that share no sentence (place → state, person → state, ...). */
  documentPairs: boolean;
}

export const PAIR_DEFAULTS: PairOptions = { maxEntities: 12, maxDistance: 40, documentPairs: true };

const LETTER: Readonly<Record<EntityKind, string>> = { person: "P", state: "S", institution: "I", place: "L", event: "E", agreement: "A" };
/** Kind pairs worth reading across sentences: what a place lies in, whom a person serves or belongs to. */
const DOCUMENT_PAIRS = new Set(["L>S", "L>L", "I>S", "I>L", "E>S", "E>L", "P>S", "P>I"]);
/** DOCUMENT_PAIRS as the target kinds of each source kind. */
const DOCUMENT_TARGETS = new Map<EntityKind, Set<EntityKind>>(
  (Object.keys(LETTER) as EntityKind[]).map((s) => [s, new Set((Object.keys(LETTER) as EntityKind[]).filter((t) => DOCUMENT_PAIRS.has(`${LETTER[s]}>${LETTER[t]}`)))]),
);

const TITLE_WORDS = new Set([...LEADER_TITLES, ...OFFICIAL_TITLES].flatMap((t) => t.split(/\s+/)).map((w) => w.toLowerCase()));
const OCCUPATION_WORDS = new Set([...OCCUPATIONS].flatMap((t) => t.split(/\s+/)).map((w) => w.toLowerCase()));
const KIN_WORDS = new Set(Object.keys(KINSHIP).map((w) => w.toLowerCase()));

/** A word as a feature: lower case, digits folded, and the class of title, occupation and kinship words. */
function word(t: string): string {
  const w = t.toLowerCase();
  return /\d/.test(w) ? w.replace(/\d/g, "0") : w;
}

function wordClass(w: string): string | undefined {
  if (TITLE_WORDS.has(w)) return "TITLE";
  if (KIN_WORDS.has(w)) return "KIN";
  if (OCCUPATION_WORDS.has(w)) return "OCC";
  return undefined;
}

const bucket = (n: number, edges: readonly number[]) => {
  let i = 0;
  while (i < edges.length && n > edges[i]) i++;
  return i;
};

interface Placed {
  mention: Mention;
  /** First and one past the last token of the mention inside its sentence. */
  from: number;
  to: number;
}

/** The mentions of each sentence with their token ranges, pronoun-free, in text order. */
function placeMentions(doc: Document, mentions: readonly Mention[]): Placed[][] {
  const sentences = tokensBySentence(doc);
  const out: Placed[][] = doc.sentences.map(() => []);
  for (const m of mentions) {
    const tokens = sentences[m.sentence];
    if (!tokens || tokens.length === 0) continue;
    const from = firstToken(tokens, m.start);
    let to = from;
    while (to < tokens.length && tokens[to].start < m.end) to++;
    if (to === from) continue;
    out[m.sentence].push({ mention: m, from, to });
  }
  for (const list of out) list.sort((a, b) => a.from - b.from || b.to - a.to);
  return out;
}

function firstToken(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the rules said of each ordered pair in each sentence: `${source}\0${target}\0${sentence}` → relations. */
function ruleIndex(relations: readonly Relation[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of relations) {
    if (r.relation === "co_occurs_with") continue;
    for (const e of r.evidence) {
      const key = `${r.source}\u0000${r.target}\u0000${e.sentence}`;
      const list = out.get(key);
      if (list) list.push(r.relation);
      else out.set(key, [r.relation]);
    }
  }
  return out;
}

/**
 * Every ordered pair of entities named together in a sentence, with the features of its nearest
 * mentions there, plus (optionally) pairs of the kinds in DOCUMENT_PAIRS that share no sentence.
 * `rules` are the relations the rules found: their matches become features.
 */
export function pairInstances(
  doc: Document,
  mentions: readonly Mention[],
  entities: readonly Entity[],
  rules: readonly Relation[],
  options: PairOptions = PAIR_DEFAULTS,
): PairInstance[] {
  const sink = new InstanceSink();
  readPairs(doc, mentions, entities, rules, sink, options);
  return sink.instances;
}

/** Small numbers as feature text. */
const NUMBER = Array.from({ length: 16 }, (_, i) => String(i));

/** The pairs of pairInstances, in its order, each given to `sink` with its features in order. */
export function readPairs(
  doc: Document,
  mentions: readonly Mention[],
  entities: readonly Entity[],
  rules: readonly Relation[],
  sink: PairSink,
  options: PairOptions = PAIR_DEFAULTS,
): void {
  const kinds = new Map(entities.map((e) => [e.id, e.kind]));
  const mentionCount = new Map(entities.map((e) => [e.id, e.mentions]));
  const placed = placeMentions(doc, mentions);
  const sentences = tokensBySentence(doc);
  const ruled = ruleIndex(rules);
  const known = knowledgeOf(entities, rules);
  /** Ordered pairs named in one sentence, with the number of sentences that name both. */
  const together = new Map<string, number>();
  /** The sentences naming each entity, in order. */
  const sentencesOf = new Map<string, number[]>();
  // states by mentions: the document's main state is where its places most likely lie
  const stateRank = rankOf(entities.filter((e) => e.kind === "state"));
  const otherRank = rankOf(entities.filter((e) => e.kind !== "state"));
  const rank = (id: string) => Math.min(kinds.get(id) === "state" ? stateRank.get(id)! : otherRank.get(id)!, 3);
  // First the pairs of each sentence and how many sentences name each pair, which every pair's features include ...
  const pairsOf: Array<{ sentence: number; entityCount: number; pairs: Array<[string, Placed, Placed, number]> }> = [];
  for (const s of doc.sentences) {
    const list = placed[s.index];
    for (const p of list) {
      const seen = sentencesOf.get(p.mention.entity);
      if (!seen) sentencesOf.set(p.mention.entity, [s.index]);
      else if (seen[seen.length - 1] !== s.index) seen.push(s.index);
    }
    if (s.heading || list.length < 2) continue;
    // the nearest mention pair of each ordered entity pair
    const best = new Map<string, [Placed, Placed, number]>();
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a.mention.entity === b.mention.entity || overlapping(a, b)) continue;
        const dist = a.from < b.from ? b.from - a.to : a.from - b.to;
        if (dist > options.maxDistance) continue;
        const key = `${a.mention.entity}\u0000${b.mention.entity}`;
        const known = best.get(key);
        if (!known || dist < known[2]) best.set(key, [a, b, dist]);
      }
    }
    const entityCount = new Set(list.map((p) => p.mention.entity)).size;
    const pairs: Array<[string, Placed, Placed, number]> = [];
    for (const [key, [a, b, dist]] of best) {
      if (entityCount > options.maxEntities && dist > 8) continue;
      together.set(key, (together.get(key) ?? 0) + 1);
      pairs.push([key, a, b, dist]);
    }
    if (pairs.length > 0) pairsOf.push({ sentence: s.index, entityCount, pairs });
  }
  // ... then each pair's features
  for (const { sentence, entityCount, pairs } of pairsOf) {
    // each token's feature form, once per sentence
    let words: string[] | undefined;
    const list = placed[sentence];
    for (const [key, a, b, dist] of pairs) {
      const source = a.mention.entity;
      const target = b.mention.entity;
      if (!sink.begin(source, target, sentence, true)) continue;
      words ??= sentences[sentence].map((t) => word(t.text));
      localFeatures(words, list, a, b, dist, kinds, entityCount, sink);
      const said = ruled.get(`${key}\u0000${sentence}`);
      const back = ruled.get(`${target}\u0000${source}\u0000${sentence}`);
      if (said) for (const r of said) sink.f("rule=", r);
      if (back) for (const r of back) sink.f("rule<", r);
      // how often the document names the pair together, and how prominent the target is among its kind
      const k = `k=${kindPair(kinds, source, target)}`;
      knownFeatures(k, source, target, known, sink);
      sink.f(k, ":together=", NUMBER[bucket(together.get(key)!, [1, 2, 4])]);
      sink.f(k, ":rank=", NUMBER[rank(target)]);
      sink.end();
    }
  }
  if (options.documentPairs) {
    // the ordered pairs named together, by source (a string key per pair of entities costs more than the rest of this loop)
    const partners = new Map<string, Set<string>>();
    for (const { pairs } of pairsOf) {
      for (const [, a, b] of pairs) {
        const set = partners.get(a.mention.entity);
        if (set) set.add(b.mention.entity);
        else partners.set(a.mention.entity, new Set([b.mention.entity]));
      }
    }
    for (const a of entities) {
      const sa = sentencesOf.get(a.id);
      const with_ = DOCUMENT_TARGETS.get(kinds.get(a.id)!);
      if (!sa || !with_ || with_.size === 0) continue;
      const named = partners.get(a.id);
      for (const b of entities) {
        if (a.id === b.id || !with_.has(kinds.get(b.id)!) || named?.has(b.id)) continue;
        const sb = sentencesOf.get(b.id);
        if (!sb) continue;
        const pair = kindPair(kinds, a.id, b.id);
        if (!sink.begin(a.id, b.id, sa[0], false)) continue;
        const gap = nearestGap(sa, sb);
        const k = `doc:k=${pair}`;
        const r = NUMBER[rank(b.id)];
        sink.f("doc");
        sink.f(k);
        sink.f(k, ":rank=", r);
        sink.f(k, ":gap=", NUMBER[bucket(gap, [1, 2, 4, 8])]);
        sink.f(k, ":ma=", NUMBER[bucket(mentionCount.get(a.id) ?? 1, [1, 2, 4])]);
        sink.f(k, ":mb=", NUMBER[bucket(mentionCount.get(b.id) ?? 1, [1, 2, 4, 8])]);
        sink.f(k, ":rank=", r, ":gap=", NUMBER[bucket(gap, [1, 2, 4])]);
        sink.f(k, ":first=", sb[0] <= sa[0] ? "true" : "false");
        knownFeatures(k, a.id, b.id, known, sink);
        sink.end();
      }
    }
  }
}

/** What the document and world knowledge already say of a pair: the rules' offices and places of the source, and capitals. */
interface Knowledge {
  /** State of each capital, by the capital entity's id (world-countries' capitals). */
  capitalOf: Map<string, string>;
  /** States (and places) each entity is tied to by a rule: offices and citizenship of people, places' locations. */
  ruled: Map<string, Set<string>>;
  /**
   * The state a place's or institution's name names inside it, by the entity's id: "East Pyongyang Grand
   * Theatre" (a capital), "Bank of Russia" (a state), "Russian Defence Ministry" (a demonym).
   */
  namedState: Map<string, string>;
}

const TIES = new Set(["leader_of", "official_of", "citizen_of", "located_in", "capital_of", "part_of", "works_for", "member_of"]);

function knowledgeOf(entities: readonly Entity[], rules: readonly Relation[]): Knowledge {
  const gazetteer = world();
  const stateByName = new Map(entities.filter((e) => e.kind === "state").map((e) => [e.label, e.id]));
  const capitalOf = new Map<string, string>();
  for (const e of entities) {
    if (e.kind !== "place") continue;
    const entry = gazetteer.entries.get(foldName(e.label));
    if (entry?.type === "capital") capitalOf.set(e.id, stateByName.get(entry.state.name) ?? `state:${entry.state.code}`);
  }
  const namedState = new Map<string, string>();
  for (const e of entities) {
    if (e.kind !== "place" && e.kind !== "institution" && e.kind !== "event") continue;
    const words = foldName(e.label).split(" ");
    if (words.length < 2) continue;
    found: for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
      for (let a = 0; a + n <= words.length; a++) {
        const entry = gazetteer.entries.get(words.slice(a, a + n).join(" "));
        if (!entry || entry.type === "seat") continue;
        namedState.set(e.id, stateByName.get(entry.state.name) ?? `state:${entry.state.code}`);
        break found;
      }
    }
  }
  const ruled = new Map<string, Set<string>>();
  for (const r of rules) {
    if (!TIES.has(r.relation)) continue;
    const set = ruled.get(r.source) ?? new Set<string>();
    set.add(r.target);
    ruled.set(r.source, set);
  }
  return { capitalOf, ruled, namedState };
}

/** Features of what is known of the pair beyond its sentence; `k` names the kind pair. */
function knownFeatures(k: string, source: string, target: string, known: Knowledge, sink: PairSink): void {
  const capital = known.capitalOf.get(source);
  if (capital) sink.f(k, ":capital=", capital === target ? "this" : "other");
  const named = known.namedState.get(source);
  if (named) sink.f(k, ":named=", named === target ? "this" : "other");
  const ties = known.ruled.get(source);
  if (ties) sink.f(k, ":ruled=", ties.has(target) ? "this" : "other");
  const back = known.ruled.get(target);
  if (back?.has(source)) sink.f(k, ":ruled=back");
}

function rankOf(entities: readonly Entity[]): Map<string, number> {
  const sorted = [...entities].sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Map(sorted.map((e, i) => [e.id, i]));
}

function nearestGap(a: readonly number[], b: readonly number[]): number {
  let best = Infinity;
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j] < x) j++;
    if (j < b.length) best = Math.min(best, b[j] - x);
    if (j > 0) best = Math.min(best, x - b[j - 1]);
  }
  return best;
}

const kindPair = (kinds: ReadonlyMap<string, EntityKind>, a: string, b: string) => `${LETTER[kinds.get(a)!]}>${LETTER[kinds.get(b)!]}`;

const overlapping = (a: Placed, b: Placed) => a.from < b.to && b.from < a.to;

/** The features of one mention pair inside a sentence: kinds, the words between and around, distance and order. */
function localFeatures(
  words: readonly string[],
  list: readonly Placed[],
  a: Placed,
  b: Placed,
  dist: number,
  kinds: ReadonlyMap<string, EntityKind>,
  entityCount: number,
  sink: PairSink,
): void {
  const ka = LETTER[kinds.get(a.mention.entity) ?? a.mention.kind];
  const kb = LETTER[kinds.get(b.mention.entity) ?? b.mention.kind];
  const forward = a.from < b.from;
  const [x, y] = forward ? [a, b] : [b, a];
  const o = forward ? ">" : "<";
  const k = `k=${ka}${o}${kb}`;
  const kc = `${k}:`;
  sink.f(k);
  sink.f(kc, "d=", NUMBER[bucket(dist, [0, 1, 2, 4, 7, 12, 20])]);
  sink.f(kc, "n=", NUMBER[bucket(entityCount, [2, 3, 5, 8])]);
  if (a.mention.source.startsWith("gazetteer:demonym")) sink.f(kc, "ademonym");
  if (b.mention.source.startsWith("gazetteer:demonym")) sink.f(kc, "bdemonym");
  // the words between, with other mentions as their kind letter
  const between: string[] = [];
  for (let i = x.to; i < y.from; ) {
    const inner = list.find((p) => p.from === i && p !== x && p !== y);
    if (inner) {
      between.push(`@${LETTER[kinds.get(inner.mention.entity) ?? inner.mention.kind]}`);
      i = Math.max(inner.to, i + 1);
    } else {
      between.push(words[i]);
      i++;
    }
  }
  const n = between.length;
  if (n === 0) sink.f(kc, "adjacent");
  if (n <= 6) sink.f(kc, "btw=", between.join(" "));
  else sink.f(kc, "btw=", between.slice(0, 3).join(" "), " … ", between.slice(-3).join(" "));
  if (n > 0) {
    sink.f(kc, "bf=", between[0]);
    sink.f(kc, "bl=", between[n - 1]);
    sink.f("bf=", between[0], o);
    sink.f("bl=", between[n - 1], o);
    if (n > 1) sink.f(kc, "bfl=", between[0], "_", between[n - 1]);
  }
  const classes = new Set<string>();
  for (let i = 0; i < n; i++) {
    const w = between[i];
    sink.f("bw=", w, o);
    sink.f(kc, "bw=", w);
    if (i + 1 < n) sink.f("bb=", w, "_", between[i + 1], o);
    const c = wordClass(w);
    if (c) classes.add(c);
    if (w === "," || w === "(" || w === "who" || w === "which") classes.add(w);
  }
  for (const c of classes) sink.f(kc, "has=", c);
  // the words around the pair
  const w1 = x.from > 0 ? words[x.from - 1] : "<s>";
  const w2 = x.from > 1 ? words[x.from - 2] : "<s>";
  const v1 = y.to < words.length ? words[y.to] : "</s>";
  const v2 = y.to + 1 < words.length ? words[y.to + 1] : "</s>";
  sink.f(kc, "w-1=", w1);
  sink.f(kc, "w-2=", w2, "_", w1);
  sink.f(kc, "w+1=", v1);
  sink.f(kc, "w+2=", v1, "_", v2);
  sink.f("w-1=", w1, o);
  sink.f("w+1=", v1, o);
  const c1 = wordClass(w1);
  if (c1) sink.f(kc, "w-1c=", c1);
  // the mentions' own last words, where they say what a thing is ("ministry", "university", "region")
  if (ka !== "P") sink.f(kc, "ha=", words[a.to - 1]);
  if (kb !== "P") sink.f(kc, "hb=", words[b.to - 1]);
  // the words inside a person's mention before the name: a title the tagger took in
  for (let i = a.from; i < a.to - 1; i++) {
    const c = wordClass(words[i]);
    if (c) sink.f(kc, "ain=", c);
  }
}
