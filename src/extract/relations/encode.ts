// A sentence as a flat string for relation patterns: mentions become placeholders (`@P3`), other tokens stay words.
import type { Document, EntityKind, Mention, Token } from "../../schema/index.js";
import { matchingText } from "../../text/index.js";
import { COURTESY_TITLES, WAR_NOUNS } from "../lexicon.js";

/** Placeholder letters: person, state, demonym of a state, institution, place (locus), event, agreement. */
const LETTER: Readonly<Record<EntityKind, string>> = {
  person: "P",
  state: "S",
  institution: "I",
  place: "L",
  event: "E",
  agreement: "A",
};

export interface Slot {
  /** Entity id of the mention, or of the entity a pronoun or "the war" stands for. */
  entity: string;
  kind: EntityKind;
  /** True for pronouns and definite descriptions resolved to an entity. */
  anaphor: boolean;
}

export interface EncodedSentence {
  sentence: number;
  /** Tokens and placeholders joined by single spaces, e.g. "@D0 leader @P1 stood before ...". */
  text: string;
  /** slots[n] is what placeholder number n stands for. */
  slots: Slot[];
}

export interface EncodeContext {
  /** Entity kinds by id. */
  kinds: ReadonlyMap<string, EntityKind>;
  /** The last war event and agreement seen so far in the document, for "the war", "the alliance". */
  lastWar?: string;
  lastAgreement?: string;
  /** The first person and the first state or institution of the last sentence that named one, for pronouns. */
  lastPerson?: string;
  lastActor?: string;
}

/** Encode one sentence; outermost mentions only (an event hides the state inside it). */
export function encodeSentence(doc: Document, tokens: readonly Token[], mentions: readonly Mention[], ctx: EncodeContext): EncodedSentence {
  const text = matchingText(doc);
  const outer = mentions.filter((m) => !mentions.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
  const parts: string[] = [];
  const slots: Slot[] = [];
  let mi = 0;
  let pos = tokens[0]?.start ?? 0;
  let ti = 0; // tokens before ti end at or before the last gap emitted
  const emitWords = (from: number, to: number) => {
    while (ti < tokens.length && tokens[ti].end <= from) ti++;
    for (let k = ti; k < tokens.length && tokens[k].start < to; k++) {
      const t = tokens[k];
      const piece = text.slice(Math.max(t.start, from), Math.min(t.end, to)).trim();
      if (piece) parts.push(piece);
    }
  };
  const sentenceEnd = tokens.length ? tokens[tokens.length - 1].end : pos;
  for (; mi <= outer.length; mi++) {
    const m = outer[mi];
    const until = m ? m.start : sentenceEnd;
    if (until > pos) emitWords(pos, until);
    if (!m) break;
    const kind = ctx.kinds.get(m.entity) ?? m.kind;
    const letter = m.source === "gazetteer:demonym" ? "D" : LETTER[kind];
    // "Prime Minister Sheikh Mohammed …": a courtesy title before a person stands aside
    if (kind === "person") while (parts.length && COURTESY_TITLES.has(parts[parts.length - 1].toLowerCase())) parts.pop();
    parts.push(`@${letter}${slots.length}`);
    slots.push({ entity: m.entity, kind, anaphor: false });
    if (kind === "event" && /\b(?:war|conflict|invasion)\b/i.test(m.text)) ctx.lastWar = m.entity;
    if (kind === "agreement") ctx.lastAgreement = m.entity;
    pos = m.end;
  }
  // "the war", "the conflict", "the alliance": the last one named before
  const words = parts.join(" ").split(" ");
  for (let i = 1; i < words.length; i++) {
    if (!/^the$/i.test(words[i - 1])) continue;
    const w = words[i].toLowerCase();
    const target = WAR_NOUNS.has(w) ? ctx.lastWar : /^(?:alliance|pact|treaty|partnership|accord|deal)$/.test(w) ? ctx.lastAgreement : undefined;
    if (!target) continue;
    words[i] = `@${LETTER[ctx.kinds.get(target) ?? "event"]}${slots.length}`;
    slots.push({ entity: target, kind: ctx.kinds.get(target) ?? "event", anaphor: true });
  }
  resolvePronouns(words, slots, ctx);
  const firstPerson = slots.find((s) => !s.anaphor && s.kind === "person");
  const firstActor = slots.find((s) => !s.anaphor && (s.kind === "state" || s.kind === "institution"));
  if (firstPerson) ctx.lastPerson = firstPerson.entity;
  if (firstActor) ctx.lastActor = firstActor.entity;
  return { sentence: tokens[0]?.sentence ?? 0, text: words.join(" "), slots };
}

/**
 * Possessive pronouns stand for the first person ("his", "her") or the first state or institution ("its",
 * "their") named before them in the sentence, else for the one of the last sentence that named one.
 */
function resolvePronouns(words: string[], slots: Slot[], ctx: EncodeContext): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i].toLowerCase();
    const wantPerson = w === "his" || w === "her";
    if (!wantPerson && w !== "its" && w !== "their") continue;
    let target: string | undefined;
    for (let j = 0; j < i && !target; j++) {
      const m = /^@([A-Z])(\d+)$/.exec(words[j]);
      if (!m) continue;
      const slot = slots[Number(m[2])];
      if (wantPerson ? slot.kind === "person" : slot.kind === "state" || slot.kind === "institution") target = slot.entity;
    }
    target ??= wantPerson ? ctx.lastPerson : ctx.lastActor;
    if (!target) continue;
    const kind = ctx.kinds.get(target) ?? (wantPerson ? "person" : "state");
    words[i] = `@${LETTER[kind]}${slots.length}`;
    slots.push({ entity: target, kind, anaphor: true });
  }
}
