/**
 * The web app's GraphQL client (urql). Pages load their data in `+page.ts` with SvelteKit's `fetch`, so the
 * first render happens on the server (that fetch calls /graphql in-process, with the visitor's cookies), and the
 * same documents run again from the browser when a page updates itself. Documents are typed by graphql-codegen
 * (src/lib/graphql/documents → generated/).
 */
import { error } from '@sveltejs/kit';
import {
  Client,
  cacheExchange,
  fetchExchange,
  type AnyVariables,
  type CombinedError,
  type TypedDocumentNode
} from '@urql/core';

/** /graphql rejects cookie-authenticated requests without it unless they are JSON (src/lib/server/security). */
const CSRF_HEADER = 'x-atlas-csrf';

export function createGraphqlClient(fetchFn: typeof fetch = fetch): Client {
  return new Client({
    url: '/graphql',
    fetch: fetchFn,
    preferGetMethod: false,
    // Visibility depends on who is signed in: never answer from a cache filled for another viewer.
    requestPolicy: 'network-only',
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: () => ({ headers: { [CSRF_HEADER]: '1' } })
  });
}

let browserClient: Client | undefined;
/** One client per browser tab, for queries a page runs after it has loaded (filters, pickers, graphs). */
export function graphqlClient(): Client {
  return (browserClient ??= createGraphqlClient());
}

/**
 * Throws SvelteKit's `error` for a failed API call, with the status the API answered (429 when rate limited, 503
 * when a store is down or the API unreachable), so the error page says what went wrong.
 */
export function failLoad(apiError: CombinedError | undefined): never {
  const response = apiError?.response as Response | undefined;
  const status = response?.status && response.status >= 400 ? response.status : apiError?.networkError ? 503 : 500;
  error(status, apiError?.message ?? 'The API returned no data');
}

/** Runs a query for a load function and returns its data, or fails the load (see failLoad). */
export async function loadQuery<Data, Variables extends AnyVariables>(
  fetchFn: typeof fetch,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables
): Promise<Data> {
  const result = await createGraphqlClient(fetchFn).query(document, variables).toPromise();
  if (result.error || !result.data) failLoad(result.error);
  return result.data;
}
