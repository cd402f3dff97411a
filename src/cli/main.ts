#!/usr/bin/env node
// The `kg` command: parses the subcommand and hands over to its module; exit codes 0 ok, 1 not found, 2 bad input.
import { KgError } from "../errors.js";
import { COMMANDS } from "./commands/index.js";
import { printError } from "./io.js";

const USAGE = `kg — build, explore and query knowledge graphs from news text

usage: kg <command> [options]

commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join("\n")}

Run \`kg <command> --help\` for the options of a command.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE + "\n");
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    const { GENERATOR } = await import("../version.js");
    process.stdout.write(GENERATOR + "\n");
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`kg: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  return (await command.load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    printError(err);
    process.exitCode = err instanceof KgError && (err.code === "UNKNOWN_ENTITY") ? 1 : 2;
  },
);
