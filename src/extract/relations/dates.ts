// Explicit dates in a sentence ("in October 2024", "on 12 March 2023", "in 2023") as ISO 8601 prefixes.
import { MONTH_NAMES as MONTHS } from "../lexicon.js";

const MONTH = `(${MONTHS.map((m) => `${m[0].toUpperCase()}${m.slice(1)}`).join("|")}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?`;
const YEAR = "((?:19|20)\\d\\d)";
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  // commas may stand apart: relation patterns read sentences with their tokens spaced ("October 7 , 2023")
  [new RegExp(`\\b(\\d{1,2}) ${MONTH} ?,? ${YEAR}\\b`, "g"), (m) => iso(m[3], m[2], m[1])],
  [new RegExp(`\\b${MONTH} (\\d{1,2}) ?,? ${YEAR}\\b`, "g"), (m) => iso(m[3], m[1], m[2])],
  [new RegExp(`\\b${MONTH} ?,? ${YEAR}\\b`, "g"), (m) => iso(m[2], m[1])],
  [new RegExp(`\\b(?:in|since|by|during|until|from|to|through|early|late|mid-)\\s?${YEAR}\\b`, "g"), (m) => m[1]],
];

function iso(year: string, month: string, day?: string): string {
  const i = MONTHS.findIndex((x) => x.startsWith(month.toLowerCase().replace(/\.$/, "").slice(0, 3)));
  const mm = String(i + 1).padStart(2, "0");
  if (!day) return `${year}-${mm}`;
  const d = Number(day);
  return d >= 1 && d <= 31 ? `${year}-${mm}-${String(d).padStart(2, "0")}` : `${year}-${mm}`;
}

/** The one explicit date a sentence gives, most precise form first; none when it gives several or none. */
export function sentenceDate(text: string): string | undefined {
  const found = new Set<string>();
  let covered = "";
  for (const [re, make] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = make(m);
      // a coarser form of a date already found ("October 2024" inside "12 October 2024") adds nothing
      if ([...found].some((f) => f.startsWith(value)) || covered.includes(`|${m.index}|`)) continue;
      found.add(value);
      covered += `|${m.index}|`;
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}
