import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  renewFeedToken,
  revokeFeed,
  updateSavedSearch
} from '$lib/server/saved-searches/service';
import { savedSearchHref } from '$lib/server/saved-searches/search-scope';
import type { Failure } from '$lib/server/validation/outcome';
import { formErrorsOf } from '$lib/server/validation/field-errors';

/**
 * /account/saved-searches: the signed-in user's saved searches (decision 0040) — rename, alert, delete, and the
 * private feed's address. The address is shown once, right after it is made (only its hash is stored), like an
 * API token. The "Save this search" forms of the directory, coalition builder and dashboard post to `?/create` here.
 */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  if (locals.viewer.kind !== 'user') redirect(303, '/login?next=/account/saved-searches');
  setHeaders({ 'cache-control': 'private, no-store' });
  const searches = await listSavedSearches(locals.viewer.userId);
  return {
    searches: searches.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      href: savedSearchHref(s),
      alert: s.alert,
      hasFeed: s.feedTokenHash !== null,
      createdAt: s.createdAt
    }))
  };
};

type ActionName = 'create' | 'update' | 'delete' | 'renewFeed' | 'revokeFeed';

/** A refusal in decision 0045's shape; `values.id` says which saved search's form answered (null: the create form). */
function refused(action: ActionName, id: string | null, failure: Failure) {
  const errors = formErrorsOf(failure.kind === 'validation' ? failure.fieldErrors : []);
  return fail(failure.kind === 'validation' ? 400 : 404, { action, values: { id }, errors, message: failure.message });
}

const feedUrl = (origin: string, token: string) => new URL(`/feeds/saved/${token}.atom`, origin).toString();

export const actions: Actions = {
  create: async ({ request, locals, url }) => {
    if (locals.viewer.kind !== 'user') redirect(303, '/login?next=/directory');
    const form = await request.formData();
    const outcome = await createSavedSearch(locals.viewer.userId, {
      name: String(form.get('name') ?? ''),
      kind: String(form.get('kind') ?? 'DIRECTORY'),
      params: String(form.get('params') ?? ''),
      alert: String(form.get('alert') ?? 'NONE')
    });
    if (!outcome.ok) return refused('create', null, outcome.failure);
    const { savedSearch, feedToken } = outcome.value;
    return { action: 'create' as const, id: savedSearch.id, feedUrl: feedUrl(url.origin, feedToken) };
  },
  update: async ({ request, locals }) => {
    if (locals.viewer.kind !== 'user') return fail(401, { action: 'update' as const });
    const form = await request.formData();
    const id = String(form.get('id') ?? '');
    const outcome = await updateSavedSearch(locals.viewer.userId, id, {
      name: form.has('name') ? String(form.get('name')) : null,
      alert: form.has('alert') ? String(form.get('alert')) : null
    });
    if (!outcome.ok) return refused('update', id, outcome.failure);
    return { action: 'update' as const, id };
  },
  delete: async ({ request, locals }) => {
    if (locals.viewer.kind !== 'user') return fail(401, { action: 'delete' as const });
    const id = String((await request.formData()).get('id') ?? '');
    const outcome = await deleteSavedSearch(locals.viewer.userId, id);
    if (!outcome.ok) return refused('delete', id, outcome.failure);
    return { action: 'delete' as const, id };
  },
  renewFeed: async ({ request, locals, url }) => {
    if (locals.viewer.kind !== 'user') return fail(401, { action: 'renewFeed' as const });
    const id = String((await request.formData()).get('id') ?? '');
    const outcome = await renewFeedToken(locals.viewer.userId, id);
    if (!outcome.ok) return refused('renewFeed', id, outcome.failure);
    return { action: 'renewFeed' as const, id, feedUrl: feedUrl(url.origin, outcome.value.feedToken) };
  },
  revokeFeed: async ({ request, locals }) => {
    if (locals.viewer.kind !== 'user') return fail(401, { action: 'revokeFeed' as const });
    const id = String((await request.formData()).get('id') ?? '');
    const outcome = await revokeFeed(locals.viewer.userId, id);
    if (!outcome.ok) return refused('revokeFeed', id, outcome.failure);
    return { action: 'revokeFeed' as const, id };
  }
};
