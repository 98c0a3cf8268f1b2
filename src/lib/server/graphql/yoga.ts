import { createYoga, maskError } from 'graphql-yoga';
import { schema } from '../../../../schema/index';
import { createContext, type GraphQLContext } from './context';
import { apiCors } from '../security/cors';
import { useLocalGraphiQL } from '../security/graphiql';
import { apiProtectionPlugins } from '../security/graphql-plugins';
import type { ApiServerContext } from '../security/server-context';
import { yogaLogger } from './yoga-logger';

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

/** One yoga instance per process; the context (viewer, loaders) is built per request. */
export const yoga = createYoga<ApiServerContext, GraphQLContext>({
  schema,
  graphqlEndpoint: '/graphql',
  // GraphiQL opens when a browser asks for /graphql with Accept: text/html — served from local assets with its
  // own CSP by useLocalGraphiQL below (yoga's built-in one loads from a CDN).
  graphiql: false,
  landingPage: false,
  // Plain lines: yoga's default logger writes ANSI colour codes even into log files.
  logging: yogaLogger(),
  // Unexpected errors are masked; deliberate ones (GraphQLError) pass through with their message.
  // The client gets "Unexpected error."; the server log gets the cause.
  maskedErrors: {
    maskError: (error, message, isDev) => {
      if (isDeliberate(error)) return error as Error;
      console.error('[graphql] unexpected error:', (error as { originalError?: unknown }).originalError ?? error);
      return maskError(error, message, isDev);
    }
  },
  fetchAPI: { Response },
  context: ({ viewer }) => createContext(viewer),
  // Security (src/lib/server/security, docs/decisions/0008): no credentialed CORS, rate limits, CSRF guard,
  // depth/cost/alias limits, token scopes, local GraphiQL.
  cors: apiCors,
  plugins: [
    ...apiProtectionPlugins(),
    useLocalGraphiQL({ title: 'Coalition Atlas API', defaultQuery: '{ apiVersion }', endpoint: '/graphql' })
  ]
});
