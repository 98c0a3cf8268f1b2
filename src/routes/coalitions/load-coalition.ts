/**
 * Everything the coalition builder shows for one URL, fetched through /graphql as the visitor (SvelteKit's fetch
 * carries their cookies, so private partnerships they may see count, and nobody else's do). Shared by the page's
 * load and the CSV export so both answer the same question the same way.
 */
import { error } from '@sveltejs/kit';
import type { CombinedError } from '@urql/core';
import { createGraphqlClient, loadQuery } from '$lib/graphql/client';
import { onlyGraphUnavailable } from '$lib/graphql/graph-unavailable';
import {
  CoalitionChoicesQuery,
  CoalitionIncludeByIdQuery,
  CoalitionIncludeBySlugQuery,
  CoalitionOrganizationSearchQuery,
  ProposeCoalitionQuery
} from '$lib/graphql/documents/coalition';
import type {
  CoalitionChoicesQuery as Choices,
  ProposeCoalitionQuery as Proposal
} from '$lib/graphql/generated/graphql';
import {
  fieldOfApiPath,
  parseCoalitionParams,
  type CoalitionProblem,
  type CoalitionRequest
} from '$lib/coalitions/coalition-params';

export type CoalitionChoices = Choices;
export type CoalitionProposal = Proposal['proposeCoalition'];
export interface IncludedOrganization {
  id: string;
  slug: string;
  name: string;
}

export interface CoalitionPageState {
  choices: CoalitionChoices;
  /** As parsed from the URL; `include` replaced by the resolved slugs once every entry resolved. */
  request: CoalitionRequest;
  included: IncludedOrganization[];
  /** Must-include entries that matched no organisation or several. */
  unresolved: string[];
  problems: CoalitionProblem[];
  sizeInput: string;
  submitted: boolean;
  /** Null until a valid request was sent (and whenever it has problems, or the graph is unavailable). */
  proposal: CoalitionProposal | null;
  /** The request was valid but Neo4j is down: the page keeps the form and shows a notice instead of failing. */
  graphUnavailable: boolean;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Name lookups: enough to tell "one match" from "several", and to offer a few to choose from. */
const NAME_MATCHES = 5;

export async function loadCoalitionState(
  fetchFn: typeof fetch,
  params: URLSearchParams,
  lang: 'en' | 'de'
): Promise<CoalitionPageState> {
  const choices = await loadQuery(fetchFn, CoalitionChoicesQuery, { lang: lang === 'de' ? 'DE' : 'EN' });
  const known = {
    themes: new Set(choices.themes.flatMap((t) => [t.slug, ...t.children.map((c) => c.slug)])),
    countries: new Set(choices.countries.map((c) => c.code))
  };
  const { request, problems, sizeInput, submitted } = parseCoalitionParams(params, known);
  const state: CoalitionPageState = {
    choices,
    request,
    included: [],
    unresolved: [],
    problems,
    sizeInput,
    submitted,
    proposal: null,
    graphUnavailable: false
  };
  if (!submitted) return state;

  // Must-include entries are looked up even when another field has a problem, so the form can show them as
  // chosen organisations; the proposal itself is only asked for once everything is valid.
  if (problems.some((p) => p.field === 'include')) state.unresolved = [...request.include];
  else await resolveIncludes(fetchFn, state);
  if (problems.length > 0) return state;
  state.request = { ...request, include: state.included.map((o) => o.slug) };

  const result = await createGraphqlClient(fetchFn)
    .query(ProposeCoalitionQuery, {
      themes: request.themes,
      countries: request.countries,
      size: request.size ?? null,
      include: state.included.map((o) => o.id)
    })
    .toPromise();
  if (result.data && !result.error) {
    state.proposal = result.data.proposeCoalition;
    return state;
  }
  if (onlyGraphUnavailable(result.error)) {
    state.graphUnavailable = true;
    return state;
  }
  problems.push(...apiProblems(result.error));
  return state;
}

async function resolveIncludes(fetchFn: typeof fetch, state: CoalitionPageState): Promise<void> {
  const entries = state.request.include;
  const resolved = await Promise.all(entries.map((entry) => resolveInclude(fetchFn, entry)));
  for (const [index, outcome] of resolved.entries()) {
    if ('problem' in outcome) {
      state.problems.push(outcome.problem);
      state.unresolved.push(entries[index]!);
    }
    // The same organisation named twice (by slug and by name) is included once.
    else if (!state.included.some((o) => o.id === outcome.organization.id)) state.included.push(outcome.organization);
  }
}

type IncludeOutcome = { organization: IncludedOrganization } | { problem: CoalitionProblem };

/** A slug first (the builder's own links), then a global id (API users), then the name typed into the field. */
async function resolveInclude(fetchFn: typeof fetch, entry: string): Promise<IncludeOutcome> {
  const client = createGraphqlClient(fetchFn);
  if (SLUG.test(entry)) {
    const bySlug = await client.query(CoalitionIncludeBySlugQuery, { slug: entry }).toPromise();
    throwIfUnavailable(bySlug.error);
    if (bySlug.data?.organization) return { organization: bySlug.data.organization };
  } else {
    // An entry that is no global id makes the API answer "not a valid Organization id": that just means "not an id".
    const byId = await client.query(CoalitionIncludeByIdQuery, { id: entry }).toPromise();
    throwIfUnavailable(byId.error);
    if (byId.data?.organization) return { organization: byId.data.organization };
  }
  const byName = await client
    .query(CoalitionOrganizationSearchQuery, { query: entry, first: NAME_MATCHES })
    .toPromise();
  throwIfUnavailable(byName.error);
  const matches = byName.data?.organizations.nodes ?? [];
  const exact = matches.filter((o) => o.name.localeCompare(entry, undefined, { sensitivity: 'base' }) === 0);
  if (exact.length === 1) return { organization: exact[0]! };
  if (matches.length === 1) return { organization: matches[0]! };
  if (matches.length === 0) return { problem: { field: 'include', code: 'not-found', value: entry } };
  return {
    problem: {
      field: 'include',
      code: 'ambiguous',
      value: entry,
      candidates: matches.map((o) => ({ slug: o.slug, name: o.name }))
    }
  };
}

/** Rate limits and a store that is down are the page's error (with the API's status), not a field problem. */
function throwIfUnavailable(failure: CombinedError | undefined): void {
  if (!failure) return;
  const status = (failure.response as Response | undefined)?.status;
  if (failure.networkError || (status && status >= 400)) error(status && status >= 400 ? status : 503, failure.message);
}

interface ApiFieldError {
  field: string;
  message: string;
}

/** The API's BAD_USER_INPUT / NOT_FOUND field errors beside the form fields; anything else is the page's error. */
function apiProblems(failure: CombinedError | undefined): CoalitionProblem[] {
  throwIfUnavailable(failure);
  const fieldErrors = (failure?.graphQLErrors ?? []).flatMap(
    (e) => (e.extensions?.fieldErrors as ApiFieldError[] | undefined) ?? []
  );
  if (fieldErrors.length === 0) error(500, failure?.message ?? 'The API returned no data');
  return fieldErrors.map((e) => ({ field: fieldOfApiPath(e.field), code: 'api', message: `${e.field}: ${e.message}` }));
}
