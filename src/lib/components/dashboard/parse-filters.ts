/**
 * The dashboard's URL parser (the types, defaults and `dashboardSearch` are in filters.ts). A module of its own so
 * that zod, which only the server runs here, is not in the dashboard's JavaScript (decision 0052).
 */
import { z } from 'zod';
import { REGIONS } from './regions';
import {
  DEFAULT_FILTERS,
  GAP_SORTS,
  MAX_GAP_PAGE,
  MAX_YEAR,
  MEASURES,
  MIN_YEAR,
  type DashboardFilters,
  type FilterErrorCode,
  type FilterErrors,
  type FilterField
} from './filters';

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(120, 'is too long')
  .regex(/^[a-z0-9-]+$/, 'must be an organisation slug (lower-case letters, digits and hyphens)');

const themeSlug = z
  .string()
  .trim()
  .toLowerCase()
  .max(120, 'is too long')
  .regex(/^[a-z0-9-]+$/, 'must be a theme slug (lower-case letters, digits and hyphens)');

const year = z.coerce
  .number({ message: 'must be a year, e.g. 2022' })
  .int('must be a whole year, e.g. 2022')
  .min(MIN_YEAR, `must be ${MIN_YEAR} or later`)
  .max(MAX_YEAR, `must be ${MAX_YEAR} or earlier`);

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}

export function parseDashboardFilters(params: URLSearchParams): { filters: DashboardFilters; errors: FilterErrors } {
  const errors: FilterErrors = {};
  const filters: DashboardFilters = { ...DEFAULT_FILTERS, expand: [] };

  const take = <T>(field: FilterField, code: FilterErrorCode, raw: string | null, schema: z.ZodType<T>): T | null => {
    const value = blankToNull(raw);
    if (value === null) return null;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    errors[field] = { code, message: `${field}: ${result.error.issues[0]?.message ?? 'is not valid'}` };
    return null;
  };

  filters.funder = take('funder', 'slug', params.get('funder'), slug);
  filters.from = take('from', 'year', params.get('from'), year);
  filters.to = take('to', 'year', params.get('to'), year);
  if (filters.from !== null && filters.to !== null && filters.from > filters.to) {
    errors.to = { code: 'order', message: `to: must not be before from (${filters.from})` };
    filters.to = null;
  }
  const choice = <T extends string>(values: readonly [T, ...T[]]) =>
    z.enum(values, { message: `must be one of ${values.join(', ')}` });
  filters.measure = take('measure', 'choice', params.get('measure'), choice(MEASURES)) ?? DEFAULT_FILTERS.measure;
  filters.gapSort = take('gapsort', 'choice', params.get('gapsort'), choice(GAP_SORTS)) ?? DEFAULT_FILTERS.gapSort;
  filters.gapDir =
    take('gapdir', 'choice', params.get('gapdir'), choice(['asc', 'desc'] as const)) ?? DEFAULT_FILTERS.gapDir;

  filters.gapPage =
    take(
      'gappage',
      'page',
      params.get('gappage'),
      z.coerce
        .number({ message: 'must be a page number, e.g. 2' })
        .int('must be a whole page number, e.g. 2')
        .min(1, 'must be 1 or more')
        .max(MAX_GAP_PAGE, `must be ${MAX_GAP_PAGE} or less`)
    ) ?? DEFAULT_FILTERS.gapPage;

  filters.region = take('region', 'choice', params.get('region'), choice(REGIONS));
  // Only the form is checked here; whether the theme exists is checked against the API's themes (checkMapTheme).
  filters.mapTheme = take('maptheme', 'slug', params.get('maptheme'), themeSlug);

  const expand = new Set<string>();
  for (const raw of params.getAll('expand')) {
    const value = take('expand', 'slug', raw, slug);
    if (value) expand.add(value);
  }
  filters.expand = [...expand].slice(0, 30);
  return { filters, errors };
}
