// Employment: an occupation at an institution, in apposition or before the name, and verbs of working and hiring.
import { HINTS, isOfficeTitle } from "./parts.js";
import { link, n, role } from "./readings.js";
import type { PatternRule } from "./types.js";

export const EMPLOYMENT_RULES: PatternRule[] = [
  {
    id: "works_for/name-occupation-at",
    relation: "works_for",
    confidence: 0.85,
    pattern: "{person} , (?:a |an |the )?({occupation}) (?:at|of|with|for|from|in) (?:the )?{institution}",
    hint: HINTS.occupation,
    make: (m) => (isOfficeTitle(m[2]) ? null : { source: n(m[1]), target: n(m[3]), relation: "works_for", role: role(m[2]) }),
    examples: [
      {
        text: "Hong Min, a senior researcher at the Korea Institute for National Unification, said the move was symbolic.",
        expect: ["Hong Min", "works_for", "Korea Institute for National Unification", { role: "senior researcher" }],
      },
      { text: "Rob Lee, a senior fellow at the Foreign Policy Research Institute, said so.", expect: ["Rob Lee", "works_for", "Foreign Policy Research Institute"] },
    ],
    // an office is stated once, by the office rules
    counterexamples: ["John Kirby, a White House spokesman, said so.", "Christine Lagarde, president of the European Central Bank, warned of inflation."],
  },
  {
    id: "works_for/works-for",
    relation: "works_for",
    confidence: 0.8,
    pattern: "{person} (?:, who )?{auxiliaries}(?:works|worked|working|work) (?:for|at) (?:the )?{institution}",
    hint: /\bwork(?:s|ed|ing)?\b/,
    make: link("works_for", 1, 2),
    examples: [
      { text: "Tenten Markobri works for the Denti Agency, according to Logos Sharalo.", expect: ["Tenten Markobri", "works_for", "Denti Agency"] },
      { text: "Maria Santos, who has worked at the Getulio Vargas Foundation since 2010, disagreed.", expect: ["Maria Santos", "works_for", "Getulio Vargas Foundation"] },
    ],
    counterexamples: ["Tenten Markobri worked with the Denti Agency on the report."],
  },
  {
    id: "works_for/employed-by",
    relation: "works_for",
    confidence: 0.8,
    pattern: "{person} (?:, who )?{auxiliaries}(?:employed|hired) (?:by|at) (?:the )?{institution}",
    hint: ["employed", "hired"],
    make: link("works_for", 1, 2),
    examples: [{ text: "Mark Smith was hired by the World Bank in 2019.", expect: ["Mark Smith", "works_for", "World Bank"] }],
    counterexamples: ["Mark Smith hired the World Bank's lawyers."],
  },
  {
    id: "works_for/institution-occupation-name",
    relation: "works_for",
    confidence: 0.75,
    pattern: "{institution} (?:'s )?({occupation})(?: ,)? {person}",
    hint: HINTS.occupation,
    make: (m) => (isOfficeTitle(m[2]) ? null : { source: n(m[3]), target: n(m[1]), relation: "works_for", role: role(m[2]) }),
    examples: [{ text: "KINU researcher Hong Min said the move was symbolic.", expect: ["Hong Min", "works_for", "KINU", { role: "researcher" }] }],
    counterexamples: ["IMF chief Kristalina Georgieva said growth would slow."],
  },
];
