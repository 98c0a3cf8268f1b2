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

/** What the viewer may do with a partnership (GraphQL `Partnership.viewerCan`); the mutations check the same. */
export type PartnershipActions = {
  /** Confirm a proposal: the invited side (orgB). */
  confirm: boolean;
  /** Decline a proposal: the invited side (orgB). */
  decline: boolean;
  /** Take back a proposal: the proposing side (orgA). */
  withdraw: boolean;
  /** End a confirmed partnership: either side. */
  end: boolean;
  /** Change who sees it: either side (making it more visible may still need both sides' consent). */
  changeVisibility: boolean;
};

export function partnershipActions(viewer: Viewer, p: PartnershipSides): PartnershipActions {
  const writer = mayWrite(viewer);
  const forA = writer && canEditOrganization(viewer, p.orgAId);
  const forB = writer && canEditOrganization(viewer, p.orgBId);
  const open = p.status === 'PROPOSED';
  return {
    confirm: open && forB,
    decline: open && forB,
    withdraw: open && forA,
    end: p.status === 'CONFIRMED' && (forA || forB),
    changeVisibility: forA || forB
  };
}
