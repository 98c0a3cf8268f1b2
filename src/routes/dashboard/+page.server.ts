import type { PageServerLoad } from './$types';
import { parseDashboardFilters } from '$lib/components/dashboard/filters';
import { europeMapShapes } from '$lib/server/maps/europe';
import { loadDashboard } from './load-dashboard';

/** Rows per page of the gap list and in the grants table; the CSV exports carry all of them. */
const GAP_ROWS = 25;
const GRANT_ROWS = 20;

// Computed here, on the server, so the page receives the few hundred cells it draws, not the whole matrix
// (every theme × every country, several thousand cells).
export const load: PageServerLoad = async ({ fetch, url, locals, setHeaders }) => {
  // What the page shows depends on who asks (visibility level): never kept by shared caches.
  setHeaders({ 'cache-control': 'private, no-store' });
  const { filters, errors } = parseDashboardFilters(url.searchParams);
  const { data, funder, grants, coverage, map } = await loadDashboard(fetch, locals.lang, filters, errors);
  const matrix = data.coverageMatrix;
  const gaps = coverage.gaps(filters.gapSort, filters.gapDir);
  // A page past the end (the list shrank, or a hand-edited URL) shows the last page rather than nothing.
  const gapPages = Math.max(1, Math.ceil(gaps.length / GAP_ROWS));
  const gapPage = Math.min(filters.gapPage, gapPages);
  return {
    filters,
    errors,
    funders: data.funders.nodes.map(({ slug, name }) => ({ slug, name })),
    funder: funder ? { slug: funder.slug, name: funder.name } : null,
    matrix: {
      computedAt: matrix.computedAt,
      visibilityLevel: matrix.visibilityLevel,
      fromYear: matrix.fromYear,
      toYear: matrix.toYear,
      thinBelow: matrix.thinBelow
    },
    themes: data.themes.map((t) => ({ slug: t.slug, name: t.name, children: t.children.length })),
    columns: coverage.columns,
    emptyCountries: coverage.emptyCountries,
    rows: coverage.rows(filters.expand),
    gaps: gaps.slice((gapPage - 1) * GAP_ROWS, gapPage * GAP_ROWS),
    gapCount: gaps.length,
    gapPaging: { page: gapPage, pages: gapPages, first: (gapPage - 1) * GAP_ROWS + 1 },
    // What "reach" in a gap's severity counts: the other countries in the gap scope (docs/decisions/0014).
    gapScopeOthers: Math.max(1, matrix.gapScope.length - 1),
    grants: {
      rows: grants.grants.slice(0, GRANT_ROWS),
      totalCount: grants.totalCount,
      totals: grants.totals,
      complete: grants.complete
    },
    isolated: data.isolatedOrganizations,
    brokers: data.brokers,
    communities: data.communities,
    density: data.networkDensity,
    map: { theme: map.theme, figures: map.figures, themes: data.themes },
    // Zoomed to the countries in the data's scope (the directory's, at the viewer's visibility).
    shapes: europeMapShapes(map.scope)
  };
};
