import { directorySearchParams, parseDirectoryParams, queryVariables } from '../../directory/directory-params';
import type { FieldError } from '../validation/field-errors';
import type { OrganizationFilter } from '../directory/search-filter';

/**
 * A saved directory search is the directory's own URL state: read with the directory's parser and written back with
 * its builder (never a second parser), without paging cursors, so the stored string is the page's canonical URL.
 */
export type SavedParams = { ok: true; params: string } | { ok: false; fieldErrors: FieldError[] };

export function canonicalDirectoryParams(raw: string): SavedParams {
  const { state, problems } = parseDirectoryParams(new URLSearchParams(raw.replace(/^\?/, '')));
  if (problems.length > 0) {
    return {
      ok: false,
      fieldErrors: problems.map((p) => ({
        field: `params.${p.param}`,
        message: p.reason === 'too-long' ? 'is too long' : `"${p.value}" is not a value the directory knows`
      }))
    };
  }
  return { ok: true, params: directorySearchParams({ ...state, after: null, before: null }).toString() };
}

/** The stored parameters as the search service's filter (the same mapping the directory page sends to the API). */
export function directoryFilterOf(params: string): OrganizationFilter {
  const { state } = parseDirectoryParams(new URLSearchParams(params));
  return queryVariables({ ...state, after: null, before: null }, 'en').filter as OrganizationFilter;
}

/** Theme slugs the stored parameters name (checked against the vocabulary when saving). */
export function directoryThemesOf(params: string): string[] {
  return parseDirectoryParams(new URLSearchParams(params)).state.themes;
}
