import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { NOTIFICATION_KINDS, type NotificationKind } from '$lib/server/notifications/kinds';
import { unsubscribe, unsubscribeTokenKnown } from '$lib/server/notifications/preferences';
import { m } from '$lib/i18n/generated/messages.js';

/**
 * The unsubscribe link of notification mails: works without signing in (the token in the path is the user's
 * secret). Opening the link only asks; the button (a POST) changes the preference, so a mail scanner that follows
 * links changes nothing.
 */
function kindOf(url: URL): NotificationKind | 'ALL' | null {
  const kind = url.searchParams.get('kind') ?? 'ALL';
  if (kind === 'ALL') return 'ALL';
  return (NOTIFICATION_KINDS as string[]).includes(kind) ? (kind as NotificationKind) : null;
}

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
  const kind = kindOf(url);
  const known = await unsubscribeTokenKnown(params.token);
  return { valid: known && kind !== null, kind: kind ?? 'ALL' };
};

export const actions: Actions = {
  default: async ({ params, url }) => {
    const kind = kindOf(url);
    if (!kind) return fail(400, { message: m.inbox_unsubscribe_invalid() });
    const outcome = await unsubscribe(params.token, kind);
    if (!outcome.ok) return fail(404, { message: m.inbox_unsubscribe_invalid() });
    return { done: true };
  }
};
