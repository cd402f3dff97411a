// Membership and citizenship: states and people that joined or belong to an institution, and people named by their state's demonym.
import { OFFICE_WORD } from "./parts.js";
import { link, n, role, statesIn } from "./readings.js";
import type { PatternRule } from "./types.js";

/** "Finland, Sweden and Norway": a list of states or demonyms, uncaptured but the last. */
const STATE_LIST_HEAD = "(?:{some state|demonym} , )*{some state|demonym}(?: ,)? and {state|demonym}";

export const MEMBERSHIP_RULES: PatternRule[] = [
  {
    // "Finland joined NATO", "Hungary is a member of the European Union"
    id: "member_of/joined-institution",
    relation: "member_of",
    confidence: 0.8,
    pattern: "{any} {auxiliaries}(?:joined|became a member of|a member of|a founding member of|member of|an ally of) (?:the )?{institution}",
    hint: ["joined", "member", "ally"],
    make: link("member_of", 1, 2),
    examples: [
      { text: "Finland joined NATO in April 2023.", expect: ["Finland", "member_of", "NATO", { date: "2023-04" }] },
      { text: "Hungary is a member of the European Union.", expect: ["Hungary", "member_of", "European Union"] },
    ],
    counterexamples: ["Finland praised NATO in April 2023."],
  },
  {
    // "Finland and Sweden joined NATO", "Egypt, Ethiopia and Iran joined BRICS": every state of the list
    id: "member_of/states-joined-institution",
    relation: "member_of",
    confidence: 0.8,
    pattern: `${STATE_LIST_HEAD} {auxiliaries}(?:both |all )?(?:joined|became members of) (?:the )?{institution}`,
    hint: ["joined", "members"],
    make: (m) => statesIn(m[0]).map((x) => ({ source: x, target: n(m[2]), relation: "member_of" as const })),
    examples: [
      { text: "Finland and Sweden joined NATO after Russia invaded Ukraine.", expect: [["Finland", "member_of", "NATO"], ["Sweden", "member_of", "NATO"]] },
      { text: "Estonia, Latvia and Lithuania joined NATO in 2004.", expect: [["Estonia", "member_of", "NATO"], ["Latvia", "member_of", "NATO"], ["Lithuania", "member_of", "NATO"]] },
    ],
    counterexamples: ["Finland and Sweden criticised NATO after Russia invaded Ukraine."],
  },
  {
    // "Sweden became NATO's 32nd member"
    id: "member_of/state-is-institution-s-member",
    relation: "member_of",
    confidence: 0.8,
    pattern: "{state|demonym} {auxiliaries}(?:became|becomes|is|was|remains) (?:the |a |an )?{institution} 's (?:[a-z0-9-]+ )?(?:member|member state|ally)\\b",
    hint: ["member", "ally"],
    make: link("member_of", 1, 2),
    examples: [{ text: "Sweden became NATO's 32nd member in March 2024.", expect: ["Sweden", "member_of", "NATO", { date: "2024-03" }] }],
    counterexamples: ["Sweden became NATO's 32nd partner in March 2024."],
  },
  {
    // "Bolivia, Ecuador, Guyana, Peru and Suriname are also members of ACTO": every state of the list
    id: "member_of/states-are-members-of",
    relation: "member_of",
    confidence: 0.75,
    pattern: "(?:{some state|demonym} , )+{some state|demonym}(?: ,)? and {state|demonym} {auxiliaries}(?:all |also )*(?:members|member states) of (?:the )?{institution}",
    hint: /\bmembers?\b/,
    make: (m) => statesIn(m[0]).map((x) => ({ source: x, target: n(m[2]), relation: "member_of" as const })),
    examples: [
      {
        text: "Bolivia, Ecuador, Guyana, Peru and Suriname are also members of the Amazon Cooperation Treaty Organization.",
        expect: [
          ["Bolivia", "member_of", "Amazon Cooperation Treaty Organization"],
          ["Suriname", "member_of", "Amazon Cooperation Treaty Organization"],
        ],
      },
    ],
    counterexamples: ["Bolivia, Ecuador and Peru are also critics of the Amazon Cooperation Treaty Organization."],
  },
  {
    // "NATO member Finland", "EU member state Hungary"
    id: "member_of/institution-member-state",
    relation: "member_of",
    confidence: 0.7,
    pattern: "{institution} (?:member|members|member state|ally) {state|demonym}",
    hint: ["member", "members", "ally"],
    make: link("member_of", 2, 1),
    examples: [{ text: "NATO member Türkiye blocked the bid for months.", expect: ["Türkiye", "member_of", "NATO"] }],
    counterexamples: ["NATO rival Russia blocked the bid for months."],
  },
];

export const CITIZENSHIP_RULES: PatternRule[] = [
  {
    // "the South Korean activist Park Sang-hak": a demonym and an occupation (no office) before a name
    id: "citizen_of/demonym-occupation-name",
    relation: "citizen_of",
    confidence: 0.6,
    pattern: "{demonym} ((?:[a-z-]+ ){1,2}){person}",
    make: (m) =>
      OFFICE_WORD.test(m[2]) || /\b(?:and|or|of|with|by|to)\b/.test(m[2]) ? null : { source: n(m[3]), target: n(m[1]), relation: "citizen_of", role: role(m[2]) },
    examples: [
      { text: "The South Korean activist Park Sang-hak, who defected in 1999, sent leaflets.", expect: ["Park Sang-hak", "citizen_of", "South Korea", { role: "activist" }] },
      { text: "The American journalist Evan Gershkovich was detained in Russia.", expect: ["Evan Gershkovich", "citizen_of", "United States", { role: "journalist" }] },
    ],
    counterexamples: ["The South Korean foreign minister Cho Tae-yul spoke.", "South Korean and Japanese officials met Park Sang-hak."],
  },
];
