import { describe, expect, it } from 'vitest';
import {
  mayWidenPartnershipVisibility,
  organizationActions,
  partnershipActions,
  requirePartnershipSide,
  type PartnershipAction,
  type PartnershipSides
} from './policy';
import { anonymous, type Viewer } from './viewer';

const user = (organizationIds: string[], extra: Partial<Extract<Viewer, { kind: 'user' }>> = {}): Viewer => ({
  kind: 'user',
  userId: 'u1',
  role: 'MEMBER',
  organizationIds,
  ...extra
});
const admin: Viewer = { kind: 'user', userId: 'a1', role: 'ADMIN', organizationIds: [] };
const proposal: PartnershipSides = { status: 'PROPOSED', orgAId: 'A', orgBId: 'B' };
const confirmed: PartnershipSides = { ...proposal, status: 'CONFIRMED' };
const none = { confirm: false, decline: false, withdraw: false, end: false, changeVisibility: false };

describe('partnershipActions', () => {
  it('lets the invited side answer a proposal and the proposer withdraw it', () => {
    expect(partnershipActions(user(['B']), proposal)).toEqual({
      ...none,
      confirm: true,
      decline: true,
      changeVisibility: true
    });
    expect(partnershipActions(user(['A']), proposal)).toEqual({ ...none, withdraw: true, changeVisibility: true });
  });

  it('lets either side end a confirmed partnership, and no one answer it again', () => {
    expect(partnershipActions(user(['A']), confirmed)).toEqual({ ...none, end: true, changeVisibility: true });
    expect(partnershipActions(user(['B']), confirmed)).toEqual({ ...none, end: true, changeVisibility: true });
  });

  it('offers nothing on an expired proposal but a visibility change', () => {
    expect(partnershipActions(user(['B']), { ...proposal, status: 'EXPIRED' })).toEqual({
      ...none,
      changeVisibility: true
    });
  });

  it('offers nothing to outsiders, anonymous visitors or a read-only token', () => {
    expect(partnershipActions(user(['C']), proposal)).toEqual(none);
    expect(partnershipActions(anonymous, confirmed)).toEqual(none);
    expect(partnershipActions(user(['B'], { tokenScopes: ['read'] }), proposal)).toEqual(none);
  });

  it('lets an admin act for both sides', () => {
    expect(partnershipActions(admin, proposal)).toEqual({
      confirm: true,
      decline: true,
      withdraw: true,
      end: false,
      changeVisibility: true
    });
  });
});

describe('organizationActions', () => {
  it('lets members edit their own organisation and propose (or ask for an introduction) only to others', () => {
    expect(organizationActions(user(['A']), 'A')).toEqual({ edit: true, propose: false, requestIntroduction: false });
    expect(organizationActions(user(['A']), 'B')).toEqual({ edit: false, propose: true, requestIntroduction: true });
    expect(organizationActions(user(['A', 'B']), 'B')).toEqual({
      edit: true,
      propose: true,
      requestIntroduction: true
    });
  });

  it('offers nothing to anonymous visitors, signed-in people without an organisation or read-only tokens', () => {
    const nothing = { edit: false, propose: false, requestIntroduction: false };
    expect(organizationActions(anonymous, 'A')).toEqual(nothing);
    expect(organizationActions(user([]), 'A')).toEqual(nothing);
    expect(organizationActions(user(['A'], { tokenScopes: ['read'] }), 'B')).toEqual(nothing);
  });
});

describe('requirePartnershipSide (what the mutations ask before judging the status)', () => {
  const actions: PartnershipAction[] = ['confirm', 'decline', 'withdraw', 'end', 'changeVisibility'];
  const refusedFor = (viewer: Viewer) =>
    actions.filter((action) => requirePartnershipSide(viewer, action, proposal) !== null);

  it('refuses by side only, whatever the status, in step with viewerCan', () => {
    expect(refusedFor(user(['A']))).toEqual(['confirm', 'decline']);
    expect(refusedFor(user(['B']))).toEqual(['withdraw']);
    expect(refusedFor(user(['C']))).toEqual(actions);
    expect(refusedFor(admin)).toEqual([]);
  });

  it('names who may act in its refusal', () => {
    expect(requirePartnershipSide(user(['A']), 'confirm', proposal)).toMatchObject({
      ok: false,
      failure: { kind: 'forbidden', message: 'Only the invited organisation (orgB) can confirm this partnership.' }
    });
  });
});

describe('mayWidenPartnershipVisibility', () => {
  it('needs both sides, or the proposer while the proposal is open', () => {
    expect(mayWidenPartnershipVisibility(user(['A']), proposal)).toBe(true);
    expect(mayWidenPartnershipVisibility(user(['A']), confirmed)).toBe(false);
    expect(mayWidenPartnershipVisibility(user(['B']), proposal)).toBe(false);
    expect(mayWidenPartnershipVisibility(user(['A', 'B']), confirmed)).toBe(true);
    expect(mayWidenPartnershipVisibility(admin, confirmed)).toBe(true);
    expect(mayWidenPartnershipVisibility(user(['A', 'B'], { tokenScopes: ['read'] }), confirmed)).toBe(false);
  });
});
