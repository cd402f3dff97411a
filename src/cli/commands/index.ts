// The registry of `kg` subcommands; each lives in its own file.
import type { Command } from "../command.js";
import { build } from "./build.js";
import { evalCommand } from "./eval.js";
import { ner } from "./ner.js";
import { query } from "./query.js";
import { serve } from "./serve.js";

export const COMMANDS: Readonly<Record<string, Command>> = {
  build,
  eval: evalCommand,
  ner,
  query,
  serve,
};
