/**
 * SvelteKit's `fetch` as a page's load gets it, for calling load functions in integration tests: requests to
 * /graphql go to the real route (yoga, the real stores) as an anonymous visitor's sub-request.
 */
import { POST as graphqlPost } from '../../src/routes/graphql/+server';
import { requestEvent } from './users';

export function pageFetch(): typeof fetch {
  return async (input, init) => {
    const request = new Request(
      new URL(String(input instanceof Request ? input.url : input), 'http://atlas.test'),
      init
    );
    if (new URL(request.url).pathname !== '/graphql')
      throw new Error(`pageFetch only serves /graphql, not ${request.url}`);
    return graphqlPost(requestEvent(request, { isSubRequest: true }) as never);
  };
}

/** What a load function threw via SvelteKit's error(): its status and body; fails when it returned instead. */
export async function loadError(run: () => Promise<unknown>): Promise<{ status: number; body: App.Error }> {
  try {
    await run();
  } catch (thrown) {
    const { status, body } = thrown as { status?: number; body?: App.Error };
    if (typeof status === 'number' && body) return { status, body };
    throw thrown;
  }
  throw new Error('expected the load to fail with an HTTP error');
}
