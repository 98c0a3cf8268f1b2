import { createYoga } from 'graphql-yoga';
import { schema } from '../../../../schema/index';
import type { Viewer } from '../auth/viewer';
import { createContext, type GraphQLContext } from './context';

interface ServerContext {
  viewer: Viewer;
}

/** One yoga instance per process; the context (viewer, loaders) is built per request. */
export const yoga = createYoga<ServerContext, GraphQLContext>({
  schema,
  graphqlEndpoint: '/graphql',
  // GraphiQL opens when a browser asks for /graphql with Accept: text/html.
  graphiql: { title: 'Coalition Atlas API', defaultQuery: '{ apiVersion }' },
  landingPage: false,
  // Unexpected errors are masked; typed errors (GraphQLError) pass through with their message.
  maskedErrors: true,
  fetchAPI: { Response },
  context: ({ viewer }) => createContext(viewer)
});
