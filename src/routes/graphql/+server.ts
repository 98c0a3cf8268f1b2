import type { RequestHandler } from './$types';
import { yoga } from '$lib/server/graphql/yoga';

// The client address feeds the per-IP rate limit of anonymous requests (src/lib/server/security). A page's server
// load calling /graphql through SvelteKit's fetch is a sub-request of that page view, not a client request: it
// gets no address, so one page view with three queries does not spend three of the visitor's API requests.
const handle: RequestHandler = ({ request, locals, getClientAddress, isSubRequest }) =>
  yoga.fetch(request, { viewer: locals.viewer, clientAddress: isSubRequest ? undefined : getClientAddress() });

export const GET = handle;
export const POST = handle;
export const OPTIONS = handle;
