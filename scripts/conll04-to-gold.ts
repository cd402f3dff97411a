// Convert CoNLL04 (news sentences with people, organisations, locations and five relations) into gold folders.
//
//   npx tsx scripts/conll04-to-gold.ts --input .data/conll04-test.json --out .data/conll04-test
//
// The input is the JSON layout of the TablERT-CNN repository (tokens, BILOU `tags` over Peop/Org/Loc/Other,
// `relations` {head, tail, type} indexing the entities in text order). Each sentence becomes one document:
// texts/<slug>.txt and <slug>.gold.json in the format of test/fixtures/seed/gold.json, plus MANIFEST.tsv.
// Mapping into the vocabulary (the relation list is what a graph may say and be right):
//   Work_For    Peop → Org   works_for, official_of, leader_of, member_of   required
//   OrgBased_In Org → Loc    located_in, part_of                          required
//   Located_In  Loc → Loc    located_in, part_of, capital_of              required
//   Live_In     Peop → Loc   citizen_of, located_in                       optional (residence is not in the vocabulary)
//   Kill        Peop → Peop  anything                                     optional
// Entities: Peop person, Org institution, Loc place or state (both accepted), Other optional.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

interface Sentence {
  tokens: string[];
  tags: string[];
  relations: Array<{ head: number; tail: number; type: string }>;
  orig_id?: number;
}

const KINDS: Record<string, string[]> = { Peop: ["person"], Org: ["institution"], Loc: ["place", "state"], Other: ["event", "agreement", "institution", "place"] };
const RELATIONS: Record<string, { relation: string[]; required: boolean }> = {
  Work_For: { relation: ["works_for", "official_of", "leader_of", "member_of"], required: true },
  OrgBased_In: { relation: ["located_in", "part_of"], required: true },
  Located_In: { relation: ["located_in", "part_of", "capital_of"], required: true },
  Live_In: { relation: ["citizen_of", "located_in"], required: false },
};
const ANY = ["leader_of", "official_of", "works_for", "member_of", "citizen_of", "sibling_of", "spouse_of", "child_of", "met_with", "located_in", "capital_of", "part_of"];

/** Tokens joined as text: no space before closing punctuation and clitics, none after opening brackets and quotes. */
function detokenise(tokens: readonly string[]): { text: string; spans: Array<[number, number]> } {
  let text = "";
  const spans: Array<[number, number]> = [];
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].replace(/^-LRB-$/, "(").replace(/^-RRB-$/, ")").replace(/^``$/, '"').replace(/^''$/, '"');
    const glue = i === 0 || /^(?:[,.;:!?)\]%]|'s|'S|n't|'re|'ve|'ll|'d|'m)$/.test(t) || open || (t === "'" && i > 0);
    if (!glue) text += " ";
    open = t === "(" || t === "[" || t === "`" || t === "$";
    spans.push([text.length, text.length + t.length]);
    text += t;
  }
  return { text, spans };
}

function entitiesOf(tags: readonly string[]): Array<{ type: string; start: number; end: number }> {
  const out: Array<{ type: string; start: number; end: number }> = [];
  let start = -1;
  tags.forEach((tag, i) => {
    const [p, type] = tag === "O" ? ["O", ""] : [tag[0], tag.slice(2)];
    if (p === "U") out.push({ type, start: i, end: i + 1 });
    else if (p === "B") start = i;
    else if (p === "L" && start >= 0) {
      out.push({ type, start, end: i + 1 });
      start = -1;
    }
  });
  return out;
}

const slugify = (s: string) =>
  s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

function main(): void {
  const { values } = parseArgs({ options: { input: { type: "string" }, out: { type: "string" } } });
  if (!values.input || !values.out) throw new Error("conll04-to-gold: --input FILE.json and --out DIR are required");
  const data = JSON.parse(readFileSync(values.input, "utf8")) as Sentence[];
  mkdirSync(join(values.out, "texts"), { recursive: true });
  const manifest = ["slug\tindex\trequired_relations"];
  data.forEach((s, index) => {
    const { text, spans } = detokenise(s.tokens);
    const ents = entitiesOf(s.tags);
    const ids: string[] = [];
    const used = new Set<string>();
    const entities = ents.map((e) => {
      const name = text.slice(spans[e.start][0], spans[e.end - 1][1]);
      let id = slugify(name) || "entity";
      for (let k = 2; used.has(id); k++) id = `${slugify(name)}-${k}`;
      used.add(id);
      ids.push(id);
      return { id, kind: KINDS[e.type] ?? KINDS.Other, name, aliases: [] as string[], required: e.type !== "Other" };
    });
    const relations = s.relations.map((r) => {
      const map = RELATIONS[r.type];
      const required = !!map?.required && entities[r.head].required && entities[r.tail].required;
      return { source: ids[r.head], relation: map?.relation ?? ANY, target: ids[r.tail], required, evidence: text };
    });
    const slug = `conll04-${String(s.orig_id ?? index).padStart(4, "0")}-${slugify(text.split(" ").slice(0, 6).join(" "))}`;
    const gold = { document: `${slug}.txt`, about: `CoNLL04 sentence ${s.orig_id ?? index}, converted by scripts/conll04-to-gold.ts`, entities, relations };
    writeFileSync(join(values.out, "texts", `${slug}.txt`), text + "\n");
    writeFileSync(join(values.out, `${slug}.gold.json`), JSON.stringify(gold, null, 1) + "\n");
    manifest.push(`${slug}\t${index}\t${relations.filter((r) => r.required).length}`);
  });
  writeFileSync(join(values.out, "MANIFEST.tsv.tmp"), manifest.join("\n") + "\n");
  renameSync(join(values.out, "MANIFEST.tsv.tmp"), join(values.out, "MANIFEST.tsv"));
  console.log(`wrote ${data.length} documents to ${values.out}`);
}

main();
