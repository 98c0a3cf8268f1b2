import { m } from '$lib/i18n/generated/messages.js';
import { MAX_QUERY_LENGTH, PARAM, type ParamProblem } from '$lib/directory/directory-params';

/** The directory's URL parameters by the names the visitor knows from the page. */
const PARAM_LABELS: Record<string, () => string> = {
  [PARAM.query]: m.dir_search_button,
  [PARAM.themes]: m.dir_facet_themes,
  [PARAM.countries]: m.dir_facet_countries,
  [PARAM.levels]: m.dir_facet_levels,
  [PARAM.types]: m.dir_facet_types,
  [PARAM.languages]: m.dir_facet_languages,
  [PARAM.sort]: m.dir_sort_label,
  [PARAM.after]: m.dir_param_page,
  [PARAM.before]: m.dir_param_page
};

/** One line of the 400 page: the field's label, the URL parameter, the value and why it cannot be used. */
export function describeParamProblem(problem: ParamProblem): string {
  const args = { label: PARAM_LABELS[problem.param]?.() ?? problem.param, param: problem.param, value: problem.value };
  if (problem.reason === 'unknown') return m.dirparam_unknown(args);
  if (problem.reason === 'too-long') return m.dirparam_too_long({ ...args, max: MAX_QUERY_LENGTH });
  return m.dirparam_invalid(args);
}
