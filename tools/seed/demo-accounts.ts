/**
 * Demo accounts for a newcomer's first `npm start`: a member of a demo organisation, a second member of another
 * demo organisation (so a newcomer can ask for an introduction or propose a partnership as one and answer it as
 * the other straight away), a funder analyst and an admin, each with a freshly generated password that is printed once and stored only as its argon2 hash.
 * Only ever on the embedded defaults: with DATABASE_URL set the database is someone's real one, and an account
 * with a password printed to a console must never appear there (issue 15, part 6).
 */
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../src/lib/server/db/generated/client';
import { hashPassword } from '../../src/lib/server/auth/password';
import { toAuditJson } from '../../src/lib/server/platform/write-with-outbox';

export interface DemoAccount {
  email: string;
  role: 'MEMBER' | 'FUNDER_ANALYST' | 'ADMIN';
  /** Plain text, returned once so that `npm start` can print it; never stored. */
  password: string;
  /** The organisation the account manages (the member's demo organisation; the analyst's funder). */
  organization?: { slug: string; name: string };
}

export type DemoAccountsResult = { seeded: DemoAccount[] } | { skipped: string };

/** 18 random bytes → 24 url-safe characters: well above the 12-character minimum, easy to copy from a console. */
const newPassword = () => randomBytes(18).toString('base64url');

export async function seedDemoAccounts(
  db: PrismaClient,
  opts: { databaseUrl?: string; adminEmail?: string }
): Promise<DemoAccountsResult> {
  if (opts.databaseUrl) return { skipped: 'DATABASE_URL is set: demo accounts are only created on embedded defaults' };
  if (await db.user.findFirst({ select: { id: true } })) return { skipped: 'accounts already exist' };
  const organization = await db.organization.findFirst({
    where: { archivedAt: null, type: { not: 'FUNDER' } },
    orderBy: { slug: 'asc' },
    select: { id: true, slug: true, name: true }
  });
  if (!organization) return { skipped: 'no demo organisation to make the member a member of' };
  // The analyst works for a funder: with a membership there, the member's proposals and introduction requests to it
  // reach someone a newcomer can sign in as (issue 15, part 6).
  const funder = await db.organization.findFirst({
    where: { archivedAt: null, type: 'FUNDER' },
    orderBy: { slug: 'asc' },
    select: { id: true, slug: true, name: true }
  });
  // The second member's organisation must be one the first can ask and propose to: another live, non-funder
  // organisation with no partnership with the first (an open one would refuse a new proposal as a duplicate).
  const partner = await db.organization.findFirst({
    where: {
      id: { not: organization.id },
      archivedAt: null,
      type: { not: 'FUNDER' },
      partnershipsAsA: { none: { orgBId: organization.id } },
      partnershipsAsB: { none: { orgAId: organization.id } }
    },
    orderBy: { slug: 'asc' },
    select: { id: true, slug: true, name: true }
  });
  if (!partner) return { skipped: 'no second demo organisation for the second member' };

  const accounts: (Omit<DemoAccount, 'organization'> & {
    organization?: { id: string; slug: string; name: string };
  })[] = [
    { email: 'member@example.org', role: 'MEMBER', password: newPassword(), organization },
    { email: 'partner@example.org', role: 'MEMBER', password: newPassword(), organization: partner },
    {
      email: 'analyst@example.org',
      role: 'FUNDER_ANALYST',
      password: newPassword(),
      organization: funder ?? undefined
    },
    { email: (opts.adminEmail ?? 'admin@example.org').trim().toLowerCase(), role: 'ADMIN', password: newPassword() }
  ];
  const names = ['Demo Member', 'Demo Partner Member', 'Demo Funder Analyst', 'Demo Admin'];
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  const now = new Date();

  await db.$transaction(async (tx) => {
    for (const [i, account] of accounts.entries()) {
      const user = await tx.user.create({
        data: {
          email: account.email,
          name: names[i],
          role: account.role,
          passwordHash: hashes[i],
          emailVerifiedAt: now
        },
        select: { id: true, email: true, role: true }
      });
      if (account.organization) {
        await tx.membership.create({
          data: {
            userId: user.id,
            organizationId: account.organization.id,
            role: 'OWNER',
            status: 'APPROVED',
            approvedAt: now
          }
        });
      }
      await tx.auditLog.create({
        data: {
          actorId: null,
          action: 'user.create',
          entityType: 'User',
          entityId: user.id,
          before: toAuditJson(null),
          after: toAuditJson({ ...user, demo: true })
        }
      });
    }
  });
  return {
    seeded: accounts.map(({ organization: org, ...a }) =>
      org ? { ...a, organization: { slug: org.slug, name: org.name } } : a
    )
  };
}
