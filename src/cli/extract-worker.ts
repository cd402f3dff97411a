// A worker thread of `kg build --jobs N`: loads the tagger once, then reads the documents it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { KgError } from "../errors.js";
import { tagDocument } from "../extract/ner/index.js";
import { readDocument, type SourceText } from "../pipeline/index.js";
import { loadNerModel } from "./ner-model.js";

const { modelPath } = workerData as { modelPath?: string };
const model = loadNerModel(modelPath);
const tagger = (sentences: string[][]) => tagDocument(model, sentences);

parentPort!.on("message", (source: SourceText) => {
  try {
    parentPort!.postMessage({ ok: true, result: readDocument(source, { tagger }) });
  } catch (err) {
    const e = err as Partial<KgError> & Error;
    parentPort!.postMessage({ ok: false, error: { code: e.code ?? "STAGE_FAILED", message: e.message, where: e.where ?? source.id } });
  }
});
