// Meetings and attendance: people who met, a visitor who met someone where they went, and who attended an event.
import { link } from "./readings.js";
import type { PatternRule } from "./types.js";

export const MEETING_RULES: PatternRule[] = [
  {
    // "Putin met Kim in Vladivostok", "Lavrov, on his second visit this year, held talks with Wang Yi"
    id: "met_with/person-met-person",
    relation: "met_with",
    confidence: 0.8,
    pattern:
      "{person} (?:, [^,]{1,80} , )?{auxiliaries}(?:met|meets|meet|meeting|held talks with|talked with|spoke with|hosted|welcomed|shook hands with|embraced) (?:with )?(?:(?:the )?{some state|demonym|institution} (?:'s )?)?(?:{leader or official title} )?{person}",
    hint: ["met", "meets", "meet", "meeting", "talks", "talked", "spoke", "hosted", "welcomed", "shook", "embraced"],
    make: link("met_with", 1, 2),
    examples: [
      { text: "Vladimir Putin met Kim Jong-un in Vladivostok.", expect: ["Vladimir Putin", "met_with", "Kim Jong-un"] },
      { text: "US President Joe Biden met UK Prime Minister Rishi Sunak.", expect: ["Joe Biden", "met_with", "Rishi Sunak"] },
    ],
    counterexamples: ["Vladimir Putin praised Kim Jong-un in Vladivostok."],
  },
  {
    // "Wang Yi visited Moscow, where he met Sergei Lavrov": the visitor met them
    id: "met_with/visited-place-where-met",
    relation: "met_with",
    confidence: 0.75,
    pattern:
      "{person} {auxiliaries}(?:visited|arrived in|travelled to|traveled to|flew to) (?:the )?{state|place} (?:on [A-Z][a-z]+ )?, where (?:he|she) {auxiliaries}(?:met|held talks with|talked with|spoke with)(?: with)? (?:(?:{some state|demonym} (?:'s )?)?(?:[A-Za-z-]+ ){0,3}?)?{person}",
    hint: /\bwhere\b/,
    make: link("met_with", 1, 3),
    examples: [{ text: "Chinese Foreign Minister Wang Yi visited Moscow, where he met Sergei Lavrov.", expect: ["Wang Yi", "met_with", "Sergei Lavrov"] }],
    counterexamples: ["Chinese Foreign Minister Wang Yi visited Moscow, where Sergei Lavrov lives."],
  },
  {
    // "Putin and Kim met", "Russian President Vladimir Putin and North Korean leader Kim Jong-un met"
    id: "met_with/persons-met",
    relation: "met_with",
    confidence: 0.8,
    pattern: "{person} and (?:(?:his |her |their )?(?:{some state|demonym} (?:'s )?)?(?:[A-Za-z-]+ ){0,3}?)?{person} {auxiliaries}(?:met|held talks|meet|shook hands)",
    hint: ["met", "talks", "meet", "shook"],
    make: link("met_with", 1, 2),
    examples: [
      { text: "Russian President Vladimir Putin and North Korean leader Kim Jong-un met in Pyongyang on Wednesday.", expect: ["Vladimir Putin", "met_with", "Kim Jong-un"] },
    ],
    counterexamples: ["Vladimir Putin and Kim Jong-un were absent when the delegates met."],
  },
  {
    id: "attended/attended-event",
    relation: "attended",
    confidence: 0.75,
    pattern: "{any} {auxiliaries}(?:attended|attends|attend|attending|was present at|took part in|watched|visited) (?:the )?{event}",
    hint: ["attended", "attends", "attend", "attending", "present", "took", "watched", "visited"],
    make: link("attended", 1, 2),
    examples: [{ text: "Narendra Modi attended the G20 summit in Rio de Janeiro.", expect: ["Narendra Modi", "attended", "G20 summit"] }],
    counterexamples: ["Narendra Modi skipped the G20 summit in Rio de Janeiro."],
  },
];
