import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/platform/db';
import type { NotificationKind } from '$lib/server/db/generated/client';
import { NOTIFICATION_KINDS } from '$lib/server/notifications/kinds';
import { unsubscribe } from '$lib/server/notifications/preferences';
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
  const user = await getDb().user.findUnique({ where: { unsubscribeToken: params.token }, select: { id: true } });
  return { valid: Boolean(user && kind), kind: kind ?? 'ALL' };
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
