import { stripVTControlCharacters } from 'node:util';

/**
 * Whether a command may colour what it prints: only onto a terminal, and never when NO_COLOR is set to anything
 * non-empty (https://no-color.org). Redirected to a file or a pipe, the log must be plain text.
 */
export function colorAllowed(
  stream: { isTTY?: boolean } = process.stdout,
  env: Record<string, string | undefined> = process.env
): boolean {
  if (env.NO_COLOR) return false;
  return Boolean(stream.isTTY);
}

/** A line as it may be printed: escape codes (colours, cursor moves) removed unless colour is allowed. */
export function printable(line: string, color: boolean): string {
  return color ? line : stripVTControlCharacters(line);
}

/**
 * Environment for child processes whose output we relay: NO_COLOR when colour is not allowed. Not FORCE_COLOR=0
 * as well: Node warns on stderr when both are set.
 */
export function childColorEnv(color: boolean): Record<string, string> {
  return color ? {} : { NO_COLOR: '1' };
}
