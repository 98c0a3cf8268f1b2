/**
 * Directory search with two filters (a theme and a country), first page of 20 in the default order (by name),
 * with the total: the public directory's core question.
 */
import type { Question } from '../question';

interface Input {
  theme: string;
  country: string;
}

export const DIRECTORY_QUERY = `
query BenchDirectory($filter: OrganizationFilter!) {
  organizations(filter: $filter, first: 20) {
    totalCount
    nodes { id slug name type hqCity hqCountry { code nameEn } themes { slug } }
  }
}`;

// What the resolver's one statement does (src/lib/server/directory/search.ts, search-filter.ts, decisions 0022
// and 0056), written by hand: a theme matches its sub-themes, a country where an organisation works or is
// headquartered (two index-only id sets), the page and the total counted together.
const RAW = `
WITH page AS (
  SELECT o.id, o.name, (count(*) OVER ())::int AS total FROM "Organization" o
  WHERE o."archivedAt" IS NULL
    AND o.id IN (SELECT ot."organizationId" FROM "OrganizationTheme" ot WHERE ot."themeId" = ANY(ARRAY(
      WITH RECURSIVE subtree AS (
        SELECT t.id FROM "Theme" t WHERE t.slug = ANY($1::text[])
        UNION
        SELECT child.id FROM "Theme" child JOIN subtree ON child."parentId" = subtree.id
      ) SELECT id FROM subtree)))
    AND o.id IN (
      SELECT oc."organizationId" FROM "OrganizationCountry" oc WHERE oc."countryCode" = ANY($2::text[]::bpchar[])
      UNION ALL
      SELECT hq.id FROM "Organization" hq WHERE hq."hqCountryCode" = ANY($2::text[]::bpchar[]))
  ORDER BY o.name, o.id LIMIT 20
)
SELECT page.total, o.slug, o.name, o.type, o."hqCity", k.code, k."nameEn",
       ARRAY(SELECT t.slug FROM "OrganizationTheme" ot JOIN "Theme" t ON t.id = ot."themeId"
             WHERE ot."organizationId" = o.id ORDER BY t.slug) AS themes
FROM page JOIN "Organization" o USING (id) LEFT JOIN "Country" k ON k.code = o."hqCountryCode"
ORDER BY o.name, o.id`;

export const directoryQuestion: Question<Input> = {
  key: 'directory',
  title: 'Directory search, two filters',
  targetP95Ms: 20,
  inputs: 'a random theme in use × a random European country in use; first page of 20 by name, with the total',
  raw: 'one SQL statement (theme subtree, country match, page of 20 with its total, themes and HQ country) through pg',
  pick: (rng, pools) => ({ theme: rng.pick(pools.themes), country: rng.pick(pools.countries) }),
  request: (input) => ({
    query: DIRECTORY_QUERY,
    variables: { filter: { themes: [input.theme], countries: [input.country] } }
  }),
  apiAnswer(data) {
    const page = (data as { organizations: { totalCount: number; nodes: { slug: string }[] } }).organizations;
    return `${page.totalCount}|${page.nodes.map((n) => n.slug).join(',')}`;
  },
  async runRaw(input, { sql }) {
    const { rows } = await sql.query<{ total: number; slug: string }>(RAW, [[input.theme], [input.country]]);
    return `${rows[0]?.total ?? 0}|${rows.map((r) => r.slug).join(',')}`;
  }
};
