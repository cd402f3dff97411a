// `kg eval` (being written).
import type { Command } from "../command.js";

export const evalCommand: Command = {
  summary: "eval (not yet available)",
  async run() {
    process.stderr.write("kg eval: not yet available\n");
    return 2;
  },
};
