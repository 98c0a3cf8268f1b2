/**
 * Test-data factories for organisations and partnerships, shared by every integration test (and usable by seeds).
 *
 * Each factory writes through Prisma AND enqueues the matching outbox rows in the same interactive transaction,
 * exactly like the app's services do, so a test can then call `drainOutbox()` / `projectNow(ids)` and see the
 * change in Neo4j. Defaults are minimal but valid; every field can be overridden. Unique values (slugs) come from
 * a per-process counter plus a random suffix, so tests never collide even when run against a shared database.
 *
 *   const a = await createOrganization(db, { name: 'Alpha', themeSlugs: ['legal-aid'], countryCodes: ['DE'] });
 *   const b = await createOrganization(db);
 *   const p = await createPartnership(db, a, b, { status: 'CONFIRMED', visibility: 'PUBLIC' });
 *   await projectNow(p.outboxIds);
 */
import type { Organization, Partnership, Prisma, PrismaClient } from '../../src/lib/server/db/generated/client';
import { enqueueChanges } from '../../src/lib/server/projection/outbox';
import { themeIdsBySlug, uniqueSuffix } from './util';

/** What the factories return: the created row plus the ids of the outbox rows written with it. */
export type Created<T> = T & { outboxIds: bigint[] };

export type OrganizationOverrides = Partial<Omit<Prisma.OrganizationUncheckedCreateInput, 'countries' | 'themes'>> & {
  /** Theme ids (cuid) the organisation works on. */
  themeIds?: string[];
  /** Theme slugs (resolved against the reference data) — convenient in tests. */
  themeSlugs?: string[];
  /** ISO alpha-2 codes of the countries it operates in. */
  countryCodes?: string[];
};

export async function createOrganization(
  db: PrismaClient,
  overrides: OrganizationOverrides = {}
): Promise<Created<Organization>> {
  const { themeIds = [], themeSlugs = [], countryCodes = [], ...fields } = overrides;
  const suffix = uniqueSuffix();
  const allThemeIds = [...themeIds, ...(await themeIdsBySlug(db, themeSlugs))];
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: {
        slug: `org-${suffix}`,
        name: `Organisation ${suffix}`,
        type: 'NGO',
        ...fields,
        themes: { create: allThemeIds.map((themeId) => ({ themeId })) },
        countries: { create: countryCodes.map((countryCode) => ({ countryCode })) }
      }
    });
    const outboxIds = await enqueueChanges(tx, [{ aggregate: 'Organization', aggregateId: org.id, op: 'upsert' }]);
    return { ...org, outboxIds };
  });
}

export type PartnershipOverrides = Partial<
  Omit<Prisma.PartnershipUncheckedCreateInput, 'orgAId' | 'orgBId' | 'themes'>
> & {
  themeIds?: string[];
  themeSlugs?: string[];
};

/**
 * A partnership between `a` (orgA, the proposer) and `b` (orgB). Defaults: PROJECT, CONFIRMED, PUBLIC — the
 * kind of edge most graph tests want; override status/visibility to test the other cases.
 */
export async function createPartnership(
  db: PrismaClient,
  a: Pick<Organization, 'id'> | string,
  b: Pick<Organization, 'id'> | string,
  overrides: PartnershipOverrides = {}
): Promise<Created<Partnership>> {
  const { themeIds = [], themeSlugs = [], ...fields } = overrides;
  const allThemeIds = [...themeIds, ...(await themeIdsBySlug(db, themeSlugs))];
  return db.$transaction(async (tx) => {
    const partnership = await tx.partnership.create({
      data: {
        orgAId: typeof a === 'string' ? a : a.id,
        orgBId: typeof b === 'string' ? b : b.id,
        kind: 'PROJECT',
        status: 'CONFIRMED',
        visibility: 'PUBLIC',
        ...fields,
        themes: { create: allThemeIds.map((themeId) => ({ themeId })) }
      }
    });
    const outboxIds = await enqueueChanges(tx, [
      { aggregate: 'Partnership', aggregateId: partnership.id, op: 'upsert' }
    ]);
    return { ...partnership, outboxIds };
  });
}
