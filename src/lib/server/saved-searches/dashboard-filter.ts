import { dashboardSearch, type DashboardFilters } from '../../components/dashboard/filters';
import { parseDashboardFilters } from '../../components/dashboard/parse-filters';
import { regionCountries } from '../../components/dashboard/regions';
import type { OrganizationFilter } from '../directory/search-filter';
import type { FieldError } from '../validation/field-errors';
import type { SavedParams } from './directory-filter';

/**
 * A saved dashboard view is the dashboard's own URL state (decision 0043), read with the page's parser and written
 * back with its builder, on the gap list's first page (a page number is not part of what the view asks).
 */
export function canonicalDashboardParams(raw: string): SavedParams & { filters?: DashboardFilters } {
  const { filters, errors } = parseDashboardFilters(new URLSearchParams(raw.replace(/^\?/, '')));
  const fieldErrors = Object.entries(errors).map(([field, error]): FieldError => ({
    field: `params.${field}`,
    message: error.message.replace(/^\w+: /, '')
  }));
  if (fieldErrors.length > 0) return { ok: false, fieldErrors };
  return { ok: true, params: dashboardSearch(filters, { gapPage: 1 }).replace(/^\?/, ''), filters };
}

export interface DashboardScope {
  organizations: OrganizationFilter;
  /** Grants narrowed as the dashboard's money figures are: by funder and award year. */
  grants: { funderSlug: string | null; fromYear: number | null; toYear: number | null };
}

/**
 * What a dashboard alert announces: organisations on the map's theme in the heatmap's region (either left open
 * when the view does not choose one), and grants to such organisations from the view's funder in its years.
 */
export function dashboardScopeOf(params: string): DashboardScope {
  const { filters } = parseDashboardFilters(new URLSearchParams(params));
  return {
    organizations: {
      themes: filters.mapTheme ? [filters.mapTheme] : null,
      countries: filters.region ? [...regionCountries(filters.region)] : null
    },
    grants: { funderSlug: filters.funder, fromYear: filters.from, toYear: filters.to }
  };
}
