import type { PageServerLoad } from './$types';
import type { Coverage } from '$lib/components/dashboard/coverage';
import { parseDashboardFilters, type DashboardFilters } from '$lib/components/dashboard/filters';
import type { DashboardGraphQuery } from '$lib/graphql/generated/graphql';
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
  const { data, graph, funder, grants, coverage, map } = await loadDashboard(fetch, locals.lang, filters, errors);
  return {
    filters,
    errors,
    funders: data.funders.nodes.map(({ slug, name }) => ({ slug, name })),
    funder: funder ? { slug: funder.slug, name: funder.name } : null,
    themes: data.themes.map((t) => ({ slug: t.slug, name: t.name, children: t.children.length })),
    grants: {
      rows: grants.grants.slice(0, GRANT_ROWS),
      totalCount: grants.totalCount,
      totals: grants.totals,
      complete: grants.complete
    },
    map: { theme: map.theme, figures: map.figures, themes: data.themes },
    // Zoomed to the countries in the data's scope (the directory's, at the viewer's visibility).
    shapes: europeMapShapes(map.scope),
    // Null while the partnership graph (Neo4j) is unavailable: the page shows a notice in those sections.
    graph: graph && coverage ? graphSections(graph, coverage, filters) : null
  };
};

/** The sections built on the partnership graph: heatmap, gap list, isolated, brokers, communities, density. */
function graphSections(graph: DashboardGraphQuery, coverage: Coverage, filters: DashboardFilters) {
  const matrix = graph.coverageMatrix;
  const gaps = coverage.gaps(filters.gapSort, filters.gapDir);
  // A page past the end (the list shrank, or a hand-edited URL) shows the last page rather than nothing.
  const gapPages = Math.max(1, Math.ceil(gaps.length / GAP_ROWS));
  const gapPage = Math.min(filters.gapPage, gapPages);
  return {
    matrix: {
      computedAt: matrix.computedAt,
      visibilityLevel: matrix.visibilityLevel,
      fromYear: matrix.fromYear,
      toYear: matrix.toYear,
      thinBelow: matrix.thinBelow
    },
    columns: coverage.columns,
    emptyCountries: coverage.emptyCountries,
    rows: coverage.rows(filters.expand),
    gaps: gaps.slice((gapPage - 1) * GAP_ROWS, gapPage * GAP_ROWS),
    gapCount: gaps.length,
    gapPaging: { page: gapPage, pages: gapPages, first: (gapPage - 1) * GAP_ROWS + 1 },
    // What "reach" in a gap's severity counts: the other countries in the gap scope (docs/decisions/0014).
    gapScopeOthers: Math.max(1, matrix.gapScope.length - 1),
    isolated: graph.isolatedOrganizations,
    brokers: graph.brokers,
    communities: graph.communities,
    density: graph.networkDensity
  };
}
