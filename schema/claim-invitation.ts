import { sendClaimInvitation } from '../src/lib/server/partnerships/claim-invitation';
import { builder } from './builder';
import { mutationResult } from './errors';

/** Issue 15 part 3: the invitation to claim a proposal's unreached side, as the proposer's page offers it. */
const ClaimInvitationSentRef = builder
  .objectRef<{ sentTo: string; language: string }>('ClaimInvitationSent')
  .implement({
    description: 'An invitation to claim a profile, queued for mailing to its public contact address.',
    fields: (t) => ({
      sentTo: t.exposeString('sentTo', { description: 'The public contact address it goes to.' }),
      language: t.exposeString('language', { description: 'The language it is written in (en or de).' })
    })
  });

const send = mutationResult(
  'SendClaimInvitation',
  'invitation',
  ClaimInvitationSentRef,
  'The invitation is queued; at most one a month is sent per organisation.'
);

builder.mutationFields((t) => ({
  sendClaimInvitation: t.field({
    type: send.union,
    description:
      "The proposing side of a PROPOSED partnership whose invited side has no members mails that organisation's " +
      'public contact address an invitation to claim its profile (at most once a month per organisation).',
    args: { partnershipId: t.arg.id({ required: true }) },
    resolve: async (_root, { partnershipId }, ctx) =>
      send.withIds({ partnershipId }, { partnershipId: 'Partnership' }, (ids) =>
        sendClaimInvitation(ctx.viewer, ids.partnershipId)
      )
  })
}));
