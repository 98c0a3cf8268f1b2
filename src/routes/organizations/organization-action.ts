/**
 * Runs createOrganization / updateOrganization for a form action through /graphql (SvelteKit's fetch: in-process,
 * with the visitor's session cookie), so the API's validation and permission checks are the only ones and its
 * messages are what the editor reads. Returns the new slug, or what the form should show.
 */
import { createGraphqlClient } from '$lib/graphql/client';
import { CreateOrganizationMutation, UpdateOrganizationMutation } from '$lib/graphql/documents/editing';
import { m } from '$lib/i18n/generated/messages.js';
import { formFailure, mutationFailure, type FormFailure } from '$lib/components/forms/mutation-outcome';
import {
  createInput,
  ORGANIZATION_FORM_FIELDS,
  updateInput,
  type OrganizationFormValues
} from '$lib/components/forms/organization-form';

const describe = {
  forbidden: (message: string) => m.edit_forbidden({ message }),
  unavailable: (message: string) => m.edit_unavailable({ message })
};

export type SaveOutcome = { ok: true; slug: string } | ({ ok: false } & FormFailure);

function outcome(
  result: { error?: import('@urql/core').CombinedError },
  payload: { __typename?: string; organization?: { slug: string } } | undefined,
  successType: string,
  values: OrganizationFormValues
): SaveOutcome {
  const failure = mutationFailure(result, payload, successType);
  if (!failure && payload?.organization) return { ok: true, slug: payload.organization.slug };
  const lists = {
    countries: values.countries,
    themes: values.themes,
    levels: values.levels,
    languages: values.languages
  };
  return {
    ok: false,
    ...formFailure(
      failure ?? { kind: 'unavailable', status: 502, message: 'no answer' },
      ORGANIZATION_FORM_FIELDS,
      lists,
      describe
    )
  };
}

export async function saveNewOrganization(fetchFn: typeof fetch, values: OrganizationFormValues): Promise<SaveOutcome> {
  const result = await createGraphqlClient(fetchFn)
    .mutation(CreateOrganizationMutation, { input: createInput(values) })
    .toPromise();
  return outcome(result, result.data?.createOrganization, 'CreateOrganizationSuccess', values);
}

export async function saveOrganization(
  fetchFn: typeof fetch,
  id: string,
  values: OrganizationFormValues
): Promise<SaveOutcome> {
  const result = await createGraphqlClient(fetchFn)
    .mutation(UpdateOrganizationMutation, { input: updateInput(id, values) })
    .toPromise();
  return outcome(result, result.data?.updateOrganization, 'UpdateOrganizationSuccess', values);
}
