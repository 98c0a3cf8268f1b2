/**
 * The dashboard's sections below the fold (decision 0052), each answering for the same URL filters as the page:
 * the map, the gap list, the grants table and the network figures (isolated organisations, brokers,
 * communities, density). The dashboard fetches a section's data when it is scrolled to (data.json); without
 * JavaScript its "show" link opens the section as a page of its own. As everywhere on the dashboard, every
 * request goes to the API as the viewer, so the API applies their visibility.
 */
import { loadQuery } from '$lib/graphql/client';
import {
  DashboardChoicesQuery,
  DashboardMatrixQuery,
  DashboardNetworkSectionQuery,
  DashboardQuery
} from '$lib/graphql/documents/dashboard';
import { loadQueryTolerantOfGraph } from '$lib/graphql/graph-unavailable';
import { Coverage } from '$lib/components/dashboard/coverage';
import type { DashboardFilters, FilterErrors } from '$lib/components/dashboard/filters';
import { moneyPerCell } from '$lib/components/dashboard/money';
import { europeMapShapes } from '$lib/server/maps/europe';
import { findFunder, grantYears } from './first-screen';
import { loadGrants, MAX_GRANT_PAGES } from './grants';
import { apiLanguage, loadMap } from './load-dashboard';
import type { DashboardSection } from './section-names';

/** Rows per page of the gap list and in the grants table; the CSV exports carry all of them. */
export const GAP_ROWS = 25;
export const GRANT_ROWS = 20;

export async function loadSection(
  section: DashboardSection,
  fetchFn: typeof fetch,
  locale: string,
  filters: DashboardFilters,
  errors: FilterErrors
) {
  const lang = apiLanguage(locale);
  switch (section) {
    case 'map':
      return { section, ...(await mapSection(fetchFn, lang, filters, errors)) };
    case 'gaps':
      return { section, ...(await gapsSection(fetchFn, lang, filters, errors)) };
    case 'grants':
      return { section, ...(await grantsSection(fetchFn, lang, filters, errors)) };
    case 'network':
      return { section, ...(await networkSection(fetchFn, lang)) };
  }
}

export type SectionData = Awaited<ReturnType<typeof loadSection>>;
export type MapSectionData = Extract<SectionData, { section: 'map' }>;
export type GapsSectionData = Extract<SectionData, { section: 'gaps' }>;
export type GrantsSectionData = Extract<SectionData, { section: 'grants' }>;
export type NetworkSectionData = Extract<SectionData, { section: 'network' }>;

type Lang = ReturnType<typeof apiLanguage>;

async function mapSection(fetchFn: typeof fetch, lang: Lang, filters: DashboardFilters, errors: FilterErrors) {
  const data = await loadQuery(fetchFn, DashboardQuery, { lang });
  const map = await loadMap(fetchFn, data, filters, errors);
  return {
    map: { theme: map.theme, figures: map.figures, themes: data.themes },
    // Zoomed to the countries in the data's scope (the directory's, at the viewer's visibility).
    shapes: europeMapShapes(map.scope)
  };
}

/** The whole matrix (every theme and sub-theme), which only the gap list needs, ranked and paged. */
async function gapsSection(fetchFn: typeof fetch, lang: Lang, filters: DashboardFilters, errors: FilterErrors) {
  const [choices, matrixResult] = await Promise.all([
    filters.funder ? loadQuery(fetchFn, DashboardChoicesQuery, { lang }) : Promise.resolve(null),
    loadQueryTolerantOfGraph(fetchFn, DashboardMatrixQuery, { lang, fromYear: filters.from, toYear: filters.to })
  ]);
  const funder = choices ? findFunder(choices.funders.nodes, filters, errors) : null;
  const data = matrixResult.data;
  const matrix = data?.coverageMatrix ?? null;
  if (!data || !matrix) return { graph: null };
  const grants = funder
    ? await loadGrants(fetchFn, lang, { ...grantYears(filters, matrix), funderIds: [funder.id] }, MAX_GRANT_PAGES)
    : null;
  const coverage = new Coverage({
    themes: data.themes,
    countries: data.countries,
    cells: matrix.cells,
    funderMoney: grants ? moneyPerCell(grants.grants) : null
  });
  const gaps = coverage.gaps(filters.gapSort, filters.gapDir);
  // A page past the end (the list shrank, or a hand-edited URL) shows the last page rather than nothing.
  const pages = Math.max(1, Math.ceil(gaps.length / GAP_ROWS));
  const page = Math.min(filters.gapPage, pages);
  return {
    graph: {
      computedAt: matrix.computedAt,
      thinBelow: matrix.thinBelow,
      gaps: gaps.slice((page - 1) * GAP_ROWS, page * GAP_ROWS),
      gapCount: gaps.length,
      gapPaging: { page, pages, first: (page - 1) * GAP_ROWS + 1 },
      // What "reach" in a gap's severity counts: the other countries in the gap scope (docs/decisions/0014).
      gapScopeOthers: Math.max(1, matrix.gapScope.length - 1)
    }
  };
}

async function grantsSection(fetchFn: typeof fetch, lang: Lang, filters: DashboardFilters, errors: FilterErrors) {
  const choices = filters.funder ? await loadQuery(fetchFn, DashboardChoicesQuery, { lang }) : null;
  const funder = choices ? findFunder(choices.funders.nodes, filters, errors) : null;
  // The page names the matrix's years in this section's URL, so the grants count the years the heatmap counts.
  const filter = { ...grantYears(filters, null), ...(funder ? { funderIds: [funder.id] } : {}) };
  // Without a funder the matrix already sums the money; one page is enough for the table.
  const grants = await loadGrants(fetchFn, lang, filter, funder ? MAX_GRANT_PAGES : 1);
  return {
    funder: funder ? { slug: funder.slug, name: funder.name } : null,
    grants: {
      rows: grants.grants.slice(0, GRANT_ROWS),
      totalCount: grants.totalCount,
      totals: grants.totals,
      complete: grants.complete
    }
  };
}

async function networkSection(fetchFn: typeof fetch, lang: Lang) {
  // Tolerant: while Neo4j is down the section shows a notice instead of failing.
  const { data } = await loadQueryTolerantOfGraph(fetchFn, DashboardNetworkSectionQuery, { lang });
  const isolated = data?.isolatedOrganizations;
  const brokers = data?.brokers;
  const communities = data?.communities;
  const density = data?.networkDensity;
  return { graph: isolated && brokers && communities && density ? { isolated, brokers, communities, density } : null };
}
