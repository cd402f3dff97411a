// `kg serve` (being written).
import type { Command } from "../command.js";

export const serve: Command = {
  summary: "serve (not yet available)",
  async run() {
    process.stderr.write("kg serve: not yet available\n");
    return 2;
  },
};
