/**
 * The directory's state lives in its URL (shareable, and the back button restores it). This module is the one
 * place that reads and writes that URL: the facet <form> submits the same names, so the page works as plain HTML.
 *
 *   /directory?q=&theme=&country=&level=&type=&language=&sort=&after=|before=
 *
 * Facet values repeat (`theme=a&theme=b`). The languages facet is `language`, not `lang`: `?lang=` already
 * chooses the interface language everywhere (hooks.server.ts), so `lang=de` meaning "German-speaking
 * organisations" would also switch the page to German.
 */
import type {
  DirectoryPageQueryVariables,
  Language,
  OrganizationType,
  WorkLevel
} from '$lib/graphql/generated/graphql';
import { ORGANIZATION_TYPES, WORK_LEVELS } from '$lib/organization-vocabulary';

export const PAGE_SIZE = 20;
export const SORTS = ['relevance', 'name'] as const;
export type Sort = (typeof SORTS)[number];

/** URL parameter names, shared by the form fields, the links and the parser. */
export const PARAM = {
  query: 'q',
  themes: 'theme',
  countries: 'country',
  levels: 'level',
  types: 'type',
  languages: 'language',
  sort: 'sort',
  after: 'after',
  before: 'before'
} as const;

export type FacetKey = 'themes' | 'countries' | 'levels' | 'types' | 'languages';

export interface DirectoryState {
  query: string;
  themes: string[];
  countries: string[];
  levels: WorkLevel[];
  types: OrganizationType[];
  languages: string[];
  /** Null: the API's default (relevance when searching, name otherwise). */
  sort: Sort | null;
  /** Relay cursors of the page boundary: `after` pages forward, `before` back. At most one is set. */
  after: string | null;
  before: string | null;
}

/**
 * A URL value the directory cannot use: the page answers 400 naming the parameter, the value and why
 * (param-error.ts), with a link to the same search without it.
 */
export interface ParamProblem {
  param: string;
  /** As given, shortened for display (see shown()). */
  value: string;
  reason: 'unknown' | 'invalid' | 'too-long';
}

export const MAX_QUERY_LENGTH = 200;
const MAX_SHOWN_VALUE = 60;

/** A value as an error message may repeat it: a 10,000-character parameter is named by its start. */
function shown(value: string): string {
  return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value;
}
const COUNTRY_CODE = /^[A-Za-z]{2}$/;
const LANGUAGE_CODE = /^[A-Za-z]{2}$/;
const THEME_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Reads every value of a repeated parameter, keeping those `accept` maps to a value and reporting the rest. */
function readList<T>(
  params: URLSearchParams,
  param: string,
  accept: (raw: string) => T | null,
  problems: ParamProblem[]
): T[] {
  const values: T[] = [];
  for (const raw of params.getAll(param)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const value = accept(trimmed);
    if (value === null) problems.push({ param, value: shown(trimmed), reason: 'invalid' });
    else values.push(value);
  }
  return unique(values);
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (raw: string): T | null => {
    const upper = raw.toUpperCase().replaceAll('-', '_');
    return (allowed as readonly string[]).includes(upper) ? (upper as T) : null;
  };
}

export function parseDirectoryParams(params: URLSearchParams): { state: DirectoryState; problems: ParamProblem[] } {
  const problems: ParamProblem[] = [];
  let query = (params.get(PARAM.query) ?? '').trim();
  if (query.length > MAX_QUERY_LENGTH) {
    problems.push({ param: PARAM.query, value: shown(query), reason: 'too-long' });
    query = query.slice(0, MAX_QUERY_LENGTH);
  }
  const sortRaw = params.get(PARAM.sort)?.trim().toLowerCase() || null;
  const sort = sortRaw && (SORTS as readonly string[]).includes(sortRaw) ? (sortRaw as Sort) : null;
  if (sortRaw && !sort) problems.push({ param: PARAM.sort, value: shown(sortRaw), reason: 'invalid' });
  const after = params.get(PARAM.after)?.trim() || null;
  // Both at once has no meaning for a page link; forward wins, as "next" is the usual way in.
  const before = after ? null : params.get(PARAM.before)?.trim() || null;

  const state: DirectoryState = {
    query,
    themes: readList(
      params,
      PARAM.themes,
      (s) => (THEME_SLUG.test(s.toLowerCase()) ? s.toLowerCase() : null),
      problems
    ),
    countries: readList(params, PARAM.countries, (s) => (COUNTRY_CODE.test(s) ? s.toUpperCase() : null), problems),
    levels: readList(params, PARAM.levels, oneOf(WORK_LEVELS), problems),
    types: readList(params, PARAM.types, oneOf(ORGANIZATION_TYPES), problems),
    languages: readList(params, PARAM.languages, (s) => (LANGUAGE_CODE.test(s) ? s.toLowerCase() : null), problems),
    sort,
    after,
    before
  };
  return { state, problems };
}

/** The same state as URL parameters, in a stable order (so equal states give equal, cacheable URLs). */
export function directorySearchParams(state: DirectoryState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set(PARAM.query, state.query);
  for (const key of ['themes', 'countries', 'levels', 'types', 'languages'] as const) {
    for (const value of state[key]) params.append(PARAM[key], value.toLowerCase());
  }
  if (state.sort) params.set(PARAM.sort, state.sort);
  if (state.after) params.set(PARAM.after, state.after);
  else if (state.before) params.set(PARAM.before, state.before);
  return params;
}

export function directoryHref(state: DirectoryState): string {
  const search = directorySearchParams(state).toString();
  return search ? `/directory?${search}` : '/directory';
}

/** The page after or before the current one, keeping every filter. */
export function pageHref(state: DirectoryState, page: { after: string } | { before: string }): string {
  return directoryHref({ ...state, after: null, before: null, ...page });
}

export function queryVariables(state: DirectoryState, lang: 'en' | 'de'): DirectoryPageQueryVariables {
  const filter = {
    ...(state.query && { query: state.query }),
    ...(state.themes.length > 0 && { themes: state.themes }),
    ...(state.countries.length > 0 && { countries: state.countries }),
    ...(state.levels.length > 0 && { levels: state.levels }),
    ...(state.types.length > 0 && { types: state.types }),
    ...(state.languages.length > 0 && { languages: state.languages })
  };
  const paging = state.before
    ? { last: PAGE_SIZE, before: state.before }
    : { first: PAGE_SIZE, ...(state.after && { after: state.after }) };
  return {
    filter,
    ...(state.sort && { orderBy: { field: state.sort === 'name' ? 'NAME' : 'RELEVANCE' } }),
    ...paging,
    lang: lang.toUpperCase() as Language
  };
}

/** Whether any filter or search narrows the directory (for the empty state's "clear" link). */
export function isFiltered(state: DirectoryState): boolean {
  return Boolean(
    state.query ||
    state.themes.length ||
    state.countries.length ||
    state.levels.length ||
    state.types.length ||
    state.languages.length
  );
}

/** The API names a bad value by its input path (e.g. `filter.themes[1]`); this maps it back to the URL. */
export function problemFromApiField(state: DirectoryState, field: string): ParamProblem | null {
  const match = /^filter\.(themes|countries|languages)\[(\d+)\]$/.exec(field);
  if (match) {
    const key = match[1] as 'themes' | 'countries' | 'languages';
    const value = state[key][Number(match[2])];
    return value === undefined ? null : { param: PARAM[key], value: shown(value), reason: 'unknown' };
  }
  if (field === 'after' || field === 'before') {
    const value = state[field];
    return value ? { param: PARAM[field], value: shown(value), reason: 'invalid' } : null;
  }
  return null;
}

/** The state without the values the problems name. */
export function withoutProblems(state: DirectoryState, problems: ParamProblem[]): DirectoryState {
  const drop = (param: string, value: string) => problems.some((p) => p.param === param && p.value === shown(value));
  return {
    ...state,
    themes: state.themes.filter((v) => !drop(PARAM.themes, v)),
    countries: state.countries.filter((v) => !drop(PARAM.countries, v)),
    languages: state.languages.filter((v) => !drop(PARAM.languages, v)),
    after: state.after && drop(PARAM.after, state.after) ? null : state.after,
    before: state.before && drop(PARAM.before, state.before) ? null : state.before
  };
}
