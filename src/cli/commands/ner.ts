// `kg ner`: tag a CoNLL file (appending a predicted IOB2 column) or list the entities of a plain-text file as JSON.
import { readFileSync } from "node:fs";
import { KgError } from "../../errors.js";
import { parseConll, tagDocument, writeConllTags } from "../../extract/ner/index.js";
import type { Command } from "../command.js";
import { parseCommandArgs } from "../io.js";
import { loadNerModel } from "../ner-model.js";
import { decodeSource } from "../sources.js";

const HELP = `usage: kg ner FILE.txt [--model PATH]
       kg ner --conll FILE [--model PATH]

  FILE.txt        print the entities of a text file (.md and .html are stripped of markup first)
                  as JSON: [{text, label, start, end, sentence}]
                  (UTF-16 offsets into the text, label PER, ORG, LOC or MISC)
  --conll FILE    read CoNLL columns (token first, blank lines between sentences, -DOCSTART- between
                  documents) and print every line with the predicted IOB2 tag appended as a last column
  --model PATH    a model file other than the shipped models/ner-en.json
`;

/** A file's text, decoded as `kg build` decodes sources: binary data and invalid UTF-8 are refused with the byte offset. */
function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new KgError("SOURCE_UNREADABLE", `kg ner: cannot read ${path}; check the path`, { cause: err, where: path });
  }
  return decodeSource(path, bytes);
}

export const ner: Command = {
  summary: "tag named entities (PER, ORG, LOC, MISC) in a text or CoNLL file",
  async run(argv) {
    const { values, positionals } = parseCommandArgs("ner", argv, {
      options: {
        conll: { type: "string" },
        model: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const oneInput = values.conll !== undefined ? positionals.length === 0 : positionals.length === 1;
    if (!oneInput) {
      throw new KgError("INVALID_ARGS", "kg ner: give either one text FILE or --conll FILE; see kg ner --help");
    }
    const model = loadNerModel(values.model);
    if (values.conll !== undefined) {
      const file = parseConll(readText(values.conll), values.conll);
      const predicted = file.documents.map((doc) => tagDocument(model, doc.map((s) => s.tokens)));
      process.stdout.write(writeConllTags(file, predicted));
      return 0;
    }
    // the text stage and its parsers (YAML, HTML) only for a text file: --conll needs neither
    const [{ entitiesOfDocument }, { documentFromSource }] = await Promise.all([import("../../extract/index.js"), import("../../text/index.js")]);
    const path = positionals[0];
    const entities = entitiesOfDocument(model, documentFromSource(path, readText(path)));
    process.stdout.write(JSON.stringify(entities, null, 2) + "\n");
    return 0;
  },
};
