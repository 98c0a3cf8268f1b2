/**
 * Issue 13 / decision 0046: the directory's facet counts come from one statement that evaluates the filter once
 * (organizationFacets). They must equal the straightforward definition — for each dimension, the organisations
 * matching the filter with that dimension left out, counted per value — which is what the previous statement ran
 * (five branches, each with `filterSql(filter, dimension)`), kept here as the reference. Generated data (seeded):
 * sub-themes, HQs inside and outside the operating countries, organisations without an HQ, levels or languages,
 * archived organisations; filters over every combination of dimensions, with text and with archived rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/lib/server/db/generated/client';
import type { OrganizationType, WorkLevel } from '../../src/lib/server/db/generated/enums';
import { getDb, withQueryCounter } from '../../src/lib/server/platform/db';
import { facetsFromRows, organizationFacets, type FacetRow, type Facets } from '../../src/lib/server/directory/facets';
import { filterSql, type OrganizationFilter } from '../../src/lib/server/directory/search-filter';
import { Rng } from '../../tools/seed/random';

const db = getDb();
const ORGS = 400;
const COUNTRIES = ['DE', 'FR', 'IT', 'GR', 'ES', 'NL', 'MT', 'PL'];
const LEVELS: WorkLevel[] = ['LOCAL', 'REGIONAL', 'NATIONAL', 'EUROPEAN', 'INTERNATIONAL'];
const TYPES: OrganizationType[] = ['NGO', 'GRASSROOTS', 'NETWORK', 'RESEARCH'];
const LANGUAGES = ['en', 'de', 'fr', 'it', 'el'];
const WORDS = ['asylum', 'detention', 'housing', 'youth', 'legal'];

/** The previous statement: each dimension counted under the filter without it (decision 0022's five branches). */
function referenceStatement(filter: OrganizationFilter): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE theme_closure(ancestor, descendant) AS (
      SELECT id, id FROM "Theme"
      UNION ALL
      SELECT c.ancestor, t.id FROM theme_closure c JOIN "Theme" t ON t."parentId" = c.descendant
    )
    (SELECT 'types' AS dimension, o.type::text AS value, count(*)::int AS count
       FROM "Organization" o WHERE ${filterSql(filter, 'types')} GROUP BY 2)
    UNION ALL
    (SELECT 'levels', l::text, count(*)::int
       FROM "Organization" o CROSS JOIN LATERAL unnest(o.levels) AS l
       WHERE ${filterSql(filter, 'levels')} GROUP BY 2)
    UNION ALL
    (SELECT 'languages', l, count(*)::int
       FROM "Organization" o CROSS JOIN LATERAL unnest(o.languages) AS l
       WHERE ${filterSql(filter, 'languages')} GROUP BY 2)
    UNION ALL
    (SELECT 'countries', c.code::text, count(*)::int
       FROM "Organization" o CROSS JOIN LATERAL (
         SELECT oc."countryCode" AS code FROM "OrganizationCountry" oc WHERE oc."organizationId" = o.id
         UNION
         SELECT o."hqCountryCode" WHERE o."hqCountryCode" IS NOT NULL
       ) c
       WHERE ${filterSql(filter, 'countries')} GROUP BY 2)
    UNION ALL
    (SELECT 'themes', th.slug, count(DISTINCT o.id)::int
       FROM "Organization" o
       JOIN "OrganizationTheme" ot ON ot."organizationId" = o.id
       JOIN theme_closure cl ON cl.descendant = ot."themeId"
       JOIN "Theme" th ON th.id = cl.ancestor
       WHERE ${filterSql(filter, 'themes')} GROUP BY 2)`;
}

async function referenceFacets(filter: OrganizationFilter): Promise<Facets> {
  return facetsFromRows(await db.$queryRaw<FacetRow[]>(referenceStatement(filter)));
}

let themeSlugs: string[] = [];
let parentSlugs: string[] = [];

/** Up to `max` distinct values (possibly none). */
function some<T>(rng: Rng, items: readonly T[], max: number): T[] {
  const n = rng.int(0, max);
  return [...new Set(Array.from({ length: n }, () => rng.pick(items)))];
}

beforeAll(async () => {
  const themes = await db.theme.findMany({ select: { id: true, slug: true, parentId: true } });
  themeSlugs = themes.map((t) => t.slug);
  parentSlugs = themes.filter((t) => themes.some((c) => c.parentId === t.id)).map((t) => t.slug);
  const rng = new Rng(13);
  const orgs = Array.from({ length: ORGS }, (_, i) => ({
    id: `facet-${i}`,
    slug: `facet-${i}`,
    name: `${rng.pick(WORDS)} ${rng.pick(WORDS)} ${i}`,
    type: rng.pick(TYPES),
    hqCountryCode: rng.chance(0.85) ? rng.pick(COUNTRIES) : null,
    levels: some(rng, LEVELS, 3),
    languages: some(rng, LANGUAGES, 3),
    archivedAt: rng.chance(0.1) ? new Date() : null
  }));
  await db.organization.createMany({ data: orgs });
  await db.organizationCountry.createMany({
    data: orgs.flatMap((o) => some(rng, COUNTRIES, 3).map((countryCode) => ({ organizationId: o.id, countryCode })))
  });
  await db.organizationTheme.createMany({
    data: orgs.flatMap((o) => some(rng, themes, 3).map((t) => ({ organizationId: o.id, themeId: t.id })))
  });
  expect(parentSlugs.length).toBeGreaterThan(0);
});

/** Filters over every subset of the five dimensions, with random values, sometimes text and archived rows. */
function filters(): OrganizationFilter[] {
  const rng = new Rng(46);
  const out: OrganizationFilter[] = [];
  for (let mask = 0; mask < 32; mask++) {
    for (const variant of [0, 1]) {
      const f: OrganizationFilter = {};
      // Parents half the time, so sub-themes are counted through their ancestors in both directions.
      if (mask & 1) f.themes = some(rng, variant ? parentSlugs : themeSlugs, 2).concat(rng.pick(themeSlugs));
      if (mask & 2) f.countries = [rng.pick(COUNTRIES), ...some(rng, COUNTRIES, 1)];
      if (mask & 4) f.levels = [rng.pick(LEVELS)];
      if (mask & 8) f.types = [rng.pick(TYPES), ...some(rng, TYPES, 1)];
      if (mask & 16) f.languages = [rng.pick(LANGUAGES)];
      if (variant) f.includeArchived = true;
      if (rng.chance(0.25)) f.query = rng.pick(WORDS);
      out.push(f);
    }
  }
  return out;
}

describe('facet counts in one pass', () => {
  it('equal the per-dimension counts for every combination of filters', async () => {
    let nonEmpty = 0;
    for (const filter of filters()) {
      const [actual, expected] = await Promise.all([organizationFacets(db, filter), referenceFacets(filter)]);
      expect(actual, JSON.stringify(filter)).toEqual(expected);
      if (Object.values(expected).some((list) => list.length > 0)) nonEmpty++;
    }
    // The comparison means something only if most filters count something.
    expect(nonEmpty).toBeGreaterThan(50);
  });

  it('leaves archived organisations out unless asked, and counts them when asked', async () => {
    const filter = { countries: ['DE'], types: ['NGO' as const] };
    const total = (f: Facets) => f.types.reduce((sum, t) => sum + t.count, 0);
    const live = await organizationFacets(db, filter);
    const all = await organizationFacets(db, { ...filter, includeArchived: true });
    const [{ archived }] = await db.$queryRaw<{ archived: number }[]>`
      SELECT count(*)::int AS archived FROM "Organization" o
      WHERE o."archivedAt" IS NOT NULL AND ${filterSql({ countries: ['DE'], includeArchived: true }, 'types')}`;
    expect(archived).toBeGreaterThan(0);
    expect(total(all) - total(live)).toBe(archived);
  });

  it('costs one SQL statement whatever the filter', async () => {
    for (const filter of [
      {},
      { themes: [parentSlugs[0]!] },
      { themes: [parentSlugs[0]!], countries: ['DE'], levels: ['LOCAL' as const], query: 'asylum' }
    ]) {
      const { sqlQueries } = await withQueryCounter(() => organizationFacets(db, filter));
      expect(sqlQueries, JSON.stringify(filter)).toBe(1);
    }
  });
});
