import type { PageServerLoad } from './$types';
import { packRows } from '$lib/components/dashboard/coverage';
import { parseDashboardFilters } from '$lib/components/dashboard/parse-filters';
import { loadFirstScreen } from './first-screen';

// The first screen only (decision 0052): filters, scope and the heatmap's drawn cells. The sections below it
// (map, gap list, grants, network figures) load when scrolled to, from ./part/[section].
export const load: PageServerLoad = async ({ fetch, url, locals, setHeaders }) => {
  // What the page shows depends on who asks (visibility level): never kept by shared caches.
  setHeaders({ 'cache-control': 'private, no-store' });
  const { filters, errors } = parseDashboardFilters(url.searchParams);
  const { data, funder, matrix, coverage, funderGrants, mapTheme } = await loadFirstScreen(
    fetch,
    locals.lang,
    filters,
    errors
  );
  return {
    filters,
    errors,
    funders: data.funders.nodes.map(({ slug, name }) => ({ slug, name })),
    funder: funder ? { slug: funder.slug, name: funder.name } : null,
    // The map's theme (checked against the themes), for its heading and embed link; its figures load with it.
    mapTheme: mapTheme ? { slug: mapTheme.slug, name: mapTheme.name } : null,
    // Only with a funder chosen: whether every one of its grants was read for the money figures.
    funderGrants: funderGrants
      ? { shown: funderGrants.grants.length, totalCount: funderGrants.totalCount, complete: funderGrants.complete }
      : null,
    // Null while the partnership graph (Neo4j) is unavailable: the page shows a notice instead of the heatmap.
    graph:
      matrix && coverage
        ? {
            matrix: {
              computedAt: matrix.computedAt,
              visibilityLevel: matrix.visibilityLevel,
              fromYear: matrix.fromYear,
              toYear: matrix.toYear,
              thinBelow: matrix.thinBelow
            },
            columns: coverage.columns,
            emptyCountries: coverage.emptyCountries,
            rows: packRows(coverage.rows(filters.expand))
          }
        : null
  };
};
