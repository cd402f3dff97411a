// Offices: a leader's or an official's title before or after their name, in apposition, or stated with a copula.
import { HINTS, isLeaderTitle } from "./parts.js";
import { link, n, role } from "./readings.js";
import type { PatternRule } from "./types.js";

/** Words before a leader's title that keep it one ("supreme leader", "de facto ruler", "late leader"). */
const LEADER_MODIFIERS = "(?:(?:supreme|top|de facto|former|current|late|new|then|interim|acting|political|military|spiritual) )?";
const APPOSITION_MODIFIERS = "(?:(?:supreme|top|de facto|former|current) )?";

export const OFFICE_RULES: PatternRule[] = [
  {
    id: "leader_of/state-title-name",
    relation: "leader_of",
    confidence: 0.9,
    pattern: `{state|demonym|institution} (?:'s )?${LEADER_MODIFIERS}({leader title})(?: ,)? {person}`,
    hint: HINTS["leader title"],
    make: (m) => ({ source: n(m[3]), target: n(m[1]), relation: "leader_of", role: role(m[2]) }),
    examples: [
      { text: "North Korean leader Kim Jong-un inspected a missile factory.", expect: ["Kim Jong-un", "leader_of", "North Korea", { role: "leader" }] },
      { text: "Russia's President Vladimir Putin arrived in Pyongyang.", expect: ["Vladimir Putin", "leader_of", "Russia", { role: "President" }] },
      { text: "Former U.S. President Donald Trump met Hungarian Prime Minister Viktor Orbán.", expect: [["Donald Trump", "leader_of", "United States", { role: "former President" }], ["Viktor Orbán", "leader_of", "Hungary"]] },
      { text: "North Korea's late leader Kim Jong-il died in 2011.", expect: ["Kim Jong-il", "leader_of", "North Korea", { role: "late leader" }] },
    ],
    counterexamples: ["Venezuelan Vice President Delcy Rodríguez spoke first.", "Russian Culture Minister Olga Lyubimova attended."],
  },
  {
    id: "leader_of/led-by-name",
    relation: "leader_of",
    confidence: 0.8,
    pattern: "{state|demonym|institution} , (?:(?:which|who) (?:is |was )?)?(?:led|headed|commanded|founded and led) by {person}",
    hint: ["led", "headed", "commanded"],
    make: link("leader_of", 2, 1),
    examples: [{ text: "The Rapid Support Forces, led by Mohamed Hamdan Dagalo, denied the accusations.", expect: ["Mohamed Hamdan Dagalo", "leader_of", "Rapid Support Forces"] }],
    counterexamples: ["The Rapid Support Forces were attacked by Mohamed Hamdan Dagalo."],
  },
  {
    id: "leader_of/name-title-of-state",
    relation: "leader_of",
    confidence: 0.85,
    pattern: `{person} , (?:the |its |their )?${APPOSITION_MODIFIERS}({leader title}) of (?:the )?{state|demonym|institution}`,
    hint: HINTS["leader title"],
    make: (m) => ({ source: n(m[1]), target: n(m[3]), relation: "leader_of", role: role(m[2]) }),
    examples: [
      { text: "Christine Lagarde, president of the European Central Bank, warned of inflation.", expect: ["Christine Lagarde", "leader_of", "European Central Bank", { role: "president" }] },
      { text: "Tim Cook, chief executive of the Apple Corporation, told reporters that prices would rise.", expect: ["Tim Cook", "leader_of", "Apple Corporation", { role: "chief executive" }] },
    ],
    counterexamples: ["Christine Lagarde, a critic of the European Central Bank, warned of inflation."],
  },
  {
    id: "leader_of/name-state-s-title",
    relation: "leader_of",
    confidence: 0.85,
    pattern: `{person} , {state|demonym|institution} 's ${APPOSITION_MODIFIERS}({leader title})\\b`,
    hint: HINTS["leader title"],
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "leader_of", role: role(m[3]) }),
    examples: [{ text: "Dmitry Medvedev, Russia's former president, warned the West.", expect: ["Dmitry Medvedev", "leader_of", "Russia", { role: "former president" }] }],
    counterexamples: ["Dmitry Medvedev, Russia's foreign minister, warned the West."],
  },
  {
    id: "leader_of/name-demonym-title",
    relation: "leader_of",
    confidence: 0.85,
    pattern: `{person} , (?:the |a |an )?{demonym} ${APPOSITION_MODIFIERS}({leader title})\\b`,
    hint: HINTS["leader title"],
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: "leader_of", role: role(m[3]) }),
    examples: [{ text: "Emmanuel Macron, the French president, flew to Beijing.", expect: ["Emmanuel Macron", "leader_of", "France", { role: "president" }] }],
    counterexamples: ["Emmanuel Macron, the French ambassador, flew to Beijing."],
  },
  {
    id: "official_of/name-state-title",
    relation: "official_of",
    confidence: 0.8,
    pattern: "{person} , (?:the |a |an )?{state|demonym} ({official title})\\b",
    hint: HINTS["official title"],
    make: (m) => (isLeaderTitle(m[3]) ? null : { source: n(m[1]), target: n(m[2]), relation: "official_of", role: role(m[3]) }),
    examples: [{ text: "Antony Blinken, the US Secretary of State, met Wang Yi in Beijing.", expect: ["Antony Blinken", "official_of", "United States", { role: "Secretary of State" }] }],
    counterexamples: ["Rishi Sunak, the UK prime minister, visited Kyiv."],
  },
  {
    id: "official_of/state-title-name",
    relation: "official_of",
    confidence: 0.85,
    pattern: "{state|demonym|institution} (?:'s )?({official title})(?: ,)? {person}",
    hint: HINTS["official title"],
    make: (m) => (isLeaderTitle(m[2]) ? null : { source: n(m[3]), target: n(m[1]), relation: "official_of", role: role(m[2]) }),
    examples: [
      { text: "Russian Culture Minister Olga Lyubimova led the delegation.", expect: ["Olga Lyubimova", "official_of", "Russia", { role: "Culture Minister" }] },
      { text: "Russia's Foreign Minister Sergei Lavrov met his counterpart.", expect: ["Sergei Lavrov", "official_of", "Russia", { role: "Foreign Minister" }] },
      { text: "Venezuelan Vice President Delcy Rodríguez spoke first.", expect: ["Delcy Rodríguez", "official_of", "Venezuela", { role: "Vice President" }] },
      { text: "IMF chief Kristalina Georgieva said growth would slow.", expect: ["Kristalina Georgieva", "official_of", "IMF", { role: "chief" }] },
    ],
    counterexamples: ["Japanese Prime Minister Fumio Kishida arrived.", "a Russian culture minister said so."],
  },
  {
    id: "official_of/name-title-of-state",
    relation: "official_of",
    confidence: 0.8,
    pattern: "{person} , (?:the |a |an )?({official title}) (?:of|for) (?:the )?{state|demonym|institution}",
    hint: HINTS["official title"],
    make: (m) => (isLeaderTitle(m[2]) ? null : { source: n(m[1]), target: n(m[3]), relation: "official_of", role: role(m[2]) }),
    examples: [{ text: "Choe Son-hui, the foreign minister of North Korea, arrived in Moscow.", expect: ["Choe Son-hui", "official_of", "North Korea", { role: "foreign minister" }] }],
    counterexamples: ["Choe Son-hui, the prime minister of North Korea, arrived in Moscow."],
  },
  {
    id: "official_of/name-state-s-title",
    relation: "official_of",
    confidence: 0.8,
    pattern: "{person} , {state|demonym|institution} 's ({official title})\\b",
    hint: HINTS["official title"],
    make: (m) => (isLeaderTitle(m[3]) ? null : { source: n(m[1]), target: n(m[2]), relation: "official_of", role: role(m[3]) }),
    examples: [{ text: "Choe Son-hui, North Korea's foreign minister, arrived in Moscow.", expect: ["Choe Son-hui", "official_of", "North Korea", { role: "foreign minister" }] }],
    counterexamples: ["Dmitry Medvedev, Russia's former president, warned the West."],
  },
  {
    id: "official_of/name-institution-title",
    relation: ["official_of", "leader_of"],
    confidence: 0.8,
    pattern: "{person} , (?:the )?(?:{some state|demonym} (?:'s )?)?{institution} ({official title})\\b",
    hint: HINTS["official title"],
    make: (m) => ({ source: n(m[1]), target: n(m[2]), relation: isLeaderTitle(m[3]) ? "leader_of" : "official_of", role: role(m[3]) }),
    examples: [{ text: "Shoigu, Russia's Security Council secretary, arrived in Pyongyang on Friday.", expect: ["Shoigu", "official_of", "Security Council", { role: "secretary" }] }],
    counterexamples: ["Shoigu, Russia's Security Council, arrived in Pyongyang on Friday."],
  },
  {
    id: "official_of/copula-title-of",
    relation: ["official_of", "leader_of"],
    confidence: 0.8,
    pattern: "{person} {auxiliaries}(?:is|was|remains|became|has been) (?:the |a |an )?({official title}) (?:of|at) (?:the )?(?:{some state|demonym} (?:'s )?)?{state|demonym|institution}",
    hint: HINTS["official title"],
    make: (m) => ({ source: n(m[1]), target: n(m[3]), relation: isLeaderTitle(m[2]) ? "leader_of" : "official_of", role: role(m[2]) }),
    examples: [
      { text: "Sergei Shoigu is the secretary of Russia's Security Council.", expect: ["Sergei Shoigu", "official_of", "Security Council", { role: "secretary" }] },
      { text: "Kamala Harris was the vice president of the United States.", expect: ["Kamala Harris", "official_of", "United States", { role: "vice president" }] },
    ],
    counterexamples: ["Sergei Shoigu met the secretary of Russia's Security Council."],
  },
  {
    id: "leader_of/copula-title-of",
    relation: "leader_of",
    confidence: 0.85,
    pattern:
      "{person} {auxiliaries}(?:is|was|remains|became|has been) (?:the |a |an )?(?:(?:supreme|top|de facto|former|current|new|interim|acting) )?({leader title}) of (?:the )?(?:{some state|demonym} (?:'s )?)?{state|demonym|institution}",
    hint: HINTS["leader title"],
    make: (m) => ({ source: n(m[1]), target: n(m[3]), relation: "leader_of", role: role(m[2]) }),
    examples: [
      { text: "Emmanuel Macron is the president of France.", expect: ["Emmanuel Macron", "leader_of", "France", { role: "president" }] },
      { text: "Jens Stoltenberg was the secretary general of NATO.", expect: ["Jens Stoltenberg", "leader_of", "NATO", { role: "secretary general" }] },
    ],
    counterexamples: ["Emmanuel Macron met the president of France."],
  },
  {
    // "Foreign Minister Choe Son-hui" with no state: the state of a colleague named with them ("Kim and other top officials, including ...")
    id: "official_of/title-name-colleague-state",
    relation: "official_of",
    confidence: 0.55,
    pattern: "(?:^|[^@\\w'] |\\b[a-z]+ )(?<!'s )({official title}) {person}",
    hint: HINTS["official title"],
    make: (m) =>
      isLeaderTitle(m[1]) || !/^\p{Lu}/u.test(m[1]) ? null : { source: n(m[2]), target: -1, relation: "official_of", role: role(m[1]), contextSource: "state-of-colleague" },
    alongside: ["leader_of/state-title-name", "official_of/state-title-name"],
    examples: [
      { text: "Japanese Prime Minister Fumio Kishida and Foreign Minister Yoko Kamikawa met the delegation.", expect: ["Yoko Kamikawa", "official_of", "Japan", { role: "Foreign Minister" }] },
      { text: "Foreign Minister Choe Son-hui stood beside North Korean leader Kim Jong-un.", expect: ["Choe Son-hui", "official_of", "North Korea", { role: "Foreign Minister" }] },
    ],
    counterexamples: ["Foreign Minister Choe Son-hui arrived in Moscow.", "a foreign minister Choe Son-hui stood beside North Korean leader Kim Jong-un."],
  },
];
