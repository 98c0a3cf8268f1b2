import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/i18n/generated/messages.js';
import { listAbuseReports } from '$lib/server/introductions/queries';

/** Admins: introduction requests members reported as abuse (issue 15 part 4), newest first. */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  if (locals.viewer.kind !== 'user') redirect(303, '/login?next=/admin/reports');
  const reports = await listAbuseReports(locals.viewer);
  if (!reports) error(403, m.admin_forbidden());
  setHeaders({ 'cache-control': 'private, no-store' });
  return { reports };
};
