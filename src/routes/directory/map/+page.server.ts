import type { PageServerLoad } from './$types';
import { loadResultsMap } from './load-results-map';

/** A server load: the map's shapes are projected here (the browser never loads geometry code). As the visitor. */
export const load: PageServerLoad = async ({ fetch, url, locals, setHeaders }) => {
  // What the map counts depends on who asks (visibility): never kept by shared caches.
  setHeaders({ 'cache-control': 'private, no-store' });
  return { ...(await loadResultsMap(fetch, url.searchParams, locals.lang)), lang: locals.lang };
};
