import type { LayoutServerLoad } from './$types';
import { isAdmin } from '$lib/server/access/viewer';

// The language hooks.server.ts chose (for pages that format dates, numbers or query localised data), and what the
// header needs to know about the visitor: signed in or not, and whether to offer the admin page.
export const load: LayoutServerLoad = ({ locals }) => ({
  lang: locals.lang,
  signedIn: locals.viewer.kind === 'user',
  isAdmin: isAdmin(locals.viewer)
});
