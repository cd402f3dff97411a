// Support: backers, sponsors and donors, aid pledged to a state, "X-backed" groups and verbs of backing.
import { link } from "./readings.js";
import type { PatternRule } from "./types.js";

const ACTOR = "{state|demonym|institution}";
const BACKED = "-(?:backed|sponsored|funded|supported|armed)";

export const SUPPORT_RULES: PatternRule[] = [
  {
    // "Iran, a long-time backer of Hamas,", "Russia, the main sponsor of the regime"
    id: "supports/state-backer-of",
    relation: "supports",
    confidence: 0.75,
    pattern: `{state|demonym} , (?:an? |the )?(?:(?:long-time|longtime|key|main|chief|major|principal) )?(?:backer|supporter|sponsor|patron) of (?:the )?${ACTOR}`,
    hint: ["backer", "supporter", "sponsor", "patron"],
    make: link("supports", 1, 2),
    examples: [{ text: "Russia, a long-time backer of Serbia, vetoed the resolution.", expect: ["Russia", "supports", "Serbia"] }],
    counterexamples: ["Russia, a long-time critic of Serbia, vetoed the resolution."],
  },
  {
    // "Germany pledged 5 billion euros in military aid to Ukraine", "the EU approved a support package for Moldova"
    id: "supports/pledged-aid-to",
    relation: "supports",
    confidence: 0.7,
    pattern: `${ACTOR} {auxiliaries}(?:pledged|promised|committed|approved|announced|unveiled|granted|extended) (?:[^@]{0,60} )?(?:aid|assistance|support|funding|loans?|grants?|package)(?: package)? (?:to|for) (?:the )?${ACTOR}`,
    hint: /\b(?:aid|assistance|support|funding|loans?|grants?|package)\b/,
    make: link("supports", 1, 2),
    examples: [
      { text: "Germany pledged 5 billion euros in military aid to Ukraine.", expect: ["Germany", "supports", "Ukraine"] },
      { text: "The EU approved a 50 billion euro support package for Ukraine.", expect: ["EU", "supports", "Ukraine"] },
    ],
    counterexamples: ["Germany refused 5 billion euros in military aid to Ukraine."],
  },
  {
    // "The European Union is Ukraine's largest donor", "the US, Israel's main arms supplier,"
    id: "supports/actor-is-state-s-donor",
    relation: "supports",
    confidence: 0.75,
    pattern: `${ACTOR} (?:, |{auxiliaries}(?:is|was|remains|became|has been) )(?:the |a |an )?${ACTOR} 's (?:(?:largest|biggest|main|top|key|chief|leading|single largest|second-largest|most important) )?(?:financial |military |arms |aid )?(?:donor|backer|supporter|sponsor|creditor|lender|patron)\\b`,
    hint: ["donor", "backer", "supporter", "sponsor", "creditor", "lender", "patron"],
    make: link("supports", 1, 2),
    examples: [
      { text: "The European Union is Ukraine's largest donor.", expect: ["European Union", "supports", "Ukraine"] },
      { text: "China, Russia's main backer, denied the claim.", expect: ["China", "supports", "Russia"] },
    ],
    counterexamples: ["The European Union is Ukraine's largest neighbour."],
  },
  {
    // "Iran-backed Houthi rebels" (a demonym after it describes the group: "the Iran-backed Lebanese militant group" is not Lebanon)
    id: "supports/state-backed-group",
    relation: "supports",
    confidence: 0.75,
    pattern: `{state|demonym} ${BACKED} {state|institution}`,
    hint: /-(?:backed|sponsored|funded|supported|armed)\b/,
    make: link("supports", 1, 2),
    examples: [{ text: "Iran-backed Houthi rebels attacked ships in the Red Sea.", expect: ["Iran", "supports", "Houthi"] }],
    counterexamples: [{ text: "Hezbollah, the Iran-backed Lebanese militant group, fired rockets at Israel.", reject: ["Iran", "supports", "Lebanon"] }],
  },
  {
    // "Hezbollah, an Iran-backed militant group,"
    id: "supports/group-state-backed",
    relation: "supports",
    confidence: 0.75,
    pattern: `${ACTOR} , (?:an? |the )?{state|demonym} ${BACKED} `,
    hint: /-(?:backed|sponsored|funded|supported|armed)\b/,
    make: link("supports", 2, 1),
    examples: [{ text: "Hezbollah, an Iran-backed militant group, fired rockets into Israel.", expect: ["Iran", "supports", "Hezbollah"] }],
    counterexamples: ["Hezbollah, an Iran ally, fired rockets into Israel."],
  },
  {
    id: "supports/actor-backs-actor",
    relation: "supports",
    confidence: 0.7,
    pattern: `${ACTOR} {auxiliaries}(?:supports|supported|backs|backed|is backing|support|back|aided|aids|helped|helps|assisted|assists) ${ACTOR}`,
    hint: ["supports", "supported", "backs", "backed", "backing", "support", "back", "aided", "aids", "helped", "helps", "assisted", "assists"],
    make: link("supports", 1, 2),
    examples: [{ text: "Belarus has supported Russia since 2022.", expect: ["Belarus", "supports", "Russia"] }],
    counterexamples: ["Belarus has openly criticised Russia since 2022."],
  },
];
