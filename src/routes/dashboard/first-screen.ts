/**
 * What the dashboard's first response carries (decision 0052): the filters, the scope line and the heatmap — the
 * part a visitor sees without scrolling. The heatmap asks the API only for the rows it draws (top-level themes
 * and the sub-themes of opened ones), not the whole matrix; everything below it (map, gap list, grants, network
 * figures) is a section of its own (sections.ts), loaded when scrolled to or opened as a page of its own.
 */
import { loadQuery } from '$lib/graphql/client';
import { DashboardChoicesQuery, DashboardHeatmapQuery } from '$lib/graphql/documents/dashboard';
import { loadQueryTolerantOfGraph } from '$lib/graphql/graph-unavailable';
import { Coverage } from '$lib/components/dashboard/coverage';
import { checkMapTheme, type DashboardFilters, type FilterErrors } from '$lib/components/dashboard/filters';
import { moneyPerCell } from '$lib/components/dashboard/money';
import { loadGrants, MAX_GRANT_PAGES } from './grants';
import { apiLanguage } from './load-dashboard';

export async function loadFirstScreen(
  fetchFn: typeof fetch,
  locale: string,
  filters: DashboardFilters,
  errors: FilterErrors
) {
  const lang = apiLanguage(locale);
  const data = await loadQuery(fetchFn, DashboardChoicesQuery, { lang });
  const funder = findFunder(data.funders.nodes, filters, errors);
  // The map loads later, but a bad map theme is named with the other bad filters at the top of the page.
  checkMapTheme(filters, errors, new Set(data.themes.flatMap((t) => [t.slug, ...t.children.map((c) => c.slug)])));
  // Drawn rows only: the top-level themes, and the sub-themes of those the URL opens.
  const open = new Set(filters.expand);
  const themes = data.themes.flatMap((t) => [t.slug, ...(open.has(t.slug) ? t.children.map((c) => c.slug) : [])]);
  const years = { fromYear: filters.from, toYear: filters.to };
  // Tolerant: while Neo4j is down this is null and the page shows its other parts with a notice.
  const heatmap = await loadQueryTolerantOfGraph(fetchFn, DashboardHeatmapQuery, { ...years, themes });
  const matrix = heatmap.data?.coverageMatrix ?? null;
  // A funder's money per cell needs its grants (the matrix sums every funder's), counted over the matrix's years.
  const funderGrants = funder
    ? await loadGrants(fetchFn, lang, { ...grantYears(filters, matrix), funderIds: [funder.id] }, MAX_GRANT_PAGES)
    : null;
  const coverage = matrix
    ? new Coverage({
        themes: data.themes,
        countries: data.countries,
        cells: matrix.cells,
        funderMoney: funder && funderGrants ? moneyPerCell(funderGrants.grants) : null
      })
    : null;
  const mapTheme = data.themes.flatMap((t) => [t, ...t.children]).find((t) => t.slug === filters.mapTheme) ?? null;
  return { lang, data, funder, matrix, coverage, funderGrants, mapTheme };
}

export function findFunder<F extends { slug: string }>(
  funders: readonly F[],
  filters: DashboardFilters,
  errors: FilterErrors
): F | null {
  const funder = filters.funder ? (funders.find((f) => f.slug === filters.funder) ?? null) : null;
  if (filters.funder && !funder) {
    errors.funder = { code: 'unknown_funder', message: `funder: "${filters.funder}" is not a funder in the directory` };
  }
  return funder;
}

/**
 * The years grants are counted for: the matrix's (the API's defaults filled in), so grants and matrix always
 * count the same years; without the matrix (graph down), the years the URL names, if any.
 */
export function grantYears(
  filters: DashboardFilters,
  matrix: { fromYear: number; toYear: number } | null
): { yearFrom?: number; yearTo?: number } {
  return matrix
    ? { yearFrom: matrix.fromYear, yearTo: matrix.toYear }
    : { ...(filters.from !== null && { yearFrom: filters.from }), ...(filters.to !== null && { yearTo: filters.to }) };
}
