import { createYoga } from 'graphql-yoga';
import { schema } from '../../../../schema/index';
import { createContext, type GraphQLContext } from './context';
import { apiCors } from '../security/cors';
import { useLocalGraphiQL } from '../security/graphiql';
import { apiProtectionPlugins } from '../security/graphql-plugins';
import type { ApiServerContext } from '../security/server-context';
import { yogaLogger } from './yoga-logger';
import { maskResolverError } from './mask-error';

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
  // Unexpected errors are masked; deliberate ones (GraphQLError) pass through with their message (mask-error.ts).
  // The client gets "Unexpected error."; the server log gets the cause.
  maskedErrors: { maskError: maskResolverError },
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
