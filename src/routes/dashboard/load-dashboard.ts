/**
 * Loads what the dashboard and its CSV exports show, AS THE VIEWER: every request goes through SvelteKit's `fetch`
 * to /graphql with the visitor's cookies, so the API applies their visibility (public, members or admin level)
 * and the dashboard never re-filters. Shared by the page and the exports so both answer the same question.
 */
import { loadQuery } from '$lib/graphql/client';
import { DashboardQuery } from '$lib/graphql/documents/dashboard';
import type { Language } from '$lib/graphql/generated/graphql';
import { Coverage } from '$lib/components/dashboard/coverage';
import type { DashboardFilters, FilterErrors } from '$lib/components/dashboard/filters';
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
  const data = await loadQuery(fetchFn, DashboardQuery, { lang, fromYear: filters.from, toYear: filters.to });
  const funder = filters.funder ? (data.funders.nodes.find((f) => f.slug === filters.funder) ?? null) : null;
  if (filters.funder && !funder) {
    errors.funder = { code: 'unknown_funder', message: `funder: "${filters.funder}" is not a funder in the directory` };
  }
  const matrix = data.coverageMatrix;
  // The matrix's year range (the API's defaults filled in), so grants and matrix always count the same years.
  const grantFilter = {
    yearFrom: matrix.fromYear,
    yearTo: matrix.toYear,
    ...(funder ? { funderIds: [funder.id] } : {})
  };
  // Without a funder the matrix already sums the money; one page is enough for the grants table.
  const grants = await loadGrants(fetchFn, lang, grantFilter, funder ? MAX_GRANT_PAGES : 1);
  const coverage = new Coverage({
    themes: data.themes,
    countries: data.countries,
    cells: matrix.cells,
    funderMoney: funder ? moneyPerCell(grants.grants) : null
  });
  return { lang, data, funder, grants, grantFilter, coverage };
}
