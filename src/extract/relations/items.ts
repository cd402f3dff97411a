// Lists of supplied things ("artillery shells, ballistic missiles, and large quantities of ammunition") and numbers.

const QUANTIFIERS =
  /^(?:(?:a|an|the|some|more|other|further|additional|several|many|various|large|huge|vast|small|significant|unspecified|unknown|new)\s+)*(?:(?:wide\s+)?(?:range|variety|number|amount|quantities|quantity|supply|supplies|shipments?|batch(?:es)?|lot|lots|array|host)\s+of\s+)?/i;

/** "more than 100 billion euros in aid", "$2bn worth of weapons": an amount of money, then what it buys. */
const MONEY_OF =
  /^(?:(?:more than|over|about|around|nearly|almost|up to|at least|some|another|an additional|a further)\s+)?[$€£]?\s?\d[\d.,]*\s*(?:(?:thousand|million|billion|trillion|bn|m)\s+)?(?:(?:us\s+)?(?:dollars|euros|pounds|yuan|roubles|rubles|yen)\s+)?(?:in|of|worth of)\s+/i;

/** "more than $1 billion": the approximation before an amount of money that is the item itself. */
const ABOUT_AN_AMOUNT = /^(?:more than|over|about|around|nearly|almost|up to|at least)\s+(?=[$€£]\s?\d|\d[\d.,]*\s*(?:thousand|million|billion|trillion|bn)?\s*(?:dollars|euros|pounds)\b)/i;

/** Split a noun-phrase list into clean items: determiners and "a wide range of" dropped, "including" opens a sub-list. */
export function parseItems(phrase: string): string[] {
  const cleaned = phrase
    .split(/\b(?:according to|which|while|because|but|after|before|despite|amid|as part of|said|says)\b/i)[0]
    .replace(/@[A-Z]\d+/g, " ")
    .replace(/([$€£]) (?=\d)/g, "$1")
    .replace(/\s+([,;])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  const out: string[] = [];
  for (const part of cleaned.split(/,|;|\band\b|\bas well as\b|\bincluding\b|\bsuch as\b|\bplus\b/i)) {
    let item = part.trim().replace(/^(?:and|or)\s+/i, "").replace(MONEY_OF, "").replace(ABOUT_AN_AMOUNT, "");
    for (let prev = ""; prev !== item; ) {
      prev = item;
      item = item.replace(QUANTIFIERS, "").trim();
    }
    item = item.replace(/\s+(?:in return|in exchange|so far|to date|since .*|last year|this year)$/i, "").replace(/[.:]+$/, "").trim();
    if (!item || !/\p{L}{3}/u.test(item) || item.split(" ").length > 5) continue;
    if (/^(?:it|them|those|these|this|that|which|what|return|exchange)$/i.test(item)) continue;
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** A number as written in news: "15,000", "4.7 million", "600". */
export function parseQuantity(text: string): number | undefined {
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion)?/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1].replace(/,/g, ""));
  if (!Number.isFinite(n)) return undefined;
  const scale = { thousand: 1e3, million: 1e6, billion: 1e9 }[(m[2] ?? "").toLowerCase() as "thousand"] ?? 1;
  return n * scale;
}
