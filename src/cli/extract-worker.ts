// A worker thread of `kg build --jobs N`: loads the tagger and the relation classifier once, then reads the documents it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { KgError } from "../errors.js";
import { readDocument, type SourceText } from "../pipeline/index.js";
import { loadExtractors, type ExtractorPaths } from "./extractors.js";

const { paths } = workerData as { paths?: ExtractorPaths };
const extractors = loadExtractors(paths);

parentPort!.on("message", (source: SourceText) => {
  try {
    parentPort!.postMessage({ ok: true, result: readDocument(source, extractors) });
  } catch (err) {
    const e = err as Partial<KgError> & Error;
    parentPort!.postMessage({ ok: false, error: { code: e.code ?? "STAGE_FAILED", message: e.message, where: e.where ?? source.id } });
  }
});
