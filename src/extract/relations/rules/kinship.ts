// Kinship: a relative named after the possessor's kinship noun, or in apposition with it.
import { HINTS } from "./parts.js";
import { kinship, n } from "./readings.js";
import type { PatternRule } from "./types.js";

export const KINSHIP_RULES: PatternRule[] = [
  {
    // "his sister Kim Yo-jong", "Kim's daughter, Kim Ju-ae"
    id: "kinship/possessor-kin-name",
    relation: ["sibling_of", "spouse_of", "child_of"],
    confidence: 0.85,
    pattern: "{person} (?:'s )?{kin modifiers}({kinship})s?(?: ,)? {person}",
    hint: HINTS.kinship,
    make: (m) => kinship(m[2], n(m[3]), n(m[1])),
    examples: [
      { text: "Kim Jong-un and other top officials, including his sister Kim Yo-jong, were seen.", expect: ["Kim Yo-jong", "sibling_of", "Kim Jong-un"] },
      { text: "Kim Jong-un watched the gala with his daughter, Kim Ju-ae.", expect: ["Kim Ju-ae", "child_of", "Kim Jong-un"] },
      { text: "Kim Jong-un and his wife, Ri Sol-ju, watched the parade.", expect: ["Kim Jong-un", "spouse_of", "Ri Sol-ju"] },
      { text: "Kim Jong-un succeeded his father Kim Jong-il in 2011.", expect: ["Kim Jong-un", "child_of", "Kim Jong-il"] },
    ],
    counterexamples: ["Kim Jong-un's sister said Choe Son-hui would travel."],
  },
  {
    // "Kim Ju-ae, his daughter" / "Kim Yo-jong, the sister of Kim Jong-un" / "the son of former dictator X"
    id: "kinship/name-kin-of-possessor",
    relation: ["sibling_of", "spouse_of", "child_of"],
    confidence: 0.85,
    pattern: "{person} , (?:{person} (?:'s )?|the ){kin modifiers}({kinship})(?: of (?:the )?(?:{leader or official title} )?{person})?",
    hint: HINTS.kinship,
    make: (m) => {
      const possessor = m[2] ?? m[4];
      return possessor === undefined ? null : kinship(m[3], n(m[1]), n(possessor));
    },
    examples: [
      { text: "Kim Yo-jong, the younger sister of leader Kim Jong-un, issued a statement.", expect: ["Kim Yo-jong", "sibling_of", "Kim Jong-un"] },
      { text: "Kim Jong-un, the son of former leader Kim Jong-il, took power in 2011.", expect: ["Kim Jong-un", "child_of", "Kim Jong-il"] },
      { text: "Kim Jong-un arrived with Kim Ju-ae, his daughter.", expect: ["Kim Ju-ae", "child_of", "Kim Jong-un"] },
    ],
    counterexamples: ["Kim Yo-jong, the sister, issued a statement."],
  },
];
