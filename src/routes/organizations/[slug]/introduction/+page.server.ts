import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { env } from '$lib/server/env';
import { organizationActions } from '$lib/server/access/policy';
import { requestIntroduction } from '$lib/server/introductions/request';
import { askingOrganizations, introductionTarget } from '$lib/server/introductions/target';
import { recommendedReason } from '$lib/server/introductions/reason';
import { mailLanguage } from '$lib/server/notifications/kinds';
import { m } from '$lib/i18n/generated/messages.js';

/**
 * "Request an introduction" to <slug>, for a member acting for one of their own organisations. Coming from a
 * recommendation (?from=<their slug>&recommended=1), the reason is prefilled with the recommendation's top reason
 * as any member may see it (introductions/reason.ts). Works without JavaScript: a plain form POST.
 */
async function target(slug: string) {
  const organization = await introductionTarget(slug);
  if (!organization) error(404, m.error_not_found_heading());
  return organization;
}

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store' });
  const organization = await target(params.slug);
  const summary = { id: organization.id, slug: organization.slug, name: organization.name };
  const limits = {
    perDay: env().INTRODUCTION_LIMIT_PER_MEMBER_PER_DAY,
    perWeek: env().INTRODUCTION_LIMIT_PER_RECIPIENT_PER_WEEK
  };
  if (locals.viewer.kind !== 'user') return { access: 'sign-in' as const, organization: summary, limits };
  if (!organizationActions(locals.viewer, organization.id).requestIntroduction || organization.archivedAt) {
    return { access: 'not-allowed' as const, organization: summary, limits };
  }
  if (organization.answerers === 0) return { access: 'no-members' as const, organization: summary, limits };
  const mine = await askingOrganizations(locals.viewer, organization.id);
  const from = mine.find((o) => o.slug === url.searchParams.get('from')) ?? mine[0];
  const reason =
    url.searchParams.get('recommended') === '1' && from
      ? await recommendedReason(from.id, organization.id, mailLanguage(locals.lang)).catch(() => null)
      : null;
  return { access: 'ask' as const, organization: summary, limits, mine, from: from?.id ?? '', reason: reason ?? '' };
};

export const actions: Actions = {
  default: async ({ request, params, locals }) => {
    const organization = await target(params.slug);
    const form = await request.formData();
    const values = {
      fromOrganizationId: String(form.get('fromOrganizationId') ?? ''),
      message: String(form.get('message') ?? ''),
      reason: String(form.get('reason') ?? '')
    };
    const outcome = await requestIntroduction(locals.viewer, {
      fromOrganizationId: values.fromOrganizationId,
      toOrganizationId: organization.id,
      message: values.message,
      reason: values.reason.trim() === '' ? null : values.reason
    });
    if (!outcome.ok) {
      const failure = outcome.failure;
      const errors = Object.fromEntries(
        failure.kind === 'validation' ? failure.fieldErrors.map((e) => [e.field, e.message]) : []
      ) as Record<string, string>;
      return fail(failure.kind === 'forbidden' ? 403 : 400, { values, errors, message: failure.message });
    }
    redirect(303, `/inbox?asked=${encodeURIComponent(organization.slug)}#introduction-${outcome.value.id}`);
  }
};
