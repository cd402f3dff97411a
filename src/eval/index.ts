// Evaluation against hand-made gold encodings.
export { Gold, GoldEntity, GoldRelation } from "./gold.js";
export { scoreGraph, formatReport, normName, type EvalReport, type ScorableGraph, type Prf } from "./score.js";
