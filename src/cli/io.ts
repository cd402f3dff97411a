// Console helpers shared by the commands: error printing and argument parsing with clear messages.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { KgError } from "../errors.js";

/** Print an error as `kg: message` lines on stderr (KgError without a stack). */
export function printError(err: unknown): void {
  if (err instanceof KgError) {
    // messages that already name their command ("kg build: ...") are printed as they are
    process.stderr.write(/^kg[ :]/.test(err.message) ? `${err.message}\n` : `kg: ${err.message}\n`);
    if (process.env.KG_DEBUG && err.cause) process.stderr.write(`${String((err.cause as Error).stack ?? err.cause)}\n`);
  } else if (err instanceof Error) {
    process.stderr.write(`kg: ${err.stack ?? err.message}\n`);
  } else {
    process.stderr.write(`kg: ${String(err)}\n`);
  }
}

/** parseArgs that turns its TypeError into KgError("INVALID_ARGS") naming the command. */
export function parseCommandArgs<T extends ParseArgsConfig>(
  command: string,
  argv: string[],
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ ...config, args: argv, strict: true });
  } catch (err) {
    throw new KgError("INVALID_ARGS", `kg ${command}: ${(err as Error).message}; see kg ${command} --help`, { cause: err });
  }
}
