import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createGraphqlClient, loadQuery } from '$lib/graphql/client';
import {
  ConfirmPartnershipMutation,
  DeclinePartnershipMutation,
  EndPartnershipMutation,
  PartnershipDetailQuery,
  SendClaimInvitationMutation,
  SetPartnershipVisibilityMutation,
  WithdrawPartnershipMutation
} from '$lib/graphql/documents/editing';
import type { Visibility } from '$lib/graphql/generated/graphql';
import { m } from '$lib/i18n/generated/messages.js';
import { formFailure, mutationFailure, type MutationPayload } from '$lib/components/forms/mutation-outcome';
import type { CombinedError } from '@urql/core';
import { partnershipGlobalId } from '../partnership-ids';

export const load: PageServerLoad = async ({ fetch, params, locals, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store' });
  const { partnership } = await loadQuery(fetch, PartnershipDetailQuery, {
    id: partnershipGlobalId(params.id),
    lang: locals.lang === 'de' ? 'DE' : 'EN'
  });
  // Unknown, not visible to this viewer, or not a partnership of <slug>: the same 404, so nothing is revealed.
  if (!partnership || (partnership.orgA.slug !== params.slug && partnership.orgB.slug !== params.slug)) {
    error(404, m.error_not_found_heading());
  }
  return {
    partnership,
    seenFrom: params.slug,
    proposed: url.searchParams.has('proposed'),
    // What the page offers, as the API answers it; each action is checked again and a refusal is shown.
    can: {
      answer: partnership.viewerCan.confirm || partnership.viewerCan.decline,
      withdraw: partnership.viewerCan.withdraw,
      end: partnership.viewerCan.end,
      // Offered on live partnerships only: a declined, withdrawn, expired or ended one has no audience to change.
      changeVisibility:
        partnership.viewerCan.changeVisibility &&
        (partnership.status === 'PROPOSED' || partnership.status === 'CONFIRMED')
    }
  };
};

type Done = 'confirmed' | 'declined' | 'withdrawn' | 'ended' | 'visibility' | 'claimed';

/** The action's answer: a notice on success, otherwise the API's message (beside the field it names). */
function answer(
  action: Done,
  result: { error?: CombinedError },
  payload: MutationPayload | undefined,
  successType: string,
  fields: readonly string[]
) {
  const failure = mutationFailure(result, payload, successType);
  if (!failure) return { action, done: true as const };
  const shown = formFailure(
    failure,
    fields,
    {},
    {
      forbidden: (message) => m.edit_forbidden({ message }),
      unavailable: (message) => m.edit_unavailable({ message })
    }
  );
  const message = shown.message ?? [...Object.values(shown.errors), ...shown.unplaced.map((e) => e.message)].join(' ');
  return fail(shown.status, { action, done: false as const, errors: shown.errors, message });
}

export const actions: Actions = {
  confirm: async ({ fetch, params }) => {
    const result = await createGraphqlClient(fetch)
      .mutation(ConfirmPartnershipMutation, { id: partnershipGlobalId(params.id) })
      .toPromise();
    return answer('confirmed', result, result.data?.confirmPartnership, 'ConfirmPartnershipSuccess', []);
  },
  decline: async ({ fetch, params }) => {
    const result = await createGraphqlClient(fetch)
      .mutation(DeclinePartnershipMutation, { id: partnershipGlobalId(params.id) })
      .toPromise();
    return answer('declined', result, result.data?.declinePartnership, 'DeclinePartnershipSuccess', []);
  },
  // Issue 15 part 3: mail the unreached side's public contact an invitation to claim its profile (once a month).
  claim: async ({ fetch, params }) => {
    const result = await createGraphqlClient(fetch)
      .mutation(SendClaimInvitationMutation, { partnershipId: partnershipGlobalId(params.id) })
      .toPromise();
    return answer('claimed', result, result.data?.sendClaimInvitation, 'SendClaimInvitationSuccess', []);
  },
  withdraw: async ({ fetch, params }) => {
    const result = await createGraphqlClient(fetch)
      .mutation(WithdrawPartnershipMutation, { id: partnershipGlobalId(params.id) })
      .toPromise();
    return answer('withdrawn', result, result.data?.withdrawPartnership, 'WithdrawPartnershipSuccess', []);
  },
  end: async ({ fetch, params, request }) => {
    const endDate = String((await request.formData()).get('endDate') ?? '').trim();
    const result = await createGraphqlClient(fetch)
      .mutation(EndPartnershipMutation, { input: { id: partnershipGlobalId(params.id), endDate: endDate || null } })
      .toPromise();
    return answer('ended', result, result.data?.endPartnership, 'EndPartnershipSuccess', ['endDate']);
  },
  visibility: async ({ fetch, params, request }) => {
    const visibility = String((await request.formData()).get('visibility') ?? '') as Visibility;
    const result = await createGraphqlClient(fetch)
      .mutation(SetPartnershipVisibilityMutation, { input: { id: partnershipGlobalId(params.id), visibility } })
      .toPromise();
    return answer('visibility', result, result.data?.setPartnershipVisibility, 'SetPartnershipVisibilitySuccess', [
      'visibility'
    ]);
  }
};
