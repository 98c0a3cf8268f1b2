import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/i18n/generated/messages.js';
import { isAdmin } from '$lib/server/access/viewer';
import { env } from '$lib/server/env';
import { devMailbox } from '$lib/server/mail/dev-mailbox';

/** The local development mailbox: what the log mailer "sent" (no SMTP_URL), for admins only. */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  if (locals.viewer.kind !== 'user') redirect(303, '/login?next=/admin/mailbox');
  if (!isAdmin(locals.viewer)) error(403, m.admin_forbidden());
  setHeaders({ 'cache-control': 'private, no-store' });
  return { smtp: Boolean(env().SMTP_URL), mails: await devMailbox(100) };
};
