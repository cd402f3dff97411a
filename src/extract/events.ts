// Event and agreement mentions by phrase patterns: "war in X", "X conflict", "X-Y military alliance", "Battle of X", "X summit".
import type { Document, Token } from "../schema/index.js";
import { foldName, slugify } from "../text/index.js";
import { AGREEMENT_NOUNS, EVENT_NOUNS, WAR_NOUNS } from "./lexicon.js";
import { type Cand, dropOverlaps, subTokens } from "./spans.js";

const LINK = new Set(["in", "on", "against", "with", "over", "for", "of"]);
const MODIFIERS = /^(?:military|defence|defense|security|strategic|mutual|economic|trade|nuclear|peace|cooperation|bilateral|trilateral|comprehensive|historic|new|landmark|ongoing|full-scale|brutal|bloody)$/;

/** Add event and agreement candidates to a sentence's mentions; they may contain the mentions they name. */
export function findEventMentions(doc: Document, tokens: readonly Token[], mentions: Cand[]): Cand[] {
  const found: Cand[] = [];
  const subs = subTokens(tokens);
  const lower = subs.map((t) => t.text.toLowerCase());
  const at = (i: number) => lower[i] ?? "";
  // every pattern below needs an event or agreement noun, "battle" or a hyphen: most sentences have none
  if (!lower.some((w) => WAR_NOUNS.has(w) || EVENT_NOUNS.has(w) || AGREEMENT_NOUNS.has(w) || w === "-")) {
    if (!mentions.some((m) => m.kind === "institution" || m.kind === "place")) return mentions;
  }
  const byStart = new Map<number, Cand[]>();
  for (const m of mentions) {
    const list = byStart.get(m.start);
    if (list) list.push(m);
    else byStart.set(m.start, [m]);
  }
  const mentionAt = (i: number, kinds: string[]) => (i < subs.length ? byStart.get(subs[i].start)?.find((m) => kinds.includes(m.kind)) : undefined);
  const endIndex = (m: Cand, from: number) => {
    let j = from;
    while (j < subs.length && subs[j].end <= m.end) j++;
    return j; // first sub-token after the mention
  };
  for (let i = 0; i < subs.length; i++) {
    const word = at(i);
    // "war in Ukraine", "conflict with Russia", "Battle of Kursk", "summit in Singapore"
    if ((WAR_NOUNS.has(word) || /^battle$/.test(word)) && LINK.has(at(i + 1))) {
      const k = at(i + 2) === "the" ? i + 3 : i + 2;
      const linkWord = at(i + 1);
      const loc = mentionAt(k, linkWord === "against" || linkWord === "with" ? ["state", "place", "institution"] : ["state", "place"]);
      if (loc) {
        const war = WAR_NOUNS.has(word);
        found.push(eventCand(subs[i].start, loc.end, subs[i].sentence, war ? "event" : "event", `${war ? "war" : word}:${groupOf(doc, loc)}`));
      }
    }
    // "Ukraine conflict", "Ukraine war", "Korean War"; "Putin-Kim summit"
    const m = mentionAt(i, ["state", "place", "person"]);
    if (m) {
      const j = endIndex(m, i);
      const noun = at(j);
      if (m.kind !== "person" && WAR_NOUNS.has(noun) && !/^'s?$/.test(at(j))) {
        found.push(eventCand(m.start, subs[j].end, m.sentence, "event", `war:${groupOf(doc, m)}`));
      }
      // "North Korea-Russia military alliance": state - state [modifiers] agreement-noun
      if (m.kind === "state" && at(j) === "-") {
        const other = mentionAt(j + 1, ["state"]);
        if (other) {
          let k = endIndex(other, j + 1);
          while (MODIFIERS.test(at(k))) k++;
          const head = at(k);
          if (AGREEMENT_NOUNS.has(head) || EVENT_NOUNS.has(head)) {
            const kind = AGREEMENT_NOUNS.has(head) ? "agreement" : "event";
            const pair = [groupOf(doc, m), groupOf(doc, other)].sort().join("+");
            found.push(eventCand(m.start, subs[k].end, m.sentence, kind, `${head}:${pair}`));
          }
        }
      }
    }
  }
  // "the G20 summit", "the NATO summit", "the ASEAN forum": an acronym or a one-word name before an event noun
  for (let i = 0; i + 1 < subs.length; i++) {
    if (!EVENT_NOUNS.has(at(i + 1))) continue;
    const name = mentionAt(i, ["state", "place", "institution"]);
    if (!(name ? name.end === subs[i].end : /^\p{Lu}[\p{Lu}\d-]+$/u.test(subs[i].text))) continue;
    if (i > 0 && /^\p{Lu}/u.test(subs[i - 1].text) && at(i - 1) !== "the") continue; // part of a longer name
    found.push(eventCand(subs[i].start, subs[i + 1].end, subs[i].sentence, "event", `${at(i + 1)}:${foldName(subs[i].text)}`));
  }
  // capitalised names whose head is an event or agreement noun: "Korean War", "Paris Agreement", "Minsk Accords"
  for (const m of mentions) {
    const words = foldName(doc.text.slice(m.start, m.end)).split(" ");
    const last = words[words.length - 1] ?? "";
    const singular = last.replace(/s$/, "");
    // "Paris Agreement", "Minsk Accords", and "Alliance of Sahel States", "Treaty of Versailles"
    const namedFor = words.length > 2 && words[1] === "of" && AGREEMENT_NOUNS.has(words[0]);
    if (m.kind === "institution" || m.kind === "place") {
      if (AGREEMENT_NOUNS.has(last) || AGREEMENT_NOUNS.has(singular) || namedFor) found.push({ ...m, kind: "agreement", source: "pattern:agreement" });
      else if (WAR_NOUNS.has(last) || EVENT_NOUNS.has(last)) found.push({ ...m, kind: "event", source: "pattern:event" });
    }
  }
  const events = dropOverlaps(found, () => 0);
  // an event or agreement replaces a same-span name, and may contain the states it names
  const spans = new Set(events.map((e) => `${e.start}:${e.end}`));
  const rest = mentions.filter((m) => !spans.has(`${m.start}:${m.end}`));
  return [...rest, ...events];
}

function eventCand(start: number, end: number, sentence: number, kind: "event" | "agreement", group: string): Cand {
  return { start, end, sentence, kind, source: `pattern:${kind}`, key: `${kind}:${slugify(group)}` };
}

function groupOf(doc: Document, m: Cand): string {
  return m.key ?? foldName(doc.text.slice(m.start, m.end));
}
