import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/i18n/generated/messages.js';
import { listAbuseReports } from '$lib/server/introductions/queries';
import { resolveAbuseReport } from '$lib/server/moderation/reports';
import { formErrorsOf } from '$lib/server/validation/field-errors';

/**
 * Admins: introduction requests members reported as abuse (issue 15 part 4), newest first — the open ones with a
 * form to resolve or dismiss each (with a note, decision 0043), then the decided ones with who decided and why.
 */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  if (locals.viewer.kind !== 'user') redirect(303, '/login?next=/admin/reports');
  const [reports, decided] = await Promise.all([
    listAbuseReports(locals.viewer),
    listAbuseReports(locals.viewer, 50, 'decided')
  ]);
  if (!reports || !decided) error(403, m.admin_forbidden());
  setHeaders({ 'cache-control': 'private, no-store' });
  return { reports, decided };
};

export const actions: Actions = {
  resolve: async ({ request, locals }) => {
    const form = await request.formData();
    const id = String(form.get('id') ?? '');
    const outcome = await resolveAbuseReport(locals.viewer, {
      id,
      resolution: String(form.get('resolution') ?? '') as 'RESOLVED',
      note: String(form.get('note') ?? '')
    });
    if (!outcome.ok) {
      const { failure } = outcome;
      const status = failure.kind === 'forbidden' ? 403 : failure.kind === 'not-found' ? 404 : 400;
      const errors = formErrorsOf(failure.kind === 'validation' ? failure.fieldErrors : []);
      return fail(status, { values: { id, note: String(form.get('note') ?? '') }, errors, message: failure.message });
    }
    return { decided: id };
  }
};
