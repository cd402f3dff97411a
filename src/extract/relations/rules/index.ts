// The relation rules in the order they run, compiled once, and the function that applies them to an encoded sentence.
import { KgError } from "../../../errors.js";
import type { EncodedSentence } from "../encode.js";
import { AGREEMENT_NAME_RULES, ALLIANCE_RULES } from "./alliances.js";
import { PARTY_RULES, TROOP_RULES, WAR_NAME_RULES, WAR_RULES } from "./conflict.js";
import { EMPLOYMENT_RULES } from "./employment.js";
import { KINSHIP_RULES } from "./kinship.js";
import { MEETING_RULES } from "./meetings.js";
import { CITIZENSHIP_RULES, MEMBERSHIP_RULES } from "./membership.js";
import { OFFICE_RULES } from "./offices.js";
import { compilePattern } from "./parts.js";
import { PLACE_RULES } from "./places.js";
import { SUPPLY_RULES } from "./supply.js";
import { SUPPORT_RULES } from "./support.js";
import type { Draft, NameRule, PatternRule, RelationRule } from "./types.js";

export type { Draft, Expected, ExpectedDetails, NameRule, PatternRule, Reading, RelationRule, RuleCounterexample, RuleExample } from "./types.js";
export { isPatternRule } from "./types.js";
export { compilePattern, MENTION_LETTERS, WORD_PARTS } from "./parts.js";

/** The pattern rules in the order they run: a sentence's readings come out in this order. */
export const PATTERN_RULES: readonly PatternRule[] = [
  ...OFFICE_RULES,
  ...EMPLOYMENT_RULES,
  ...KINSHIP_RULES,
  ...PLACE_RULES,
  ...ALLIANCE_RULES,
  ...WAR_RULES,
  ...SUPPLY_RULES,
  ...TROOP_RULES,
  ...PARTY_RULES,
  ...MEETING_RULES,
  ...MEMBERSHIP_RULES,
  ...SUPPORT_RULES,
  ...CITIZENSHIP_RULES,
];

/** The rules over the mentions inside agreement and war names, run after the patterns of each sentence. */
export const NAME_RULES: readonly NameRule[] = [...AGREEMENT_NAME_RULES, ...WAR_NAME_RULES];

/** Every rule, patterns first. */
export const RELATION_RULES: readonly RelationRule[] = [...PATTERN_RULES, ...NAME_RULES];

/** A pattern rule ready to run. */
export interface CompiledRule {
  id: string;
  confidence: number;
  re: RegExp;
  /** A cheap test the encoded sentence must pass before `re` runs (a word the pattern cannot match without). */
  hint?: RegExp;
  /** The hint as plain words when it is a list of whole words: a set lookup instead of a scan. */
  keywords?: string[];
  /** Placeholder letters the pattern cannot match without, as bit masks over A-Z: one per mention slot it captures. */
  needs: number[];
  make: PatternRule["make"];
}

const letterBit = (l: string) => 1 << (l.charCodeAt(0) - 65);
const ANY_LETTER = (1 << 26) - 1;

/** For each captured placeholder in a compiled pattern, the letters it accepts ("SD" for `@[SD]`). */
function needsOf(source: string): number[] {
  const out: number[] = [];
  for (const m of source.matchAll(/@(?:\[([A-Z]+|A-Z)\]|([A-Z]))\(\\d\+\)/g)) {
    const set = m[2] ?? m[1];
    out.push(set === "A-Z" ? ANY_LETTER : [...set].reduce((mask, l) => mask | letterBit(l), 0));
  }
  return out;
}

/** Compile one pattern rule. @throws KgError INVALID_PATTERN for a part its pattern names that does not exist */
export function compileRule(r: PatternRule): CompiledRule {
  const re = compilePattern(r.pattern);
  const hint = Array.isArray(r.hint) ? new RegExp(`\\b(?:${r.hint.join("|")})\\b`) : (r.hint as RegExp | undefined);
  const words = hint && /^\\b\(\?:([a-z|]+)\)\\b$/.exec(hint.source);
  return {
    id: r.id,
    confidence: r.confidence,
    re,
    ...(hint ? { hint } : {}),
    ...(words ? { keywords: words[1].split("|") } : {}),
    needs: needsOf(re.source),
    make: r.make,
  };
}

const COMPILED: readonly CompiledRule[] = PATTERN_RULES.map(compileRule);
const KNOWN = new Set(RELATION_RULES.map((r) => r.id));

/** Which rules run: only some (a rule alone, with what it reads), or all but some. */
export interface RuleSelection {
  only?: readonly string[];
  except?: readonly string[];
}

/** The rules a selection keeps. */
export interface SelectedRules {
  patterns: readonly CompiledRule[];
  /** True when the rule with this id runs (name rules are asked by id). */
  uses(id: string): boolean;
}

const ALL: SelectedRules = { patterns: COMPILED, uses: () => true };

/** The compiled rules of a selection, in their order. @throws KgError INVALID_ARGS for an id no rule has */
export function selectRules(selection?: RuleSelection): SelectedRules {
  if (!selection || (!selection.only && !selection.except)) return ALL;
  for (const id of [...(selection.only ?? []), ...(selection.except ?? [])]) {
    if (!KNOWN.has(id)) throw new KgError("INVALID_ARGS", `selectRules: no rule has the id "${id}"; see RELATION_RULES for the ids`);
  }
  const only = selection.only && new Set(selection.only);
  const except = new Set(selection.except ?? []);
  const uses = (id: string) => (!only || only.has(id)) && !except.has(id);
  return { patterns: COMPILED.filter((r) => uses(r.id)), uses };
}

/**
 * A role the sentence says is over keeps saying so: "Former U.S. President Donald Trump", "Russia's
 * former president", "North Korea's late leader" give the roles "former President", "former
 * president", "late leader". The word may stand before the match or inside it, before the title.
 */
function pastRole(role: string, m: RegExpExecArray): string {
  if (/^(?:former|late|ex-?)\b/i.test(role)) return role;
  const before = m.input.slice(Math.max(0, m.index - 12), m.index);
  const inside = m[0].slice(0, Math.max(0, m[0].indexOf(role)));
  const word = /\b(former|late|ex-)\s*(?:@[A-Z]\d+\s+)?(?:'s\s+)?$/i.exec(before)?.[1] ?? /\b(former|late)\s+$/i.exec(inside)?.[1];
  return word ? `${word.toLowerCase() === "ex-" ? "former" : word.toLowerCase()} ${role}` : role;
}

/** Every relation the pattern rules read in one encoded sentence (matches may overlap), each with its rule's id. */
export function applyRules(enc: EncodedSentence, rules: readonly CompiledRule[] = COMPILED): Draft[] {
  const out: Draft[] = [];
  if (enc.slots.length === 0) return out;
  let letters = 0;
  for (let i = enc.text.indexOf("@"); i >= 0; i = enc.text.indexOf("@", i + 1)) letters |= letterBit(enc.text[i + 1]);
  let words: Set<string> | undefined;
  for (const rule of rules) {
    if (!rule.needs.every((mask) => (mask & letters) !== 0)) continue;
    if (rule.keywords) {
      words ??= new Set(enc.text.split(" "));
      if (!rule.keywords.some((w) => words!.has(w))) continue;
    } else if (rule.hint && !rule.hint.test(enc.text)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(enc.text); m; m = rule.re.exec(enc.text)) {
      const made = rule.make(m);
      if (made) {
        for (const d of Array.isArray(made) ? made : [made]) {
          out.push({ ...d, confidence: rule.confidence, rule: rule.id, role: d.role && pastRole(d.role, m), at: m.index });
        }
      }
      rule.re.lastIndex = m.index + 1;
    }
  }
  return out;
}
