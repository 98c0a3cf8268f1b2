import type { RequestHandler } from './$types';
import { yoga } from '$lib/server/graphql/yoga';

// The client address feeds the per-IP rate limit of anonymous requests (src/lib/server/security).
const handle: RequestHandler = ({ request, locals, getClientAddress }) =>
  yoga.fetch(request, { viewer: locals.viewer, clientAddress: getClientAddress() });

export const GET = handle;
export const POST = handle;
export const OPTIONS = handle;
