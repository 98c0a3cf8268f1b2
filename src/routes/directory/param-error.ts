import { error } from '@sveltejs/kit';
import { directoryHref, type DirectoryState, type ParamProblem } from '$lib/directory/directory-params';

/**
 * A directory URL with a value the directory cannot use (an unknown theme or country, a malformed or stale page
 * cursor, an over-long search) is the visitor's error: 400, not a 500 and not a page that quietly shows something
 * else (issue 14, finding 6). The error page (+error.svelte) names each parameter, its value and the reason in
 * the visitor's language, and links to the same search without them; `message` says the same in English for
 * logs and API-minded readers.
 */
export function rejectDirectoryParams(problems: ParamProblem[], usable: DirectoryState): never {
  const reasons: Record<ParamProblem['reason'], string> = {
    unknown: 'is not known to the directory',
    invalid: 'is not a valid value',
    'too-long': 'is too long'
  };
  const message = problems.map((p) => `${p.param}: "${p.value}" ${reasons[p.reason]}`).join('; ');
  error(400, {
    message: `Bad directory parameter — ${message}`,
    directoryProblems: problems,
    cleanHref: directoryHref(usable)
  });
}
