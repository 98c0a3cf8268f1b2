/**
 * The dashboard's URL state: /dashboard?funder=&from=&to=&measure=&expand=&gapsort=&gapdir=&gappage=&region=&maptheme=. One parser for the
 * page and its CSV exports, so an export always answers the same question as the page it was linked from.
 * Bad values never reach the API: each one becomes an error naming its field, and that filter falls back to its
 * default (the page still renders, with the error beside the field).
 */
import { z } from 'zod';
import { REGIONS, type Region } from './regions';

export const MEASURES = ['organizations', 'ties', 'money'] as const;
export type Measure = (typeof MEASURES)[number];

/** `severity`: the API's gap ranking (docs/decisions/0014), most severe first when ascending. */
export const GAP_SORTS = ['severity', 'theme', 'country', 'gap', 'organizations', 'money'] as const;
export type GapSort = (typeof GAP_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

export interface DashboardFilters {
  /** Slug of the funder whose grants the money figures count; null = every funder. */
  funder: string | null;
  /** Grant award years, inclusive; null = the API's default range. */
  from: number | null;
  to: number | null;
  measure: Measure;
  /** Top-level themes whose sub-themes are shown as rows of their own. */
  expand: string[];
  gapSort: GapSort;
  gapDir: SortDirection;
  /** 1-based page of the gap list; the server clamps it to the last page. */
  gapPage: number;
  /** The heatmap's columns: one region's countries (fits a laptop screen); null = every country, grouped. */
  region: Region | null;
  /** The map's theme (slug): organisations working on it (or a sub-theme) per country; null = distinct organisations across all themes. */
  mapTheme: string | null;
}

export type FilterField =
  'funder' | 'from' | 'to' | 'measure' | 'expand' | 'gapsort' | 'gapdir' | 'gappage' | 'region' | 'maptheme';
/** What is wrong, as a code the page translates; `message` is the English text the CSV endpoints answer with. */
export type FilterErrorCode = 'slug' | 'year' | 'order' | 'choice' | 'unknown_funder' | 'page' | 'unknown_theme';
export interface FilterError {
  code: FilterErrorCode;
  message: string;
}
export type FilterErrors = Partial<Record<FilterField, FilterError>>;

export const DEFAULT_FILTERS: DashboardFilters = {
  funder: null,
  from: null,
  to: null,
  measure: 'organizations',
  expand: [],
  gapSort: 'severity',
  gapDir: 'asc',
  gapPage: 1,
  region: null,
  mapTheme: null
};

/** Pages beyond this are refused (the gap list has a few thousand rows at most). */
export const MAX_GAP_PAGE = 10_000;

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

/**
 * The query string for `filters` with `change` applied; default values are left out so URLs stay short.
 */
export function dashboardSearch(filters: DashboardFilters, change: Partial<DashboardFilters> = {}): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  if (next.funder) params.set('funder', next.funder);
  if (next.from !== null) params.set('from', String(next.from));
  if (next.to !== null) params.set('to', String(next.to));
  if (next.measure !== DEFAULT_FILTERS.measure) params.set('measure', next.measure);
  for (const slug of next.expand) params.append('expand', slug);
  if (next.gapSort !== DEFAULT_FILTERS.gapSort) params.set('gapsort', next.gapSort);
  if (next.gapDir !== DEFAULT_FILTERS.gapDir) params.set('gapdir', next.gapDir);
  if (next.gapPage !== DEFAULT_FILTERS.gapPage) params.set('gappage', String(next.gapPage));
  if (next.region) params.set('region', next.region);
  if (next.mapTheme) params.set('maptheme', next.mapTheme);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Drops a map theme the directory does not know (falling back to all themes) and says so beside the picker. */
export function checkMapTheme(filters: DashboardFilters, errors: FilterErrors, themeSlugs: ReadonlySet<string>): void {
  if (filters.mapTheme === null || themeSlugs.has(filters.mapTheme)) return;
  errors.maptheme = {
    code: 'unknown_theme',
    message: `maptheme: "${filters.mapTheme}" is not a theme in the directory`
  };
  filters.mapTheme = null;
}
