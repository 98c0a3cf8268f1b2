import type { YogaLogger } from 'graphql-yoga';

/**
 * graphql-yoga's own logger prefixes every line with ANSI colour codes (\x1b[33mWARN\x1b[0m) whether or not
 * anyone reads it on a terminal, which left escape codes in `npm start`'s log and in log files (issue 14,
 * finding 9). This one writes the same messages plainly, under the `[graphql]` tag the rest of the API logs use.
 * Debug lines only with DEBUG=1, as yoga's default.
 */
export function yogaLogger(env: Record<string, string | undefined> = process.env): YogaLogger {
  const noop = () => {};
  return {
    debug: env.DEBUG === '1' ? (...args: unknown[]) => console.debug('[graphql] debug:', ...args) : noop,
    info: (...args: unknown[]) => console.info('[graphql]', ...args),
    warn: (...args: unknown[]) => console.warn('[graphql] warning:', ...args),
    error: (...args: unknown[]) => console.error('[graphql] error:', ...args)
  };
}
