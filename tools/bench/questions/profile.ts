/**
 * An organisation's profile by slug, for organisations with exactly 20 visible partners: the profile fields,
 * themes, countries, the partner count and the 20 partners (from the graph) with their headquarters.
 */
import neo4j from 'neo4j-driver';
import { visiblePartnership } from '../../../src/lib/server/access/visibility-cypher';
import type { Question } from '../question';
import { ANONYMOUS_VISIBILITY } from '../visibility';

interface Input {
  slug: string;
}

/** Also the profile a round-trip test counts (tests/integration/profile-round-trips.int.test.ts). */
export const PROFILE_QUERY = `
query BenchProfile($slug: String!) {
  organization(slug: $slug) {
    id slug name type description website foundedYear hqCity levels languages
    hqCountry { code nameEn }
    themes { slug nameEn }
    countries { code nameEn }
    partnerCount
    partners(first: 20) { id slug name hqCountry { code } }
  }
}`;

// The organisation row with its themes and countries (the organizationBySlug, themes and countries loaders)…
const RAW_SQL = `
SELECT o.id, o.slug, o.name, o.type, o.description, o.website, o."foundedYear", o."hqCity", o.levels, o.languages,
       k.code AS "hqCode", k."nameEn" AS "hqName",
       ARRAY(SELECT t.slug FROM "OrganizationTheme" ot JOIN "Theme" t ON t.id = ot."themeId"
             WHERE ot."organizationId" = o.id ORDER BY t."sortOrder", t.slug) AS themes,
       ARRAY(SELECT c.code FROM "OrganizationCountry" oc JOIN "Country" c ON c.code = oc."countryCode"
             WHERE oc."organizationId" = o.id ORDER BY c."nameEn") AS countries
FROM "Organization" o LEFT JOIN "Country" k ON k.code = o."hqCountryCode"
WHERE o.slug = $1`;

// …and, at the same time, its visible partners and their count from the graph (src/lib/server/partnerships/partners-graph.ts).
const RAW_CYPHER = `
MATCH (o:Organization {slug: $slug})
CALL (o) {
  MATCH (o)-[r:PARTNERS_WITH]-(p:Organization)
  WHERE ${visiblePartnership('r')} AND NOT coalesce(p.archived, false)
  RETURN DISTINCT p
}
WITH p ORDER BY p.name, p.id
WITH collect(p) AS partners
RETURN size(partners) AS partnerCount,
       [p IN partners[0..$limit] | {slug: p.slug, name: p.name,
         hq: COLLECT { MATCH (p)-[:HEADQUARTERED_IN]->(k:Country) RETURN k.code }[0]}] AS partners`;

export const profileQuestion: Question<Input> = {
  key: 'profile',
  title: 'Profile with 20 partners',
  targetP95Ms: 20,
  inputs:
    'a random organisation with exactly 20 visible partners, by slug; its fields, themes, countries and 20 partners',
  raw: 'one SQL statement (row, themes, countries) through pg and, concurrently, one Cypher statement (partners, count) through the driver',
  pick: (rng, pools) => ({ slug: rng.pick(pools.profiles).slug }),
  request: (input) => ({ query: PROFILE_QUERY, variables: { slug: input.slug } }),
  apiAnswer(data, input) {
    const org = (data as { organization: { partnerCount: number; partners: { slug: string }[] } | null }).organization;
    if (!org) throw new Error(`profile: no organisation "${input.slug}"`);
    return `${org.partnerCount}|${org.partners.map((p) => p.slug).join(',')}`;
  },
  async runRaw(input, { sql, neo4j: driver, database }) {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const [row, graph] = await Promise.all([
        sql.query(RAW_SQL, [input.slug]),
        session.executeRead((tx) =>
          tx.run(RAW_CYPHER, { slug: input.slug, limit: neo4j.int(20), ...ANONYMOUS_VISIBILITY })
        )
      ]);
      if (row.rows.length === 0) throw new Error(`profile (raw): no organisation "${input.slug}"`);
      const record = graph.records[0];
      const partners = (record?.get('partners') ?? []) as { slug: string }[];
      return `${Number(record?.get('partnerCount') ?? 0)}|${partners.map((p) => p.slug).join(',')}`;
    } finally {
      await session.close();
    }
  }
};
