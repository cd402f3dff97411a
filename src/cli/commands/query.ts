// `kg query` (being written).
import type { Command } from "../command.js";

export const query: Command = {
  summary: "query (not yet available)",
  async run() {
    process.stderr.write("kg query: not yet available\n");
    return 2;
  },
};
