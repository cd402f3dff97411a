// Conflict: states at war, troops deployed (with their number), and the states taking part in a war or agreement.
import { HINTS } from "./parts.js";
import { link, n, qty } from "./readings.js";
import type { NameRule, PatternRule } from "./types.js";

/** Where troops go: a state, its demonym, an institution, a place or an event. */
const DESTINATION = "{state|demonym|institution|place|event}";

export const WAR_RULES: PatternRule[] = [
  {
    // "Russia's aggression against Ukraine" (a war named "war against X" is an event; see the name rules)
    id: "at_war_with/state-s-war-on-state",
    relation: "at_war_with",
    confidence: 0.85,
    pattern: "{state|demonym} (?:'s )?(?:full-scale )?(?:war|invasion|aggression|offensive) (?:against|on|of|with) {state|demonym}",
    hint: ["war", "invasion", "aggression", "offensive"],
    make: link("at_war_with", 1, 2),
    examples: [{ text: "Russia's aggression against Ukraine has lasted three years.", expect: ["Russia", "at_war_with", "Ukraine"] }],
    counterexamples: ["Russia's complaint against Ukraine was dismissed."],
  },
  {
    // "X invaded Y", "Hamas fighters attacked Israel"
    id: "at_war_with/actor-attacked-state",
    relation: "at_war_with",
    confidence: 0.8,
    pattern:
      "{state|demonym|institution} (?:(?:fighters|forces|troops|militants|soldiers|gunmen) )?{auxiliaries}(?:invaded|attacked|invades|attacks|is fighting|was fighting|fought|went to war with|declared war on|is at war with|was at war with) (?:(?:northern|southern|eastern|western|central) )?{state|demonym}",
    hint: /\b(?:invad|attack|fighting|fought|war)/,
    make: link("at_war_with", 1, 2),
    examples: [
      { text: "Finland and Sweden joined NATO after Russia invaded Ukraine.", expect: ["Russia", "at_war_with", "Ukraine"] },
      { text: "Israeli troops invaded southern Lebanon in 2006.", expect: ["Israel", "at_war_with", "Lebanon"] },
    ],
    counterexamples: ["Russia warned Ukraine against the move."],
  },
  {
    id: "at_war_with/actors-at-war",
    relation: "at_war_with",
    confidence: 0.8,
    pattern:
      "{state|demonym|institution} and (?:the )?{state|demonym|institution} {auxiliaries}(?:at war|fighting each other|fighting one another|locked in (?:a )?war|fought (?:[a-z]+ ){0,2}wars?)\\b",
    hint: /\b(?:wars?|fighting)\b/,
    make: link("at_war_with", 1, 2),
    examples: [
      { text: "Israel and Hamas have been at war since October 2023.", expect: ["Israel", "at_war_with", "Hamas", { date: "2023-10" }] },
      { text: "India and Pakistan have fought three wars over Kashmir.", expect: ["India", "at_war_with", "Pakistan"] },
      { text: "Armenia and Azerbaijan were at war in 2020.", expect: ["Armenia", "at_war_with", "Azerbaijan"] },
    ],
    counterexamples: ["India and Pakistan have fought for the cup."],
  },
  {
    id: "at_war_with/war-between-states",
    relation: "at_war_with",
    confidence: 0.8,
    pattern: "(?:war|conflict|fighting|hostilities) between (?:the )?{state|demonym} and (?:the )?{state|demonym}",
    hint: /\bbetween\b/,
    make: link("at_war_with", 1, 2),
    examples: [{ text: "The war between Armenia and Azerbaijan ended in 2020.", expect: ["Armenia", "at_war_with", "Azerbaijan"] }],
    counterexamples: ["The trade between Armenia and Azerbaijan grew in 2020."],
  },
];

export const TROOP_RULES: PatternRule[] = [
  {
    // "X deployed troops to Y", "Moscow is sending more troops to Ukraine"
    id: "deploys_troops_to/state-sent-troops-to",
    relation: "deploys_troops_to",
    confidence: 0.85,
    pattern: `{state|demonym} {auxiliaries}(?:deployed|deploys|deploy|deploying|sent|sends|send|sending|dispatched|dispatches|dispatch|dispatching) (?:{approximately}({number}) )?(?:more |additional |some |its |their )?(?:({number}) )?{troops} (?:[a-z]+ ){0,3}?(?:to|into|in) (?:the )?${DESTINATION}`,
    hint: HINTS.troops,
    make: (m) => ({ source: n(m[1]), target: n(m[4]), relation: "deploys_troops_to", quantity: qty(m[2] ?? m[3]) }),
    examples: [
      { text: "Moscow is sending more troops to Ukraine.", expect: ["Russia", "deploys_troops_to", "Ukraine"] },
      { text: "North Korea has sent about 11,000 soldiers to Russia.", expect: ["North Korea", "deploys_troops_to", "Russia", { quantity: 11000 }] },
    ],
    counterexamples: ["North Korea has sent a letter to Russia."],
  },
  {
    // "15,000 North Korean troops have been sent": to the last destination or war the document named
    id: "deploys_troops_to/number-demonym-troops-sent",
    relation: "deploys_troops_to",
    confidence: 0.6,
    pattern: "{approximately}({number}) {demonym} {troops} {auxiliaries}(?:been )?(?:sent|deployed|dispatched)(?! to)",
    hint: HINTS.troops,
    make: (m) => ({ source: n(m[2]), target: -1, relation: "deploys_troops_to", quantity: qty(m[1]), contextTarget: "deployment" }),
    examples: [
      {
        text: "The war in Ukraine entered its third year.\n\nApproximately 15,000 North Korean troops have been sent.",
        expect: ["North Korea", "deploys_troops_to", "war in Ukraine", { quantity: 15000 }],
      },
    ],
    counterexamples: ["The war in Ukraine entered its third year.\n\nApproximately 15,000 North Korean troops have been trained."],
  },
  {
    id: "deploys_troops_to/demonym-troops-sent-to",
    relation: "deploys_troops_to",
    confidence: 0.75,
    pattern: `(?:{approximately}({number}) )?{demonym} {troops} (?:who (?:were |have been )?|that (?:were |have been )?|have been |had been |were |being )?(?:sent|deployed|dispatched) (?:to|into) (?:the )?${DESTINATION}`,
    hint: HINTS.troops,
    make: (m) => ({ source: n(m[2]), target: n(m[3]), relation: "deploys_troops_to", quantity: qty(m[1]) }),
    examples: [{ text: "Some 3,000 North Korean soldiers sent to Russia were killed or wounded.", expect: ["North Korea", "deploys_troops_to", "Russia", { quantity: 3000 }] }],
    counterexamples: ["North Korean soldiers returned to Russia."],
  },
  {
    id: "deploys_troops_to/state-troops-fighting-alongside",
    relation: "deploys_troops_to",
    confidence: 0.65,
    pattern:
      "{state|demonym} {troops} (?:[a-z]+ ){0,4}?(?:fighting|fought|fight|serving|deployed|stationed) (?:alongside|with|for|in support of) {state|demonym} (?:forces|troops|soldiers|army|military)",
    hint: HINTS.troops,
    make: link("deploys_troops_to", 1, 2),
    examples: [{ text: "North Korean soldiers are fighting alongside Russian forces in Kursk.", expect: ["North Korea", "deploys_troops_to", "Russia"] }],
    counterexamples: ["North Korean soldiers are fighting against Russian forces in Kursk."],
  },
];

export const PARTY_RULES: PatternRule[] = [
  {
    // "its troops have suffered casualties during the war in Ukraine", "its soldiers participating in the Ukraine conflict"
    id: "party_to/state-troops-in-event",
    relation: "party_to",
    confidence: 0.75,
    pattern:
      "{state|demonym} (?:'s )?(?:[a-z]+ ){0,2}?(?:troops|soldiers|forces|army|military|involvement|participation|role) (?:[^@]{0,80}? )?(?:during|in|into|to) (?:the )?(?:[a-z-]+ )?{event}",
    hint: ["troops", "soldiers", "forces", "army", "military", "involvement", "participation", "role"],
    make: link("party_to", 1, 2),
    examples: [{ text: "North Korea's troops have suffered casualties during the war in Ukraine.", expect: ["North Korea", "party_to", "war in Ukraine"] }],
    counterexamples: ["North Korea's diplomats spoke about the war in Ukraine."],
  },
  {
    id: "party_to/actor-joined-event-or-agreement",
    relation: "party_to",
    confidence: 0.75,
    pattern:
      "{state|demonym|institution} {auxiliaries}(?:joined|entered|fought in|took part in|participated in|is fighting in|intervened in|was involved in|signed|ratified|withdrew from|signed up to) (?:the )?{any}",
    hint: ["joined", "entered", "fought", "took", "participated", "fighting", "intervened", "involved", "signed", "ratified", "withdrew"],
    make: link("party_to", 1, 2),
    examples: [{ text: "Japan ratified the Paris Agreement in 2016.", expect: ["Japan", "party_to", "Paris Agreement", { date: "2016" }] }],
    counterexamples: ["Japan criticised the Paris Agreement in 2016."],
  },
];

/** Rules over the state inside a war's name (relations/index.ts). */
export const WAR_NAME_RULES: NameRule[] = [
  {
    id: "located_in/war-in-state",
    relation: "located_in",
    confidence: 0.7,
    reads: "a war named as in a state is located there: the war in Ukraine",
    examples: [{ text: "The war in Ukraine entered its third year.", expect: ["war in Ukraine", "located_in", "Ukraine"] }],
    counterexamples: ["Russia's war against Ukraine entered its third year."],
  },
  {
    id: "at_war_with/war-against-state",
    relation: "at_war_with",
    confidence: 0.85,
    reads: "the state whose war against, on or with another the text names, or that launched or waged it, is at war with it",
    examples: [
      { text: "Russia's war against Ukraine entered its third year.", expect: ["Russia", "at_war_with", "Ukraine"] },
      { text: "Russia launched a full-scale invasion of Ukraine in February 2022.", expect: ["Russia", "at_war_with", "Ukraine"] },
    ],
    counterexamples: ["The war in Ukraine entered its third year."],
  },
  {
    id: "party_to/sides-of-war",
    relation: "party_to",
    confidence: 0.8,
    reads: "both states of such a war are party to it",
    examples: [
      { text: "Russia's invasion of Ukraine began in 2022.", expect: [["Russia", "party_to", "invasion of Ukraine"], ["Ukraine", "party_to", "invasion of Ukraine"]] },
    ],
    counterexamples: [{ text: "The war in Ukraine entered its third year.", reject: ["Ukraine", "party_to", "war in Ukraine"] }],
  },
];
