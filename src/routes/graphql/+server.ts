import type { RequestHandler } from './$types';
import { yoga } from '$lib/server/graphql/yoga';

const handle: RequestHandler = ({ request, locals }) => yoga.fetch(request, { viewer: locals.viewer });

export const GET = handle;
export const POST = handle;
export const OPTIONS = handle;
