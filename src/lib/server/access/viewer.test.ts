import { describe, expect, it } from 'vitest';
import { anonymous, visibilityOf } from './viewer';

describe('visibilityOf', () => {
  it('gives anonymous viewers public data only', () => {
    expect(visibilityOf(anonymous)).toEqual({ seeMembers: false, seeAll: false, orgIds: [] });
  });
  it('lets members see members-level data and their own organisations', () => {
    const v = visibilityOf({ kind: 'user', userId: 'u', role: 'MEMBER', organizationIds: ['o1'] });
    expect(v).toEqual({ seeMembers: true, seeAll: false, orgIds: ['o1'] });
  });
  it('lets admins see everything', () => {
    expect(visibilityOf({ kind: 'user', userId: 'u', role: 'ADMIN', organizationIds: [] }).seeAll).toBe(true);
  });
});
