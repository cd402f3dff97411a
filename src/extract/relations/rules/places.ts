// Places: a place in a state or place (possessives, commas, "in"), capitals, parts, and institutions and events in a place.
import { link, n } from "./readings.js";
import type { PatternRule } from "./types.js";

/** A copula or a comma between a place and what it is: "Tokyo is Japan's capital", "Kyiv, the Ukrainian capital". */
const IS_OR_COMMA = "(?:, |{auxiliaries}(?:is|was|remains|became) )";

export const PLACE_RULES: PatternRule[] = [
  {
    // "Russia's Kursk region": place of a state or place
    id: "located_in/state-s-place",
    relation: "located_in",
    confidence: 0.85,
    pattern: "{state|place} 's (?:[a-z-]+ ){0,2}{place}",
    hint: / 's /,
    make: link("located_in", 2, 1),
    examples: [{ text: "Ukrainian forces advanced into Russia's Kursk region last August.", expect: ["Kursk region", "located_in", "Russia"] }],
    counterexamples: ["Russia's army shelled the Kursk region."],
  },
  {
    // "Kursk, Russia", "the Kursk region of Russia", "Kursk in western Russia"
    id: "located_in/place-comma-or-in-state",
    relation: "located_in",
    confidence: 0.7,
    pattern: "{place} (?:, {state|demonym}(?= [,.;)]|$)|(?:in (?:[a-z]+ )?|of )(?:the )?{state|demonym}(?! (?:and|or|,)))",
    make: (m) => ({ source: n(m[1]), target: n(m[2] ?? m[3]), relation: "located_in" }),
    examples: [
      { text: "Fighting continued in the Donetsk region of Ukraine.", expect: ["Donetsk region", "located_in", "Ukraine"] },
      { text: "The summit was held in Vladivostok, Russia.", expect: ["Vladivostok", "located_in", "Russia"] },
    ],
    counterexamples: ["Delegates flew from Vladivostok to Russia and China."],
  },
  {
    // "Pyongyang, North Korea's capital", "Kyiv, the Ukrainian capital,", "Tokyo is Japan's capital"
    id: "capital_of/place-is-state-s-capital",
    relation: "capital_of",
    confidence: 0.85,
    pattern: `{place} ${IS_OR_COMMA}(?:the |its )?{state|demonym} (?:'s )?capital(?: city)?(?= ?[,.;]|$)`,
    hint: /\bcapital\b/,
    make: link("capital_of", 1, 2),
    examples: [
      { text: "Kyiv, the Ukrainian capital, came under attack.", expect: ["Kyiv", "capital_of", "Ukraine"] },
      { text: "Tokyo is Japan's capital.", expect: ["Tokyo", "capital_of", "Japan"] },
      { text: "Seoul, the South Korean capital city, was quiet.", expect: ["Seoul", "capital_of", "South Korea"] },
    ],
    counterexamples: ["Kyiv, the Ukrainian capital's suburbs, came under attack."],
  },
  {
    id: "capital_of/place-is-capital-of-state",
    relation: "capital_of",
    confidence: 0.9,
    pattern: "{place} {auxiliaries}(?:is|was|remains|became) (?:the |its )?capital (?:city )?of (?:the )?{state|demonym}",
    hint: /\bcapital\b/,
    make: link("capital_of", 1, 2),
    examples: [{ text: "Warsaw is the capital of Poland.", expect: ["Warsaw", "capital_of", "Poland"] }],
    counterexamples: ["Warsaw is the largest city of Poland."],
  },
  {
    id: "capital_of/place-comma-capital-of-state",
    relation: "capital_of",
    confidence: 0.9,
    pattern: "{place} , (?:the |its )?capital (?:city )?of (?:the )?{state|demonym}",
    hint: /\bcapital\b/,
    make: link("capital_of", 1, 2),
    examples: [{ text: "Officials gathered in Pyongyang, the capital of North Korea, on Monday.", expect: ["Pyongyang", "capital_of", "North Korea"] }],
    counterexamples: ["Officials gathered in Pyongyang, the largest city of North Korea, on Monday."],
  },
  {
    id: "capital_of/state-s-capital-place",
    relation: "capital_of",
    confidence: 0.9,
    pattern: "{state|demonym} (?:'s )?capital (?:city )?,? {place}",
    hint: /\bcapital\b/,
    make: link("capital_of", 2, 1),
    examples: [{ text: "North Korea's capital, Pyongyang, hosted the parade.", expect: ["Pyongyang", "capital_of", "North Korea"] }],
    counterexamples: ["North Korea's largest city, Pyongyang, hosted the parade."],
  },
  {
    // "the GRU, a branch of the Russian armed forces' General Staff"
    id: "part_of/institution-unit-of-institution",
    relation: "part_of",
    confidence: 0.75,
    pattern:
      "{institution} (?:, )?(?:a |an |the )?(?:[a-z-]+ ){0,2}(?:unit|division|branch|subsidiary|department|wing|arm|agency|affiliate|part|body|directorate) of (?:the )?(?:{some state|demonym} (?:'s )?)?{institution}",
    hint: / of /,
    make: link("part_of", 1, 2),
    examples: [{ text: "The Wagner Group, a unit of the Defence Ministry, denied the report.", expect: ["Wagner Group", "part_of", "Defence Ministry"] }],
    counterexamples: ["The Wagner Group, a rival of the Defence Ministry, denied the report."],
  },
  {
    // "Crimea, part of Ukraine"
    id: "part_of/place-part-of-state",
    relation: "part_of",
    confidence: 0.75,
    pattern: "{place} , (?:(?:a|an|the|now|still|legally|internationally recognised as|internationally recognized as) )*part of {state|place}",
    hint: /\bpart of\b/,
    make: link("part_of", 1, 2),
    examples: [{ text: "Russia annexed Crimea, internationally recognised as part of Ukraine, in 2014.", expect: ["Crimea", "part_of", "Ukraine"] }],
    counterexamples: ["Russia annexed Crimea, a region claimed by Ukraine, in 2014."],
  },
  {
    // "Istanbul, the largest city in Turkey", "Mariupol, a port city in Ukraine"
    id: "located_in/place-city-in-state",
    relation: "located_in",
    confidence: 0.75,
    pattern: "{place} , (?:the |a |an )?(?:[a-z-]+ ){0,3}(?:city|town|port|village|region|province|district|capital|island|base) (?:in|of) (?:the )?{state|place}",
    hint: / (?:in|of) /,
    make: link("located_in", 1, 2),
    examples: [
      { text: "The talks took place in Istanbul, the largest city in Turkey.", expect: ["Istanbul", "located_in", "Türkiye"] },
      { text: "Fighting continued near Pokrovsk, a town in Ukraine's Donetsk region.", expect: ["Pokrovsk", "located_in", "Ukraine"] },
    ],
    counterexamples: ["Fighting continued near Pokrovsk, a town that Ukraine defends."],
  },
  {
    // "the village of Robotyne in the Zaporizhzhia region": a settlement named as one, in a place
    id: "located_in/village-of-place-in-place",
    relation: "located_in",
    confidence: 0.75,
    pattern: "(?:village|town|city|settlement|hamlet|port|district) of {place} (?:, )?(?:in|near) (?:the )?(?:[a-z]+ )?{place}",
    hint: /\b(?:village|town|city|settlement|hamlet|port|district) of\b/,
    make: link("located_in", 1, 2),
    examples: [{ text: "Ukrainian forces recaptured the village of Robotyne in the Zaporizhzhia region.", expect: ["Robotyne", "located_in", "Zaporizhzhia region"] }],
    counterexamples: ["Ukrainian forces recaptured the village of Robotyne and the Zaporizhzhia region."],
  },
  {
    // "Bakhmut, in eastern Ukraine's Donetsk region"
    id: "located_in/place-in-state-s-place",
    relation: "located_in",
    confidence: 0.75,
    pattern: "{place} , in (?:the )?(?:[a-z-]+ )?{state|place} 's (?:[a-z-]+ ){0,2}{place}",
    hint: / 's /,
    make: link("located_in", 1, 3),
    examples: [{ text: "Fighting continued near Bakhmut, in eastern Ukraine's Donetsk region.", expect: ["Bakhmut", "located_in", "Donetsk region"] }],
    counterexamples: ["Fighting continued near Bakhmut, and eastern Ukraine's Donetsk region was shelled."],
  },
  {
    // "Kharkiv, Ukraine's second-largest city"
    id: "located_in/place-state-s-city",
    relation: "located_in",
    confidence: 0.75,
    pattern: "{place} , (?:the )?{state|place} 's (?:[a-z-]+ ){0,3}(?:city|town|port|village|region|province|district|island|base|oblast)\\b",
    hint: / 's /,
    make: link("located_in", 1, 2),
    examples: [{ text: "The strike hit Kharkiv, Ukraine's second-largest city.", expect: ["Kharkiv", "located_in", "Ukraine"] }],
    // a capital stays a capital
    counterexamples: ["Kyiv, Ukraine's capital, was shelled."],
  },
  {
    // "the Korea Herald in Seoul", "the Wilson Center in Washington"
    id: "located_in/institution-in-place",
    relation: "located_in",
    confidence: 0.6,
    pattern: "{institution}(?: ,)? (?:(?:based|headquartered|located) )?in {state|place}",
    make: link("located_in", 1, 2),
    examples: [{ text: "The Korea Herald, based in Seoul, reported the visit.", expect: ["Korea Herald", "located_in", "Seoul"] }],
    counterexamples: ["The Korea Herald reported from Seoul."],
  },
  {
    // "a summit held in Hanoi", "the G20 summit in Rio de Janeiro"
    id: "located_in/event-in-place",
    relation: "located_in",
    confidence: 0.6,
    pattern: "{event} (?:(?:held|took place|taking place|hosted) )?(?:in|at) (?:the )?{state|place}",
    make: link("located_in", 1, 2),
    examples: [{ text: "Narendra Modi attended the G20 summit in Rio de Janeiro.", expect: ["G20 summit", "located_in", "Rio de Janeiro"] }],
    counterexamples: ["Narendra Modi flew from the G20 summit to Rio de Janeiro."],
  },
];
