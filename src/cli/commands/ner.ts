// `kg ner` (being written).
import type { Command } from "../command.js";

export const ner: Command = {
  summary: "ner (not yet available)",
  async run() {
    process.stderr.write("kg ner: not yet available\n");
    return 2;
  },
};
