import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { isOverMemoryLimit } from '../platform/graph-transaction';

/**
 * A GraphQLError thrown on purpose (bad input, a page too large …) carries a message meant for the client.
 * Recognised by name as well as by class: under Vite (dev server, Vitest) app code and graphql-yoga can load two
 * copies of graphql (index.mjs / index.js), and `instanceof` fails across them — which would mask every
 * deliberate error as "Unexpected error.".
 */
function isDeliberate(error: unknown): boolean {
  let current: unknown = error;
  while (current) {
    if (!(current instanceof Error) || !('extensions' in current) || !('path' in current)) return false;
    current = (current as { originalError?: unknown }).originalError;
  }
  return true;
}

/**
 * What the client sees of a resolver's error. Deliberate ones pass through with their message. A graph query that
 * needed more memory than Neo4j allows one transaction (a coalition over very broad themes and countries on a
 * large graph) is named as such, with a code a client can act on: narrow the request. Everything else is
 * "Unexpected error." for the client and the cause in the server log.
 */
export function maskResolverError(error: unknown, message: string, isDev?: boolean): Error {
  if (isDeliberate(error)) return error as Error;
  const cause = (error as { originalError?: unknown }).originalError ?? error;
  if (isOverMemoryLimit(cause)) {
    console.warn(`[graphql] request too large for one graph transaction: ${(cause as Error).message.split('\n')[0]}`);
    return new GraphQLError(
      'This request needs more memory than one graph query may use: ask for fewer themes, countries or ' +
        'organisations at a time.',
      { path: (error as { path?: readonly (string | number)[] }).path, extensions: { code: 'REQUEST_TOO_LARGE' } }
    );
  }
  console.error('[graphql] unexpected error:', cause);
  return maskError(error, message, isDev);
}
