// NER training text from corpora in the DocRED layout (Re-DocRED, DWIE): each document's text as the gold
// converters write it, tokenised and read as kg build reads it, its annotated mentions as CoNLL tags.
//
//   npx tsx scripts/ner-docred.ts --corpus redocred --input .data/redocred-dev.json \
//     --hold-out .data/redocred-dev-heldout/MANIFEST.tsv --out .data/ner/redocred-dev.conll
//   (npm run data:ner-docred writes both corpora, holding apart Re-DocRED's held-out part and DWIE's odd half)
//
// The text of every document comes from the converter's own detokenisation (shared/tools/redocred_to_gold.py,
// dwie_to_gold.py), so the tokens are the ones the tagger reads when kg eval builds that document. Documents
// listed in a --hold-out manifest (its doc_index column) are left out, so that what is measured on them
// stays out of sample. Mention types map onto CoNLL's: person, organisation and location as PER, ORG, LOC;
// Re-DocRED's MISC and DWIE's events, works, products and groups (misc, ethnicity, and "other" names such
// as demonyms) as MISC, and so is a location that the world gazetteer knows as a demonym; times, numbers, money and roles are no entity. A DWIE sentence that holds a byline or
// agency credit ("mz/msh (AP, AFP, dpa)") is left out: its names are annotated as one span, not as names.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { taggerInput } from "../src/extract/ner-entities.js";
import { world } from "../src/extract/world.js";
import { documentFromText, foldName } from "../src/text/index.js";

interface Mention {
  start: number;
  end: number;
  type: string;
}

interface Dumped {
  index: number;
  title: string;
  text: string;
  mentions: Mention[];
}

/** Python run with the converters importable: prints one JSON document per line. */
const DUMP = `
import json, sys
sys.path.insert(0, sys.argv[1]); sys.dont_write_bytecode = True
corpus, path = sys.argv[2], sys.argv[3]
docs = json.load(open(path, encoding="utf-8"))
if corpus == "dwie":
    import dwie_to_gold as conv
else:
    import redocred_to_gold as conv
for index, doc in enumerate(docs):
    mentions = []
    if corpus == "dwie":
        toks = doc["sents"][0] if len(doc["sents"]) == 1 else [t for s in doc["sents"] for t in s + ["\\n"]][:-1]
        text, _, spans, _ = conv.detokenise(toks)
        span_of = lambda m: [s for s in spans[m["pos"][0]:m["pos"][1]] if s[1] > s[0]]
    else:
        text, _, tok_spans = conv.detokenise(doc["sents"])
        span_of = lambda m: [s for s in tok_spans[m["sent_id"]][m["pos"][0]:m["pos"][1]] if s[1] > s[0]]
    for ent in doc["vertexSet"]:
        for m in ent:
            sp = span_of(m)
            if sp:
                mentions.append({"start": sp[0][0], "end": sp[-1][1], "type": m["type"]})
    print(json.dumps({"index": index, "title": doc["title"], "text": text, "mentions": mentions}, ensure_ascii=False))
`;

const TYPES: Record<string, Record<string, string>> = {
  redocred: { PER: "PER", ORG: "ORG", LOC: "LOC", MISC: "MISC" },
  dwie: {
    "type::person": "PER",
    "type::organization": "ORG",
    "type::location": "LOC",
    "type::event": "MISC",
    "type::misc": "MISC",
    "type::ethnicity": "MISC",
    "type::other": "MISC",
  },
};

/** A DWIE credit line: author initials, a slash, agency names in brackets; or "Author: ...". */
const CREDIT = /\/|\(|:/;

/** Document indices listed in the doc_index column of a gold folder's MANIFEST.tsv. */
function manifestIndices(path: string): Set<number> {
  const rows = readFileSync(path, "utf8").split("\n").filter(Boolean);
  const header = rows[0].split("\t");
  const col = header.indexOf("doc_index");
  if (col < 0) throw new Error(`ner-docred: ${path} has no doc_index column; is it a gold folder's MANIFEST.tsv?`);
  return new Set(rows.slice(1).map((r) => Number(r.split("\t")[col])));
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      corpus: { type: "string" },
      input: { type: "string" },
      out: { type: "string" },
      "hold-out": { type: "string", multiple: true, default: [] },
      tools: { type: "string", default: resolve("../shared/tools") },
    },
    strict: true,
  });
  const corpus = values.corpus ?? "";
  if (!TYPES[corpus] || !values.input || !values.out) {
    throw new Error("ner-docred: --corpus redocred|dwie, --input FILE.json and --out FILE.conll are required");
  }
  const held = new Set<number>();
  for (const m of values["hold-out"]) for (const i of manifestIndices(m)) held.add(i);
  const dumped = execFileSync("python3", ["-c", DUMP, values.tools, corpus, values.input], { encoding: "utf8", maxBuffer: 1 << 30 });
  const lines: string[] = [];
  let docs = 0;
  let tokens = 0;
  let names = 0;
  let droppedSentences = 0;
  for (const row of dumped.split("\n").filter(Boolean)) {
    const d = JSON.parse(row) as Dumped;
    if (held.has(d.index)) continue;
    const doc = documentFromText(`${d.title}.txt`, d.text);
    // longest mentions first; a mention overlapping one kept before is dropped
    const kept: Mention[] = [];
    const credits: Mention[] = [];
    for (const m of [...d.mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
      if (corpus === "dwie" && m.type === "type::other" && CREDIT.test(d.text.slice(m.start, m.end))) credits.push(m);
      const mapped = TYPES[corpus][m.type];
      // a demonym is MISC, as CoNLL-2003 has it ("German"), where Re-DocRED and DWIE may type it as a location
      const type = mapped === "LOC" && world().entries.get(foldName(d.text.slice(m.start, m.end)))?.type === "demonym" ? "MISC" : mapped;
      if (!type || kept.some((k) => k.start < m.end && m.start < k.end)) continue;
      kept.push({ ...m, type });
    }
    const words = taggerInput(doc);
    const bySentence: Array<Array<{ start: number; end: number }>> = doc.sentences.map(() => []);
    for (const t of doc.tokens) bySentence[t.sentence].push(t);
    lines.push("-DOCSTART- O", "");
    docs++;
    for (const s of doc.sentences) {
      const toks = bySentence[s.index];
      if (toks.length === 0) continue;
      if (credits.some((c) => c.start < s.end && s.start < c.end)) {
        droppedSentences++;
        continue;
      }
      let prev: Mention | undefined;
      toks.forEach((t, k) => {
        const m = kept.find((x) => x.start < t.end && t.start < x.end);
        const tag = m ? `${m === prev ? "I" : "B"}-${m.type}` : "O";
        if (m && m !== prev) names++;
        prev = m;
        lines.push(`${words[s.index][k]} ${tag}`);
        tokens++;
      });
      lines.push("");
    }
  }
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(`${values.out}.tmp`, lines.join("\n") + "\n");
  renameSync(`${values.out}.tmp`, values.out);
  process.stderr.write(
    `${values.out}: ${docs} documents (${held.size} held out), ${tokens} tokens, ${names} names` +
      (droppedSentences ? `, ${droppedSentences} credit sentences left out` : "") +
      "\n",
  );
}

main();
