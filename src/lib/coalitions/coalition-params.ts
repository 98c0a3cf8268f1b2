/**
 * The coalition builder's state lives in the URL (?theme=a&theme=b&country=DE&include=<slug>&size=4&view=1), so a
 * proposal can be shared, bookmarked and reached without JavaScript. This module reads and writes that URL; it
 * checks everything it can before any API call, so an empty or malformed request costs nothing and the message
 * names the field. The page (+page.ts) and the CSV export (export.csv/+server.ts) both use it.
 */

/** The URL parameters, one per form field (repeated for lists). */
export const PARAM = { theme: 'theme', country: 'country', include: 'include', size: 'size', view: 'view' } as const;

// The API's own limits (src/lib/server/matchmaking/input.ts, coalition.ts), checked here so the visitor sees the
// form's message instead of an API error; fewer must-include organisations than the API allows, because each
// one is looked up separately (slug, id or name).
export const LIMITS = { themes: 30, countries: 60, include: 10, sizeMin: 2, sizeMax: 20 } as const;

export type CoalitionField = 'theme' | 'country' | 'include' | 'size';

export type CoalitionProblem =
  | { field: 'theme' | 'country'; code: 'required' }
  | { field: 'theme' | 'country' | 'include'; code: 'too-many'; max: number }
  | { field: 'theme' | 'country'; code: 'unknown'; value: string }
  | { field: 'size'; code: 'invalid' }
  | { field: 'include'; code: 'more-than-size'; count: number; size: number }
  | { field: 'include'; code: 'not-found'; value: string }
  | { field: 'include'; code: 'ambiguous'; value: string; candidates: { slug: string; name: string }[] }
  /** The API refused the request for a reason this page could not check beforehand (its message, verbatim). */
  | { field: CoalitionField; code: 'api'; message: string };

export interface CoalitionRequest {
  /** Theme slugs, in the order given, without duplicates. */
  themes: string[];
  /** ISO 3166-1 alpha-2 codes, upper case, without duplicates. */
  countries: string[];
  /** Must-include entries as given: slugs, global ids or names; resolved by the page. */
  include: string[];
  size?: number;
}

export interface ParsedCoalitionParams {
  request: CoalitionRequest;
  problems: CoalitionProblem[];
  /** The size field as typed, so an invalid value is shown back for correction. */
  sizeInput: string;
  /** Whether the form was sent at all: a first visit shows the empty form, not "choose a theme". */
  submitted: boolean;
}

/** What the API knows, so unknown values are reported by the form, not by the API. */
export interface KnownValues {
  themes: ReadonlySet<string>;
  countries: ReadonlySet<string>;
}

const distinct = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];

export function parseCoalitionParams(params: URLSearchParams, known: KnownValues): ParsedCoalitionParams {
  const submitted = [PARAM.theme, PARAM.country, PARAM.include, PARAM.size].some((name) => params.has(name));
  const themes = distinct(params.getAll(PARAM.theme).map((v) => v.trim().toLowerCase()));
  const countries = distinct(params.getAll(PARAM.country).map((v) => v.trim().toUpperCase()));
  const include = distinct(params.getAll(PARAM.include).map((v) => v.trim()));
  const sizeText = params.get(PARAM.size)?.trim() ?? '';
  const problems: CoalitionProblem[] = [];

  if (themes.length === 0) problems.push({ field: 'theme', code: 'required' });
  else if (themes.length > LIMITS.themes) problems.push({ field: 'theme', code: 'too-many', max: LIMITS.themes });
  for (const value of themes) if (!known.themes.has(value)) problems.push({ field: 'theme', code: 'unknown', value });

  if (countries.length === 0) problems.push({ field: 'country', code: 'required' });
  else if (countries.length > LIMITS.countries)
    problems.push({ field: 'country', code: 'too-many', max: LIMITS.countries });
  for (const value of countries) {
    if (!known.countries.has(value)) problems.push({ field: 'country', code: 'unknown', value });
  }

  let size: number | undefined;
  if (sizeText !== '') {
    const n = Number(sizeText);
    if (!/^\d+$/.test(sizeText) || n < LIMITS.sizeMin || n > LIMITS.sizeMax)
      problems.push({ field: 'size', code: 'invalid' });
    else size = n;
  }

  if (include.length > LIMITS.include) problems.push({ field: 'include', code: 'too-many', max: LIMITS.include });
  else if (size !== undefined && include.length > size) {
    problems.push({ field: 'include', code: 'more-than-size', count: include.length, size });
  }

  return { request: { themes, countries, include, size }, problems, sizeInput: sizeText, submitted };
}

/**
 * The query string for a request (canonical order: themes, countries, includes, size, view), for links to
 * alternatives and the CSV export. `include` takes the resolved slugs so shared links do not depend on a name.
 */
export function coalitionSearch(request: CoalitionRequest, extra: { view?: number } = {}): string {
  const params = new URLSearchParams();
  for (const slug of request.themes) params.append(PARAM.theme, slug);
  for (const code of request.countries) params.append(PARAM.country, code);
  for (const entry of request.include) params.append(PARAM.include, entry);
  if (request.size !== undefined) params.set(PARAM.size, String(request.size));
  if (extra.view) params.set(PARAM.view, String(extra.view));
  return params.toString();
}

/** Which coalition to show: 0 = the proposal, 1… = an alternative; anything unusable falls back to the proposal. */
export function parseView(params: URLSearchParams, alternatives: number): number {
  const text = params.get(PARAM.view) ?? '';
  if (!/^\d+$/.test(text)) return 0;
  const view = Number(text);
  return view <= alternatives ? view : 0;
}

/**
 * Maps an API field path ("themes[2]", "include[0]", "size") onto the form field it came from, so an error the
 * page could not foresee still lands beside the right field.
 */
export function fieldOfApiPath(path: string): CoalitionField {
  const name = path.replace(/\[.*$/, '');
  if (name === 'themes') return 'theme';
  if (name === 'countries') return 'country';
  if (name === 'size') return 'size';
  return 'include';
}
