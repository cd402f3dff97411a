// World knowledge from the world-countries package: sovereign states, their names, demonyms and capitals.
import worldCountries, { type Country } from "world-countries";
import { foldName } from "../text/index.js";

export interface StateInfo {
  /** ISO 3166-1 alpha-3 code. */
  code: string;
  /** The common English name, used as the entity label. */
  name: string;
  capitals: string[];
}

export type GazetteerEntry =
  | { type: "state"; state: StateInfo }
  | { type: "demonym"; state: StateInfo }
  | { type: "capital"; state: StateInfo; name: string }
  | { type: "seat"; state: StateInfo; name: string };

/**
 * Seats of government that news uses for their state ("the Kremlin said"). World knowledge, like the
 * capitals: the key is the seat's usual English name, the value the state's alpha-3 code.
 */
const GOVERNMENT_SEATS: ReadonlyArray<[string, string]> = [
  ["Kremlin", "RUS"],
  ["White House", "USA"],
  ["Downing Street", "GBR"],
  ["Élysée", "FRA"], // folds to "elysee", so the unaccented spelling matches too
  ["Zhongnanhai", "CHN"],
  ["Quai d'Orsay", "FRA"],
];

export interface World {
  /** Every known surface form, folded (see foldName), with what it names. */
  entries: ReadonlyMap<string, GazetteerEntry>;
  /** The longest surface form in tokens, to bound phrase matching. */
  maxTokens: number;
  /** Every word prefix of every surface form ("north", "north korea"), to stop a scan early. */
  prefixes: ReadonlySet<string>;
  byCode: ReadonlyMap<string, StateInfo>;
  /**
   * Two-letter initials of multi-word state names that world-countries also lists as alternative
   * spellings ("US", "UK", "NZ"), upper case. Too short to look up in any text (they collide with
   * words), they only tell which state a name the tagger already found is ("U.S.", "UK").
   */
  initials: ReadonlyMap<string, StateInfo>;
}

// world-countries is CommonJS: Node hands its array over as the default export; the typings say `.default`.
const countries: Country[] = Array.isArray(worldCountries)
  ? (worldCountries as Country[])
  : (worldCountries as unknown as { default: Country[] }).default;

let cached: World | undefined;

/** A formal state name and the short name inside it. */
const FORMAL_NAME = /^(?:Republic|Kingdom|State|Federation|Commonwealth|Principality|Grand Duchy|Sultanate|Emirate|Union) of (?:the )?(\S.*)$|^Great (\S.*)$/;

/** world-countries codes of the partially recognised states read as states (Kosovo's code there is UNK). */
const PARTIALLY_RECOGNISED = new Set(["TWN", "UNK", "PSE"]);

/** The gazetteer of sovereign states, built once from world-countries. */
export function world(): World {
  if (cached) return cached;
  const entries = new Map<string, GazetteerEntry>();
  const byCode = new Map<string, StateInfo>();
  const add = (form: string, entry: GazetteerEntry) => {
    const key = foldName(form);
    if (key.length < 2 || entries.has(key)) return;
    entries.set(key, entry);
  };
  // Sovereign states, then the partially recognised ones news reports as states, with presidents and
  // governments of their own (world-countries does not mark them independent): Taiwan, Kosovo, Palestine.
  const sovereign = [
    ...countries.filter((c) => c.independent === true),
    ...countries.filter((c) => c.independent !== true && PARTIALLY_RECOGNISED.has(c.cca3)),
  ];
  for (const c of sovereign) {
    byCode.set(c.cca3, { code: c.cca3, name: c.name.common, capitals: [...c.capital] });
  }
  // Names first (they win over demonyms and capitals that fold alike), then demonyms, then capitals.
  for (const c of sovereign) {
    const state = byCode.get(c.cca3)!;
    add(c.name.common, { type: "state", state });
    add(c.name.official, { type: "state", state });
    for (const alt of c.altSpellings) {
      // two-letter ISO codes ("IN", "TO") collide with words; keep alternative names and acronyms of 3+ letters
      if (alt.length < 3 || /,/.test(alt) || !/^[\p{Script=Latin}\s'.-]+$/u.test(alt)) continue;
      add(alt, { type: "state", state });
    }
  }
  // Short names inside formal ones: "Republic of Turkey" gives "Turkey", "Republic of Cabo Verde" gives
  // "Cabo Verde", "Great Britain" gives "Britain". A short name that is part of another state's name ("Republic of Korea": "Korea", part
  // of "North Korea") would be ambiguous and is left out.
  const commonNames = sovereign.map((c) => ` ${foldName(c.name.common)} `);
  for (const c of sovereign) {
    const state = byCode.get(c.cca3)!;
    for (const formal of [c.name.official, ...c.altSpellings]) {
      const m = FORMAL_NAME.exec(formal);
      const short = m?.[1] ?? m?.[2];
      if (!short || /,/.test(short)) continue;
      const key = ` ${foldName(short)} `;
      if (commonNames.some((n) => n !== ` ${foldName(c.name.common)} ` && n.includes(key))) continue;
      add(short, { type: "state", state });
    }
  }
  for (const c of sovereign) {
    const state = byCode.get(c.cca3)!;
    const d = c.demonyms?.eng;
    if (!d) continue;
    for (const form of new Set([d.m, d.f])) {
      if (!form) continue;
      add(form, { type: "demonym", state });
      add(form.endsWith("s") ? form : `${form}s`, { type: "demonym", state });
    }
  }
  // A plural name's singular is its adjective: "Philippines" gives "Philippine" ("Philippine President"),
  // "Netherlands" gives "Netherland"; added after everything else, so it never displaces a real name.
  for (const c of sovereign) {
    const name = c.name.common;
    if (/[^su]s$/.test(name) && !name.includes(" ")) add(name.slice(0, -1), { type: "demonym", state: byCode.get(c.cca3)! });
  }
  for (const c of sovereign) {
    const state = byCode.get(c.cca3)!;
    for (const cap of c.capital) add(cap, { type: "capital", state, name: cap });
  }
  for (const [name, code] of GOVERNMENT_SEATS) {
    const state = byCode.get(code);
    if (state) add(name, { type: "seat", state, name });
  }
  let maxTokens = 1;
  const prefixes = new Set<string>();
  for (const k of entries.keys()) {
    const words = k.split(" ");
    maxTokens = Math.max(maxTokens, words.length);
    for (let n = 1; n <= words.length; n++) prefixes.add(words.slice(0, n).join(" "));
  }
  const initials = new Map<string, StateInfo>();
  for (const c of sovereign) {
    const words = c.name.common.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    const init = words.map((w) => w[0]).join("");
    if (words.length >= 2 && init.length === 2 && c.altSpellings.includes(init)) initials.set(init, byCode.get(c.cca3)!);
  }
  cached = { entries, maxTokens, byCode, prefixes, initials };
  return cached;
}
