import { europeMapShapes } from '$lib/server/maps/europe';
import type { PageServerLoad } from './$types';
import { parseView } from '$lib/coalitions/coalition-params';
import { loadCoalitionState } from './load-coalition';

/**
 * A server load: the page must work without JavaScript anyway, the map's shapes are projected here (the browser
 * never loads geometry code), and SvelteKit forbids universal loads to read /graphql's response headers during
 * server rendering (urql reads Content-Type). /graphql is still asked through `fetch`, with the visitor's cookies.
 */
export const load: PageServerLoad = async ({ fetch, url, locals }) => {
  const state = await loadCoalitionState(fetch, url.searchParams, locals.lang);
  const view = state.proposal ? parseView(url.searchParams, state.proposal.alternatives.length) : 0;
  return { shapes: europeMapShapes(), ...state, view, lang: locals.lang };
};
