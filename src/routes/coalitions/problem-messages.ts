import { m } from '$lib/i18n/generated/messages.js';
import type { CoalitionProblem } from '$lib/coalitions/coalition-params';

/** The visitor-facing sentence for a problem, in the request's language (page and CSV export alike). */
export function problemMessage(problem: CoalitionProblem): string {
  switch (problem.code) {
    case 'required':
      return problem.field === 'theme' ? m.coalition_error_theme_required() : m.coalition_error_country_required();
    case 'too-many':
      if (problem.field === 'theme') return m.coalition_error_theme_too_many({ max: problem.max });
      if (problem.field === 'country') return m.coalition_error_country_too_many({ max: problem.max });
      return m.coalition_error_include_too_many({ max: problem.max });
    case 'unknown':
      return problem.field === 'theme'
        ? m.coalition_error_theme_unknown({ value: problem.value })
        : m.coalition_error_country_unknown({ value: problem.value });
    case 'invalid':
      return m.coalition_error_size_invalid();
    case 'more-than-size':
      return m.coalition_error_include_more_than_size({ count: problem.count, size: problem.size });
    case 'not-found':
      return m.coalition_error_include_not_found({ value: problem.value });
    case 'ambiguous':
      return m.coalition_error_include_ambiguous({ value: problem.value });
    case 'api':
      return m.coalition_error_api({ message: problem.message });
  }
}
