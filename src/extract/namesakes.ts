// A sovereign state's name that is also a U.S. state's (Georgia): which one a document means, from its context.
import type { Document } from "../schema/index.js";
import { foldName, slugify } from "../text/index.js";
import type { Cand } from "./spans.js";
import { world } from "./world.js";

/** The U.S. states, for "Alabama, Georgia and Florida"-like lists and "Ohio and Georgia". */
const US_STATES = [
  "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Hawaii", "Idaho",
  "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
  "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
  "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina",
  "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
];

/** One sovereign state named like a U.S. state, and what tells the two apart in a document. */
interface Namesake {
  /** The state's label from the gazetteer. */
  state: string;
  /** The U.S. state's label: the name and which one it is, as a node of its own. */
  usLabel: string;
  /** Cities and regions of the sovereign state, and its people: "Batumi, Georgia" is the country. */
  ownPlaces: RegExp;
  /** Shapes that only the sovereign state takes. */
  stateCues: RegExp[];
  /** Shapes that only the U.S. state takes; `NAME` stands for the name. */
  usCues: RegExp[];
}

const NAME = "Georgia";
const STATES = US_STATES.filter((s) => s !== NAME).join("|");

const NAMESAKES: readonly Namesake[] = [
  {
    state: NAME,
    usLabel: "Georgia (U.S. state)",
    ownPlaces: /^(?:Tbilisi|Batumi|Kutaisi|Rustavi|Gori|Poti|Zugdidi|Telavi|Sukhumi|Tskhinvali|Abkhazia|Adjara|Ajaria|South Ossetia)$/,
    stateCues: [
      /\b(?:Tbilisi|Batumi|Kutaisi|Abkhazia|Abkhaz|Ossetia|Ossetian|Caucasus|Saakashvili|Shevardnadze|Ivanishvili|Gamsakhurdia|Adjara|Ajaria)\b/g,
      /\bformer Soviet (?:republics?|states?|Union)\b|\bSoviet republics?\b/g,
      /\bRussia(?:n)?[-–](?:Georgia|Georgian)\b|\bGeorgia[-–]Russia\b/g,
    ],
    usCues: [
      // a U.S. state beside it in a list: "Alabama, Georgia and Florida", "Georgia and South Carolina"
      new RegExp(`\\b(?:${STATES}),?\\s+(?:and\\s+|or\\s+)?Georgia\\b|\\bGeorgia,?\\s+(?:and\\s+|or\\s+)?(?:${STATES})\\b`, "g"),
      // its offices and institutions: "Governor of Georgia", "Senator from Georgia", "Georgia Rep."
      /\b(?:Governor|Gov\.|Senator|Sen\.|Representative|Rep\.|Congressman|Congresswoman|Attorney General|Lieutenant Governor|legislature|General Assembly|University|Secretary of State)\s+(?:of|from|for)\s+(?:the\s+state\s+of\s+)?Georgia\b/g,
      /\bGeorgia\s+(?:Rep\.|Sen\.|Gov\.|Governor|Senator|Congressman|Congresswoman|State Senate|House of Representatives|General Assembly|Supreme Court|Tech|State University|Bulldogs|Dome|Power|Department of)/g,
      /\b(?:the\s+|southeastern\s+|southern\s+|U\.S\.\s+)state\s+of\s+Georgia\b|\bGeorgia\s+state\s+(?:senator|representative|law|line|capitol)\b/g,
      /\b[RD]-Ga\.?|\bAtlanta\b|\bSavannah,\s+Georgia\b/g,
    ],
  },
];

/**
 * The sovereign state's name, read from its context: whether this document means the U.S. state. A
 * place named before it and a comma ("Americus, Georgia", "Cherokee County, Georgia") is a U.S. cue,
 * unless it is a place of the sovereign state ("Batumi, Georgia") or another sovereign state
 * ("Armenia, Georgia and Azerbaijan"); so is each of `usCues`, and each of `stateCues` is a cue for
 * the sovereign state. The U.S. state wins only with more cues.
 */
function meansUsState(text: string, n: Namesake): boolean {
  let us = 0;
  let state = 0;
  for (const re of n.stateCues) state += text.match(re)?.length ?? 0;
  for (const re of n.usCues) us += text.match(re)?.length ?? 0;
  for (const m of text.matchAll(new RegExp(`\\b(\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,2}),\\s+${n.state}\\b`, "gu"))) {
    // a U.S. state before it is counted as a list above; a sovereign state, its people or its capital
    // ("Russia, Georgia and Armenia") make it a list of states
    if (US_STATES.includes(m[1])) continue;
    if (n.ownPlaces.test(m[1]) || world().entries.has(foldName(m[1]))) state++;
    else us++;
  }
  return us > state;
}

/**
 * The gazetteer's reading of a name that a sovereign state shares with a U.S. state, corrected where
 * the document means the U.S. state: those candidates become the place `usLabel` (its own node, with
 * the name as its alias). Candidates of other states, and demonyms ("Georgian"), are left as they are.
 */
export function readNamesakes(doc: Document, cands: readonly Cand[]): Cand[] {
  let out: Cand[] | undefined;
  for (const n of NAMESAKES) {
    const named = (c: Cand) => c.source === "gazetteer:state" && c.label === n.state;
    if (!cands.some(named) || !meansUsState(doc.text, n)) continue;
    out = (out ?? [...cands]).map((c) =>
      named(c) ? { ...c, kind: "place" as const, source: "gazetteer:us-state", key: `place:${slugify(n.usLabel)}`, label: n.usLabel } : c,
    );
  }
  return out ?? [...cands];
}
