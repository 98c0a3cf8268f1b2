import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { listInbox, markRead } from '$lib/server/notifications/inbox';
import { mailLanguage } from '$lib/server/notifications/kinds';
import { noticeText } from '$lib/server/notifications/render';

const PAGE = 30;

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
  if (locals.viewer.kind !== 'user') redirect(303, '/login?next=/inbox');
  setHeaders({ 'cache-control': 'private, no-store' });
  const viewer = locals.viewer;
  const after = url.searchParams.get('after') ?? undefined;
  const page = await listInbox(viewer, PAGE, after).catch(() => listInbox(viewer, PAGE));
  const locale = mailLanguage(locals.lang);
  const entries = page.entries.map((subject) => {
    const text = noticeText(subject, locale, viewer.organizationIds);
    return {
      id: subject.notification.id,
      kind: subject.notification.kind,
      title: text.title,
      link: ((u) => u.pathname + u.search)(new URL(text.link)),
      read: subject.notification.readAt !== null,
      createdAt: subject.notification.createdAt
    };
  });
  return { entries, next: page.hasNextPage ? entries.at(-1)?.id : undefined };
};

export const actions: Actions = {
  markRead: async ({ request, locals }) => {
    if (locals.viewer.kind !== 'user') return fail(401, {});
    const id = String((await request.formData()).get('id') ?? '');
    await markRead(locals.viewer, id ? [id] : []);
    return { marked: 1 };
  },
  markAllRead: async ({ locals }) => {
    if (locals.viewer.kind !== 'user') return fail(401, {});
    await markRead(locals.viewer, null);
    return { marked: 'all' };
  }
};
