import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { saveNewOrganization } from '../organization-action';
import { loadOrganizationFormChoices } from '../organization-choices';
import { emptyOrganizationFormValues, readOrganizationForm } from '$lib/components/forms/organization-form';

export const load: PageServerLoad = async ({ fetch, locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store' });
  // Anyone signed in may add an organisation (the API decides); visitors get the page with a sign-in link.
  if (locals.viewer.kind !== 'user') return { signedIn: false as const };
  return {
    signedIn: true as const,
    values: emptyOrganizationFormValues(),
    ...(await loadOrganizationFormChoices(fetch, locals.lang))
  };
};

export const actions: Actions = {
  default: async ({ request, fetch }) => {
    const values = readOrganizationForm(await request.formData());
    const saved = await saveNewOrganization(fetch, values);
    if (!saved.ok) {
      const { status, errors, unplaced, message } = saved;
      return fail(status, { values, errors, unplaced, message });
    }
    redirect(303, `/organizations/${saved.slug}?created=1`);
  }
};
