import type { PartnershipStatus } from '../db/generated/client';
import type { Viewer } from './viewer';
import { forbidden, type Outcome } from '../validation/outcome';

/**
 * Authorisation for writes: a signed-in user (with a write scope when using a token) may edit the organisations
 * they belong to; admins may edit any.
 */
export function requireWriter(viewer: Viewer): Outcome<never> | null {
  if (viewer.kind !== 'user') return forbidden('Sign in to make changes.');
  if (viewer.tokenScopes && !viewer.tokenScopes.includes('write')) {
    return forbidden('This API token has no write scope.');
  }
  return null;
}

export function canEditOrganization(viewer: Viewer, organizationId: string): boolean {
  if (viewer.kind !== 'user') return false;
  return viewer.role === 'ADMIN' || viewer.organizationIds.includes(organizationId);
}

export function actorId(viewer: Viewer): string | null {
  return viewer.kind === 'user' ? viewer.userId : null;
}

/** Whether the viewer may write at all: signed in, and with a write scope when using a token. */
export function mayWrite(viewer: Viewer): boolean {
  return requireWriter(viewer) === null;
}

/** What the viewer may do with an organisation (GraphQL `Organization.viewerCan`). */
export type OrganizationActions = {
  /** Edit the profile and act for it. */
  edit: boolean;
  /** Propose a partnership with it: only someone who acts for ANOTHER organisation can. */
  propose: boolean;
  /** Ask to be introduced to it (issue 15 part 4): like propose, someone who acts for ANOTHER organisation. */
  requestIntroduction: boolean;
};

export function organizationActions(viewer: Viewer, organizationId: string): OrganizationActions {
  const writer = mayWrite(viewer);
  return {
    edit: writer && canEditOrganization(viewer, organizationId),
    propose: writer && viewer.kind === 'user' && viewer.organizationIds.some((id) => id !== organizationId),
    requestIntroduction: writer && viewer.kind === 'user' && viewer.organizationIds.some((id) => id !== organizationId)
  };
}

/** The partnership fields the rules read; `status` is the effective one (an expired proposal is EXPIRED). */
export interface PartnershipSides {
  status: PartnershipStatus;
  orgAId: string;
  orgBId: string;
}

/** What may be done to a partnership; each mutation and `Partnership.viewerCan` name the same actions. */
export type PartnershipAction = 'confirm' | 'decline' | 'withdraw' | 'end' | 'changeVisibility';

/** What the viewer may do with a partnership (GraphQL `Partnership.viewerCan`); the mutations check the same. */
export type PartnershipActions = Record<PartnershipAction, boolean>;

/**
 * The rules, written once: which side acts, and in which status the action applies (null: any status).
 * confirm/decline: the invited side (orgB) answers a proposal; withdraw: the proposing side (orgA) takes it back;
 * end: either side ends a confirmed partnership; changeVisibility: either side, at any status (making it more
 * visible may still need both sides' consent: `mayWidenPartnershipVisibility`).
 */
const partnershipRules: Record<PartnershipAction, { side: 'A' | 'B' | 'either'; status: PartnershipStatus | null }> = {
  confirm: { side: 'B', status: 'PROPOSED' },
  decline: { side: 'B', status: 'PROPOSED' },
  withdraw: { side: 'A', status: 'PROPOSED' },
  end: { side: 'either', status: 'CONFIRMED' },
  changeVisibility: { side: 'either', status: null }
};

/** Which of the two sides the viewer may act for (neither when they may not write at all). */
function sidesActedFor(viewer: Viewer, p: Pick<PartnershipSides, 'orgAId' | 'orgBId'>) {
  const writer = mayWrite(viewer);
  return {
    forA: writer && canEditOrganization(viewer, p.orgAId),
    forB: writer && canEditOrganization(viewer, p.orgBId)
  };
}

/**
 * Whether the viewer acts for the side `action` needs, whatever the status. The mutations ask this before their
 * transaction and judge the status on the locked row (so a late answer gets "is CONFIRMED", not "forbidden").
 */
export function actsForSide(viewer: Viewer, action: PartnershipAction, p: Pick<PartnershipSides, 'orgAId' | 'orgBId'>) {
  const { forA, forB } = sidesActedFor(viewer, p);
  const side = partnershipRules[action].side;
  return side === 'A' ? forA : side === 'B' ? forB : forA || forB;
}

/** Why the viewer may not take `action` for lack of the right side, or null when they act for it. */
export function requirePartnershipSide(
  viewer: Viewer,
  action: PartnershipAction,
  p: Pick<PartnershipSides, 'orgAId' | 'orgBId'>
): Outcome<never> | null {
  if (actsForSide(viewer, action, p)) return null;
  return forbidden(sideRefusals[action]);
}

const sideRefusals: Record<PartnershipAction, string> = {
  confirm: 'Only the invited organisation (orgB) can confirm this partnership.',
  decline: 'Only the invited organisation (orgB) can decline this partnership.',
  withdraw: 'Only the proposing organisation (orgA) can withdraw this proposal.',
  end: 'Only a member of one of the two organisations can end this partnership.',
  changeVisibility: 'Only a member of one of the two organisations can change who sees this partnership.'
};

export function partnershipActions(viewer: Viewer, p: PartnershipSides): PartnershipActions {
  const may = (action: PartnershipAction) => {
    const { status } = partnershipRules[action];
    return (status === null || p.status === status) && actsForSide(viewer, action, p);
  };
  return {
    confirm: may('confirm'),
    decline: may('decline'),
    withdraw: may('withdraw'),
    end: may('end'),
    changeVisibility: may('changeVisibility')
  };
}

/**
 * Making a partnership MORE visible exposes the other side too, so it needs someone who speaks for both (a member
 * of both, or an admin) — or the proposer (orgA) while its proposal is still PROPOSED, because orgB then confirms
 * with the new visibility in view. `status` here is the stored one of the locked row.
 */
export function mayWidenPartnershipVisibility(viewer: Viewer, p: PartnershipSides): boolean {
  const { forA, forB } = sidesActedFor(viewer, p);
  return (forA && forB) || (p.status === 'PROPOSED' && forA);
}
