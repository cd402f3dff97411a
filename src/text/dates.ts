// Strict reading of one written date ("16 July 2024", "July 16, 2024 10:30 AM EDT", ISO 8601) as an ISO 8601 day or UTC time.
import { isCalendarDay } from "../schema/index.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const WEEKDAY = "(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\\.?,?\\s+)?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "(\\d{4})";

/** UTC offsets of the zone abbreviations news sites print; ambiguous ones ("ET", "IST") keep the day only. */
const ZONES: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, UT: 0,
  EDT: -4 * 60, EST: -5 * 60, CDT: -5 * 60, CST: -6 * 60, MDT: -6 * 60, MST: -7 * 60, PDT: -7 * 60, PST: -8 * 60,
  BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180, JST: 540, KST: 540, AEST: 600, AEDT: 660,
};

/** A time of day with an optional zone: "10:30", "10:30:15", "10:30 AM", "10.30 a.m. EDT", "10:30 +0200". */
const TIME = "(?:,?\\s*(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?\\s*([ap]\\.?m\\.?)?(?:\\s*\\(?([A-Z]{1,5}|[+-]\\d{2}:?\\d{2})\\)?)?)?";

/** Written forms, each anchored at the start of the text: what follows the date is not read. */
const FORMS: ReadonlyArray<{ re: RegExp; parts: (m: RegExpExecArray) => [string, string, string, number] }> = [
  // 2024-07-16, 2024-07-16T10:30:00Z, 2024-07-16 10:30:00+02:00, 2024/07/16 (year first is never ambiguous)
  {
    re: /^(\d{4})([-/.])(\d{2})\2(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?)?(?![\d])/i,
    parts: (m) => [m[1], m[3], m[4], 5],
  },
  // 16 July 2024, Tuesday 16th July, 2024, 16-Jul-2024
  { re: new RegExp(`^${WEEKDAY}${DAY}[\\s-]+${MONTH}[\\s,-]+${YEAR}(?!\\d)${TIME}`, "i"), parts: (m) => [m[3], m[2], m[1], 4] },
  // July 16, 2024; Tuesday, Jul. 16th 2024
  { re: new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}(?!\\d)${TIME}`, "i"), parts: (m) => [m[3], m[1], m[2], 4] },
  // 16/07/2024 or 07/16/2024: read only when one of the first two numbers cannot be a month
  { re: new RegExp(`^(\\d{1,2})([/.])(\\d{1,2})\\2${YEAR}(?!\\d)${TIME}`), parts: (m) => [m[4], m[1], m[3], 5] },
];

/**
 * Read the date a text starts with, strictly: the day must exist, a numeric day and month that could be
 * read either way (03/04/2024) are not guessed, a two-digit year is not read. A time with a known zone
 * gives `YYYY-MM-DDTHH:MM:SSZ` in UTC; a time without one, or with an ambiguous zone, keeps the day.
 */
export function parseDate(text: string): string | undefined {
  return readDate(text.trim())?.date;
}

/** The date `text` starts with (see parseDate) and where its written form ends. */
export function readDate(s: string): { date: string; end: number } | undefined {
  for (const form of FORMS) {
    const m = form.re.exec(s);
    if (!m) continue;
    const [y, mo, d, timeAt] = form.parts(m);
    const year = Number(y);
    let month = /^\d+$/.test(mo) ? Number(mo) : MONTHS.indexOf(mo.slice(0, 3).toLowerCase()) + 1;
    let day = Number(d);
    if (form === FORMS[3]) {
      // day and month are told apart only when one of them is over 12
      const [a, b] = [Number(d), Number(mo)];
      if (a > 12 && b <= 12) [day, month] = [a, b];
      else if (b > 12 && a <= 12) [day, month] = [b, a];
      else return undefined;
    }
    if (year < 1800 || year > 2199) return undefined;
    const iso = `${y}-${pad(month)}-${pad(day)}`;
    if (!isCalendarDay(iso)) return undefined;
    return { date: withTime(iso, m.slice(timeAt, timeAt + 5), form === FORMS[0]), end: m[0].length };
  }
  return undefined;
}

/** The day with its time in UTC when the zone is known, else the day alone. */
function withTime(iso: string, t: Array<string | undefined>, isoForm: boolean): string {
  const [hh, mm, ss, ampmOrZone, zoneText] = t;
  const ampm = isoForm ? undefined : ampmOrZone;
  const zone = isoForm ? ampmOrZone : zoneText;
  if (hh === undefined || mm === undefined || zone === undefined) return iso;
  let hour = Number(hh);
  const minute = Number(mm);
  const second = ss === undefined ? 0 : Number(ss);
  if (ampm) {
    if (hour < 1 || hour > 12) return iso;
    hour = (hour % 12) + (/^p/i.test(ampm) ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return iso;
  const offset = zoneOffset(zone);
  if (offset === undefined) return iso;
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), hour, minute - offset, second);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Minutes east of UTC of "Z", "+02:00", "-0400" or a known abbreviation. */
function zoneOffset(zone: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3]);
    return Number(m[2]) > 14 || Number(m[3]) > 59 ? undefined : m[1] === "-" ? -minutes : minutes;
  }
  return ZONES[zone.toUpperCase()];
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The day part of a document date (`YYYY-MM-DD`). */
export function dayOf(date: string): string {
  return date.slice(0, 10);
}
