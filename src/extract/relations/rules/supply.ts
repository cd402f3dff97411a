// Supplies: a state or institution giving another things, with the list of items, read from the giver's or the receiver's side.
import { HINTS } from "./parts.js";
import { n, supply } from "./readings.js";
import type { PatternRule, Reading } from "./types.js";

const ACTOR = "{state|demonym|institution}";

export const SUPPLY_RULES: PatternRule[] = [
  {
    // "North Korea has supplied Russia with artillery shells and ballistic missiles"
    id: "supplies/state-supplied-state-with-items",
    relation: "supplies",
    confidence: 0.85,
    pattern: `${ACTOR} {auxiliaries}{supply verb} ${ACTOR} with ([^@]+?)(?: from| in return| in exchange| to help|$| \\.|{attribution})`,
    hint: HINTS["supply verb"],
    make: (m) => supply(n(m[1]), n(m[2]), m[3]),
    examples: [
      {
        text: "France supplied Germany with 512 artillery shells and drones, Anna Petrov said.",
        expect: ["France", "supplies", "Germany", { items: ["512 artillery shells", "drones"] }],
      },
      { text: "Iran has supplied Russia with drones, officials said.", expect: ["Iran", "supplies", "Russia", { items: ["drones"] }] },
    ],
    counterexamples: [{ text: "Iran has supplied Russia with drones, officials said.", reject: ["Russia", "supplies", "Iran"] }],
  },
  {
    // "X sent ITEMS to Y", "Norway and Germany gave $1 billion to the Amazon Fund"
    id: "supplies/state-sent-items-to-state",
    relation: "supplies",
    confidence: 0.8,
    pattern: `(?:${ACTOR} and )?${ACTOR} {auxiliaries}{supply verb} ([^@]+?) to (?:the )?${ACTOR}`,
    hint: HINTS["supply verb"],
    make: (m) =>
      /\b(?:troops|soldiers|forces|message|letter|signal|envoy|delegation)\b/i.test(m[3])
        ? null
        : [m[1], m[2]].flatMap((s) => (s === undefined ? [] : [supply(n(s), n(m[4]), m[3])])).filter((d): d is Reading => d !== null),
    examples: [
      { text: "North Korea is believed to have sent ballistic missiles to Russia.", expect: ["North Korea", "supplies", "Russia", { items: ["ballistic missiles"] }] },
      { text: "Iran is accused of supplying drones to Russia.", expect: ["Iran", "supplies", "Russia", { items: ["drones"] }] },
      { text: "Norway and Germany gave $1 billion to the Amazon Fund.", expect: [["Norway", "supplies", "Amazon Fund"], ["Germany", "supplies", "Amazon Fund"]] },
    ],
    counterexamples: ["North Korea has sent troops to Russia.", "Egypt sent a delegation to Sudan."],
  },
  {
    // "Russia received artillery shells from North Korea"
    id: "supplies/state-received-items-from-state",
    relation: "supplies",
    confidence: 0.8,
    pattern: `${ACTOR} {auxiliaries}{receive verb} ([^@]+?) from (?:the )?${ACTOR}`,
    hint: HINTS["receive verb"],
    make: (m) => supply(n(m[3]), n(m[1]), m[2]),
    examples: [{ text: "Russia has received artillery shells from North Korea.", expect: ["North Korea", "supplies", "Russia", { items: ["artillery shells"] }] }],
    counterexamples: [{ text: "Russia has received artillery shells from North Korea.", reject: ["Russia", "supplies", "North Korea"] }],
  },
  {
    // "India bought Russian oil at a discount", "China imports Iranian crude": the seller's demonym before the goods
    id: "supplies/state-bought-demonym-goods",
    relation: "supplies",
    confidence: 0.75,
    pattern:
      "{state|demonym} {auxiliaries}(?:bought|buys|buy|buying|imported|imports|import|importing|purchased|purchases|purchase) (?:(?:more|cheap|cheaper|discounted|record|large|huge|vast) )?(?:(?:amounts|quantities|volumes) of )?{demonym} ((?:(?!at |in |from |for |since |despite |to |and |but )[A-Za-z][a-z-]* ?){1,3})",
    hint: HINTS["receive verb"],
    make: (m) => supply(n(m[2]), n(m[1]), m[3].trim()),
    examples: [
      { text: "India bought Russian oil at a discount.", expect: ["Russia", "supplies", "India", { items: ["oil"] }] },
      { text: "Ukraine bought Turkish Bayraktar drones.", expect: ["Türkiye", "supplies", "Ukraine", { items: ["Bayraktar drones"] }] },
    ],
    counterexamples: ["India bought oil from a Russian broker."],
  },
];
