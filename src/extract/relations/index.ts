// Typed relations of one document from its encoded sentences, checked against the vocabulary's kinds, plus co-occurrence.
import type { Document, EntityKind, Entity, Evidence, Mention, Relation, RelationType } from "../../schema/index.js";
import { RELATION_SIGNATURES, SYMMETRIC_RELATIONS } from "../../schema/index.js";
import { tokensBySentence } from "../spans.js";
import { encodeSentence, type EncodeContext } from "./encode.js";
import { applyRules, selectRules, type Draft, type RuleSelection, type SelectedRules } from "./rules/index.js";
import { sentenceDate } from "./dates.js";
import { mergeProvenance, provenance } from "./provenance.js";

/** Largest number of entities of one sentence paired for co-occurrence (keeps long lists from exploding). */
const MAX_COOCCURRING = 16;

export interface RelationOptions {
  /** Which rules run (all by default): `{ only: [id] }` runs one rule alone, `{ except: [id] }` all but one. */
  rules?: RuleSelection;
}

/** Extract the typed relations and co-occurrences of a document whose mentions are resolved to entities. */
export function extractRelations(doc: Document, mentions: readonly Mention[], entities: readonly Entity[], options: RelationOptions = {}): Relation[] {
  return sortRelations([...mergeRelations(ruleRelations(doc, mentions, entities, options)), ...cooccurrences(doc, groupBySentence(doc, mentions))]);
}

/** The typed relations the rules read in each sentence, one per reading (not merged), each checked against its kinds. */
export function ruleRelations(doc: Document, mentions: readonly Mention[], entities: readonly Entity[], options: RelationOptions = {}): Relation[] {
  const rules = selectRules(options.rules);
  const kinds = new Map(entities.map((e) => [e.id, e.kind]));
  const bySentence = tokensBySentence(doc);
  const ctx: EncodeContext = { kinds };
  const found: Relation[] = [];
  const pending: Array<{ draft: Draft; ids: string[]; evidence: Evidence }> = [];
  let lastDeployment: string | undefined;
  const bySentenceMentions = groupBySentence(doc, mentions);
  for (const s of doc.sentences) {
    if (s.heading) continue;
    const ms = bySentenceMentions[s.index];
    const enc = encodeSentence(doc, bySentence[s.index], ms, ctx);
    const evidence: Evidence = { doc: doc.id, sentence: s.index, start: s.start, end: s.end, text: s.text };
    const ids = enc.slots.map((x) => x.entity);
    for (const d of applyRules(enc, rules.patterns)) {
      d.date = clauseDate(enc.text, d.at ?? 0);
      if (d.contextSource) {
        pending.push({ draft: d, ids, evidence });
        continue;
      }
      const source = ids[d.source];
      const target = d.contextTarget ? (lastDeployment ?? ctx.lastWar) : ids[d.target];
      if (!source || !target || source === target || !fits(d.relation, kinds.get(source), kinds.get(target))) continue;
      if (d.relation === "deploys_troops_to") lastDeployment = target;
      found.push(toRelation(d, source, target, evidence));
    }
    found.push(...agreementRelations(doc, ms, kinds, evidence, rules), ...warRelations(doc, ms, kinds, evidence, rules));
  }
  // pacts signed by leaders: the states they lead, as the document states it
  const ledState = (id: string | undefined) =>
    id === undefined || kinds.get(id) === "state"
      ? id
      : found.find((r) => r.source === id && r.relation === "leader_of" && kinds.get(r.target) === "state")?.target;
  for (const { draft, ids, evidence } of pending) {
    if (draft.contextSource !== "states-of-leaders") continue;
    const [a, b] = [ledState(ids[draft.source]), ledState(ids[draft.target])];
    if (a && b && a !== b) found.push(toRelation(draft, a, b, evidence));
  }
  // titles without a state: the state of a colleague named in the same sentence
  for (const { draft, ids, evidence } of pending) {
    if (draft.contextSource !== "state-of-colleague") continue;
    const person = ids[draft.source];
    if (found.some((r) => r.source === person && (r.relation === "official_of" || r.relation === "leader_of") && r.evidence[0].sentence === evidence.sentence)) continue;
    // the colleague named nearest before the title ("Japanese Foreign Minister A and Defence Minister B"),
    // else the nearest after; their office as this sentence states it, else as the document does
    const colleagues = new Set(ids.filter((id) => id !== person && kinds.get(id) === "person"));
    const offices = found.filter(
      (r) => colleagues.has(r.source) && (r.relation === "leader_of" || r.relation === "official_of") && kinds.get(r.target) === "state",
    );
    const here = offices.filter((r) => r.evidence[0].sentence === evidence.sentence);
    const at = (r: Relation) => ids.indexOf(r.source);
    const before = here.filter((r) => at(r) < draft.source).sort((a, b) => at(b) - at(a));
    const after = here.filter((r) => at(r) > draft.source).sort((a, b) => at(a) - at(b));
    const office = before[0] ?? after[0] ?? offices[0];
    if (person && office && fits(draft.relation, kinds.get(person), "state")) found.push(toRelation(draft, person, office.target, evidence));
  }
  return found;
}

/** Relations in key order: source, relation, target. */
export function sortRelations(relations: Relation[]): Relation[] {
  return relations.sort((a, b) => cmp(a.source, b.source) || cmp(a.relation, b.relation) || cmp(a.target, b.target));
}

/** What lies between a state and the war it wages: " launched a full-scale ", " has waged its ". */
const WAGED = /^\s+(?:has\s+|had\s+)?(?:launched|began|begun|started|waged|wages|is\s+waging|continued|continues|escalated)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}$/i;

/** "The North Korea-Russia military alliance": the states inside an alliance name are allied and party to it. */
function agreementRelations(doc: Document, ms: readonly Mention[], kinds: Map<string, EntityKind>, evidence: Evidence, rules: SelectedRules): Relation[] {
  const out: Relation[] = [];
  for (const a of ms) {
    if (kinds.get(a.entity) !== "agreement") continue;
    const states = [...new Set(ms.filter((m) => m.start >= a.start && m.end <= a.end && kinds.get(m.entity) === "state").map((m) => m.entity))];
    if (rules.uses("party_to/state-in-agreement-name")) for (const s of states) out.push({ source: s, target: a.entity, relation: "party_to", evidence: [evidence], confidence: 0.8, provenance: [provenance("rules", 0.8, "party_to/state-in-agreement-name")] });
    if (rules.uses("allied_with/states-in-alliance-name") && states.length === 2 && /\b(?:alliance|pact|partnership|treaty|accord)\b/i.test(a.text)) {
      out.push(toRelation({ source: 0, target: 0, relation: "allied_with", confidence: 0.8, rule: "allied_with/states-in-alliance-name" }, states[0], states[1], evidence));
    }
  }
  return out;
}

/** "Russia's war against Ukraine": both states are at war and party to it; "the war in Ukraine" is located there. */
function warRelations(doc: Document, ms: readonly Mention[], kinds: Map<string, EntityKind>, evidence: Evidence, rules: SelectedRules): Relation[] {
  const out: Relation[] = [];
  for (const e of ms) {
    if (kinds.get(e.entity) !== "event") continue;
    const inner = ms.find((m) => m.start > e.start && m.end <= e.end && ["state", "institution"].includes(kinds.get(m.entity) ?? ""));
    if (!inner) continue;
    const link = /\b(?:(?:war|invasion|conflict|offensive)\s+(in|against|on|with)|invasion\s+(of))\s+(?:the\s+)?$/i.exec(doc.text.slice(e.start, inner.start));
    if (!link) continue;
    if ((link[1] ?? link[2]).toLowerCase() === "in") {
      if (kinds.get(inner.entity) !== "state" || !rules.uses("located_in/war-in-state")) continue;
      out.push({ source: e.entity, target: inner.entity, relation: "located_in", evidence: [evidence], confidence: 0.7, provenance: [provenance("rules", 0.7, "located_in/war-in-state")] });
      continue;
    }
    // "Russia's war against Ukraine", "Russia launched a full-scale invasion of Ukraine"
    const owner = ms.find((m) => {
      if (m.end > e.start || !["state", "institution"].includes(kinds.get(m.entity) ?? "")) return false;
      const between = doc.text.slice(m.end, e.start);
      return /^\s*['’]s?\s*$/.test(between) || WAGED.test(between);
    });
    if (!owner || owner.entity === inner.entity) continue;
    if (rules.uses("at_war_with/war-against-state")) {
      out.push(toRelation({ source: 0, target: 0, relation: "at_war_with", confidence: 0.85, rule: "at_war_with/war-against-state" }, owner.entity, inner.entity, evidence));
    }
    if (!rules.uses("party_to/sides-of-war")) continue;
    const party = () => [provenance("rules", 0.8, "party_to/sides-of-war")];
    out.push({ source: owner.entity, target: e.entity, relation: "party_to", evidence: [evidence], confidence: 0.8, provenance: party() });
    out.push({ source: inner.entity, target: e.entity, relation: "party_to", evidence: [evidence], confidence: 0.8, provenance: party() });
  }
  return out;
}

function fits(relation: RelationType, source: EntityKind | undefined, target: EntityKind | undefined): boolean {
  const { from, to } = RELATION_SIGNATURES[relation];
  return !!source && !!target && from.includes(source) && to.includes(target);
}

function toRelation(d: Draft, source: string, target: string, evidence: Evidence): Relation {
  const [s, t] = SYMMETRIC_RELATIONS.has(d.relation) && target < source ? [target, source] : [source, target];
  return {
    source: s,
    target: t,
    relation: d.relation,
    ...(d.role ? { role: d.role } : {}),
    ...(d.quantity !== undefined ? { quantity: d.quantity } : {}),
    ...(d.items?.length ? { items: d.items } : {}),
    ...(d.date ? { date: d.date } : {}),
    evidence: [evidence],
    confidence: d.confidence,
    provenance: [provenance("rules", d.confidence, d.rule)],
  };
}

/** Every pair of entities named in one sentence; the graph keeps only pairs no typed relation joins. */
export function cooccurrenceRelations(doc: Document, mentions: readonly Mention[]): Relation[] {
  return cooccurrences(doc, groupBySentence(doc, mentions));
}

function cooccurrences(doc: Document, bySentence: readonly Mention[][]): Relation[] {
  const pairs = new Map<string, Relation>();
  for (const s of doc.sentences) {
    if (s.heading) continue;
    const ids = [...new Set(bySentence[s.index].map((m) => m.entity))].slice(0, MAX_COOCCURRING).sort();
    if (ids.length < 2) continue;
    const evidence: Evidence = { doc: doc.id, sentence: s.index, start: s.start, end: s.end, text: s.text };
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        const known = pairs.get(key);
        if (known) known.evidence.push(evidence); // sentences come in order, so evidence stays sorted
        else pairs.set(key, { source: ids[i], target: ids[j], relation: "co_occurs_with", evidence: [evidence], confidence: 0.3, provenance: [provenance("cooccurrence", 0.3)] });
      }
    }
  }
  return [...pairs.values()];
}

/** The date given by the clause of the encoded sentence where a pattern matched ("..., and Japan signed it in 2016"). */
function clauseDate(text: string, at: number): string | undefined {
  const bounds = /(?: ,| ;) (?:and|but|while|whereas|although|though|as|after|before|when) | ; /g;
  let start = 0;
  let end = text.length;
  for (let m = bounds.exec(text); m; m = bounds.exec(text)) {
    if (m.index < at) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return sentenceDate(text.slice(start, end));
}

function groupBySentence(doc: Document, mentions: readonly Mention[]): Mention[][] {
  const out: Mention[][] = doc.sentences.map(() => []);
  for (const m of mentions) out[m.sentence].push(m);
  return out;
}

/** One relation per (source, relation, target): evidence joined in sentence order, highest confidence, details merged. */
export function mergeRelations(relations: readonly Relation[]): Relation[] {
  const byKey = new Map<string, { merged: Relation; seen: Set<string> }>();
  for (const r of relations) {
    const key = `${r.source}|${r.relation}|${r.target}`;
    const entry = byKey.get(key);
    if (!entry) {
      const merged: Relation = { ...r, evidence: [], ...(r.items ? { items: [...r.items] } : {}) };
      const seen = new Set<string>();
      for (const e of r.evidence) addEvidence(merged, seen, e);
      byKey.set(key, { merged, seen });
      continue;
    }
    const prev = entry.merged;
    for (const e of r.evidence) addEvidence(prev, entry.seen, e);
    prev.confidence = Math.max(prev.confidence, r.confidence);
    prev.provenance = mergeProvenance(prev.provenance, r.provenance);
    prev.role ??= r.role;
    prev.quantity ??= r.quantity;
    prev.date ??= r.date;
    if (r.items) prev.items = [...new Set([...(prev.items ?? []), ...r.items])];
  }
  // Evidence in document then sentence order, sorted once per relation: a relation stated in
  // thousands of articles must not be re-sorted for each of them.
  const merged = [...byKey.values()].map(({ merged: m }) => m);
  for (const m of merged) m.evidence.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.sentence - b.sentence));
  return merged.sort((a, b) => cmp(a.source, b.source) || cmp(a.relation, b.relation) || cmp(a.target, b.target));
}

/** Add a piece of evidence unless the relation already has one from the same sentence of the same document. */
function addEvidence(r: Relation, seen: Set<string>, e: Relation["evidence"][number]): void {
  const key = `${e.sentence}#${e.doc}`;
  if (seen.has(key)) return;
  seen.add(key);
  r.evidence.push(e);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
