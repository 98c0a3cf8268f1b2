import type { OrganizationActions, PartnershipActions } from '../src/lib/server/access/policy';
import { builder } from './builder';

/**
 * What the viewer may do with an object, answered by the access policy (src/lib/server/access/policy.ts) so pages
 * ask instead of re-deriving the rules. An offer, not a promise: each mutation checks again.
 */
export const OrganizationActionsRef = builder.objectRef<OrganizationActions>('OrganizationActions').implement({
  description: 'What the viewer may do with this organisation.',
  fields: (t) => ({
    edit: t.exposeBoolean('edit', { description: 'Edit the profile and act for the organisation.' }),
    propose: t.exposeBoolean('propose', {
      description: 'Propose a partnership with it (the viewer acts for another organisation).'
    })
  })
});

export const PartnershipActionsRef = builder.objectRef<PartnershipActions>('PartnershipActions').implement({
  description: 'What the viewer may do with this partnership.',
  fields: (t) => ({
    confirm: t.exposeBoolean('confirm', { description: 'Confirm the proposal (the invited side, orgB).' }),
    decline: t.exposeBoolean('decline', { description: 'Decline the proposal (the invited side, orgB).' }),
    withdraw: t.exposeBoolean('withdraw', { description: 'Withdraw the proposal (the proposing side, orgA).' }),
    end: t.exposeBoolean('end', { description: 'End the confirmed partnership (either side).' }),
    changeVisibility: t.exposeBoolean('changeVisibility', {
      description:
        'Change who sees it (either side; making it more visible may still need both sides, see setPartnershipVisibility).'
    })
  })
});
