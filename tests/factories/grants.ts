/**
 * Test-data factory for grants (funder → recipient). Writes through Prisma and enqueues the outbox row in the same
 * transaction (see organizations.ts for the conventions).
 *
 *   const g = await createGrant(db, funder, recipient, { amountAwarded: 50_000, countryCodes: ['GR'] });
 */
import type { Grant, Organization, Prisma, PrismaClient } from '../../src/lib/server/db/generated/client';
import { enqueueChanges } from '../../src/lib/server/projection/outbox';
import type { Created } from './organizations';
import { themeIdsBySlug, uniqueSuffix } from './util';

export type GrantOverrides = Partial<
  Omit<Prisma.GrantUncheckedCreateInput, 'funderId' | 'recipientId' | 'themes' | 'countries'>
> & {
  themeIds?: string[];
  themeSlugs?: string[];
  /** Where the money is spent (ISO alpha-2). */
  countryCodes?: string[];
};

/** Defaults: 10,000.00 EUR awarded on 2024-01-15, PUBLIC. */
export async function createGrant(
  db: PrismaClient,
  funder: Pick<Organization, 'id'> | string,
  recipient: Pick<Organization, 'id'> | string,
  overrides: GrantOverrides = {}
): Promise<Created<Grant>> {
  const { themeIds = [], themeSlugs = [], countryCodes = [], ...fields } = overrides;
  const suffix = uniqueSuffix();
  const allThemeIds = [...themeIds, ...(await themeIdsBySlug(db, themeSlugs))];
  return db.$transaction(async (tx) => {
    const grant = await tx.grant.create({
      data: {
        title: `Grant ${suffix}`,
        funderId: typeof funder === 'string' ? funder : funder.id,
        recipientId: typeof recipient === 'string' ? recipient : recipient.id,
        amountAwarded: 10_000,
        currency: 'EUR',
        awardDate: new Date('2024-01-15T00:00:00Z'),
        ...fields,
        themes: { create: allThemeIds.map((themeId) => ({ themeId })) },
        countries: { create: countryCodes.map((countryCode) => ({ countryCode })) }
      }
    });
    const outboxIds = await enqueueChanges(tx, [{ aggregate: 'Grant', aggregateId: grant.id, op: 'upsert' }]);
    return { ...grant, outboxIds };
  });
}
