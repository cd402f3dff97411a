// Relation patterns over encoded sentences: titles, appositions, kinship, possessives and verb frames.
import type { RelationType } from "../../schema/index.js";
import { KINSHIP, LEADER_PHRASES, LEADER_TITLES, OCCUPATIONS, OFFICIAL_TITLES, TITLE_MODIFIERS } from "../lexicon.js";
import type { EncodedSentence } from "./encode.js";
import { parseItems, parseQuantity } from "./items.js";

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

/** An alternation of words, longest first, each matching with a capital or small first letter ("Minister", "minister"). */
const alt = (words: Iterable<string>) =>
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
const TITLE = `((?:(?:${MODS}|[A-Z][a-z]+) ){0,3}(?:${SECOND}|${HEADS})s?${OF_WHAT})`;
const TITLE_NC = `(?:(?:${MODS}|[A-Z][a-z]+) ){0,3}(?:${LEADER}|${HEADS})s?${OF_WHAT}`;
const TITLE_HINT = new RegExp(`\\b(?:${HEADS}|[Vv]ice|[Dd]eputy)s?\\b`);
const LEADER_HINT = new RegExp(`\\b${LEADER}\\b`);
const OCC_HINT = new RegExp(`\\b(?:${alt(OCCUPATIONS)})\\b`);
const KIN_HINT = new RegExp(`\\b(?:${alt(Object.keys(KINSHIP))})`);
const OCC = `((?:[\\w-]+ ){0,3}?(?:${alt(OCCUPATIONS)}))`;
const KIN = `(${alt(Object.keys(KINSHIP))})`;
const KIN_MODS = "(?:(?:late|younger|older|elder|eldest|youngest|only|twin|influential|powerful|estranged|first|second) )*";
/**
 * Auxiliaries, adverbs and hedges between a subject and its verb ("has reportedly", "is believed to
 * have", "is accused of"). The same words as a plain list, grouped by first letters so that the
 * engine rules most out at the first character.
 */
const AUX =
  "(?:(?:ha(?:s|ve|d)|w(?:ill|ould|as|ere)|m(?:ay|ight)|report(?:edly|ed to)|a(?:lso|llegedly|lready|re|greed to|ccused of)|is(?: set to| expected to)?|been|to|could|p(?:ledged to|romised to|lans to|lanned to)|vowed to|continue(?:s|d) to|began to|believed to|thought to|s(?:aid to|uspected of)) )*";
const SUPPLY = "(?:supplied|supplies|supply|supplying|provided|provides|provide|providing|delivered|delivers|deliver|shipped|ships|ship|sold|sells|sell|transferred|transfers|transfer|gave|gives|give|sent|sends|send|exported|exports)";
const RECEIVE = "(?:receives|received|receive|receiving|gets|got|get|obtains|obtained|obtain|acquires|acquired|acquire|buys|bought|buy|imports|imported|import)";
const TROOPS = "(?:troops|soldiers|forces|personnel|servicemen|fighters|units|combat engineers)";
const SUPPLY_HINT = new RegExp(`\\b${SUPPLY}\\b`);
/** A closing attribution, which ends a list of things: ", Anna Petrov said", ", officials told reporters". */
const ATTRIBUTION = " , (?:(?:[a-z-]+|@[A-Z]\\d+) ){0,5}?(?:@[A-Z]\\d+|[a-z-]+) (?:said|says|told|added|reported|claimed|stated|noted|confirmed)\\b";
const RECEIVE_HINT = new RegExp(`\\b${RECEIVE}\\b`);
const TROOPS_HINT = new RegExp(`\\b${TROOPS}\\b`);
/** A defence pact, unnamed: "a mutual defence treaty", "a new security pact", "the comprehensive strategic partnership treaty". */
const ALLIANCE_DEAL =
  "(?:a |an |the )?(?:new |landmark |historic )?(?:comprehensive )?(?:strategic )?(?:mutual |reciprocal )?(?:defen[cs]e|security|military|partnership|mutual defen[cs]e) (?:pact|treaty|agreement|alliance|deal)";
const NUM = "(\\d[\\d,.]*(?: (?:thousand|million))?)";
const APPROX = "(?:(?:about|around|approximately|roughly|nearly|almost|over|more than|some|an estimated|up to|at least) )?";

const MACROS: Record<string, string> = {
  P: "@P(\\d+)",
  S: "@[SD](\\d+)",
  N: "@S(\\d+)",
  D: "@D(\\d+)",
  SI: "@[SDI](\\d+)",
  L: "@L(\\d+)",
  SL: "@[SL](\\d+)",
  I: "@I(\\d+)",
  E: "@E(\\d+)",
  A: "@A(\\d+)",
  X: "@[A-Z](\\d+)",
  Y: "@[SDILE](\\d+)",
};
const compile = (p: string) =>
  new RegExp(
    p.replace(/\{(\w+)\}/g, (_, k: string) => {
      const m = MACROS[k];
      if (!m) throw new Error(`rules: unknown macro {${k}}`);
      return m;
    }),
    "g",
  );

interface Rule {
  re: RegExp;
  /** A cheap test the encoded sentence must pass before `re` runs (a word the pattern cannot match without). */
  hint?: RegExp;
  /** The hint as plain words when it is a list of whole words: a set lookup instead of a scan. */
  keywords?: string[];
  /** Placeholder letters the pattern cannot match without, as bit masks over A-Z: one per macro it uses. */
  needs: number[];
  make(m: RegExpExecArray): Draft | Draft[] | null;
}

const n = (s: string) => Number(s);
const role = (s: string) => s.replace(/\s+/g, " ").trim();
const LEADER_TITLE = new RegExp(`^(?:(?:${MODS}) )*${LEADER}$`, "i");
/**
 * A role the leader and official patterns already read ("president", "chief", "spokesman"): the
 * works_for patterns leave it to them rather than state the same tie twice. An occupation that is no
 * office ("senior researcher", "founder") stays works_for.
 */
const isOfficeTitle = (t: string) => {
  const words = t.trim().toLowerCase().split(/\s+/);
  const head = words[words.length - 1];
  // multi-word leader titles end in a word that is no office alone: "chief executive"
  const tail = words.slice(-3).join(" ");
  return LEADER_TITLES.has(head) || OFFICIAL_TITLES.has(head) || LEADER_PHRASES.some((p) => tail === p || tail.endsWith(` ${p}`));
};
const isLeaderTitle = (t: string) => LEADER_TITLE.test(t.trim()) && !/\b(?:vice|deputy)\b/i.test(t);

function kinship(word: string, relative: number, possessor: number): Draft {
  const k = KINSHIP[word.toLowerCase()];
  if (k.relation !== "child_of") return { source: relative, target: possessor, relation: k.relation, confidence: 0.85 };
  return k.childIsRelative
    ? { source: relative, target: possessor, relation: "child_of", confidence: 0.85 }
    : { source: possessor, target: relative, relation: "child_of", confidence: 0.85 };
}

const rule = (r: Omit<Rule, "needs">): Rule => {
  const words = r.hint && /^\\b\(\?:([a-z|]+)\)\\b$/.exec(r.hint.source);
  return { ...r, needs: needsOf(r.re.source), ...(words ? { keywords: words[1].split("|") } : {}) };
};

/** For each macro in a compiled pattern, the placeholder letters it accepts ("SD" for `@[SD]`). */
function needsOf(source: string): number[] {
  const out: number[] = [];
  for (const m of source.matchAll(/@(?:\[([A-Z]+|A-Z)\]|([A-Z]))\(\\d\+\)/g)) {
    const set = m[2] ?? m[1];
    out.push(set === "A-Z" ? ANY_LETTER : [...set].reduce((mask, l) => mask | letterBit(l), 0));
  }
  return out;
}

const letterBit = (l: string) => 1 << (l.charCodeAt(0) - 65);
const ANY_LETTER = (1 << 26) - 1;

const RULES: Rule[] = ([
  // "North Korean leader Kim Jong-un", "Russia's President Vladimir Putin"
  {
    re: compile(`{SI} (?:'s )?(?:(?:supreme|top|de facto|former|current|late|new|then|interim|acting|political|military|spiritual) )?(${LEADER})(?: ,)? {P}`),
    hint: LEADER_HINT,
    make: (m) => ({ source: n(m[3]), target: n(m[1]), relation: "leader_of", role: role(m[2]), confidence: 0.9 }),
  },
  // "the RSF, led by Mohamed Hamdan Dagalo,", "a militia headed by X"
  {
    re: compile(`{SI} , (?:(?:which|who) (?:is |was )?)?(?:led|headed|commanded|founded and led) by {P}`),
    hint: /\b(?:led|headed|commanded)\b/,
    make: (m) => ({ source: n(m[2]), target: n(m[1]), relation: "leader_of", confidence: 0.8 }),
  },
  // "Kim Jong-un, the leader of North Korea" / "Kim, North Korea's leader"
  {
    re: compile(`{P} , (?:the |its |their )?(?:(?:supreme|top|de facto|former|current) )?(${LEADER}) of (?:the )?{SI}`),
    hint: LEADER_HINT,
    make: (m) => ({ source: n(m[1]), target: n(m[3]), relation: "leader_of", role: role(m[2]), confidence: 0.85 }),
  },
  {
    re: compile(`{P} , {SI} 's (?:(?:supreme|top|de facto|former|current) )?(${LEADER})\\b`),
    hint: LEADER_HINT,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "leader_of", role: role(m[3]), confidence: 0.85 }),
  },
  // "Emmanuel Macron, the French president," / "Antony Blinken, the US Secretary of State,"
  {
    re: compile(`{P} , (?:the |a |an )?{D} (?:(?:supreme|top|de facto|former|current) )?(${LEADER})\\b`),
    hint: LEADER_HINT,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "leader_of", role: role(m[3]), confidence: 0.85 }),
  },
  {
    re: compile(`{P} , (?:the |a |an )?{S} ${TITLE}\\b`),
    hint: TITLE_HINT,
    make: (m) => (isLeaderTitle(m[3]) ? null : { source: n(m[1]), target: n(m[2]), relation: "official_of", role: role(m[3]), confidence: 0.8 }),
  },
  // "Russian Culture Minister Olga Lyubimova", "Russia's Foreign Minister Sergei Lavrov"
  {
    re: compile(`{SI} (?:'s )?${TITLE}(?: ,)? {P}`),
    hint: TITLE_HINT,
    make: (m) => (isLeaderTitle(m[2]) ? null : { source: n(m[3]), target: n(m[1]), relation: "official_of", role: role(m[2]), confidence: 0.85 }),
  },
  // "Choe Son-hui, the foreign minister of North Korea" / "Choe, North Korea's foreign minister"
  {
    re: compile(`{P} , (?:the |a |an )?${TITLE} (?:of|for) (?:the )?{SI}`),
    hint: TITLE_HINT,
    make: (m) => (isLeaderTitle(m[2]) ? null : { source: n(m[1]), target: n(m[3]), relation: "official_of", role: role(m[2]), confidence: 0.8 }),
  },
  {
    re: compile(`{P} , {SI} 's ${TITLE}\\b`),
    hint: TITLE_HINT,
    make: (m) => (isLeaderTitle(m[3]) ? null : { source: n(m[1]), target: n(m[2]), relation: "official_of", role: role(m[3]), confidence: 0.8 }),
  },
  // "Shoigu, Russia's Security Council secretary," / "Sergei Shoigu is the secretary of Russia's Security Council"
  {
    re: compile(`{P} , (?:the )?(?:@[SD]\\d+ (?:'s )?)?{I} ${TITLE}\\b`),
    hint: TITLE_HINT,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: isLeaderTitle(m[3]) ? "leader_of" : "official_of", role: role(m[3]), confidence: 0.8 }),
  },
  {
    re: compile(`{P} ${AUX}(?:is|was|remains|became|has been) (?:the |a |an )?${TITLE} (?:of|at) (?:the )?(?:@[SD]\\d+ (?:'s )?)?{SI}`),
    hint: TITLE_HINT,
    make: (m) => ({ source: n(m[1]), target: n(m[3]), relation: isLeaderTitle(m[2]) ? "leader_of" : "official_of", role: role(m[2]), confidence: 0.8 }),
  },
  // "Emmanuel Macron is the president of France", "Jens Stoltenberg was the secretary general of NATO"
  {
    re: compile(`{P} ${AUX}(?:is|was|remains|became|has been) (?:the |a |an )?(?:(?:supreme|top|de facto|former|current|new|interim|acting) )?(${LEADER}) of (?:the )?(?:@[SD]\\d+ (?:'s )?)?{SI}`),
    hint: LEADER_HINT,
    make: (m) => ({ source: n(m[1]), target: n(m[3]), relation: "leader_of", role: role(m[2]), confidence: 0.85 }),
  },
  // "Foreign Minister Choe Son-hui" with no state: the state of a colleague named with them ("Kim and other top officials, including ...")
  {
    re: compile(`(?:^|[^@\\w'] |\\b[a-z]+ )(?<!'s )${TITLE} {P}`),
    hint: TITLE_HINT,
    make: (m) =>
      isLeaderTitle(m[1]) || !/^\p{Lu}/u.test(m[1])
        ? null
        : { source: n(m[2]), target: -1, relation: "official_of", role: role(m[1]), confidence: 0.55, contextSource: "state-of-colleague" },
  },
  // "Hong Min, a senior researcher at the Korea Institute for National Unification"
  {
    re: compile(`{P} , (?:a |an |the )?${OCC} (?:at|of|with|for|from|in) (?:the )?{I}`),
    hint: OCC_HINT,
    make: (m) => (isOfficeTitle(m[2]) ? null : { source: n(m[1]), target: n(m[3]), relation: "works_for", role: role(m[2]), confidence: 0.85 }),
  },
  // "Tenten Markobri works for the Denti Agency", "she has worked at the Institute", "is employed by X"
  {
    re: compile(`{P} (?:, who )?${AUX}(?:works|worked|working|work) (?:for|at) (?:the )?{I}`),
    hint: /\bwork(?:s|ed|ing)?\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "works_for", confidence: 0.8 }),
  },
  {
    re: compile(`{P} (?:, who )?${AUX}(?:employed|hired) (?:by|at) (?:the )?{I}`),
    hint: /\b(?:employed|hired)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "works_for", confidence: 0.8 }),
  },
  // "KINU researcher Hong Min"
  {
    re: compile(`{I} (?:'s )?${OCC}(?: ,)? {P}`),
    hint: OCC_HINT,
    make: (m) => (isOfficeTitle(m[2]) ? null : { source: n(m[3]), target: n(m[1]), relation: "works_for", role: role(m[2]), confidence: 0.75 }),
  },
  // "his sister Kim Yo-jong", "Kim's daughter, Kim Ju-ae"
  {
    re: compile(`{P} (?:'s )?${KIN_MODS}${KIN}s?(?: ,)? {P}`),
    hint: KIN_HINT,
    make: (m) => kinship(m[2], n(m[3]), n(m[1])),
  },
  // "Kim Ju-ae, his daughter" / "Kim Yo-jong, the sister of Kim Jong-un" / "the son of former dictator X"
  {
    re: compile(`{P} , (?:{P} (?:'s )?|the )${KIN_MODS}${KIN}(?: of (?:the )?(?:${TITLE_NC} )?{P})?`),
    hint: KIN_HINT,
    make: (m) => {
      const possessor = m[2] ?? m[4];
      return possessor === undefined ? null : kinship(m[3], n(m[1]), n(possessor));
    },
  },
  // "Russia's Kursk region": place of a state or place
  {
    re: compile(`{SL} 's (?:[a-z-]+ ){0,2}{L}`),
    hint: / 's /,
    make: (m) => ({ source: n(m[2]), target: n(m[1]), relation: "located_in", confidence: 0.85 }),
  },
  // "Kursk, Russia", "the Kursk region of Russia", "Kursk in western Russia"
  {
    re: compile(`{L} (?:, {S}(?= [,.;)]|$)|(?:in (?:[a-z]+ )?|of )(?:the )?{S}(?! (?:and|or|,)))`),
    make: (m) => ({ source: n(m[1]), target: n(m[2] ?? m[3]), relation: "located_in", confidence: 0.7 }),
  },
  // "Pyongyang, the capital of North Korea", "North Korea's capital, Pyongyang"
  // "Kyiv, the Ukrainian capital,", "Tokyo is Japan's capital", "Warsaw is the capital of Poland"
  {
    re: compile(`{L} (?:, |${AUX}(?:is|was|remains|became) )(?:the |its )?{S} (?:'s )?capital(?: city)?(?= ?[,.;]|$)`),
    hint: /\bcapital\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "capital_of", confidence: 0.85 }),
  },
  {
    re: compile(`{L} ${AUX}(?:is|was|remains|became) (?:the |its )?capital (?:city )?of (?:the )?{S}`),
    hint: /\bcapital\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "capital_of", confidence: 0.9 }),
  },
  {
    re: compile(`{L} , (?:the |its )?capital (?:city )?of (?:the )?{S}`),
    hint: /\bcapital\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "capital_of", confidence: 0.9 }),
  },
  {
    re: compile(`{S} (?:'s )?capital (?:city )?,? {L}`),
    hint: /\bcapital\b/,
    make: (m) => ({ source: n(m[2]), target: n(m[1]), relation: "capital_of", confidence: 0.9 }),
  },
  // "the GRU, a branch of the Russian armed forces' General Staff", "Crimea, part of Ukraine"
  {
    re: compile(`{I} (?:, )?(?:a |an |the )?(?:[a-z-]+ ){0,2}(?:unit|division|branch|subsidiary|department|wing|arm|agency|affiliate|part|body|directorate) of (?:the )?(?:@[SD]\\d+ (?:'s )?)?{I}`),
    hint: / of /,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "part_of", confidence: 0.75 }),
  },
  {
    re: compile(`{L} , (?:(?:a|an|the|now|still|legally|internationally recognised as|internationally recognized as) )*part of {SL}`),
    hint: /\bpart of\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "part_of", confidence: 0.75 }),
  },
  // "Istanbul, the largest city in Turkey", "Mariupol, a port city in Ukraine"
  {
    re: compile(`{L} , (?:the |a |an )?(?:[a-z-]+ ){0,3}(?:city|town|port|village|region|province|district|capital|island|base) (?:in|of) (?:the )?{SL}`),
    hint: / (?:in|of) /,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "located_in", confidence: 0.75 }),
  },
  // "the village of Robotyne in the Zaporizhzhia region": a settlement named as one, in a place
  {
    re: compile(`(?:village|town|city|settlement|hamlet|port|district) of {L} (?:, )?(?:in|near) (?:the )?(?:[a-z]+ )?{L}`),
    hint: /\b(?:village|town|city|settlement|hamlet|port|district) of\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "located_in", confidence: 0.75 }),
  },
  // "Bakhmut, in eastern Ukraine's Donetsk region"
  {
    re: compile(`{L} , in (?:the )?(?:[a-z-]+ )?{SL} 's (?:[a-z-]+ ){0,2}{L}`),
    hint: / 's /,
    make: (m) => ({ source: n(m[1]), target: n(m[3]), relation: "located_in", confidence: 0.75 }),
  },
  // "Kharkiv, Ukraine's second-largest city"
  {
    re: compile(`{L} , (?:the )?{SL} 's (?:[a-z-]+ ){0,3}(?:city|town|port|village|region|province|district|island|base|oblast)\\b`),
    hint: / 's /,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "located_in", confidence: 0.75 }),
  },
  // institutions and events in a place: "the Korea Herald in Seoul", "a summit held in Hanoi"
  {
    re: compile(`{I}(?: ,)? (?:(?:based|headquartered|located) )?in {SL}`),
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "located_in", confidence: 0.6 }),
  },
  {
    re: compile(`{E} (?:(?:held|took place|taking place|hosted) )?(?:in|at) (?:the )?{SL}`),
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "located_in", confidence: 0.6 }),
  },
  // alliances: "an alliance between X and Y", "X and Y are allies", "X's ally Y"
  {
    re: compile(`(?:alliance|partnership|pact|treaty) (?:between|of) (?:the )?{S} and (?:the )?{S}`),
    hint: /\b(?:alliance|partnership|pact|treaty)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "allied_with", confidence: 0.8 }),
  },
  {
    re: compile(`{S} and (?:the )?{S} (?:are|were|became|have become|remain) (?:close |key |military |strategic |treaty )*(?:allies|partners)`),
    hint: /\b(?:allies|partners)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "allied_with", confidence: 0.8 }),
  },
  {
    re: compile(`{S} ${AUX}(?:signed|concluded|sealed|agreed) (?:a |an )?(?:new |landmark |historic )?(?:mutual |reciprocal )?(?:defen[cs]e|security|military|mutual defen[cs]e) (?:pact|treaty|agreement|alliance|deal) with (?:the )?{S}`),
    hint: /\b(?:pact|treaty|agreement|alliance|deal)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "allied_with", confidence: 0.75 }),
  },
  // "Putin and Kim signed a mutual defence treaty", "Marcos signed a security pact with Kishida":
  // leaders sign for their states, which the document says they lead
  {
    re: compile(`@[PSD](\\d+) and (?:the )?@[PSD](\\d+) ${AUX}(?:signed|concluded|sealed) ${ALLIANCE_DEAL}`),
    hint: /\b(?:signed|concluded|sealed)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "allied_with", confidence: 0.7, contextSource: "states-of-leaders" }),
  },
  {
    re: compile(`{P} ${AUX}(?:signed|concluded|sealed) ${ALLIANCE_DEAL} with (?:the )?@[PSD](\\d+)`),
    hint: /\b(?:signed|concluded|sealed)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "allied_with", confidence: 0.7, contextSource: "states-of-leaders" }),
  },
  // "Japan and South Korea are key U.S. allies", "Poland is a close American ally"
  {
    re: compile(`(?:@[SD]\\d+ , )*@[SD]\\d+(?: ,)?(?: and @[SD]\\d+)? (?:are|were|remain|is|was|remains) (?:a |an )?(?:(?:close|key|major|important|longtime|long-time|staunch|treaty|strategic) )*@[SD](\\d+) (?:allies|ally|partners|partner)\\b`),
    hint: /\b(?:allies|ally|partners|partner)\b/,
    make: (m) => {
      const ally = m[1];
      return [...m[0].matchAll(/@[SD](\d+)/g)].filter((x) => x[1] !== ally).map((x) => ({ source: n(x[1]), target: n(ally), relation: "allied_with" as const, confidence: 0.75 }));
    },
  },
  {
    re: compile(`{S} 's (?:close |key |main |closest )?ally(?: ,)? {S}`),
    hint: /\bally\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "allied_with", confidence: 0.8 }),
  },
  // wars: "Russia's war against Ukraine", "X invaded Y", "the war between X and Y"
  {
    re: compile(`{S} (?:'s )?(?:full-scale )?(?:war|invasion|aggression|offensive) (?:against|on|of|with) {S}`),
    hint: /\b(?:war|invasion|aggression|offensive)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "at_war_with", confidence: 0.85 }),
  },
  {
    re: compile(`{SI} (?:(?:fighters|forces|troops|militants|soldiers|gunmen) )?${AUX}(?:invaded|attacked|invades|attacks|is fighting|was fighting|fought|went to war with|declared war on|is at war with|was at war with) (?:(?:northern|southern|eastern|western|central) )?{S}`),
    hint: /\b(?:invad|attack|fighting|fought|war)/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "at_war_with", confidence: 0.8 }),
  },
  {
    re: compile(`{SI} and (?:the )?{SI} ${AUX}(?:at war|fighting each other|fighting one another|locked in (?:a )?war|fought (?:[a-z]+ ){0,2}wars?)\\b`),
    hint: /\b(?:wars?|fighting)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "at_war_with", confidence: 0.8 }),
  },
  {
    re: compile(`(?:war|conflict|fighting|hostilities) between (?:the )?{S} and (?:the )?{S}`),
    hint: /\bbetween\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "at_war_with", confidence: 0.8 }),
  },
  // supplies: "X has supplied Y with ITEMS", "X sent ITEMS to Y", "Y receives ITEMS from X"
  {
    re: compile(`{SI} ${AUX}${SUPPLY} {SI} with ([^@]+?)(?: from| in return| in exchange| to help|$| \\.|${ATTRIBUTION})`),
    hint: SUPPLY_HINT,
    make: (m) => supply(n(m[1]), n(m[2]), m[3], 0.85),
  },
  {
    re: compile(`(?:{SI} and )?{SI} ${AUX}${SUPPLY} ([^@]+?) to (?:the )?{SI}`),
    hint: SUPPLY_HINT,
    make: (m) =>
      /\b(?:troops|soldiers|forces|message|letter|signal|envoy|delegation)\b/i.test(m[3])
        ? null
        : [m[1], m[2]].flatMap((s) => (s === undefined ? [] : [supply(n(s), n(m[4]), m[3], 0.8)])).filter((d): d is Draft => d !== null),
  },
  {
    re: compile(`{SI} ${AUX}${RECEIVE} ([^@]+?) from (?:the )?{SI}`),
    hint: RECEIVE_HINT,
    make: (m) => supply(n(m[3]), n(m[1]), m[2], 0.8),
  },
  // "India bought Russian oil at a discount", "China imports Iranian crude": the seller's demonym before the goods
  {
    re: compile(`{S} ${AUX}(?:bought|buys|buy|buying|imported|imports|import|importing|purchased|purchases|purchase) (?:(?:more|cheap|cheaper|discounted|record|large|huge|vast) )?(?:(?:amounts|quantities|volumes) of )?{D} ((?:(?!at |in |from |for |since |despite |to |and |but )[A-Za-z][a-z-]* ?){1,3})`),
    hint: RECEIVE_HINT,
    make: (m) => supply(n(m[2]), n(m[1]), m[3].trim(), 0.75),
  },
  // troops: "X deployed troops to Y", "15,000 North Korean troops have been sent", "X soldiers fighting alongside Y forces"
  {
    re: compile(`{S} ${AUX}(?:deployed|deploys|deploy|deploying|sent|sends|send|sending|dispatched|dispatches|dispatch|dispatching) (?:${APPROX}${NUM} )?(?:more |additional |some |its |their )?(?:${NUM} )?${TROOPS} (?:[a-z]+ ){0,3}?(?:to|into|in) (?:the )?{Y}`),
    hint: TROOPS_HINT,
    make: (m) => ({ source: n(m[1]), target: n(m[4]), relation: "deploys_troops_to", quantity: qty(m[2] ?? m[3]), confidence: 0.85 }),
  },
  {
    re: compile(`${APPROX}${NUM} {D} ${TROOPS} ${AUX}(?:been )?(?:sent|deployed|dispatched)(?! to)`),
    hint: TROOPS_HINT,
    make: (m) => ({ source: n(m[2]), target: -1, relation: "deploys_troops_to", quantity: qty(m[1]), confidence: 0.6, contextTarget: "deployment" }),
  },
  {
    re: compile(`(?:${APPROX}${NUM} )?{D} ${TROOPS} (?:who (?:were |have been )?|that (?:were |have been )?|have been |had been |were |being )?(?:sent|deployed|dispatched) (?:to|into) (?:the )?{Y}`),
    hint: TROOPS_HINT,
    make: (m) => ({ source: n(m[2]), target: n(m[3]), relation: "deploys_troops_to", quantity: qty(m[1]), confidence: 0.75 }),
  },
  {
    re: compile(`{S} ${TROOPS} (?:[a-z]+ ){0,4}?(?:fighting|fought|fight|serving|deployed|stationed) (?:alongside|with|for|in support of) {S} (?:forces|troops|soldiers|army|military)`),
    hint: TROOPS_HINT,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "deploys_troops_to", confidence: 0.65 }),
  },
  // party to a war: "its troops have suffered casualties during the war in Ukraine", "its soldiers participating in the Ukraine conflict"
  {
    re: compile(`{S} (?:'s )?(?:[a-z]+ ){0,2}?(?:troops|soldiers|forces|army|military|involvement|participation|role) (?:[^@]{0,80}? )?(?:during|in|into|to) (?:the )?(?:[a-z-]+ )?{E}`),
    hint: /\b(?:troops|soldiers|forces|army|military|involvement|participation|role)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "party_to", confidence: 0.75 }),
  },
  {
    re: compile(`{SI} ${AUX}(?:joined|entered|fought in|took part in|participated in|is fighting in|intervened in|was involved in|signed|ratified|withdrew from|signed up to) (?:the )?{X}`),
    hint: /\b(?:joined|entered|fought|took|participated|fighting|intervened|involved|signed|ratified|withdrew)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "party_to", confidence: 0.75 }),
  },
  // meetings and attendance
  {
    re: compile(
      `{P} (?:, [^,]{1,80} , )?${AUX}(?:met|meets|meet|meeting|held talks with|talked with|spoke with|hosted|welcomed|shook hands with|embraced) (?:with )?(?:(?:the )?@[SDI]\\d+ (?:'s )?)?(?:${TITLE_NC} )?{P}`,
    ),
    hint: /\b(?:met|meets|meet|meeting|talks|talked|spoke|hosted|welcomed|shook|embraced)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "met_with", confidence: 0.8 }),
  },
  {
    // "Wang Yi visited Moscow, where he met Sergei Lavrov": the visitor met them
    re: compile(`{P} ${AUX}(?:visited|arrived in|travelled to|traveled to|flew to) (?:the )?{SL} (?:on [A-Z][a-z]+ )?, where (?:he|she) ${AUX}(?:met|held talks with|talked with|spoke with)(?: with)? (?:(?:@[SD]\\d+ (?:'s )?)?(?:[A-Za-z-]+ ){0,3}?)?{P}`),
    hint: /\bwhere\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[3]), relation: "met_with", confidence: 0.75 }),
  },
  {
    // "Putin and Kim met", "Russian President Vladimir Putin and North Korean leader Kim Jong-un met"
    re: compile(`{P} and (?:(?:his |her |their )?(?:@[SD]\\d+ (?:'s )?)?(?:[A-Za-z-]+ ){0,3}?)?{P} ${AUX}(?:met|held talks|meet|shook hands)`),
    hint: /\b(?:met|talks|meet|shook)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "met_with", confidence: 0.8 }),
  },
  {
    re: compile(`{X} ${AUX}(?:attended|attends|attend|attending|was present at|took part in|watched|visited) (?:the )?{E}`),
    hint: /\b(?:attended|attends|attend|attending|present|took|watched|visited)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "attended", confidence: 0.75 }),
  },
  // membership: "Finland joined NATO", "NATO member Finland"
  {
    re: compile(`{X} ${AUX}(?:joined|became a member of|a member of|a founding member of|member of|an ally of) (?:the )?{I}`),
    hint: /\b(?:joined|member|ally)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "member_of", confidence: 0.8 }),
  },
  // "Finland and Sweden joined NATO", "Egypt, Ethiopia and Iran joined BRICS": every state of the list
  {
    re: compile(`(?:@[SD]\\d+ , )*@[SD]\\d+(?: ,)? and {S} ${AUX}(?:both |all )?(?:joined|became members of) (?:the )?{I}`),
    hint: /\b(?:joined|members)\b/,
    make: (m) => [...m[0].matchAll(/@[SD](\d+)/g)].map((x) => ({ source: n(x[1]), target: n(m[2]), relation: "member_of" as const, confidence: 0.8 })),
  },
  {
    re: compile(`{S} ${AUX}(?:became|becomes|is|was|remains) (?:the |a |an )?{I} 's (?:[a-z0-9-]+ )?(?:member|member state|ally)\\b`),
    hint: /\b(?:member|ally)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "member_of", confidence: 0.8 }),
  },
  // "Bolivia, Ecuador, Guyana, Peru and Suriname are also members of ACTO": every state of the list
  {
    re: compile(`(?:@[SD]\\d+ , )+@[SD]\\d+(?: ,)? and {S} ${AUX}(?:all |also )*(?:members|member states) of (?:the )?{I}`),
    hint: /\bmembers?\b/,
    make: (m) => [...m[0].matchAll(/@[SD](\d+)/g)].map((x) => ({ source: n(x[1]), target: n(m[2]), relation: "member_of" as const, confidence: 0.75 })),
  },
  {
    re: compile(`{I} (?:member|members|member state|ally) {S}`),
    hint: /\b(?:member|members|ally)\b/,
    make: (m) => ({ source: n(m[2]), target: n(m[1]), relation: "member_of", confidence: 0.7 }),
  },
  // support: "X backs Y", "support for Y from X"
  // "Iran, a long-time backer of Hamas,", "Russia, the main sponsor of the regime"
  {
    re: compile(`{S} , (?:an? |the )?(?:(?:long-time|longtime|key|main|chief|major|principal) )?(?:backer|supporter|sponsor|patron) of (?:the )?{SI}`),
    hint: /\b(?:backer|supporter|sponsor|patron)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "supports", confidence: 0.75 }),
  },
  // "Germany pledged 5 billion euros in military aid to Ukraine", "the EU approved a support package for Moldova"
  {
    re: compile(`{SI} ${AUX}(?:pledged|promised|committed|approved|announced|unveiled|granted|extended) (?:[^@]{0,60} )?(?:aid|assistance|support|funding|loans?|grants?|package)(?: package)? (?:to|for) (?:the )?{SI}`),
    hint: /\b(?:aid|assistance|support|funding|loans?|grants?|package)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "supports", confidence: 0.7 }),
  },
  // "The European Union is Ukraine's largest donor", "the US, Israel's main arms supplier,"
  {
    re: compile(`{SI} (?:, |${AUX}(?:is|was|remains|became|has been) )(?:the |a |an )?{SI} 's (?:(?:largest|biggest|main|top|key|chief|leading|single largest|second-largest|most important) )?(?:financial |military |arms |aid )?(?:donor|backer|supporter|sponsor|creditor|lender|patron)\\b`),
    hint: /\b(?:donor|backer|supporter|sponsor|creditor|lender|patron)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "supports", confidence: 0.75 }),
  },
  // "Iran-backed Houthi rebels", "Hezbollah, an Iran-backed militant group"
  {
    // (a demonym after it describes the group: "the Iran-backed Lebanese militant group" is not Lebanon)
    re: compile(`{S} -(?:backed|sponsored|funded|supported|armed) @[SI](\\d+)`),
    hint: /-(?:backed|sponsored|funded|supported|armed)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "supports", confidence: 0.75 }),
  },
  {
    re: compile(`{SI} , (?:an? |the )?{S} -(?:backed|sponsored|funded|supported|armed) `),
    hint: /-(?:backed|sponsored|funded|supported|armed)\b/,
    make: (m) => ({ source: n(m[2]), target: n(m[1]), relation: "supports", confidence: 0.75 }),
  },
  {
    re: compile(`{SI} ${AUX}(?:supports|supported|backs|backed|is backing|support|back|aided|aids|helped|helps|assisted|assists) {SI}`),
    hint: /\b(?:supports|supported|backs|backed|backing|support|back|aided|aids|helped|helps|assisted|assists)\b/,
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "supports", confidence: 0.7 }),
  },
  // citizenship: "the South Korean activist Park Sang-hak"
  {
    re: compile(`{D} ((?:[a-z-]+ ){1,2}){P}`),
    make: (m) =>
      new RegExp(`\\b(?:${LEADER}|${HEADS})\\b`, "i").test(m[2]) || /\b(?:and|or|of|with|by|to)\b/.test(m[2])
        ? null
        : { source: n(m[3]), target: n(m[1]), relation: "citizen_of", role: role(m[2]), confidence: 0.6 },
  },
] as Array<Omit<Rule, "needs">>).map(rule);

function supply(source: number, target: number, phrase: string, confidence: number): Draft | null {
  const items = parseItems(phrase);
  if (items.length === 0 || source === target) return null;
  return { source, target, relation: "supplies", items, confidence };
}

function qty(s: string | undefined): number | undefined {
  return s === undefined ? undefined : parseQuantity(s);
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

/** Every relation the patterns read in one encoded sentence (matches may overlap). */
export function applyRules(enc: EncodedSentence): Draft[] {
  const out: Draft[] = [];
  if (enc.slots.length === 0) return out;
  let letters = 0;
  for (let i = enc.text.indexOf("@"); i >= 0; i = enc.text.indexOf("@", i + 1)) letters |= letterBit(enc.text[i + 1]);
  let words: Set<string> | undefined;
  for (const rule of RULES) {
    if (!rule.needs.every((mask) => (mask & letters) !== 0)) continue;
    if (rule.keywords) {
      words ??= new Set(enc.text.split(" "));
      if (!rule.keywords.some((w) => words!.has(w))) continue;
    } else if (rule.hint && !rule.hint.test(enc.text)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(enc.text); m; m = rule.re.exec(enc.text)) {
      const made = rule.make(m);
      if (made) for (const d of Array.isArray(made) ? made : [made]) out.push({ ...d, role: d.role && pastRole(d.role, m), at: m.index });
      rule.re.lastIndex = m.index + 1;
    }
  }
  return out;
}
