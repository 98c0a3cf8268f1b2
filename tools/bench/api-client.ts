import type { GraphQLRequest } from './question';

/**
 * One POST to the GraphQL endpoint, the way any client sends it (JSON body, keep-alive connection from fetch's
 * pool); the `data` of the answer. An HTTP error or a GraphQL error fails the benchmark: timing an error
 * response would measure the wrong thing.
 */
export async function postGraphQL(endpoint: string, request: GraphQLRequest): Promise<unknown> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(request)
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: { message: string }[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`API answered ${response.status} with non-JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok || body.errors?.length) {
    const messages = body.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 200);
    throw new Error(`API answered ${response.status}: ${messages}`);
  }
  return body.data;
}
