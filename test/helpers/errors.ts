// The KgError code a call throws, for tests of error paths.
import { KgError } from "../../src/errors.js";

/** The code of the KgError `fn` throws; undefined when it returns; a telling string for any other error. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof KgError ? err.code : `not a KgError: ${String(err)}`;
  }
  return undefined;
}
