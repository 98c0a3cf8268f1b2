/**
 * A profile (`organization(slug:)` with its themes, countries, headquarters, partnerCount and partners) costs two
 * waves of round trips (issue 13 item 2): wave one is ONE SQL statement (the row with themes, countries and
 * headquarters) and, at the same time, ONE Cypher statement (partners and their count, by slug); wave two is ONE
 * SQL statement (the partners' rows, with their headquarters). Counted for real — SQL through the pool, Cypher
 * through the session helpers — and the same for 3 partners as for 25.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, withQueryCounter } from '../../src/lib/server/platform/db';
import { withGraphQueryCounter } from '../../src/lib/server/platform/graph-query-counter';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { organizationsWithReferences } from '../../src/lib/server/directory/organizations-with-references';
import { PROFILE_QUERY } from '../../tools/bench/questions/profile';
import { executeOk } from '../factories/graphql';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();

// The bench's profile question (partners(first: 20)), and the same through a fragment.
const PROFILE = PROFILE_QUERY;
const PROFILE_BY_FRAGMENT = `
query Profile($slug: String!) {
  organization(slug: $slug) { name ...Partners }
}
fragment Partners on Organization { partnerCount partners(first: 3) { slug } }`;

interface Profile {
  organization: {
    slug: string;
    hqCountry: { code: string } | null;
    themes: { slug: string }[];
    countries: { code: string }[];
    partnerCount: number;
    partners: { slug: string; name: string; hqCountry: { code: string } | null }[];
  } | null;
}

let small: { slug: string };
let large: { slug: string };
let largePartnerNames: string[];

async function withPartners(count: number, label: string) {
  const org = await createOrganization(db, {
    name: `Profile ${label}`,
    hqCountryCode: 'DE',
    countryCodes: ['DE', 'AT', 'FR'],
    themeSlugs: ['legal-aid', 'housing']
  });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${label} partner ${String(count - i).padStart(2, '0')}`;
    const partner = await createOrganization(db, { name, hqCountryCode: i % 2 ? 'IT' : 'GR', countryCodes: ['GR'] });
    await createPartnership(db, org.id, partner.id, { visibility: 'PUBLIC' });
    names.push(name);
  }
  // One the anonymous viewer may not see: never counted, never listed.
  const hidden = await createOrganization(db, { name: `${label} hidden partner` });
  await createPartnership(db, hidden.id, org.id, { visibility: 'MEMBERS' });
  return { org, names: names.sort() };
}

async function measure(query: string, variables: Record<string, unknown>) {
  const { result: inner, sqlQueries } = await withQueryCounter(() =>
    withGraphQueryCounter(() => executeOk<Profile>(query, variables))
  );
  return { data: inner.result, sqlQueries, graphQueries: inner.graphQueries };
}

beforeAll(async () => {
  small = (await withPartners(3, 'Small')).org;
  const made = await withPartners(25, 'Large');
  large = made.org;
  largePartnerNames = made.names;
  await drainOutbox();
});

describe('profile round trips', () => {
  it('reads a profile in one SQL + one Cypher statement, then one SQL statement for the partners, whatever their number', async () => {
    await measure(PROFILE, { slug: small.slug }); // warm-up: connections and plans, not rows
    const few = await measure(PROFILE, { slug: small.slug });
    const many = await measure(PROFILE, { slug: large.slug });

    // The answers are real and complete, so the counts cover the whole work.
    const org = many.data.organization!;
    expect(org.partnerCount).toBe(25);
    expect(org.partners.map((p) => p.name)).toEqual(largePartnerNames.slice(0, 20));
    expect(org.partners.every((p) => p.hqCountry && ['GR', 'IT'].includes(p.hqCountry.code))).toBe(true);
    expect(org.hqCountry?.code).toBe('DE');
    expect(org.themes.map((t) => t.slug).sort()).toEqual(['housing', 'legal-aid']);
    expect(org.countries.map((c) => c.code).sort()).toEqual(['AT', 'DE', 'FR']);
    expect(few.data.organization!.partnerCount).toBe(3);

    expect({ sql: few.sqlQueries, cypher: few.graphQueries }).toEqual({ sql: 2, cypher: 1 });
    expect({ sql: many.sqlQueries, cypher: many.graphQueries }).toEqual({ sql: 2, cypher: 1 });
  });

  it('prefetches through fragments too, and slices each partner list to its own first', async () => {
    const { data, sqlQueries, graphQueries } = await measure(PROFILE_BY_FRAGMENT, { slug: large.slug });
    const org = data.organization!;
    expect(org.partnerCount).toBe(25);
    expect(org.partners.map((p) => p.slug)).toHaveLength(3);
    expect({ sql: sqlQueries, cypher: graphQueries }).toEqual({ sql: 2, cypher: 1 });
  });

  it('asks the graph nothing when the query wants no partners', async () => {
    const { data, graphQueries, sqlQueries } = await measure(
      `query($slug: String!) { organization(slug: $slug) { name themes { slug } countries { code } hqCountry { code } } }`,
      { slug: small.slug }
    );
    expect(data.organization!.themes).toHaveLength(2);
    expect({ sql: sqlQueries, cypher: graphQueries }).toEqual({ sql: 1, cypher: 0 });
  });

  it('reads rows equal to what Prisma reads', async () => {
    const [row] = await organizationsWithReferences(db, 'slug', [large.slug]);
    const prisma = await db.organization.findUniqueOrThrow({ where: { slug: large.slug } });
    expect(row!.organization).toEqual(prisma);
    expect(row!.hqCountry).toEqual(await db.country.findUnique({ where: { code: 'DE' } }));
  });
});
