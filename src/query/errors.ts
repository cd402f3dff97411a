// Query errors that carry data beyond a code: name suggestions, and the position in a pattern.
import { KgError } from "../errors.js";

/** KgError("UNKNOWN_ENTITY") with the nearest names, nearest first. */
export class UnknownEntityError extends KgError {
  readonly suggestions: string[];

  constructor(message: string, suggestions: string[]) {
    super("UNKNOWN_ENTITY", message);
    this.suggestions = suggestions;
  }
}

/** KgError("INVALID_PATTERN") with the 0-based character position where parsing failed. */
export class PatternError extends KgError {
  readonly position: number;
  readonly expected: string;
  readonly found: string;

  constructor(position: number, expected: string, found: string) {
    super("INVALID_PATTERN", `match: at ${position}, expected ${expected} but found ${found}`, { where: `pattern:${position}` });
    this.position = position;
    this.expected = expected;
    this.found = found;
  }
}
