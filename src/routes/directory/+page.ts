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
} from '$lib/directory/directory-params';
import { rejectDirectoryParams } from './param-error';
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

/** The API checks a theme list and a cursor separately: ask again without what it refused, this many times at most. */
const MAX_REFUSAL_ROUNDS = 3;

/**
 * Server-rendered first (SvelteKit's fetch calls /graphql in-process), then run in the browser on every change of
 * the URL. A value the directory cannot use — malformed here, or unknown to the API (a renamed theme, an old
 * cursor) — is answered with 400 naming every such parameter and a link to the search without them.
 */
export const load: PageLoad = async ({ url, fetch, parent }) => {
  const { lang } = await parent();
  const parsed = parseDirectoryParams(url.searchParams);
  if (parsed.problems.length > 0) rejectDirectoryParams(parsed.problems, parsed.state);
  const client = createGraphqlClient(fetch);

  let state = parsed.state;
  const refusedAll: ParamProblem[] = [];
  let result = await client.query(DirectoryPageDocument, queryVariables(state, lang)).toPromise();
  for (let round = 0; round < MAX_REFUSAL_ROUNDS; round++) {
    const refused = refusedParams(result.error, state);
    if (refused.length === 0) break;
    refusedAll.push(...refused);
    state = withoutProblems(state, refused);
    result = await client.query(DirectoryPageDocument, queryVariables(state, lang)).toPromise();
  }
  if (refusedAll.length > 0) rejectDirectoryParams(refusedAll, state);
  if (result.error || !result.data) failLoad(result.error);

  return { state, directory: result.data, lang };
};
