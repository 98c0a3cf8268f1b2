import {
  coalitionSearch,
  LIMITS,
  parseCoalitionParams,
  type CoalitionProblem,
  type KnownValues
} from '../../coalitions/coalition-params';
import type { OrganizationFilter } from '../directory/search-filter';
import type { FieldError } from '../validation/field-errors';
import type { SavedParams } from './directory-filter';

/**
 * A saved coalition request is the coalition page's own URL state (decision 0043), read with the page's parser and
 * written back with its builder, without the `view` of an alternative: reopening it asks the solver again.
 */
function messageOf(problem: CoalitionProblem): string {
  switch (problem.code) {
    case 'required':
      return 'is required';
    case 'too-many':
      return `must name at most ${problem.max}`;
    case 'unknown':
      return `"${problem.value}" is not a known ${problem.field === 'theme' ? 'theme' : 'country'}`;
    case 'invalid':
      return `must be a whole number from ${LIMITS.sizeMin} to ${LIMITS.sizeMax}`;
    case 'more-than-size':
      return `names ${problem.count} organisations but the coalition has ${problem.size} places`;
    case 'not-found':
      return `"${problem.value}" is not an organisation in the directory`;
    case 'ambiguous':
      return `"${problem.value}" names more than one organisation`;
    case 'api':
      return problem.message;
  }
}

export function canonicalCoalitionParams(raw: string, known: KnownValues): SavedParams {
  const { request, problems } = parseCoalitionParams(new URLSearchParams(raw.replace(/^\?/, '')), known);
  if (problems.length > 0) {
    return {
      ok: false,
      fieldErrors: problems.map((p): FieldError => ({ field: `params.${p.field}`, message: messageOf(p) }))
    };
  }
  return { ok: true, params: coalitionSearch(request) };
}

/**
 * The organisations a coalition alert announces: those that cover at least one requested cell — working on a
 * requested theme (or a sub-theme) and in or from a requested country. Which cells are still missing depends on
 * the solver's answer at the time; the alert names candidates and its link asks the solver again.
 */
export function coalitionFilterOf(params: string): OrganizationFilter {
  const search = new URLSearchParams(params);
  return { themes: search.getAll('theme'), countries: search.getAll('country') };
}
