import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { loadQuery } from '$lib/graphql/client';
import { OrganizationForEditQuery, OrganizationIdentityQuery } from '$lib/graphql/documents/editing';
import { m } from '$lib/i18n/generated/messages.js';
import { saveOrganization } from '../../organization-action';
import { loadOrganizationFormChoices } from '../../organization-choices';
import { organizationFormValues, readOrganizationForm } from '$lib/components/forms/organization-form';

export const load: PageServerLoad = async ({ fetch, locals, params, setHeaders }) => {
  // The form holds contact details the public may not see: never cache it anywhere.
  setHeaders({ 'cache-control': 'private, no-store' });
  const { organization } = await loadQuery(fetch, OrganizationForEditQuery, { slug: params.slug });
  if (!organization) error(404, m.error_not_found_heading());
  const summary = { name: organization.name, slug: organization.slug };
  if (locals.viewer.kind !== 'user') return { access: 'sign-in' as const, organization: summary };
  if (!organization.viewerCanEdit) return { access: 'not-allowed' as const, organization: summary };
  return {
    access: 'edit' as const,
    organization: { ...summary, archived: organization.archived },
    values: organizationFormValues(organization),
    ...(await loadOrganizationFormChoices(fetch, locals.lang))
  };
};

export const actions: Actions = {
  default: async ({ request, fetch, params }) => {
    const values = readOrganizationForm(await request.formData());
    const { organization } = await loadQuery(fetch, OrganizationIdentityQuery, { slug: params.slug });
    if (!organization) error(404, m.error_not_found_heading());
    // No viewerCanEdit check here on purpose: the API refuses (ForbiddenError) and its message is shown.
    const saved = await saveOrganization(fetch, organization.id, values);
    if (!saved.ok) {
      const { status, errors, unplaced, message } = saved;
      return fail(status, { values, errors, unplaced, message });
    }
    redirect(303, `/organizations/${saved.slug}?saved=1`);
  }
};
