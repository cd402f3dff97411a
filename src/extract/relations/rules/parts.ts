// The named parts relation patterns are written with, and the compiler that turns a pattern into its regular expression.
import { KgError } from "../../../errors.js";
import { KINSHIP, LEADER_PHRASES, LEADER_TITLES, OCCUPATIONS, OFFICIAL_TITLES, TITLE_MODIFIERS } from "../../lexicon.js";

/** An alternation of words, longest first, each matching with a capital or small first letter ("Minister", "minister"). */
export const alt = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    // each word's first letter in either case, after a hyphen too ("Secretary-General", "Vice-President")
    .map((w) => w.replace(/[.]/g, "\\$&").replace(/(^|\s|-)(\p{L})/gu, (_, sp: string, c: string) => `${sp === "-" ? "\\-" : sp}[${c.toUpperCase()}${c.toLowerCase()}]`))
    .join("|");

const LEADER = `(?:${alt([...LEADER_PHRASES, ...LEADER_TITLES])})`;
const MODS = `(?:${alt(TITLE_MODIFIERS)})`;
const HEADS = `(?:${alt(OFFICIAL_TITLES)})`;
/** A title's complement: "Secretary of State", "Minister of Foreign Affairs", "Secretary of the Treasury". */
const OF_WHAT = `(?: of (?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)?`;
/** A leader's title under "vice" or "deputy" is an official's: "Vice President", "Deputy Chancellor". */
const SECOND = `(?:[Vv]ice|[Dd]eputy)[ -]${LEADER}`;

/** The placeholder letter of each kind of mention (see encode.ts); "state" is a state named, "demonym" one named by its people. */
export const MENTION_LETTERS = {
  person: "P",
  state: "S",
  demonym: "D",
  institution: "I",
  place: "L",
  event: "E",
  agreement: "A",
} as const;

/**
 * Word parts. None captures: a pattern puts a part in parentheses where `make` reads it. Parts
 * that end in "s" of several words (`auxiliaries`, `kin modifiers`, `approximately`) match any
 * number of them, zero included, each with the space after it.
 */
export const WORD_PARTS: Readonly<Record<string, string>> = {
  /** "President", "leader", "Prime Minister", "Secretary-General": a title that makes its holder a leader. */
  "leader title": LEADER,
  /** An official's title, up to three modifiers or names before it: "Culture Minister", "Deputy Defence Minister", "Vice President", "Secretary of State". */
  "official title": `(?:(?:${MODS}|[A-Z][a-z]+) ){0,3}(?:${SECOND}|${HEADS})s?${OF_WHAT}`,
  /** A leader's or an official's title, as above. */
  "leader or official title": `(?:(?:${MODS}|[A-Z][a-z]+) ){0,3}(?:${LEADER}|${HEADS})s?${OF_WHAT}`,
  /** An occupation, up to three words before it: "senior researcher", "research fellow". */
  occupation: `(?:[\\w-]+ ){0,3}?(?:${alt(OCCUPATIONS)})`,
  /** A kinship noun: "sister", "wife", "daughter", "father". */
  kinship: `(?:${alt(Object.keys(KINSHIP))})`,
  /** Words before a kinship noun: "younger ", "late ", "eldest ". */
  "kin modifiers": "(?:(?:late|younger|older|elder|eldest|youngest|only|twin|influential|powerful|estranged|first|second) )*",
  /**
   * Auxiliaries, adverbs and hedges between a subject and its verb ("has reportedly", "is believed to
   * have", "is accused of"). The same words as a plain list, grouped by first letters so that the
   * engine rules most out at the first character.
   */
  auxiliaries:
    "(?:(?:ha(?:s|ve|d)|w(?:ill|ould|as|ere)|m(?:ay|ight)|report(?:edly|ed to)|a(?:lso|llegedly|lready|re|greed to|ccused of)|is(?: set to| expected to)?|been|to|could|p(?:ledged to|romised to|lans to|lanned to)|vowed to|continue(?:s|d) to|began to|believed to|thought to|s(?:aid to|uspected of)) )*",
  /** A verb of giving: "supplied", "sends", "delivered", "sold". */
  "supply verb":
    "(?:supplied|supplies|supply|supplying|provided|provides|provide|providing|delivered|delivers|deliver|shipped|ships|ship|sold|sells|sell|transferred|transfers|transfer|gave|gives|give|sent|sends|send|exported|exports)",
  /** A verb of receiving: "received", "buys", "imported". */
  "receive verb":
    "(?:receives|received|receive|receiving|gets|got|get|obtains|obtained|obtain|acquires|acquired|acquire|buys|bought|buy|imports|imported|import)",
  /** A noun for troops: "troops", "soldiers", "combat engineers". */
  troops: "(?:troops|soldiers|forces|personnel|servicemen|fighters|units|combat engineers)",
  /** A closing attribution, which ends a list of things: ", Anna Petrov said", ", officials told reporters". */
  attribution: " , (?:(?:[a-z-]+|@[A-Z]\\d+) ){0,5}?(?:@[A-Z]\\d+|[a-z-]+) (?:said|says|told|added|reported|claimed|stated|noted|confirmed)\\b",
  /** A defence pact, unnamed: "a mutual defence treaty", "a new security pact", "the comprehensive strategic partnership treaty". */
  "defence pact":
    "(?:a |an |the )?(?:new |landmark |historic )?(?:comprehensive )?(?:strategic )?(?:mutual |reciprocal )?(?:defen[cs]e|security|military|partnership|mutual defen[cs]e) (?:pact|treaty|agreement|alliance|deal)",
  /** A number: "15,000", "1.5 million". */
  number: "\\d[\\d,.]*(?: (?:thousand|million))?",
  /** A hedge before a number: "about ", "more than ", "an estimated ". */
  approximately: "(?:(?:about|around|approximately|roughly|nearly|almost|over|more than|some|an estimated|up to|at least) )?",
};

/** Hints: words a pattern cannot match without, tested before it runs. */
export const HINTS = {
  "leader title": new RegExp(`\\b${LEADER}\\b`),
  "official title": new RegExp(`\\b(?:${HEADS}|[Vv]ice|[Dd]eputy)s?\\b`),
  occupation: new RegExp(`\\b(?:${alt(OCCUPATIONS)})\\b`),
  kinship: new RegExp(`\\b(?:${alt(Object.keys(KINSHIP))})`),
  "supply verb": new RegExp(`\\b${WORD_PARTS["supply verb"]}\\b`),
  "receive verb": new RegExp(`\\b${WORD_PARTS["receive verb"]}\\b`),
  troops: new RegExp(`\\b${WORD_PARTS.troops}\\b`),
} as const;

/** "Leader", "supreme leader", "Prime Minister": a title that is a leader's title and nothing more. */
const LEADER_TITLE = new RegExp(`^(?:(?:${MODS}) )*${LEADER}$`, "i");
/** A title that names a leader, not their deputy: "President" but not "Vice President". */
export const isLeaderTitle = (t: string) => LEADER_TITLE.test(t.trim()) && !/\b(?:vice|deputy)\b/i.test(t);
/** A leader's or an official's title anywhere in a phrase. */
export const OFFICE_WORD = new RegExp(`\\b(?:${LEADER}|${HEADS})\\b`, "i");

/**
 * A role the leader and official patterns already read ("president", "chief", "spokesman"): the
 * works_for patterns leave it to them rather than state the same tie twice. An occupation that is no
 * office ("senior researcher", "founder") stays works_for.
 */
export const isOfficeTitle = (t: string) => {
  const words = t.trim().toLowerCase().split(/\s+/);
  const head = words[words.length - 1];
  // multi-word leader titles end in a word that is no office alone: "chief executive"
  const tail = words.slice(-3).join(" ");
  return LEADER_TITLES.has(head) || OFFICIAL_TITLES.has(head) || LEADER_PHRASES.some((p) => tail === p || tail.endsWith(` ${p}`));
};

type MentionName = keyof typeof MENTION_LETTERS;

/**
 * A mention slot: `person`, `state|demonym|institution`, `any` (any mention). It captures the
 * placeholder's number unless it starts with "some ": `some state|demonym` matches one uncaptured.
 */
function mentionSlot(name: string, pattern: string): string | undefined {
  const captured = !name.startsWith("some ");
  const names = (captured ? name : name.slice(5)).split("|");
  let letters: string;
  if (names.length === 1 && names[0] === "any") letters = "[A-Z]";
  else {
    if (!names.every((x): x is MentionName => x in MENTION_LETTERS)) return undefined;
    const set = names.map((x) => MENTION_LETTERS[x]).join("");
    letters = set.length === 1 ? set : `[${set}]`;
  }
  if (new Set(names).size !== names.length) throw new KgError("INVALID_PATTERN", `compilePattern: slot {${name}} names a kind twice in ${pattern}`);
  return captured ? `@${letters}(\\d+)` : `@${letters}\\d+`;
}

/**
 * The regular expression of a pattern: each `{part}` replaced by its text, the rest kept as written.
 * @throws KgError INVALID_PATTERN for a part that does not exist
 */
export function compilePattern(pattern: string): RegExp {
  const source = pattern.replace(/\{([a-z][a-z |-]*)\}/g, (_, name: string) => {
    const text = WORD_PARTS[name] ?? mentionSlot(name, pattern);
    if (text === undefined) throw new KgError("INVALID_PATTERN", `compilePattern: unknown part {${name}} in ${pattern}; see WORD_PARTS and MENTION_LETTERS`);
    return text;
  });
  return new RegExp(source, "g");
}
