import type { LayoutServerLoad } from './$types';
import { isAdmin } from '$lib/server/access/viewer';
import { unreadCountAtMost } from '$lib/server/notifications/inbox';

// The language hooks.server.ts chose (for pages that format dates, numbers or query localised data), and what the
// header needs to know about the visitor: signed in or not, whether to offer the admin page, and the inbox's
// unread count (the header badge: no query of its own when the session read found nothing unread).
export const load: LayoutServerLoad = async ({ locals }) => ({
  lang: locals.lang,
  signedIn: locals.viewer.kind === 'user',
  isAdmin: isAdmin(locals.viewer),
  unreadNotifications: locals.viewer.kind === 'user' ? await unreadCountAtMost(locals.viewer, locals.unreadAtMost) : 0
});
