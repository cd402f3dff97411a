// Entity types, the BILOU label set the tagger decides over, legal transitions, and IOB <-> span conversion.

export const ENTITY_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A half-open token range [start, end) labelled with an entity type. */
export interface TokenSpan {
  start: number;
  end: number;
  label: EntityType;
}

/** The 17 BILOU labels in a fixed order: O, then B/I/L/U for each type. */
export const BILOU_LABELS: readonly string[] = [
  "O",
  ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`]),
];

const TYPE_SET = new Set<string>(ENTITY_TYPES);

/** True for "O" and for B-/I- tags over the four types (IOB1 or IOB2). */
export function isIobTag(tag: string): boolean {
  if (tag === "O") return true;
  const dash = tag.indexOf("-");
  return dash === 1 && (tag[0] === "B" || tag[0] === "I") && TYPE_SET.has(tag.slice(2));
}

/**
 * Entity spans of an IOB1 or IOB2 tag sequence, with conlleval's chunk rules: a chunk starts at B-,
 * or at I- after O or after another type, and ends at O, B- or a change of type.
 */
export function spansFromTags(tags: readonly string[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let start = -1;
  let type = "";
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : "O";
    const prefix = tag === "O" ? "O" : tag[0];
    const t = tag === "O" ? "" : tag.slice(2);
    if (start >= 0 && (prefix === "O" || prefix === "B" || t !== type)) {
      out.push({ start, end: i, label: type as EntityType });
      start = -1;
      type = "";
    }
    if ((prefix === "B" || prefix === "I") && start < 0 && TYPE_SET.has(t)) {
      start = i;
      type = t;
    }
  }
  return out;
}

/** IOB2 tags ("B-PER", "I-PER", "O") of `length` tokens holding the given spans. */
export function iob2FromSpans(spans: readonly TokenSpan[], length: number): string[] {
  const tags = new Array<string>(length).fill("O");
  for (const s of spans) {
    const [begin, inside] = IOB2_TAGS[s.label];
    for (let i = s.start; i < s.end; i++) tags[i] = i === s.start ? begin : inside;
  }
  return tags;
}

const IOB2_TAGS = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [`B-${t}`, `I-${t}`]])) as Record<EntityType, [string, string]>;

/** BILOU label indices (into BILOU_LABELS) of `length` tokens holding the given spans. */
export function bilouFromSpans(spans: readonly TokenSpan[], length: number): number[] {
  const out = new Array<number>(length).fill(0);
  for (const s of spans) {
    const base = 1 + 4 * ENTITY_TYPES.indexOf(s.label);
    if (s.end - s.start === 1) {
      out[s.start] = base + 3;
      continue;
    }
    for (let i = s.start; i < s.end; i++) out[i] = base + (i === s.start ? 0 : i === s.end - 1 ? 2 : 1);
  }
  return out;
}

/** Entity spans of a BILOU label-index sequence (a well-formed one, as the decoder produces). */
export function spansFromBilou(labels: readonly number[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let start = -1;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l === 0) {
      start = -1;
      continue;
    }
    const kind = (l - 1) % 4;
    const label = ENTITY_TYPES[(l - 1) >> 2];
    if (kind === 3) out.push({ start: i, end: i + 1, label });
    else if (kind === 0) start = i;
    else if (kind === 2 && start >= 0) {
      out.push({ start, end: i + 1, label });
      start = -1;
    }
  }
  return out;
}

/** Entity type of a BILOU label index, or "O". */
export function typeOfLabel(label: number): string {
  return label === 0 ? "O" : ENTITY_TYPES[(label - 1) >> 2];
}

/**
 * allowed[prev][cur] for BILOU: after O, L or U only O, B or U may follow; after B-x or I-x only I-x or L-x.
 * Row 17 stands for "start of sentence"; `final` says which labels may end a sentence.
 */
export const START = BILOU_LABELS.length;
export const ALLOWED: readonly boolean[][] = Array.from({ length: BILOU_LABELS.length + 1 }, (_, prev) =>
  BILOU_LABELS.map((_, cur) => {
    const open = prev !== START && prev !== 0 && ((prev - 1) % 4 === 0 || (prev - 1) % 4 === 1);
    if (!open) return cur === 0 || (cur - 1) % 4 === 0 || (cur - 1) % 4 === 3;
    const sameType = cur !== 0 && (cur - 1) >> 2 === (prev - 1) >> 2;
    return sameType && ((cur - 1) % 4 === 1 || (cur - 1) % 4 === 2);
  }),
);
export const FINAL: readonly boolean[] = BILOU_LABELS.map((_, l) => l === 0 || (l - 1) % 4 >= 2);
