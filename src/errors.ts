// The one error type of kgraph: a code to match on, a message that names the place and a fix.

export type KgErrorCode =
  | "SOURCE_UNREADABLE"
  | "SOURCE_BINARY"
  | "SOURCE_ENCODING"
  | "SOURCES_EMPTY"
  | "SOURCES_MISSING"
  | "INVALID_ARGS"
  | "INVALID_GRAPH"
  | "GRAPH_MISSING"
  | "INVALID_GOLD"
  | "INVALID_MODEL"
  | "INVALID_CONLL"
  | "INVALID_PATTERN"
  | "INVALID_CORRECTIONS"
  | "UNKNOWN_ENTITY"
  | "STAGE_FAILED"
  | "PIPELINE_INVALID"
  | "WRITE_FAILED"
  | "STORE_BUSY"
  | "STORE_CORRUPT"
  | "STORE_VERSION"
  | "QUEUE_UNREACHABLE"
  | "INVARIANT";

/** An error with a stable `code`; tests match the code, never the message. */
export class KgError extends Error {
  readonly code: KgErrorCode;
  /** Where it happened, e.g. a file path, `file:line` or a JSON path. */
  readonly where?: string;

  constructor(code: KgErrorCode, message: string, options: { cause?: unknown; where?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "KgError";
    this.code = code;
    this.where = options.where;
  }
}

/** Format zod issues as one `path: message` line each. */
export function formatIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string[] {
  return issues.map((i) => `${i.path.length ? i.path.map(String).join(".") : "(root)"}: ${i.message}`);
}
