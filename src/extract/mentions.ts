// Mentions of one document: NER spans, gazetteer matches (states, demonyms, capitals) and event/agreement phrases.
import type { Document, Token } from "../schema/index.js";
import { foldName, matchingText, slugify } from "../text/index.js";
import {
  AGREEMENT_NOUNS,
  CALENDAR_WORDS,
  EVENT_NOUNS,
  HARDWARE_NOUNS,
  HONORIFICS,
  INSTITUTION_HEADS,
  LEADER_TITLES,
  NAME_PLACE_HEADS,
  OCCUPATIONS,
  OFFICIAL_TITLES,
  PERSON_NOUNS,
  PLACE_HEADS,
  TITLE_MODIFIERS,
  VENUE_HEADS,
  WAR_NOUNS,
} from "./lexicon.js";
import { type Cand, dropOverlaps, overlaps, subTokens, tokensBySentence } from "./spans.js";
import { world, type GazetteerEntry, type StateInfo } from "./world.js";
import { findEventMentions } from "./events.js";
import { readNamesakes } from "./namesakes.js";
import { caseEvidence, isNameStop, repairSpanEdges, unifyNameKinds, type CaseEvidence } from "./slips.js";
import { ENGLISH_WORDS } from "./english-words.js";

/** IOB2 tags per sentence per token, as a NER tagger returns them. */
export type Tags = string[][];

const CONNECTORS = new Set(["of", "the", "and", "for", "de", "du", "la", "al", "von", "van", "d'", "-"]);
const ACTOR_NEXT =
  /^(?:has|have|had|is|was|were|are|will|would|could|should|may|might|must|can|said|says|say|denied|denies|announced|announces|claims|claimed|insists|insisted|warned|warns|accused|accuses|agreed|agrees|sent|sends|deployed|supplied|supplies|responded|rejected|rejects|wants|wanted|hopes|hoped|also|continues|continued|did|does|opposed|opposes|condemned|condemns|welcomed|welcomes|urged|urges|called|calls|criticised|criticized|criticises|criticizes|demanded|demands|refused|refuses|protested|protests|threatened|threatens|vowed|vows|pledged|pledges|imposed|imposes|summoned|summons|expelled|expels|recalled|recalls)$/;
const COPULA = /^(?:is|was|remains|became)$/;
/** What follows "Warsaw is": the capital, a city, Japan's largest port. */
const PLACE_DESCRIPTION = /^(?:(?:the|a|an|its|one of the)\s+)?(?:[\p{L}-]+(?:'s)?\s+){0,3}?(?:capital|city|cities|town|port|seat|home)\b/iu;
const PLACE_PREPOSITION = /^(?:in|at|to|from|near|into|outside|inside|around|across|via|toward|towards)$/i;

/** Find the mention candidates of a document; `tags` are the NER tagger's IOB2 tags for its tokens. */
export function findMentions(doc: Document, tags: Tags | undefined): Cand[] {
  const sentences = tokensBySentence(doc);
  const out: Cand[] = [];
  // Headings are title-cased, so a tagger reads too many names in them: there, keep only names the body also uses.
  const bodyNames = new Set<string>();
  const evidence = tags ? caseEvidence(doc) : undefined;
  const spans = doc.sentences.map((s) =>
    tags && evidence ? nerSpans(sentences[s.index], tags[s.index] ?? [], evidence) : capitalisedSpans(sentences[s.index], s.heading),
  );
  if (tags) unifyNameKinds(doc, spans);
  for (const s of doc.sentences) {
    if (s.heading) continue;
    for (const c of spans[s.index]) bodyNames.add(foldName(doc.text.slice(c.start, c.end)));
  }
  if (tags) propagateNames(doc, sentences, spans);
  for (const s of doc.sentences) {
    const tokens = sentences[s.index];
    if (tokens.length === 0) continue;
    let ner = spans[s.index];
    if (s.heading) ner = ner.filter((c) => bodyNames.has(foldName(doc.text.slice(c.start, c.end))));
    const gaz = gazetteerSpans(tokens);
    // "the Russian Defence Ministry": a state body named with its demonym is the state's body, so the
    // demonym stays a mention of the state and the body's name keeps the demonym as an alias
    ner = ner.map((n) => {
      const g = gaz.find((x) => x.demonym && x.start === n.start && x.end < n.end);
      if (!g || n.kind !== "institution") return n;
      const rest = /^\s+/.exec(doc.text.slice(g.end, n.end));
      const last = (/(\p{L}+)\P{L}*$/u.exec(doc.text.slice(n.start, n.end))?.[1] ?? "").toLowerCase();
      if (!rest || !INSTITUTION_HEADS.has(last)) return n;
      return { ...n, start: g.end + rest[0].length, fullStart: n.start };
    });
    const kept: Cand[] = [];
    for (const g of gaz) {
      // a state or capital inside a longer name ("Bank of Russia", "East Pyongyang Grand Theatre", "Moscow Oblast")
      // belongs to that name, unless the name is nothing but gazetteer names ("North Korea-Russia")
      // (a place only where its head noun says it is another place: "King of Romania" is Romania)
      const inside = ner.find(
        (n) =>
          overlaps(n, g) &&
          n.end - n.start > g.end - g.start &&
          (n.kind !== "place" || hasPlaceHead(doc, n)) &&
          !onlyNames(doc, n, gaz),
      );
      if (!inside) kept.push(g);
    }
    for (const n of ner) if (!kept.some((g) => overlaps(g, n))) kept.push(n);
    const names = dropOverlaps(kept, (c) => (c.source.startsWith("gazetteer") ? 1 : 0));
    // events and agreements may contain the names they are made of ("war in Ukraine" holds Ukraine)
    out.push(...findEventMentions(doc, tokens, names));
  }
  return readNamesakes(
    doc,
    out.map((c) => refineMention(doc, c)).filter((c): c is Cand => c !== null),
  );
}

/**
 * One sense per document: an organisation or person the tagger named in the body is the same name
 * where the tagger missed it in another sentence ("Hamas fighters attacked …" after "Hamas" was read
 * elsewhere). Exact, case-sensitive token matches only, never at the start of a sentence or heading
 * (where capitals say nothing), and never a month or weekday.
 */
function propagateNames(doc: Document, sentences: ReadonlyArray<readonly Token[]>, spans: Cand[][]): void {
  const known = new Map<string, Cand["kind"]>();
  for (const s of doc.sentences) {
    if (s.heading) continue;
    for (const c of spans[s.index]) {
      if (c.kind !== "institution" && c.kind !== "person") continue;
      const words = sentences[s.index].filter((t) => t.start >= c.start && t.end <= c.end).map((t) => t.text);
      if (words.length === 0 || words.some((w) => !/^\p{Lu}/u.test(w)) || CALENDAR_WORDS.has(words.join(" ").toLowerCase())) continue;
      const key = words.join(" ");
      if (!known.has(key)) known.set(key, c.kind);
    }
  }
  if (known.size === 0) return;
  const longest = Math.max(...[...known.keys()].map((k) => k.split(" ").length));
  for (const s of doc.sentences) {
    if (s.heading) continue;
    const tokens = sentences[s.index];
    const have = spans[s.index];
    for (let i = 1; i < tokens.length; i++) {
      if (!/^\p{Lu}/u.test(tokens[i].text) || have.some((c) => c.start < tokens[i].end && tokens[i].start < c.end)) continue;
      for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
        const key = tokens.slice(i, i + n).map((t) => t.text).join(" ");
        const kind = known.get(key);
        const end = tokens[i + n - 1].end;
        if (!kind || have.some((c) => c.start < end && tokens[i].start < c.end)) continue;
        have.push({ start: tokens[i].start, end, sentence: tokens[i].sentence, kind, source: kind === "person" ? "ner:PER" : "ner:ORG" });
        i += n - 1;
        break;
      }
    }
    have.sort((a, b) => a.start - b.start);
  }
}

const NAME_PART = /^\p{Lu}[\p{Ll}'’]+(?:-\p{L}+)*$/u;
/** A name part joined to its particle by a hyphen: "al-Burhan", "el-Sisi", "bin-Salman". */
const PARTICLE_NAME_PART = /^(?:al|el|ad|an|ar|as|ash|at|az|ed|es|bin|ibn|abu|ben|bint)-\p{Lu}[\p{L}'’]*(?:-\p{L}+)*$/u;
const ORG_JOINERS = new Set(["for", "of", "on"]);
/** Lower-case particles inside personal names ("Lula da Silva", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(["da", "de", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "vom", "la", "le", "bin", "ibn", "bint", "al", "el", "ter", "zu"]);

/** Particles that in English text only ever sit inside a personal name: "von der Leyen", "van Houten". */
const PERSON_PARTICLES = new Set(["von", "van", "der", "den", "ter", "zu", "vom", "bin", "ibn", "bint"]);
/** A capitalised word that may be a name's first part: not a function word ("The van der Waals force") or an honorific. */
const isGivenName = (w: string) => NAME_PART.test(w) && !isNameStop(w) && !HONORIFICS.has(w.toLowerCase());
/** A capitalised word a name may run on over: not a function word or weekday ("Benjamin Netanyahu Thursday"). */
const isNamePart = (w: string) => NAME_PART.test(w) && !isNameStop(w);

/**
 * "Ursula von der Leyen" tagged as a place and a person, "Frans van Houten" as nothing and an
 * organisation: a name part, particles of which one is only ever personal (von, van, der, ...) and
 * another name part are one person, whatever the tagger made of the parts. The parts must stand alone
 * (no longer span runs into them). A person span the tagger began at the particle ("van Beethoven")
 * takes the name part before it. Lower-case words other than particles leave a person span ("Kim/B-PER
 * signed/I-PER a/I-PER"). Returns the tags with such names re-tagged B-PER I-PER ...
 */
function repairPersonTags(tokens: readonly Token[], tags: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  // "Kim/B-PER signed/I-PER a/I-PER": a person's name has no lower-case words but its particles
  for (let k = 1; k < tokens.length; k++) {
    if (tags[k] !== "I-PER" || !/^\p{Ll}/u.test(tokens[k].text) || NAME_PARTICLES.has(tokens[k].text)) continue;
    out ??= [...tags];
    for (let e = k; e < tokens.length && tags[e] === "I-PER" && /^\p{Ll}/u.test(tokens[e].text); e++) out[e] = "O";
  }
  if (out) tags = out;
  for (let p = 1; p + 1 < tokens.length; p++) {
    if (!PERSON_PARTICLES.has(tokens[p].text)) continue;
    // "Ludwig/O van/B-PER Beethoven/I-PER": the name began a word earlier
    if (tags[p] === "B-PER") {
      if ((tags[p - 1] ?? "O") === "O" && isGivenName(tokens[p - 1].text)) {
        out ??= [...tags];
        out[p - 1] = "B-PER";
        out[p] = "I-PER";
      }
      continue;
    }
    if ((tags[p] ?? "O") !== "O") continue;
    let q = p;
    // (a particle after the first may be where the tagger began the person: "Ursula von der/B-PER Leyen/I-PER")
    while (q < tokens.length && NAME_PARTICLES.has(tokens[q].text) && ((tags[q] ?? "O") === "O" || (q > p && /^[BI]-PER$/.test(tags[q])))) q++;
    const a = p - 1;
    const first = tags[a] ?? "O";
    const last = tags[q] ?? "O";
    if (q >= tokens.length || !isGivenName(tokens[a].text) || !NAME_PART.test(tokens[q].text)) continue;
    const begunAtParticle = last === "I-PER" && tags[q - 1] !== undefined && /^[BI]-PER$/.test(tags[q - 1]) && NAME_PARTICLES.has(tokens[q - 1].text);
    if (first.startsWith("I-") || (last.startsWith("I-") && !begunAtParticle)) continue;
    let end = q + 1;
    if (last !== "O") while (end < tokens.length && tags[end] === `I-${last.slice(2)}`) end++;
    out ??= [...tags];
    out[a] = "B-PER";
    for (let k = a + 1; k < end; k++) out[k] = "I-PER";
    p = end - 1;
  }
  return out ?? tags;
}

/**
 * Spans of the tagger's IOB2 tags, with their edges repaired (see repairSpanEdges) and two more repairs:
 * a person's name runs on over capitalised name parts the tagger left out ("Kim [Jong-un]"), and an
 * organisation joined by "for"/"of"/"on" to another name is one name ("Korea Institute for National Unification").
 */
function nerSpans(tokens: readonly Token[], rawTags: readonly string[], evidence: CaseEvidence): Cand[] {
  const tags = repairAppositions(tokens, repairSpanEdges(tokens, repairPersonTags(tokens, rawTags), evidence), evidence);
  const out: Cand[] = [];
  let i = 0;
  let taken = 0; // tokens before this index belong to spans already read
  while (i < tokens.length) {
    const tag = tags[i] ?? "O";
    if (tag === "O") {
      i++;
      continue;
    }
    const label = tag.slice(2);
    let j = i + 1;
    while (j < tokens.length && tags[j] === `I-${label}`) j++;
    if (label === "PER") {
      // "Mohammed bin [Abdulrahman Al Thani]": a name part and a particle the tagger left before the name
      while (i - 2 >= taken && NAME_PARTICLES.has(tokens[i - 1].text) && NAME_PART.test(tokens[i - 2].text) && !/^[BI]-(?:ORG|LOC|PER)$/.test(tags[i - 2] ?? "")) i -= 2;
      for (let k = 0; k < 2 && j < tokens.length && tags[j] === "O" && (isNamePart(tokens[j].text) || PARTICLE_NAME_PART.test(tokens[j].text)); k++) j++;
      // two person spans side by side, with nothing between, are one name the tagger cut in two
      while (j < tokens.length && tags[j] === "B-PER" && isNamePart(tokens[j].text)) {
        j++;
        while (j < tokens.length && tags[j] === "I-PER") j++;
      }
      // "Lula da Silva": particles then a capitalised part, whatever the tagger made of them
      let p = j;
      while (p < tokens.length && NAME_PARTICLES.has(tokens[p].text)) p++;
      // (a one-word organisation or misc span there is a surname the tagger misread: "Lula da Silva/ORG")
      const lone = /^B-(?:ORG|MISC)$/.test(tags[p] ?? "") && !/^I-/.test(tags[p + 1] ?? "");
      if (p > j && p < tokens.length && /^\p{Lu}/u.test(tokens[p].text) && (lone || !/^[BI]-(?:ORG|MISC)$/.test(tags[p] ?? ""))) {
        j = p + 1;
        while (j < tokens.length && tags[j] === `I-${tags[p]?.slice(2)}`) j++;
      }
    }
    while (label === "ORG" && j + 1 < tokens.length && ORG_JOINERS.has(tokens[j].text)) {
      // "Bank of Russia", "Alliance of Sahel States" — but "Botas of Turkey" is a company and the state it is in
      const next = tags[j + 1] ?? "";
      if (/^[BI]-(?:ORG|MISC)$/.test(next) || (/^[BI]-LOC$/.test(next) && takesComplement(tokens[j - 1].text))) {
        j += 2;
        while (j < tokens.length && /^I-/.test(tags[j] ?? "")) j++;
      } else if (INSTITUTION_HEADS.has(tokens[j - 1].text.toLowerCase()) && tokens[j].text !== "on" && isNamePart(tokens[j + 1].text)) {
        // "Korea Institute for National Unification" with the tail left untagged: an institution's head noun takes its complement
        j += 2;
        while (j < tokens.length && tags[j] === "O" && isNamePart(tokens[j].text)) j++;
      } else break;
    }
    // a name whose head is an institution noun is an institution, whatever the tagger thought ("Defence Ministry")
    const head = tokens[j - 1].text.toLowerCase();
    // and one whose capitalised head is a place or venue noun is a place ("Kermanshah Province", "Premadasa Stadium")
    const placeHead =
      /^\p{Lu}/u.test(tokens[j - 1].text) && (NAME_PLACE_HEADS.has(head) || (label !== "PER" && VENUE_HEADS.has(head)));
    const typed =
      j - i > 1 && (label === "PER" || label === "LOC" || label === "MISC") && INSTITUTION_HEADS.has(head)
        ? "ORG"
        : j - i > 1 && label !== "LOC" && placeHead
          ? "LOC"
          : label;
    // "Governor General", "the Doge": titles alone name no one
    if (isTitleOnly(tokens, i, j)) {
      i = j;
      continue;
    }
    // "Philippine Defence Secretary Gilberto Teodoro" read as one organisation: a name, a title, a person;
    // "King Carol I", "Lord Krishna" read as a place: a style, a person
    const titled = titledPerson(tokens, i, j) ?? styledPerson(tokens, i, j, label);
    if (titled) {
      out.push(...titled);
      i = taken = j;
      continue;
    }
    // "200 Leopard tanks", "Patriot missiles": a model of hardware, not an organisation or a place;
    // "Defence Minister Minoru Kihara": a title's word is not a name of its own
    const prevWord = tokens[i - 1]?.text.toLowerCase() ?? "";
    const model = label !== "PER" && HARDWARE_NOUNS.has(tokens[j]?.text.toLowerCase() ?? "");
    const titleWord = label !== "PER" && j - i === 1 && TITLE_MODIFIERS.has(tokens[i].text.toLowerCase()) && isTitleHead(tokens[j]?.text ?? "");
    // "former dictator Ferdinand Marcos", "President Ferdinand Marcos": a name right after a title is a person
    const nameWords = tokens.slice(i, j).every((t) => NAME_PART.test(t.text));
    // ("The South Korean activist Park Sang-hak": so is one right after an occupation)
    const afterTitle =
      label !== "PER" && j - i >= 2 && nameWords && (((label === "ORG" || label === "LOC") && isTitleHead(prevWord)) || PERSON_NOUNS.has(prevWord));
    // "According to Hong Min, a senior researcher at ...", "Shoigu, Russia's Security Council secretary": a name
    // with an occupation or title in apposition is a person (a one-word name only where the world gazetteer knows no place of it)
    const withOccupation =
      label !== "PER" &&
      j - i <= 3 &&
      nameWords &&
      (j - i >= 2 || !world().entries.has(foldName(tokens[i].text))) &&
      personApposition(tokens, j);
    const cand =
      model || titleWord
        ? null
        : (initialsOfState(tokens, i, j, typed) ?? fromLabel(afterTitle || withOccupation ? "PER" : typed, tokens[i].start, nameEnd(tokens[j - 1]), tokens[i].sentence));
    if (cand) {
      out.push(cand);
      taken = j;
    }
    i = j;
  }
  return out;
}

/**
 * A name the tagger found that is a state's initials ("US", "U.S.", "UK"): that state. As a modifier
 * ("U.S. officials", "US President Joe Biden") it is read like a demonym; so is a title the tagger
 * took for an organisation with the initials ("the US Secretary of State"), whose title words are
 * left to the relation patterns.
 */
function initialsOfState(tokens: readonly Token[], i: number, j: number, label: string): Cand | null {
  const first = tokens[i];
  const state = label === "PER" ? undefined : stateOfInitials(first.text);
  if (!state) return null;
  const rest = tokens.slice(i + 1, j).map((t) => t.text.toLowerCase());
  const title = rest.length > 0 && rest.every(isTitleWord) && rest.some((w) => !TITLE_MODIFIERS.has(w) && w !== "of");
  if (rest.length > 0 && !title) return null;
  const next = tokens[i + 1]?.text ?? "";
  return initialsCand(first, state, label === "MISC" || title || /^\p{Lu}/u.test(next) || (next !== "of" && isTitleWord(next.toLowerCase())));
}

/**
 * A span the tagger read as one name that is really a name, a title and a person: "Philippine Defence
 * Secretary Gilberto Teodoro", "NATO Secretary General Mark Rutte". Gives the person, and the leading
 * name as an organisation unless the world gazetteer knows it (a state or demonym, found there).
 */
function titledPerson(tokens: readonly Token[], i: number, j: number): Cand[] | null {
  if (j - i < 3) return null;
  // an optional leading name of up to three words ("Philippine", "NATO", "U.S. House"), then title words, then the person
  let named = i;
  while (named < j && named - i < 3 && !isTitleWord(tokens[named].text.toLowerCase())) named++;
  let k = named;
  while (k < j && isTitleWord(tokens[k].text.toLowerCase())) k++;
  // a head title among the title words ("Secretary of State" ends in a modifier)
  const headed = tokens.slice(named, k).some((t) => OFFICIAL_TITLES.has(t.text.toLowerCase()) || LEADER_TITLES.has(t.text.toLowerCase()));
  if (k === named || k >= j || !headed) return null;
  if (hasNameHead(tokens[j - 1].text)) return null; // "Prince Edward Island", "King Abdullah University"
  for (let p = k; p < j; p++) if (!NAME_PART.test(tokens[p].text) && !PARTICLE_NAME_PART.test(tokens[p].text)) return null;
  const sentence = tokens[i].sentence;
  const out: Cand[] = [{ start: tokens[k].start, end: tokens[j - 1].end, sentence, kind: "person", source: "ner:PER" }];
  const name = named > i ? { start: tokens[i].start, end: tokens[named - 1].end } : undefined;
  if (name && !world().entries.has(foldName(tokens.slice(i, named).map((t) => t.text).join(" ")))) {
    out.unshift({ ...name, sentence, kind: "institution", source: "ner:ORG" });
  }
  return out;
}

/** Head words of titles, styles and ranks: offices, nobility and clergy. */
const TITLE_HEADS = new Set([
  ...LEADER_TITLES,
  ...OFFICIAL_TITLES,
  ..."baron baroness baronet duke duchess earl count countess marquis marquess viscount viscountess knight dame lord lady sir archduke grand-duke doge pharaoh regent pope cardinal archbishop bishop abbot reverend rev.".split(" "),
]);
/** Styles written before a person's name that no organisation or place begins with ("General Motors" does). */
const STYLES = new Set(
  "king queen emperor empress lord lady sir dame pope doge pharaoh sultan emir shah tsar czar tsarina bishop archbishop cardinal reverend rev.".split(" "),
);

/** A span made of title words alone, with a head title among them: "Governor General", "Doge", "Lieutenant-Governor". */
function isTitleOnly(tokens: readonly Token[], i: number, j: number): boolean {
  const words = tokens.slice(i, j).map((t) => t.text.toLowerCase());
  const parts = words.flatMap((w) => w.split("-")).filter((w) => /\p{L}/u.test(w) && w !== "'s");
  return parts.some((w) => TITLE_HEADS.has(w)) && parts.every((w) => TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w) || w === "of" || w === "the");
}

/**
 * "King Carol I", "Lord Krishna", "Doge Marino Faliero" read as a place or an organisation: a style
 * before name parts is a person, the style left out. Not where the last word is a place's, venue's or
 * institution's ("Prince Edward Island", "King Abdullah University").
 */
function styledPerson(tokens: readonly Token[], i: number, j: number, label: string): Cand[] | null {
  if (label === "PER" || j - i < 2) return null;
  let k = i;
  while (k < j - 1 && STYLES.has(tokens[k].text.toLowerCase())) k++;
  if (k === i) return null;
  const rest = tokens.slice(k, j);
  if (hasNameHead(tokens[j - 1].text)) return null;
  if (!rest.every((t) => NAME_PART.test(t.text) || PARTICLE_NAME_PART.test(t.text) || /^[IVX]+$/.test(t.text))) return null;
  if (world().entries.has(foldName(rest.map((t) => t.text).join(" ")))) return null;
  return [{ start: tokens[k].start, end: tokens[j - 1].end, sentence: tokens[i].sentence, kind: "person", source: "ner:PER" }];
}

/** True for a head noun that takes a place as its complement in a name: an institution's, an agreement's or an event's. */
function takesComplement(word: string): boolean {
  const w = word.toLowerCase();
  return INSTITUTION_HEADS.has(w) || AGREEMENT_NOUNS.has(w) || EVENT_NOUNS.has(w) || WAR_NOUNS.has(w);
}

/** True for the head noun of a place, venue or institution name, which no personal name ends in. */
function hasNameHead(word: string): boolean {
  const w = word.toLowerCase();
  return PLACE_HEADS.has(w) || NAME_PLACE_HEADS.has(w) || VENUE_HEADS.has(w) || INSTITUTION_HEADS.has(w);
}

/** True when a place span ends in a place or venue noun: "Moscow Oblast", "East Pyongyang Grand Theatre". */
function hasPlaceHead(doc: Document, c: Cand): boolean {
  const last = (/(\p{L}+)\P{L}*$/u.exec(doc.text.slice(c.start, c.end))?.[1] ?? "").toLowerCase();
  return PLACE_HEADS.has(last) || NAME_PLACE_HEADS.has(last) || VENUE_HEADS.has(last);
}

/** The state whose initials a token is, written in capitals, with or without dots ("US", "U.S."). */
function stateOfInitials(text: string): StateInfo | undefined {
  return /^(?:\p{Lu}\.?){2}$/u.test(text) ? world().initials.get(text.replace(/\./g, "")) : undefined;
}

/** The state named by initials at `token`; as a modifier ("US President") it is read like a demonym. */
function initialsCand(token: Token, state: StateInfo, modifier: boolean): Cand {
  const { start, end, sentence } = token;
  const key = `state:${slugify(state.name)}`;
  return modifier
    ? { start, end, sentence, kind: "state", source: "gazetteer:demonym", key, label: state.name, demonym: true }
    : { start, end, sentence, kind: "state", source: "gazetteer:state", key, label: state.name };
}

/** Nouns that say an apposition describes an organisation: "Hezbollah, an Iran-backed militant group,". */
const GROUP_NOUNS = new Set(["group", "organisation", "organization", "movement", "militia", "faction", "party", "company", "firm", "network"]);

/**
 * Names the apposition or coordination around them types where the tagger read nothing or a place:
 * "Hezbollah, an Iran-backed militant group," is an organisation, and in "Putin and Kim signed" a word
 * the world gazetteer does not know, joined by "and" to a person and followed by a verb, is a person.
 */
function repairAppositions(tokens: readonly Token[], tags: readonly string[], evidence: CaseEvidence): readonly string[] {
  let out: string[] | undefined;
  const set = (a: number, b: number, type: string) => {
    out ??= [...tags];
    for (let k = a; k < b; k++) out[k] = `${k === a ? "B" : "I"}-${type}`;
  };
  for (let j = 1; j < tokens.length; j++) {
    if (tokens[j].text !== ",") continue;
    // one to three untagged name words before ", a/an/the ... group"
    let i = j;
    while (i > 0 && j - i < 3 && (tags[i - 1] ?? "O") === "O" && NAME_PART.test(tokens[i - 1].text) && !isNameStop(tokens[i - 1].text)) i--;
    if (i === j || (i > 0 && /^\p{Lu}/u.test(tokens[i - 1].text))) continue;
    if (i === 0 && j - i === 1 && !evidence.capitalised.has(tokens[0].text.toLowerCase()) && ENGLISH_WORDS.has(tokens[0].text.toLowerCase())) continue;
    if (!/^(?:a|an|the)$/i.test(tokens[j + 1]?.text ?? "")) continue;
    for (let k = j + 2; k < Math.min(tokens.length, j + 6); k++) {
      const w = tokens[k].text;
      if (GROUP_NOUNS.has(w.toLowerCase())) {
        set(i, j, "ORG");
        break;
      }
      if (!/^\p{Ll}/u.test(w) && !NAME_PART.test(w) && !/^\p{L}+-\p{Ll}+$/u.test(w)) break;
    }
  }
  const cur = out ?? tags;
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (tokens[k + 1].text !== "and") continue;
    const pairs: Array<[number, number]> = [
      [k, k + 2],
      [k + 2, k],
    ];
    for (const [place, person] of pairs) {
      if (cur[place] !== "B-LOC" || /^I-/.test(cur[place + 1] ?? "") || world().entries.has(foldName(tokens[place].text))) continue;
      if (!/^[BI]-PER$/.test(cur[person] ?? "") || /^I-/.test(cur[Math.max(k, k + 2) + 1] ?? "")) continue;
      const next = tokens[k + 3]?.text ?? "";
      if (!/^\p{Ll}+$/u.test(next) || isNameStop(next)) continue;
      set(place, place + 1, "PER");
    }
  }
  return out ?? tags;
}

/** Occupations an organisation or a state may also be described by in apposition ("NATO, a member of ..."). */
const SHARED_OCCUPATIONS = new Set(["member", "partner", "associate", "head", "chief", "official", "employee", "research", "founder", "co-founder"]);

/**
 * True when the words after a name are ", a/an/the" and, within three more words, an occupation or
 * an official title of a person: ", a senior researcher at", ", the party's spokesman".
 */
function personApposition(tokens: readonly Token[], j: number): boolean {
  if (tokens[j]?.text !== ",") return false;
  let from = j + 2;
  if (!/^(?:a|an|the)$/i.test(tokens[j + 1]?.text ?? "")) {
    // ", Russia's Security Council secretary": a possessor's name instead of an article
    let k = j + 1;
    while (k < j + 4 && NAME_PART.test(tokens[k]?.text ?? "")) k++;
    if (k === j + 1 || tokens[k]?.text !== "'s") return false;
    from = k + 1;
  }
  for (let k = from; k < Math.min(tokens.length, from + 4); k++) {
    const w = tokens[k].text.toLowerCase();
    if ((OCCUPATIONS.has(w) || OFFICIAL_TITLES.has(w)) && !SHARED_OCCUPATIONS.has(w)) return true;
    if (!/^\p{Ll}/u.test(tokens[k].text) && w !== "'s" && !NAME_PART.test(tokens[k].text)) return false;
  }
  return false;
}

const isTitleHead = (w: string) => OFFICIAL_TITLES.has(w.toLowerCase()) || LEADER_TITLES.has(w.toLowerCase());
const isTitleWord = (w: string) => w === "of" || TITLE_MODIFIERS.has(w) || OFFICIAL_TITLES.has(w) || LEADER_TITLES.has(w);

/**
 * Where a name's last token ends as a name: "Munich-based", "US-led", "EU-member" are one token each, of
 * which only the part before the hyphen is a name.
 */
function nameEnd(token: Token): number {
  const m = /^(\p{Lu}[^-]*(?:-\p{Lu}[^-]*)*)-(\p{Ll}+)$/u.exec(token.text);
  return m && (COMPOUND_HEADS.has(m[2]) || /.ed$/.test(m[2])) ? token.start + m[1].length : token.end;
}

/** Words after a hyphen that make a name a modifier ("Munich-based"); Korean given names ("Jong-un") have none. */
const COMPOUND_HEADS = new Set(["born", "run", "made", "held", "style", "member", "members", "series", "wide", "era", "type", "speaking", "friendly", "bound"]);

function fromLabel(label: string, start: number, end: number, sentence: number): Cand | null {
  switch (label) {
    case "PER":
      return { start, end, sentence, kind: "person", source: "ner:PER" };
    case "ORG":
      return { start, end, sentence, kind: "institution", source: "ner:ORG" };
    case "LOC":
      return { start, end, sentence, kind: "place", source: "ner:LOC" };
    default:
      return null; // MISC: demonyms come from the gazetteer, events and agreements from their patterns
  }
}

/** Without a tagger: runs of capitalised words, typed by their head word. A weak fallback, used in tests of the rules. */
function capitalisedSpans(tokens: readonly Token[], heading: boolean): Cand[] {
  if (heading) return [];
  const out: Cand[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!/^\p{Lu}/u.test(tokens[i].text) || (i === 0 && !/^\p{Lu}\p{Ll}+$/u.test(tokens[i + 1]?.text ?? ""))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && (/^\p{Lu}/u.test(tokens[j].text) || (CONNECTORS.has(tokens[j].text) && /^\p{Lu}/u.test(tokens[j + 1]?.text ?? "")))) j++;
    const words = tokens.slice(i, j).map((t) => t.text.toLowerCase());
    const head = words[words.length - 1];
    const kind = INSTITUTION_HEADS.has(head) ? "institution" : j - i >= 2 && j - i <= 3 ? "person" : "place";
    out.push({ start: tokens[i].start, end: tokens[j - 1].end, sentence: tokens[i].sentence, kind, source: `caps:${kind}` });
    i = j;
  }
  return out;
}

/** True when a span holds nothing but the given gazetteer names, hyphens, spaces and "and". */
function onlyNames(doc: Document, span: Cand, gaz: readonly Cand[]): boolean {
  let rest = doc.text.slice(span.start, span.end);
  for (const g of gaz) {
    if (g.start >= span.start && g.end <= span.end) {
      rest = rest.slice(0, g.start - span.start) + " ".repeat(g.end - g.start) + rest.slice(g.end - span.start);
    }
  }
  return !/\p{L}/u.test(rest.replace(/\band\b/g, ""));
}

/** Longest matches of the world gazetteer over capitalised sub-tokens. */
function gazetteerSpans(tokens: readonly Token[]): Cand[] {
  const w = world();
  const subs = subTokens(tokens);
  const folded: Array<string | undefined> = new Array(subs.length);
  const fold = (k: number) => (folded[k] ??= foldName(subs[k].text));
  const out: Cand[] = [];
  let i = 0;
  while (i < subs.length) {
    let found: Cand | null = null;
    let len = 0;
    if (/^\p{Lu}/u.test(subs[i].text) && w.prefixes.has(fold(i))) {
      // scan forward while the words read so far begin some name; keep the longest whole name
      let key = "";
      let entry: GazetteerEntry | undefined;
      for (let n = 1; n <= w.maxTokens && i + n <= subs.length; n++) {
        const f = fold(i + n - 1);
        if (f) key = key ? `${key} ${f}` : f;
        if (!w.prefixes.has(key)) break;
        const last = subs[i + n - 1];
        if (last.text === "-" || !/^[\p{Lu}\p{Ll}]/u.test(last.text)) continue;
        const e = w.entries.get(key);
        if (e) {
          entry = e;
          len = n;
        }
      }
      if (entry) {
        const start = subs[i].start;
        const end = subs[i + len - 1].end;
        const sentence = subs[i].sentence;
        const stateKey = `state:${slugify(entry.state.name)}`;
        if (entry.type === "state") found = { start, end, sentence, kind: "state", source: "gazetteer:state", key: stateKey, label: entry.state.name };
        else if (entry.type === "demonym")
          found = { start, end, sentence, kind: "state", source: "gazetteer:demonym", key: stateKey, label: entry.state.name, demonym: true };
        else if (entry.type === "capital")
          found = { start, end, sentence, kind: "place", source: "gazetteer:capital", key: `place:${slugify(entry.name)}`, label: entry.name };
        else found = { start, end, sentence, kind: "state", source: "gazetteer:seat", key: stateKey, label: entry.state.name, metonym: true };
      }
    }
    if (!found) {
      const initials = initialsInContext(subs, i);
      if (initials) {
        found = initials;
        len = 1;
      }
    }
    if (found) {
      out.push(found);
      i += len;
    } else i++;
  }
  return out;
}

/**
 * A state's initials the tagger may have missed, where the context leaves no doubt: after "the" ("the
 * UK", "the U.S.") or before a title ("UK Prime Minister"). Too short to trust anywhere else.
 */
function initialsInContext(subs: readonly Token[], i: number): Cand | null {
  const t = subs[i];
  const state = stateOfInitials(t.text);
  if (!state) return null;
  const before = subs[i - 1]?.text ?? "";
  const after = subs[i + 1]?.text ?? "";
  const title = after !== "of" && isTitleWord(after.toLowerCase());
  if (before !== "the" && before !== "The" && !title) return null;
  return initialsCand(t, state, title);
}

/** Trim honorifics, articles and possessives; extend places by their head noun; read capitals used as actors as their state. */
function refineMention(doc: Document, c: Cand): Cand | null {
  const text = matchingText(doc);
  let { start, end } = c;
  if (c.kind === "person") {
    for (let m = /^(\S+)\s+/.exec(text.slice(start, end)); m && HONORIFICS.has(m[1].toLowerCase()); m = /^(\S+)\s+/.exec(text.slice(start, end))) {
      start += m[0].length;
    }
  }
  const lead = /^the\s+/i.exec(text.slice(start, end));
  if (lead && c.kind !== "person") start += lead[0].length;
  const poss = /\s*'s?$/.exec(text.slice(start, end));
  if (poss && end - poss[0].length > start) end -= poss[0].length;
  if (end <= start || !/\p{L}/u.test(text.slice(start, end))) return null;
  // "CAIRO, Feb 3 (Reuters)": a month or weekday is no organisation or place ("May" may be a person)
  if (c.kind !== "person" && CALENDAR_WORDS.has(text.slice(start, end).toLowerCase().replace(/\.$/, ""))) return null;
  let nameEnd: number | undefined;
  if (c.kind === "place" && !c.key) {
    const head = /^\s+(\p{Ll}+)/u.exec(text.slice(end, end + 20));
    if (head && PLACE_HEADS.has(head[1])) {
      nameEnd = end;
      end += head[0].length;
    }
  }
  if (c.source === "gazetteer:capital" && actsAsState(text, start, end)) {
    const entry = world().entries.get(foldName(text.slice(start, end)));
    if (entry) {
      const city = { key: c.key ?? `place:${slugify(text.slice(start, end))}`, label: c.label ?? text.slice(start, end) };
      return { ...c, start, end, kind: "state", key: `state:${slugify(entry.state.name)}`, label: entry.state.name, metonym: true, city };
    }
  }
  return nameEnd === undefined ? { ...c, start, end } : { ...c, start, end, nameEnd };
}

/** A capital is its state when it acts: "Pyongyang had denied", "Pyongyang's foreign policy" — not after "in", "to", "from". */
function actsAsState(text: string, start: number, end: number): boolean {
  const before = /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, start - 20), start))?.[1] ?? "";
  if (PLACE_PREPOSITION.test(before)) return false;
  // "in Moscow and Beijing": the preposition before the first name of the pair
  if (before === "and" && PLACE_PREPOSITION.test(/(\p{L}+)\s+(?:\p{Lu}[\p{L}-]*\s+){1,3}and\s*$/u.exec(text.slice(Math.max(0, start - 60), start))?.[1] ?? "")) return false;
  const after = text.slice(end, end + 30);
  if (/^'s?\s+(\p{L}+)/u.test(after)) {
    const noun = /^'s?\s+(\p{L}+)/u.exec(after)![1].toLowerCase();
    return !PLACE_HEADS.has(noun) && !/^(streets?|residents?|citizens?|people|skyline|centre|center|suburbs?|outskirts|airport|mayor)$/.test(noun);
  }
  const next = /^\s+(\p{L}+)/u.exec(after)?.[1]?.toLowerCase() ?? "";
  // "Warsaw is the capital of Poland", "Tokyo is Japan's largest city": a copula that describes the place
  if (COPULA.test(next) && PLACE_DESCRIPTION.test(text.slice(end, end + 80).replace(/^\s+\p{L}+\s+/u, ""))) return false;
  // "Moscow and Pyongyang have denied …": the verb after the other name of the pair
  if (next === "and") {
    const verb = /^\s+and\s+(?:\p{Lu}[\p{L}-]*\s+){1,3}(\p{Ll}+)/u.exec(text.slice(end, end + 80))?.[1] ?? "";
    return ACTOR_NEXT.test(verb);
  }
  return ACTOR_NEXT.test(next);
}
