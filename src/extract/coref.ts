// In-document coreference: group mentions into entities (short names, acronyms, "the North"), pick labels, aliases and kinds.
import type { Document, Entity, EntityKind, Mention } from "../schema/index.js";
import { foldName, matchingText } from "../text/index.js";
import { AREA_HEADS, NOT_PERSON_ENDINGS, REGION_MODIFIERS } from "./lexicon.js";
import type { Cand } from "./spans.js";

export interface CorefResult {
  mentions: Mention[];
  entities: Entity[];
}

interface Group {
  key: string;
  label?: string;
  cands: Cand[];
}

/** Group a document's mention candidates into entities. */
export function resolveCoreference(doc: Document, cands: readonly Cand[]): CorefResult {
  const text = matchingText(doc);
  const surface = (c: Cand) => doc.text.slice(c.start, c.end);
  const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - a.end);
  const groups = new Map<string, Group>();
  const groupOf = new Map<Cand, Group>();
  // non-person candidates by end offset, each with the order it first joined a group in
  const nonPersonsByEnd = new Map<number, Array<{ cand: Cand; order: number }>>();
  const join = (c: Cand, key: string, label?: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label, cands: [] }));
    g.cands.push(c);
    if (!groupOf.has(c) && c.kind !== "person") {
      const list = nonPersonsByEnd.get(c.end);
      const entry = { cand: c, order: groupOf.size };
      if (list) list.push(entry);
      else nonPersonsByEnd.set(c.end, [entry]);
    }
    groupOf.set(c, g);
  };
  /**
   * The group of the name an acronym follows in brackets, "Economic Community of West African States (ECOWAS)",
   * when the name can stand for it: "NEW YORK (AP)" is a dateline and its news agency, not New York's acronym.
   */
  const introducedBy = (c: Cand, acronym: string): Group | undefined => {
    let best: { cand: Cand; order: number } | undefined;
    for (let end = Math.max(0, c.start - ACRONYM_INTRO_MAX); end < c.start; end++) {
      const entries = nonPersonsByEnd.get(end);
      if (!entries || end + acronymIntro(text, end, acronym) !== c.start) continue;
      for (const entry of entries) {
        if (!abbreviates(surface(entry.cand), entry.cand.kind, acronym)) continue;
        if (!best || entry.order < best.order) best = entry;
      }
    }
    return best && groupOf.get(best.cand);
  };
  const deferred: Cand[] = [];
  // first pass: names that identify their entity on their own
  for (const c of sorted) {
    const folded = foldName(surface(c));
    if (c.key) join(c, c.key, c.label);
    else if (c.kind === "person" && folded.includes(" ")) join(c, `person:${folded}`);
    else if (c.kind === "person" || isAcronym(surface(c)) || isBareDirection(text, c)) deferred.push(c);
    // "the Kursk region" and "Kursk" are one place: a span run on over its head noun is keyed by the name proper
    else join(c, `${c.kind}:${(areaOf(doc, c) ? foldName(doc.text.slice(c.start, c.nameEnd)) : folded).replace(/^the /, "")}`);
  }
  // person name parts, counted over the document, for short forms
  const persons = indexPersons(doc, [...groups.values()].filter((g) => g.key.startsWith("person:")));
  // second pass: short forms, acronyms and "the North" attach to a full name when one fits
  for (const c of deferred) {
    const s = surface(c);
    const folded = foldName(s);
    if (isBareDirection(text, c)) {
      const state = [...groups.values()].find((g) => g.cands[0].kind === "state" && foldName(g.label ?? "").startsWith(`${folded} `));
      if (state) {
        join(c, state.key);
        continue;
      }
    }
    if (isAcronym(s)) {
      const bare = s.replace(/\./g, "");
      // "Economic Community of West African States (ECOWAS)": the name the acronym follows in brackets
      const introduced = introducedBy(c, s);
      const full = introduced ?? [...groups.values()].find((g) => g.cands[0].kind !== "person" && [initials(doc, g), initials(doc, g, true)].includes(bare));
      if (full) {
        join(c, full.key);
        continue;
      }
    }
    const owner = bestPersonFor(folded, c, persons);
    if (owner) join(c, owner.group.key);
    else join(c, `${c.kind}:${folded}`);
  }
  // single-token non-person names that are the family name of a person in the document ("Kim" tagged as a place)
  for (const g of [...groups.values()]) {
    if (g.key.startsWith("person:") || g.cands.some((c) => c.key) || g.cands.length === 0) continue;
    const folded = foldName(surface(g.cands[0]));
    if (folded.includes(" ")) continue;
    const owner = bestPersonFor(folded, g.cands[0], persons);
    // where the word is more frequent than the name, or comes first without being its family name (a headline's
    // "Merkel:" before "Angela Merkel"), the tagger's word stands: "Thirty-first Congress ... After leaving Congress
    // Thurman returned" has no person "Congress"
    if (!owner || g.cands.length > owner.starts.length) continue;
    const first = Math.min(...g.cands.map((c) => c.start));
    const family = foldName(surface(owner.group.cands[0]).split(/\s+/).pop() ?? "") === folded;
    if (owner.starts[0] > first && !family) continue;
    for (const c of g.cands) join(c, owner.group.key);
    groups.delete(g.key);
  }
  // multi-word family names ("de Beer", "Le Pen", "Doering-Smirnov") of exactly one person named in full
  const fullNames = [...groups.values()].filter((g) => g.key.startsWith("person:"));
  for (const g of [...groups.values()]) {
    if (g.cands.some((c) => c.key) || !groups.has(g.key)) continue;
    const words = nameOf(g).split(" ");
    if (words.length < 2) continue;
    const owners = fullNames.filter((p) => p !== g && groups.has(p.key) && endsWith(nameOf(p).split(" "), words));
    if (owners.length !== 1) continue;
    for (const c of g.cands) join(c, owners[0].key);
    groups.delete(g.key);
  }
  // "the Commission", "Bayern", "Union Carbide": an institution named by part of the one longer institution name holding it
  const institutions = [...groups.values()].filter((g) => majorityKind(g.cands) === "institution");
  for (const g of institutions) {
    if (g.cands.some((c) => c.key) || !groups.has(g.key) || g.cands.some((c) => isAcronym(surface(c)))) continue;
    const words = nameOf(g).split(" ");
    const hosts = institutions.filter((h) => h !== g && groups.has(h.key) && shortFormOf(nameOf(h).split(" "), words));
    if (hosts.length !== 1) continue;
    for (const c of g.cands) join(c, hosts[0].key);
    groups.delete(g.key);
  }
  addBlocReferences(doc, text, sorted, groupOf);
  return toEntities(doc, [...groups.values()]);
}

/**
 * True for a place whose span ran on over the word of its area ("the Kursk region"): the name before
 * it is the same place. Over another head noun ("Gaza airport", "Minnesota border") it is another.
 */
function areaOf(doc: Document, c: Cand): c is Cand & { nameEnd: number } {
  return c.nameEnd !== undefined && AREA_HEADS.has(doc.text.slice(c.nameEnd, c.end).trim().toLowerCase());
}

/** The folded name a group is keyed by ("person:kim jong un" → "kim jong un"). */
function nameOf(g: Group): string {
  return g.key.slice(g.key.indexOf(":") + 1);
}

/** True when `whole` is longer than `tail` and ends with its words. */
function endsWith(whole: readonly string[], tail: readonly string[]): boolean {
  return whole.length > tail.length && tail.every((w, k) => whole[whole.length - tail.length + k] === w);
}

/**
 * True when `part` can be a short form of the institution named `whole`: its words in a row, neither
 * the place or the field the name is "of" ("Europe" of the International Lesbian and Gay Association of
 * Europe, "God" of the Redeemed Christian Church of God) nor the name that a compass word before it
 * makes another ("Melbourne" of North Melbourne, two clubs).
 */
function shortFormOf(whole: readonly string[], part: readonly string[]): boolean {
  for (let s = 0; s + part.length <= whole.length && whole.length > part.length; s++) {
    if (!part.every((w, k) => whole[s + k] === w)) continue;
    if (s > 0 && OF_WORDS.has(whole[s - 1])) continue;
    if (s + part.length === whole.length && whole.slice(0, s).every((w) => REGION_MODIFIERS.has(w))) continue;
    return true;
  }
  return false;
}

const OF_WORDS = new Set(["of", "for", "de", "du", "des", "der"]);

/** Trade and political blocs a text may go on to call "the bloc", by folded name. */
const BLOCS = new Set([
  "european union",
  "eu",
  "asean",
  "association of southeast asian nations",
  "african union",
  "mercosur",
  "ecowas",
  "economic community of west african states",
  "gulf cooperation council",
  "gcc",
  "brics",
  "arab league",
  "eurasian economic union",
  "g7",
  "g20",
]);

/**
 * "the bloc's foreign policy chief Josep Borrell": "bloc" is a mention of the bloc the document
 * named last before it (the European Union, ASEAN, ...), so the patterns read it like the name.
 * It is marked as naming the entity by another word, so it is no alias. Nothing happens where no
 * bloc was named before, or where "bloc" is part of a longer name.
 */
function addBlocReferences(doc: Document, text: string, sorted: readonly Cand[], groupOf: Map<Cand, Group>): void {
  const blocs = sorted.filter((c) => BLOCS.has(foldName(doc.text.slice(c.start, c.end)).replace(/^the /, "")));
  if (blocs.length === 0) return;
  let covered: Uint8Array | undefined;
  let next = 0; // blocs before this index end before the current "bloc"
  let sentence = 0;
  for (const m of text.matchAll(/\b[Tt]he bloc\b/g)) {
    const start = m.index + 4;
    const end = start + 4;
    if (!covered) {
      covered = new Uint8Array(text.length);
      for (const c of sorted) covered.fill(1, c.start, c.end);
    }
    if (covered.subarray(start, end).some((x) => x === 1)) continue;
    while (next < blocs.length && blocs[next].end <= start) next++;
    const named = next > 0 ? blocs[next - 1] : undefined;
    const group = named && groupOf.get(named);
    while (sentence < doc.sentences.length && doc.sentences[sentence].end < end) sentence++;
    const s = doc.sentences[sentence];
    if (!group || !s || s.start > start) continue;
    const c: Cand = { start, end, sentence: s.index, kind: named.kind, source: "coref:bloc", metonym: true };
    group.cands.push(c);
    groupOf.set(c, group);
  }
}

function toEntities(doc: Document, groups: Group[]): CorefResult {
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  const ordered = groups.filter((g) => g.cands.length > 0).sort((a, b) => a.cands[0].start - b.cands[0].start);
  for (const g of ordered) {
    const id = g.key;
    const kind = majorityKind(g.cands);
    const forms = g.cands.filter((c) => !c.metonym).map((c) => doc.text.slice(c.start, c.end));
    const label = g.label ?? pickLabel(forms.length ? forms : g.cands.map((c) => doc.text.slice(c.start, c.end)), kind);
    // "Kursk" of "the Kursk region": the name without the head noun its span ran on over
    const bare = g.cands.filter((c) => !c.metonym && areaOf(doc, c)).map((c) => doc.text.slice(c.start, c.nameEnd));
    // "Russian Defence Ministry" of "the Defence Ministry" whose demonym is the state's mention
    const full = g.cands.filter((c) => c.fullStart !== undefined).map((c) => doc.text.slice(c.fullStart, c.end));
    const aliases = [...new Set([...forms, ...bare, ...full].map((f) => f.replace(/\s+/g, " ").trim()))].filter((f) => f !== label).sort();
    entities.push({ id, kind, label, aliases, mentions: g.cands.length });
    for (const c of g.cands) {
      mentions.push({ start: c.start, end: c.end, text: doc.text.slice(c.start, c.end), sentence: c.sentence, kind: c.kind, entity: id, source: c.source });
    }
  }
  // "Beijing said", "Pyongyang's foreign policy": the capital speaks for its state, whose mention it is, and the
  // text names the city all the same; where it is named only so, it is a place of the document with no mention
  // of its own, counted by those uses
  const cities = new Map<string, Entity>();
  for (const g of ordered) {
    for (const c of g.cands) {
      if (!c.city || groups.some((h) => h.key === c.city!.key)) continue;
      const city = cities.get(c.city.key);
      if (city) city.mentions++;
      else cities.set(c.city.key, { id: c.city.key, kind: "place", label: c.city.label, aliases: [], mentions: 1 });
    }
  }
  entities.push(...cities.values());
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions, entities };
}

function majorityKind(cands: readonly Cand[]): EntityKind {
  const counts = new Map<EntityKind, number>();
  for (const c of cands) if (!c.metonym) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  if (counts.size === 0) return cands[0].kind;
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** The label: the longest full form for names, the first form for events and agreements. */
function pickLabel(forms: string[], kind: EntityKind): string {
  const clean = forms.map((f) => f.replace(/\s+/g, " ").trim());
  if (kind === "event" || kind === "agreement") return clean[0];
  return [...clean].sort((a, b) => b.length - a.length || clean.indexOf(a) - clean.indexOf(b))[0];
}

interface PersonEntry {
  group: Group;
  /** Starts of the full-name mentions, ascending. */
  starts: number[];
}

/** Full names by each capitalised part ("kim" → Kim Jong-un, Kim Yo-jong, ...), from the full-name mentions only. */
function indexPersons(doc: Document, persons: readonly Group[]): Map<string, PersonEntry[]> {
  const index = new Map<string, PersonEntry[]>();
  for (const group of persons) {
    const name = doc.text.slice(group.cands[0].start, group.cands[0].end);
    // a person the tagger read into a place's or a body's name ("Northeastern Texas", "Massachusetts
    // Avenue", "de Montréal", "Arab Coalition") owns none of its words: "Texas" alone is the state
    if (!personLike(name)) continue;
    const entry = { group, starts: group.cands.map((c) => c.start).sort((a, b) => a - b) };
    // capitalised parts, and the name after a hyphenated particle ("Burhan" of "al-Burhan")
    const parts = name.split(/\s+/).flatMap((p) => (/^\p{Lu}/u.test(p) ? [p] : (/^\p{Ll}+-(\p{Lu}.*)$/u.exec(p)?.slice(1) ?? [])));
    for (const part of new Set(parts.map(foldName))) {
      const list = index.get(part);
      if (list) list.push(entry);
      else index.set(part, [entry]);
    }
  }
  return index;
}

/**
 * A name that may be a person's: it starts with a capital, not with a region's word nor an acronym of
 * three letters or more ("DVA Miami"; initials such as "JD" may start a person's name), and ends in no
 * street's or body's word.
 */
function personLike(name: string): boolean {
  const words = name.split(/\s+/);
  const first = words[0];
  return /^\p{Lu}/u.test(first) && !/^\p{Lu}{3,}$/u.test(first) && !REGION_MODIFIERS.has(first.toLowerCase()) && !NOT_PERSON_ENDINGS.has(words[words.length - 1].toLowerCase());
}

/**
 * The person whose full name has this word as one of its capitalised parts ("Kim" of "Kim Jong-un",
 * "Lula" of "Luiz Inácio Lula da Silva"): the most mentioned, then the one named last before it.
 */
function bestPersonFor(word: string, c: Cand, persons: ReadonlyMap<string, PersonEntry[]>): PersonEntry | undefined {
  let best: PersonEntry | undefined;
  let bestBefore = -1;
  for (const e of persons.get(word) ?? []) {
    const before = lastBefore(e.starts, c.start);
    if (!best || e.starts.length > best.starts.length || (e.starts.length === best.starts.length && before > bestBefore)) {
      best = e;
      bestBefore = before;
    }
  }
  return best;
}

/** The largest value below `x` in an ascending array, or -1. */
function lastBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : -1;
}

function isAcronym(s: string): boolean {
  return /^(?:\p{Lu}\.?){2,6}$/u.test(s);
}

/** "the North", "the South": a compass word standing for a state named after it. */
function isBareDirection(text: string, c: Cand): boolean {
  return /^(?:North|South|East|West)$/.test(text.slice(c.start, c.end)) && /\bthe\s+$/i.test(text.slice(Math.max(0, c.start - 5), c.start));
}

/** The initials of a group's name; with `all`, small words count too ("Economic Community of West African States" → ECOWAS). */
function initials(doc: Document, g: Group, all = false): string {
  const name = doc.text.slice(g.cands[0].start, g.cands[0].end);
  return name
    .split(/[\s-]+/)
    .filter((w) => (all ? /^\p{L}/u.test(w) && !/^(?:and|the|for|&)$/i.test(w) : /^\p{Lu}/u.test(w)))
    .map((w) => w[0].toUpperCase())
    .join("");
}

/**
 * Whether a name can be what the acronym after it in brackets abbreviates. The acronym's first letter
 * is the name's, and its other letters come in the name's order: "Associated Press (AP)", "Economic
 * Community of West African States (ECOWAS)". An organisation of several words may also be named by
 * the acronym of its name in another language, "Revolutionary Armed Forces of Colombia (FARC)".
 */
function abbreviates(name: string, kind: EntityKind, acronym: string): boolean {
  const letters = acronym.replace(/\./g, "").toLowerCase();
  const folded = foldName(name).replace(/^the /, "");
  if (kind === "institution" && /\s/.test(folded)) return true;
  if (folded[0] !== letters[0]) return false;
  let at = 1;
  for (const ch of letters.slice(1)) {
    at = folded.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** Longest gap acronymIntro accepts between a name and its bracketed acronym. */
const ACRONYM_INTRO_MAX = 4;

/** How many characters after a name lead up to this acronym in brackets ("… States (ECOWAS)"), or -1. */
function acronymIntro(text: string, end: number, acronym: string): number {
  const m = /^\s*\(\s*/.exec(text.slice(end, end + ACRONYM_INTRO_MAX));
  return m && text.startsWith(acronym, end + m[0].length) ? m[0].length : -1;
}
