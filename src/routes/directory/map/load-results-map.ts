/**
 * The directory's current filter as a map of results, for the directory's map view (/directory/map, as the
 * visitor) and the embeddable map (/embed/map, anonymously): both pass their own `fetch`, so the API applies the
 * visibility of whoever it is asked as. The URL is the directory's (directory-params.ts), checked the same way.
 */
import { error } from '@sveltejs/kit';
import { createGraphqlClient, failLoad } from '$lib/graphql/client';
import { ResultsMapQuery } from '$lib/graphql/documents/open-data';
import { mapFigures } from '$lib/components/dashboard/map-figures';
import { europeMapShapes } from '$lib/server/maps/europe';
import { directoryHref, parseDirectoryParams, queryVariables } from '$lib/directory/directory-params';
import { rejectDirectoryParams } from '../param-error';
import { filterSearch } from '../export-link';

interface ApiFieldError {
  field: string;
  message: string;
}

export async function loadResultsMap(fetchFn: typeof fetch, params: URLSearchParams, lang: 'en' | 'de') {
  const parsed = parseDirectoryParams(params);
  if (parsed.problems.length > 0) rejectDirectoryParams(parsed.problems, parsed.state);
  // A map has no pages and no order.
  const state = { ...parsed.state, sort: null, after: null, before: null };
  const { filter } = queryVariables(state, lang);
  const result = await createGraphqlClient(fetchFn)
    .query(ResultsMapQuery, { filter, lang: lang === 'de' ? 'DE' : 'EN' })
    .toPromise();
  if (result.error || !result.data) {
    // An unknown theme or country the parser could not know about is the visitor's error, naming the field.
    const fieldErrors = (result.error?.graphQLErrors ?? []).flatMap(
      (e) => (e.extensions?.fieldErrors ?? []) as ApiFieldError[]
    );
    if (fieldErrors.length > 0) error(400, fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '));
    failLoad(result.error);
  }
  const { organizations, themes, countries } = result.data;
  const { figures, scope } = mapFigures(countries, organizations.facets.countries, null);
  const themeNames = new Map(themes.flatMap((t) => [t, ...t.children]).map((t) => [t.slug, t.name]));
  const countryNames = new Map(countries.map((c) => [c.code, c.name]));
  return {
    state,
    search: filterSearch(state),
    totalCount: organizations.totalCount,
    // What the filter names, in the page language, for the map's heading.
    filterTerms: [
      ...(state.query ? [`“${state.query}”`] : []),
      ...state.themes.map((slug) => themeNames.get(slug) ?? slug),
      ...state.countries.map((code) => countryNames.get(code) ?? code)
    ],
    figures,
    // Each country leads to the directory filtered to it, the search's other filters kept.
    countryHrefs: Object.fromEntries(
      figures.map(({ country }) => [country.code, directoryHref({ ...state, countries: [country.code] })])
    ),
    // Zoomed to where the results are; the whole of Europe when there are none.
    shapes: europeMapShapes(scope)
  };
}
