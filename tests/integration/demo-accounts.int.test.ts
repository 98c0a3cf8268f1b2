/**
 * Issue 15, part 6: the first `npm start` on embedded defaults creates a member of a demo organisation, an analyst
 * of a demo funder and an admin whose printed passwords really sign in — and never does so when DATABASE_URL is set.
 */
import { describe, expect, it } from 'vitest';
import { login } from '../../src/lib/server/auth/login';
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

  it('creates a member of a demo organisation, an analyst of a demo funder and an admin whose passwords sign in', async () => {
    const funder = await createOrganization(db, { type: 'FUNDER' });
    const result = await seedDemoAccounts(db, {});
    if (!('seeded' in result)) throw new Error(`skipped: ${result.skipped}`);
    expect(result.seeded.map((a) => a.role).sort()).toEqual(['ADMIN', 'FUNDER_ANALYST', 'MEMBER']);
    expect(new Set(result.seeded.map((a) => a.password)).size).toBe(3);

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
  });

  it('does nothing once accounts exist (only the first start seeds)', async () => {
    const before = await db.user.count();
    expect(await seedDemoAccounts(db, {})).toEqual({ skipped: 'accounts already exist' });
    expect(await db.user.count()).toBe(before);
  });
});
