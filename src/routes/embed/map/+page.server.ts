import { anonymousFetch } from '$lib/embed/anonymous-fetch';
import { loadResultsMap } from '../../directory/map/load-results-map';
import type { PageServerLoad } from './$types';

/** The directory map of /directory/map, asked anonymously: public data only, whoever is signed in. */
export const load: PageServerLoad = async ({ fetch, url, locals }) => {
  return { ...(await loadResultsMap(anonymousFetch(fetch), url.searchParams, locals.lang)), lang: locals.lang };
};
