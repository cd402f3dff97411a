// `kg build` (being written).
import type { Command } from "../command.js";

export const build: Command = {
  summary: "build (not yet available)",
  async run() {
    process.stderr.write("kg build: not yet available\n");
    return 2;
  },
};
