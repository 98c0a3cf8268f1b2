import type { CombinedError } from '@urql/core';
import { createGraphqlClient, failLoad } from '$lib/graphql/client';
// The document itself (written in $lib/graphql/documents/directory.ts) comes straight from codegen's output: the
// `graphql()` lookup would pull every page's documents into this page's JavaScript (docs/bundle-size.md).
import { DirectoryPageDocument } from '$lib/graphql/generated/graphql';
import {
  parseDirectoryParams,
  problemFromApiField,
  queryVariables,
  withoutProblems,
  type DirectoryState,
  type ParamProblem
} from './directory-params';
import type { PageLoad } from './$types';

interface ApiFieldError {
  field: string;
  message: string;
}

/** Values in the URL the API refused as input (unknown theme slug or country, a stale cursor), mapped to the URL. */
function refusedParams(apiError: CombinedError | undefined, state: DirectoryState): ParamProblem[] {
  const problems: ParamProblem[] = [];
  for (const graphQLError of apiError?.graphQLErrors ?? []) {
    if (graphQLError.extensions?.code !== 'BAD_USER_INPUT') continue;
    for (const fieldError of (graphQLError.extensions.fieldErrors ?? []) as ApiFieldError[]) {
      const problem = problemFromApiField(state, fieldError.field);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/**
 * Server-rendered first (SvelteKit's fetch calls /graphql in-process), then run in the browser on every change of
 * the URL. A shared link with a value that no longer exists (a renamed theme, an old cursor) still opens: the value
 * is left out and the page names it, rather than an error page.
 */
export const load: PageLoad = async ({ url, fetch, parent }) => {
  const { lang } = await parent();
  const parsed = parseDirectoryParams(url.searchParams);
  let state = parsed.state;
  const problems = [...parsed.problems];
  const client = createGraphqlClient(fetch);

  let result = await client.query(DirectoryPageDocument, queryVariables(state, lang)).toPromise();
  const refused = refusedParams(result.error, state);
  if (refused.length > 0) {
    problems.push(...refused);
    state = withoutProblems(state, refused);
    result = await client.query(DirectoryPageDocument, queryVariables(state, lang)).toPromise();
  }
  if (result.error || !result.data) failLoad(result.error);

  return { state, problems, directory: result.data, lang };
};
