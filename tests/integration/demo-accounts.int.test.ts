/**
 * Issue 15, part 6: the first `npm start` on embedded defaults creates a member of a demo organisation, a second
 * member of another one (so one can ask and the other answer right after start), an analyst of a demo funder and an
 * admin whose printed passwords really sign in — and never does so when DATABASE_URL is set.
 */
import { describe, expect, it } from 'vitest';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { login } from '../../src/lib/server/auth/login';
import { validateSession } from '../../src/lib/server/auth/sessions';
import { requestIntroduction } from '../../src/lib/server/introductions/request';
import { getDb } from '../../src/lib/server/platform/db';
import { seedDemoAccounts } from '../../tools/seed/demo-accounts';
import { createOrganization } from '../factories/organizations';

const db = getDb();

describe('seedDemoAccounts', () => {
  it('does nothing when DATABASE_URL is set (a real database)', async () => {
    await createOrganization(db, { type: 'NGO' });
    const result = await seedDemoAccounts(db, { databaseUrl: 'postgresql://someone@db.example.org/atlas' });
    expect(result).toEqual({ skipped: expect.stringContaining('DATABASE_URL') });
    expect(await db.user.count()).toBe(0);
  });

  it('creates two members of different organisations, an analyst of a demo funder and an admin whose passwords sign in', async () => {
    // A funder is never a member's demo organisation: with it first by slug, the seed must pass over it.
    const funder = await createOrganization(db, { type: 'FUNDER', slug: 'aaa-demo-funder' });
    await createOrganization(db, { type: 'GRASSROOTS' });
    const result = await seedDemoAccounts(db, {});
    if (!('seeded' in result)) throw new Error(`skipped: ${result.skipped}`);
    expect(result.seeded.map((a) => a.role).sort()).toEqual(['ADMIN', 'FUNDER_ANALYST', 'MEMBER', 'MEMBER']);
    expect(new Set(result.seeded.map((a) => a.password)).size).toBe(4);

    for (const account of result.seeded) {
      const user = await db.user.findUniqueOrThrow({
        where: { email: account.email },
        include: { memberships: true }
      });
      expect(user.role).toBe(account.role);
      expect(user.passwordHash).not.toContain(account.password);
      const signedIn = await login({ email: account.email, password: account.password, ip: '203.0.113.7' });
      expect(signedIn.ok).toBe(true);
      const wrong = await login({ email: account.email, password: `${account.password}x`, ip: '203.0.113.8' });
      expect(wrong.ok).toBe(false);
      if (account.role === 'MEMBER') {
        expect(account.organization).toBeDefined();
        const org = await db.organization.findUniqueOrThrow({ where: { slug: account.organization!.slug } });
        expect(user.memberships).toMatchObject([{ organizationId: org.id, status: 'APPROVED' }]);
      } else if (account.role === 'FUNDER_ANALYST') {
        // Someone the member's proposals and introduction requests reach, so a newcomer can try both sides.
        expect(account.organization).toEqual({ slug: funder.slug, name: funder.name });
        expect(user.memberships).toMatchObject([{ organizationId: funder.id, status: 'APPROVED' }]);
      } else {
        expect(user.memberships).toEqual([]);
      }
    }

    const [first, second] = result.seeded.filter((a) => a.role === 'MEMBER');
    expect(first.email).toBe('member@example.org');
    expect(second.email).toBe('partner@example.org');
    expect(second.organization!.slug).not.toBe(first.organization!.slug);
    // Right after start the first member can ask the second member's organisation for an introduction.
    const signedIn = await login({ email: first.email, password: first.password, ip: '203.0.113.9' });
    if (!signedIn.ok) throw new Error(signedIn.message);
    const session = await validateSession(signedIn.token);
    const [from, to] = await Promise.all(
      [first, second].map((a) => db.organization.findUniqueOrThrow({ where: { slug: a.organization!.slug } }))
    );
    const asked = await requestIntroduction(session!.viewer, {
      fromOrganizationId: from.id,
      toOrganizationId: to.id,
      message: 'We would like to meet you.'
    });
    expect(asked).toMatchObject({ ok: true, value: { status: 'PENDING' } });
    // The asked member's notification mail leaves after commit: let it finish before the pool closes.
    await settleBackgroundWork();
  });

  it('does nothing once accounts exist (only the first start seeds)', async () => {
    const before = await db.user.count();
    expect(await seedDemoAccounts(db, {})).toEqual({ skipped: 'accounts already exist' });
    expect(await db.user.count()).toBe(before);
  });
});
