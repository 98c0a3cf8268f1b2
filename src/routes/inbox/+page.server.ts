import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { listInbox, markRead } from '$lib/server/notifications/inbox';
import { mailLanguage } from '$lib/server/notifications/kinds';
import { noticeText } from '$lib/server/notifications/render';
import { answerIntroduction, reportIntroduction } from '$lib/server/introductions/answer';
import { introductionsAsked, introductionsReceived } from '$lib/server/introductions/queries';
import type { Outcome } from '$lib/server/validation/outcome';

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
  // Introductions (issue 15 part 4): requests to the member's organisations, to answer here, and their own
  // requests — each as its side may see it (a declined request of theirs reads "not now").
  const [received, asked] = await Promise.all([introductionsReceived(viewer), introductionsAsked(viewer)]);
  const askedOf = url.searchParams.get('asked');
  return {
    entries,
    next: page.hasNextPage ? entries.at(-1)?.id : undefined,
    received,
    asked,
    sentTo: askedOf ? (asked.find((i) => i.to.slug === askedOf)?.to.name ?? null) : null
  };
};

/** The outcome of an answer or a report as form data: the id it was about, and the refusal if any. */
function answered(id: string, outcome: Outcome<unknown>, done: string) {
  if (outcome.ok) return { introductionId: id, done };
  const failure = outcome.failure;
  const message =
    failure.kind === 'validation'
      ? failure.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ')
      : failure.message;
  return fail(failure.kind === 'forbidden' ? 403 : failure.kind === 'not-found' ? 404 : 400, {
    introductionId: id,
    failed: message
  });
}

export const actions: Actions = {
  answerIntroduction: async ({ request, locals }) => {
    const form = await request.formData();
    const id = String(form.get('id') ?? '');
    const accept = String(form.get('answer') ?? '') === 'accept';
    return answered(id, await answerIntroduction(locals.viewer, { id, accept }), accept ? 'accepted' : 'declined');
  },
  reportIntroduction: async ({ request, locals }) => {
    const form = await request.formData();
    const id = String(form.get('id') ?? '');
    const note = String(form.get('note') ?? '').trim();
    return answered(id, await reportIntroduction(locals.viewer, { id, note: note || null }), 'reported');
  },
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
