// XML 1.0 text helpers for the GEXF writer: escaping, dropping characters XML cannot carry, numbers.

/**
 * Characters XML 1.0 cannot carry at all, even as `&#…;` references: C0 controls other than tab,
 * LF and CR, U+FFFE, U+FFFF, and UTF-16 surrogates that are not part of a pair. They are dropped.
 */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Anything an attribute value cannot hold as is; a cheap first test so most strings skip the slow path. */
const ATTR_NEEDS_WORK = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** The same for element text, where tab and LF stay literal. */
const TEXT_NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Replacement of each code unit below 0x40 in attribute values: an entity, "" for a forbidden control,
 * undefined to keep it. Literal tab/LF/CR in an attribute become spaces when a parser normalises it,
 * so they are written as character references, which survive.
 */
const ATTR_TABLE = replacementTable({ 9: "&#9;", 10: "&#10;", 13: "&#13;" });
/** For element text: tab and LF literal, CR as a reference (parsers turn a literal CR into LF). */
const TEXT_TABLE = replacementTable({ 9: undefined, 10: undefined, 13: "&#13;" });

function replacementTable(whitespace: Record<number, string | undefined>): Array<string | undefined> {
  const table: Array<string | undefined> = new Array(0x40).fill(undefined);
  for (let c = 0; c < 0x20; c++) table[c] = c in whitespace ? whitespace[c] : "";
  table[0x26] = "&amp;";
  table[0x3c] = "&lt;";
  table[0x3e] = "&gt;";
  table[0x22] = "&quot;";
  table[0x27] = "&apos;";
  return table;
}

/** One pass over the string: entities from the table, forbidden characters dropped, surrogate pairs kept. */
function escapeWith(s: string, table: Array<string | undefined>): string {
  let out = "";
  let last = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x40) {
      rep = table[c];
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      rep = "";
    } else if (c >= 0xfffe) {
      rep = "";
    }
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Remove the characters XML 1.0 forbids (see INVALID_XML_CHARS); everything else is kept. */
export function stripInvalidXmlChars(s: string): string {
  return s.replace(INVALID_XML_CHARS, "");
}

/** Escape a string for a double- or single-quoted attribute value; forbidden characters are dropped. */
export function escapeXmlAttribute(s: string): string {
  return ATTR_NEEDS_WORK.test(s) ? escapeWith(s, ATTR_TABLE) : s;
}

/** Escape a string for element content (tab and LF stay literal); forbidden characters are dropped. */
export function escapeXmlText(s: string): string {
  return TEXT_NEEDS_WORK.test(s) ? escapeWith(s, TEXT_TABLE) : s;
}

/**
 * A finite number as XML Schema float/double text, or undefined for NaN and ±Infinity.
 * ECMAScript's shortest round-trip form (`0.1`, `15000`, `1e-7`, `1.5e+21`) is locale-free,
 * deterministic and valid xsd:float/xsd:double lexical space; integers never get a decimal point.
 */
export function formatNumber(n: number): string | undefined {
  let s = numberCache.get(n);
  if (s !== undefined) return s;
  if (!Number.isFinite(n)) return undefined;
  // The same text as String(n) for every finite number (JSON's number form is ToString), but String
  // puts each result in the engine's number-to-string cache, which keeps it alive long enough to be
  // moved to the old generation: 100,000 nodes' positions, sizes and pageranks left about 15 MB of
  // garbage there per export.
  s = JSON.stringify(n);
  // Weights and confidences repeat across hundreds of thousands of edges: each is formatted once.
  // Once the cache is full it stays as it is: clearing and refilling it would allocate a new table
  // each time, and positions and pageranks, which never repeat, would keep it churning.
  if (numberCache.size < NUMBER_CACHE_LIMIT) numberCache.set(n, s);
  return s;
}

const numberCache = new Map<number, string>();
/** Small enough that the table stays out of the engine's large-object space. */
const NUMBER_CACHE_LIMIT = 1 << 12;
