import type { LayoutServerLoad } from './$types';

// The language hooks.server.ts chose, for pages that format dates, numbers or query localised data.
export const load: LayoutServerLoad = ({ locals }) => ({ lang: locals.lang });
