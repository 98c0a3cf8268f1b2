/**
 * The dashboard's URL state: /dashboard?funder=&from=&to=&measure=&expand=&gapsort=&gapdir=&gappage=&region=&maptheme=. One parser for the
 * page and its CSV exports, so an export always answers the same question as the page it was linked from.
 * Bad values never reach the API: each one becomes an error naming its field, and that filter falls back to its
 * default (the page still renders, with the error beside the field) — the parser is parse-filters.ts, kept apart
 * so that zod stays out of the page's JavaScript (decision 0052).
 */
import type { Region } from './regions';

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
