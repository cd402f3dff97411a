// Gazetteers derived from the world-countries package (names, demonyms, capitals, regions, languages) and matched over token sequences.
import countries from "world-countries/countries.json" with { type: "json" };

/** Category names used in gazetteer features. */
export type GazetteerCategory = "country" | "demonym" | "capital" | "region" | "language" | "currency";

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  region: string;
  subregion: string;
  languages?: Record<string, string>;
  currencies?: Record<string, { name: string }>;
  demonyms?: Record<string, { f: string; m: string }>;
}

/** A token-sequence dictionary: lowercase first token -> entries (token list and categories), longest first. */
export interface Gazetteer {
  readonly first: ReadonlyMap<string, ReadonlyArray<{ tokens: string[]; categories: string[] }>>;
}

const LATIN = /^[\p{Script=Latin}\p{N}\s.,'’()\-&]+$/u;

/** Split a gazetteer entry the way the CoNLL/PTB tokeniser splits text: punctuation apart, possessive 's apart. */
export function tokenizeEntry(entry: string): string[] {
  const out: string[] = [];
  for (const m of entry.match(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}.\-'’]*|[^\s\p{L}\p{M}\p{N}]/gu) ?? []) {
    const word = m.endsWith(".") && !/\.\p{L}/u.test(m) && m.length > 2 ? m.slice(0, -1) : m;
    if (/['’]s$/u.test(word) && word.length > 2) out.push(word.slice(0, -2), word.slice(-2));
    else out.push(word);
    if (word !== m) out.push(".");
  }
  return out;
}

function entriesOf(c: CountryRecord): Array<[string, GazetteerCategory]> {
  const out: Array<[string, GazetteerCategory]> = [];
  out.push([c.name.common, "country"], [c.name.official, "country"]);
  for (const a of c.altSpellings) if (a.length > 3) out.push([a, "country"]);
  for (const cap of c.capital ?? []) out.push([cap, "capital"]);
  if (c.region) out.push([c.region, "region"]);
  if (c.subregion) out.push([c.subregion, "region"]);
  for (const l of Object.values(c.languages ?? {})) out.push([l, "language"]);
  for (const cur of Object.values(c.currencies ?? {})) out.push([cur.name, "currency"]);
  const eng = c.demonyms?.eng;
  if (eng) out.push([eng.m, "demonym"], [eng.f, "demonym"]);
  return out;
}

/** Build the gazetteer from world-countries; entries are Latin-script only, keys lowercase, order deterministic. */
export function buildGazetteer(records: readonly CountryRecord[] = countries as unknown as CountryRecord[]): Gazetteer {
  const byKey = new Map<string, { tokens: string[]; categories: Set<string> }>();
  for (const c of records) {
    for (const [entry, category] of entriesOf(c)) {
      if (!entry || !LATIN.test(entry)) continue;
      const tokens = tokenizeEntry(entry).map((t) => t.toLowerCase());
      if (tokens.length === 0) continue;
      const key = tokens.join(" ");
      const found = byKey.get(key) ?? { tokens, categories: new Set<string>() };
      found.categories.add(category);
      byKey.set(key, found);
    }
  }
  const first = new Map<string, Array<{ tokens: string[]; categories: string[] }>>();
  for (const key of [...byKey.keys()].sort()) {
    const e = byKey.get(key)!;
    const list = first.get(e.tokens[0]) ?? [];
    list.push({ tokens: e.tokens, categories: [...e.categories].sort() });
    first.set(e.tokens[0], list);
  }
  for (const list of first.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { first };
}

const NONE: string[] = [];

/**
 * Gazetteer features per token: for the longest entry starting at each position, "category:B" on its first
 * token and "category:I" on the rest. `lower` holds the lowercased tokens of one sentence.
 */
export function matchGazetteer(gaz: Gazetteer, lower: readonly string[]): ReadonlyArray<readonly string[]> {
  const out: string[][] = lower.map(() => NONE);
  let i = 0;
  while (i < lower.length) {
    const list = gaz.first.get(lower[i]);
    let matched = 0;
    if (list) {
      for (const e of list) {
        if (i + e.tokens.length > lower.length) continue;
        let ok = true;
        for (let k = 1; k < e.tokens.length && ok; k++) ok = lower[i + k] === e.tokens[k];
        if (!ok) continue;
        matched = e.tokens.length;
        for (let k = 0; k < matched; k++) {
          if (out[i + k] === NONE) out[i + k] = [];
          for (const c of e.categories) out[i + k].push(`${c}:${k === 0 ? "B" : "I"}`);
        }
        break;
      }
    }
    i += Math.max(1, matched);
  }
  return out;
}
