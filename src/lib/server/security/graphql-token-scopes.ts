import { getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../graphql/context';

/**
 * READ tokens may query but not change anything: a mutation sent with one is refused before any resolver runs,
 * with one clear error (services also check, via requireWriter — this makes it impossible to forget).
 */
export function useTokenScopes(): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const viewer = (args.contextValue as GraphQLContext).viewer;
      if (viewer?.kind !== 'user' || !viewer.tokenScopes || viewer.tokenScopes.includes('write')) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError('This API token has the READ scope only: mutations need a token with the WRITE scope.', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } }
          })
        ]
      });
    }
  };
}
