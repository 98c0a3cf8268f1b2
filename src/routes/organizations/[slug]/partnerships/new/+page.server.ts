import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createGraphqlClient, loadQuery } from '$lib/graphql/client';
import {
  MyOrganizationsQuery,
  OrganizationIdentityQuery,
  PartnerCandidatesQuery,
  ProposePartnershipMutation
} from '$lib/graphql/documents/editing';
import type { PartnershipKind, Visibility } from '$lib/graphql/generated/graphql';
import { m } from '$lib/i18n/generated/messages.js';
import { formFailure, mutationFailure } from '$lib/components/forms/mutation-outcome';
import { partnershipUrlId } from '../partnership-ids';

/**
 * Proposing a partnership from this page's organisation, or to it:
 *  - someone who acts for <slug> proposes from it and searches for the other side (a plain GET search, ?q=);
 *  - a member of another organisation (the "Propose a partnership" link on a profile) proposes to <slug>, from
 *    one of their own organisations.
 */
const FIELDS = [
  'orgAId',
  'orgBId',
  'kind',
  'title',
  'description',
  'message',
  'visibility',
  'startDate',
  'endDate'
] as const;
type Values = Record<(typeof FIELDS)[number], string>;

async function context(fetchFn: typeof fetch, slug: string) {
  const [{ organization }, { me }] = await Promise.all([
    loadQuery(fetchFn, OrganizationIdentityQuery, { slug }),
    loadQuery(fetchFn, MyOrganizationsQuery, {})
  ]);
  if (!organization) error(404, m.error_not_found_heading());
  const mine = (me?.memberships ?? [])
    .filter((ms) => ms.status === 'APPROVED' && ms.organization.id !== organization.id)
    .map((ms) => ms.organization);
  return { organization, signedIn: !!me, mine };
}

export const load: PageServerLoad = async ({ fetch, params, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store' });
  const { organization, signedIn, mine } = await context(fetch, params.slug);
  const summary = { id: organization.id, slug: organization.slug, name: organization.name };
  if (!signedIn) return { access: 'sign-in' as const, organization: summary };
  if (organization.viewerCanEdit) {
    const query = (url.searchParams.get('q') ?? '').trim();
    const candidates = query
      ? (await loadQuery(fetch, PartnerCandidatesQuery, { query })).organizations.nodes
          .filter((o) => o.id !== organization.id)
          .map((o) => ({ id: o.id, name: o.name, place: [o.hqCity, o.hqCountry?.code].filter(Boolean).join(', ') }))
      : [];
    return { access: 'from' as const, organization: summary, query, candidates };
  }
  if (mine.length > 0) return { access: 'to' as const, organization: summary, mine };
  return { access: 'not-allowed' as const, organization: summary };
};

const textOrNull = (text: string) => (text === '' ? null : text);

export const actions: Actions = {
  default: async ({ request, fetch, params }) => {
    const form = await request.formData();
    const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '').trim()])) as Values;
    // Everything goes to the API as typed (it validates); an empty choice is sent empty, and the API names it.
    const result = await createGraphqlClient(fetch)
      .mutation(ProposePartnershipMutation, {
        input: {
          orgAId: values.orgAId,
          orgBId: values.orgBId,
          kind: values.kind as PartnershipKind,
          title: textOrNull(values.title),
          description: textOrNull(values.description),
          message: textOrNull(values.message),
          visibility: (textOrNull(values.visibility) as Visibility | null) ?? undefined,
          startDate: textOrNull(values.startDate),
          endDate: textOrNull(values.endDate)
        }
      })
      .toPromise();
    const payload = result.data?.proposePartnership;
    const failure = mutationFailure(result, payload, 'ProposePartnershipSuccess');
    if (failure || payload?.__typename !== 'ProposePartnershipSuccess') {
      const shown = formFailure(
        failure ?? { kind: 'unavailable', status: 502, message: 'no answer' },
        FIELDS,
        {},
        {
          forbidden: (message) => m.edit_forbidden({ message }),
          unavailable: (message) => m.edit_unavailable({ message })
        }
      );
      return fail(shown.status, { values, errors: shown.errors, unplaced: shown.unplaced, message: shown.message });
    }
    // This page's organisation is one of the two sides either way, so the new partnership is seen from it.
    redirect(303, `/organizations/${params.slug}/partnerships/${partnershipUrlId(payload.partnership.id)}?proposed=1`);
  }
};
