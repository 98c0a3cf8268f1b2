/**
 * Loads what the dashboard and its CSV exports show, AS THE VIEWER: every request goes through SvelteKit's `fetch`
 * to /graphql with the visitor's cookies, so the API applies their visibility (public, members or admin level)
 * and the dashboard never re-filters. Shared by the page and the exports so both answer the same question.
 */
import { loadQuery } from '$lib/graphql/client';
import { DashboardGraphQuery, DashboardMapThemeQuery, DashboardQuery } from '$lib/graphql/documents/dashboard';
import { loadQueryTolerantOfGraph } from '$lib/graphql/graph-unavailable';
import type { Language } from '$lib/graphql/generated/graphql';
import { Coverage, type NamedCountry, type ThemeNode } from '$lib/components/dashboard/coverage';
import { checkMapTheme, type DashboardFilters, type FilterErrors } from '$lib/components/dashboard/filters';
import { mapFigures, type FacetCount } from '$lib/components/dashboard/map-figures';
import { moneyPerCell } from '$lib/components/dashboard/money';
import { loadGrants, MAX_GRANT_PAGES } from './grants';

export function apiLanguage(locale: string): Language {
  return locale === 'de' ? 'DE' : 'EN';
}

export async function loadDashboard(
  fetchFn: typeof fetch,
  locale: string,
  filters: DashboardFilters,
  errors: FilterErrors
) {
  const lang = apiLanguage(locale);
  const [data, graphResult] = await Promise.all([
    loadQuery(fetchFn, DashboardQuery, { lang }),
    // Tolerant: while Neo4j is down this is null and the page shows its PostgreSQL parts with a notice.
    loadQueryTolerantOfGraph(fetchFn, DashboardGraphQuery, { lang, fromYear: filters.from, toYear: filters.to })
  ]);
  const graph = graphResult.data;
  const funder = filters.funder ? (data.funders.nodes.find((f) => f.slug === filters.funder) ?? null) : null;
  if (filters.funder && !funder) {
    errors.funder = { code: 'unknown_funder', message: `funder: "${filters.funder}" is not a funder in the directory` };
  }
  const matrix = graph?.coverageMatrix ?? null;
  // The matrix's year range (the API's defaults filled in), so grants and matrix always count the same years;
  // without the matrix (graph down), the years the URL names, if any.
  const years = matrix
    ? { yearFrom: matrix.fromYear, yearTo: matrix.toYear }
    : { ...(filters.from !== null && { yearFrom: filters.from }), ...(filters.to !== null && { yearTo: filters.to }) };
  const grantFilter = { ...years, ...(funder ? { funderIds: [funder.id] } : {}) };
  // Without a funder the matrix already sums the money; one page is enough for the grants table.
  const [grants, map] = await Promise.all([
    loadGrants(fetchFn, lang, grantFilter, funder ? MAX_GRANT_PAGES : 1),
    loadMap(fetchFn, data, filters, errors)
  ]);
  const coverage = matrix
    ? new Coverage({
        themes: data.themes,
        countries: data.countries,
        cells: matrix.cells,
        funderMoney: funder ? moneyPerCell(grants.grants) : null
      })
    : null;
  return { lang, data, graph, funder, grants, grantFilter, coverage, map };
}

interface MapInput {
  themes: readonly ThemeNode[];
  countries: readonly NamedCountry[];
  mapAll: { facets: { countries: readonly FacetCount[] } };
}

/** The map's figures: distinct organisations per country in scope, on the chosen theme (checked first) or on any. */
export async function loadMap(fetchFn: typeof fetch, data: MapInput, filters: DashboardFilters, errors: FilterErrors) {
  const themes = data.themes.flatMap((t) => [t, ...t.children]);
  checkMapTheme(filters, errors, new Set(themes.map((t) => t.slug)));
  const theme = themes.find((t) => t.slug === filters.mapTheme) ?? null;
  const chosen = theme
    ? (await loadQuery(fetchFn, DashboardMapThemeQuery, { themes: [theme.slug] })).organizations.facets.countries
    : null;
  return {
    theme: theme ? { slug: theme.slug, name: theme.name } : null,
    ...mapFigures(data.countries, data.mapAll.facets.countries, chosen)
  };
}
