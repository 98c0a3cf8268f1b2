import type { ObjectRef } from '@pothos/core';
import type { OrganizationActions, PartnershipActions } from '../src/lib/server/access/policy';
import { builder, type AtlasTypes } from './builder';

/**
 * What the viewer may do with an object, answered by the access policy (src/lib/server/access/policy.ts) so pages
 * ask instead of re-deriving the rules. An offer, not a promise: each mutation checks again.
 */
function actionsType<T extends Record<string, boolean>>(
  name: string,
  description: string,
  actions: Record<keyof T & string, string>
): ObjectRef<AtlasTypes, T> {
  return builder.objectRef<T>(name).implement({
    description,
    fields: (t) =>
      Object.fromEntries(
        Object.entries(actions).map(([action, what]) => [
          action,
          t.boolean({ description: what, resolve: (can) => can[action] })
        ])
      )
  });
}

export const OrganizationActionsRef = actionsType<OrganizationActions>(
  'OrganizationActions',
  'What the viewer may do with this organisation.',
  {
    edit: 'Edit the profile and act for the organisation.',
    propose: 'Propose a partnership with it (the viewer acts for another organisation).',
    requestIntroduction:
      'Ask to be introduced to it (the viewer acts for another organisation; limits may still refuse a request).'
  }
);

export const PartnershipActionsRef = actionsType<PartnershipActions>(
  'PartnershipActions',
  'What the viewer may do with this partnership.',
  {
    confirm: 'Confirm the proposal (the invited side, orgB).',
    decline: 'Decline the proposal (the invited side, orgB).',
    withdraw: 'Withdraw the proposal (the proposing side, orgA).',
    end: 'End the confirmed partnership (either side).',
    changeVisibility:
      'Change who sees it (either side; making it more visible may still need both sides, see setPartnershipVisibility).'
  }
);
