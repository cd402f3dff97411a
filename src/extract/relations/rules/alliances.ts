// Alliances: pacts between states, states called allies, defence pacts signed by states or by the leaders who sign for them.
import { link, n, statesIn } from "./readings.js";
import type { NameRule, PatternRule, Reading } from "./types.js";

/** The office rules that say whom a signer leads. */
const LEADERS = ["leader_of/state-title-name"];
/** Two signers, each a state or a person who stands for the state the document says they lead. */
const forTheirStates = (m: RegExpExecArray): Reading => ({ source: n(m[1]), target: n(m[2]), relation: "allied_with", contextSource: "states-of-leaders" });

export const ALLIANCE_RULES: PatternRule[] = [
  {
    // "an alliance between X and Y", "the treaty of Russia and North Korea"
    id: "allied_with/alliance-between-states",
    relation: "allied_with",
    confidence: 0.8,
    pattern: "(?:alliance|partnership|pact|treaty) (?:between|of) (?:the )?{state|demonym} and (?:the )?{state|demonym}",
    hint: ["alliance", "partnership", "pact", "treaty"],
    make: link("allied_with", 1, 2),
    examples: [{ text: "The treaty between Russia and North Korea took effect in December.", expect: ["Russia", "allied_with", "North Korea"] }],
    counterexamples: ["The treaty was signed in Russia and North Korea celebrated."],
  },
  {
    id: "allied_with/states-are-allies",
    relation: "allied_with",
    confidence: 0.8,
    pattern: "{state|demonym} and (?:the )?{state|demonym} (?:are|were|became|have become|remain) (?:close |key |military |strategic |treaty )*(?:allies|partners)",
    hint: ["allies", "partners"],
    make: link("allied_with", 1, 2),
    examples: [{ text: "The US and the UK are close allies.", expect: ["United States", "allied_with", "United Kingdom"] }],
    counterexamples: ["The US and the UK are close to a deal."],
  },
  {
    id: "allied_with/state-signed-pact-with-state",
    relation: "allied_with",
    confidence: 0.75,
    pattern:
      "{state|demonym} {auxiliaries}(?:signed|concluded|sealed|agreed) (?:a |an )?(?:new |landmark |historic )?(?:mutual |reciprocal )?(?:defen[cs]e|security|military|mutual defen[cs]e) (?:pact|treaty|agreement|alliance|deal) with (?:the )?{state|demonym}",
    hint: ["pact", "treaty", "agreement", "alliance", "deal"],
    make: link("allied_with", 1, 2),
    examples: [{ text: "Japan signed a defence pact with the Philippines in 2024.", expect: ["Japan", "allied_with", "Philippines", { date: "2024" }] }],
    // a trade agreement makes no allies
    counterexamples: ["Japan signed a trade deal with the Philippines."],
  },
  {
    // "Putin and Kim signed a mutual defence treaty": leaders sign for their states, which the document says they lead
    id: "allied_with/signers-of-defence-pact",
    relation: "allied_with",
    confidence: 0.7,
    pattern: "{person|state|demonym} and (?:the )?{person|state|demonym} {auxiliaries}(?:signed|concluded|sealed) {defence pact}",
    hint: ["signed", "concluded", "sealed"],
    make: forTheirStates,
    alongside: LEADERS,
    examples: [
      {
        text: "Russian President Vladimir Putin and North Korean leader Kim Jong-un met in Pyongyang.\n\nPutin and Kim signed a mutual defence treaty at the Kumsusan palace.",
        expect: ["Russia", "allied_with", "North Korea"],
      },
    ],
    counterexamples: [
      "Japanese Prime Minister Fumio Kishida met Philippine President Ferdinand Marcos Jr.\n\nKishida and Marcos also signed a trade agreement.",
      // nothing says whom the signers lead
      "Li and Kishida signed a mutual defence treaty.",
    ],
  },
  {
    // "Marcos signed a security pact with Kishida"
    id: "allied_with/signer-of-defence-pact-with",
    relation: "allied_with",
    confidence: 0.7,
    pattern: "{person} {auxiliaries}(?:signed|concluded|sealed) {defence pact} with (?:the )?{person|state|demonym}",
    hint: ["signed", "concluded", "sealed"],
    make: forTheirStates,
    alongside: LEADERS,
    examples: [
      { text: "Japanese Prime Minister Fumio Kishida signed a security pact with Philippine President Ferdinand Marcos Jr.", expect: ["Japan", "allied_with", "Philippines"] },
    ],
    counterexamples: ["Japanese Prime Minister Fumio Kishida signed a trade agreement with Philippine President Ferdinand Marcos Jr."],
  },
  {
    // "Japan and South Korea are key U.S. allies", "Poland is a close American ally"
    id: "allied_with/states-are-state-s-allies",
    relation: "allied_with",
    confidence: 0.75,
    pattern:
      "(?:{some state|demonym} , )*{some state|demonym}(?: ,)?(?: and {some state|demonym})? (?:are|were|remain|is|was|remains) (?:a |an )?(?:(?:close|key|major|important|longtime|long-time|staunch|treaty|strategic) )*{state|demonym} (?:allies|ally|partners|partner)\\b",
    hint: ["allies", "ally", "partners", "partner"],
    make: (m) => {
      const ally = n(m[1]);
      return statesIn(m[0])
        .filter((x) => x !== ally)
        .map((x) => ({ source: x, target: ally, relation: "allied_with" as const }));
    },
    examples: [
      { text: "Japan and South Korea are key U.S. allies in Asia.", expect: [["Japan", "allied_with", "United States"], ["South Korea", "allied_with", "United States"]] },
      { text: "Poland is a close American ally.", expect: ["Poland", "allied_with", "United States"] },
    ],
    counterexamples: ["Poland is a close American trading partner's rival."],
  },
  {
    id: "allied_with/state-s-ally-state",
    relation: "allied_with",
    confidence: 0.8,
    pattern: "{state|demonym} 's (?:close |key |main |closest )?ally(?: ,)? {state|demonym}",
    hint: /\bally\b/,
    make: link("allied_with", 1, 2),
    examples: [{ text: "Russia's closest ally, Belarus, hosted the talks.", expect: ["Russia", "allied_with", "Belarus"] }],
    counterexamples: ["Russia's closest ally hosted Belarus."],
  },
];

/** Rules over the states named inside an agreement's name (relations/index.ts). */
export const AGREEMENT_NAME_RULES: NameRule[] = [
  {
    id: "party_to/state-in-agreement-name",
    relation: "party_to",
    confidence: 0.8,
    reads: "each state named inside an agreement's name is party to it: the North Korea-Russia military alliance",
    examples: [
      {
        text: "The North Korea-Russia military alliance has deepened.",
        expect: [["North Korea", "party_to", "North Korea-Russia military alliance"], ["Russia", "party_to", "North Korea-Russia military alliance"]],
      },
    ],
    counterexamples: ["The Paris Agreement entered into force in 2016."],
  },
  {
    id: "allied_with/states-in-alliance-name",
    relation: "allied_with",
    confidence: 0.8,
    reads: "two states named inside an alliance's, pact's, treaty's or accord's name are allies",
    examples: [{ text: "The North Korea-Russia military alliance has deepened.", expect: ["North Korea", "allied_with", "Russia"] }],
    counterexamples: ["The US-China trade deal was signed in 2020."],
  },
];
