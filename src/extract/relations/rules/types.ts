// The shape of a relation rule as data: an id, the relations it yields, its pattern, and the sentences that test it.
import type { RelationType } from "../../../schema/index.js";

/** A relation read from one sentence; ids are placeholder numbers until the caller maps them. */
export interface Draft {
  source: number;
  target: number;
  relation: RelationType;
  confidence: number;
  /** The id of the rule that read it, carried into the relation's provenance. */
  rule?: string;
  role?: string;
  quantity?: number;
  items?: string[];
  /** An ISO 8601 date or prefix the clause gives ("2023", "2024-10"). */
  date?: string;
  /** Where the pattern matched in the encoded sentence. */
  at?: number;
  /** The target is not in the sentence: it is the document's last deployment destination. */
  contextTarget?: "deployment";
  /**
   * `state-of-colleague`: the source's state is the one whose officials the sentence names with
   * another person. `states-of-leaders`: source and target stand for the states they lead (a person
   * does, as the document states it; a state stands for itself).
   */
  contextSource?: "state-of-colleague" | "states-of-leaders";
}

/** What a pattern's `make` returns for one match: a draft without what the rule record gives (confidence, id, place). */
export type Reading = Omit<Draft, "confidence" | "rule" | "at" | "date">;

/** Details an example's relation must carry. */
export interface ExpectedDetails {
  role?: string;
  items?: string[];
  quantity?: number;
  date?: string;
}

/** `[source, relation, target]`, the entities named by their text in the sentence (or their label); a symmetric relation either way round. */
export type Expected = readonly [source: string, relation: RelationType, target: string, details?: ExpectedDetails];

/** A text (one or more sentences) the rule must read, and what it must read in it. */
export interface RuleExample {
  text: string;
  expect: Expected | readonly Expected[];
}

/** A text the rule must read nothing in, or, with `reject`, must not read that relation in. */
export type RuleCounterexample = string | { text: string; reject: Expected };

interface RuleBase {
  /** `relation/short-description`, unique; it travels into the provenance of every relation the rule yields. */
  id: string;
  /** The relation or relations it yields. */
  relation: RelationType | readonly RelationType[];
  confidence: number;
  examples: readonly RuleExample[];
  counterexamples?: readonly RuleCounterexample[];
  /**
   * Rules this one reads the relations of, which its examples run with: "Putin and Kim signed a
   * defence treaty" allies the states the signers lead, as an office rule reads it.
   */
  alongside?: readonly string[];
}

/** A rule over an encoded sentence: a pattern of named parts (see parts.ts) and what a match yields. */
export interface PatternRule extends RuleBase {
  /**
   * The pattern: regular-expression text with `{part}` slots, mention slots such as `{person}` or
   * `{state|demonym|institution}` capturing the placeholder's number in the order they appear.
   */
  pattern: string;
  /** Words the sentence must contain before the pattern runs (cheap), or a regular expression it must match. */
  hint?: RegExp | readonly string[];
  /** The readings of one match (`m[1]` is the first capture); null when the match says nothing after all. */
  make(m: RegExpExecArray): Reading | Reading[] | null;
}

/** A rule over the mentions inside a name ("the North Korea-Russia alliance"); the code is in relations/index.ts. */
export interface NameRule extends RuleBase {
  /** What it reads, in words. */
  reads: string;
}

export type RelationRule = PatternRule | NameRule;

export const isPatternRule = (r: RelationRule): r is PatternRule => "pattern" in r;
