// The shape of a `kg` subcommand.

export interface Command {
  /** One line for `kg --help`. */
  summary: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: string[]): Promise<number>;
}
