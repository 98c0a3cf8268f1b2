/**
 * Pages that show graph data beside PostgreSQL data (an organisation's partners and recommendations, the coalition
 * builder) render what they can while Neo4j is down: the API answers graph fields with a GRAPH_UNAVAILABLE error
 * (null for the field; src/lib/server/platform/neo4j.ts) and the page shows a notice instead of failing as a whole.
 */
import type { AnyVariables, CombinedError, TypedDocumentNode } from '@urql/core';
import { createGraphqlClient, failLoad } from './client';

export const GRAPH_UNAVAILABLE = 'GRAPH_UNAVAILABLE';

/** True when the API answered and every error it gave is "the graph is temporarily unavailable". */
export function onlyGraphUnavailable(apiError: CombinedError | undefined): boolean {
  const errors = apiError?.graphQLErrors ?? [];
  return !apiError?.networkError && errors.length > 0 && errors.every((e) => e.extensions?.code === GRAPH_UNAVAILABLE);
}

/**
 * Like loadQuery, but a graph outage is not the page's error: it returns what data there is (null when the graph
 * field was the query's root) and `graphUnavailable: true`. Any other failure fails the load as before.
 */
export async function loadQueryTolerantOfGraph<Data, Variables extends AnyVariables>(
  fetchFn: typeof fetch,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables
): Promise<{ data: Data | null; graphUnavailable: boolean }> {
  const result = await createGraphqlClient(fetchFn).query(document, variables).toPromise();
  if (onlyGraphUnavailable(result.error)) return { data: result.data ?? null, graphUnavailable: true };
  if (result.error || !result.data) failLoad(result.error);
  return { data: result.data, graphUnavailable: false };
}
