/**
 * Issue 13 / decision 0022: a filtered directory search has an index path — the plan PostgreSQL chooses (real
 * statistics after ANALYZE, no planner switches) never reads "Organization" sequentially. The dataset is large
 * enough (20 000 organisations with profile-sized rows, written here in one INSERT … SELECT) that a sequential scan
 * is what PostgreSQL picks when an index is missing or unusable, as it was for the country filter before. The
 * connection settings are the app's own (getDb: random_page_cost 1.1, decision 0022). Structure only, no timing.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/lib/server/db/generated/client';
import { anonymous, visibilityOf } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { defaultOrder, searchPageStatement } from '../../src/lib/server/directory/search';
import { facetsStatement } from '../../src/lib/server/directory/facets';
import type { OrganizationFilter } from '../../src/lib/server/directory/search-filter';

const ORGS = 20_000;
// Dictionary words that share no trigrams by construction (hex digests), so a word search matches a few percent.
const WORDS = Array.from({ length: 200 }, (_, i) => createHash('md5').update(`word ${i}`).digest('hex').slice(0, 10));
const QUERY = WORDS[42]!;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function planOf(statement: Prisma.Sql): Promise<PlanNode[]> {
  const rows = await getDb().$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    Prisma.sql`EXPLAIN (FORMAT JSON) ${statement}`
  );
  return nodes(rows[0]!['QUERY PLAN'][0].Plan);
}

/**
 * The plan of the first page (21 rows: one more than a page, with their rows and references) an anonymous visitor
 * asks for with `filter`.
 */
const firstPagePlan = (filter: OrganizationFilter) =>
  planOf(
    searchPageStatement(visibilityOf(anonymous), filter, defaultOrder(filter), {
      key: null,
      backwards: false,
      limit: 21
    })
  );

const seqScansOfOrganization = (plan: PlanNode[]) =>
  plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'Organization');
const indexesUsed = (plan: PlanNode[]) => new Set(plan.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])));

let theme: string;
let country: string;

beforeAll(async () => {
  const db = getDb();
  // Every organisation: one of the European countries as HQ, two more it works in, two themes, a name and a
  // description of dictionary words — spread so that one theme × one country is a few dozen organisations.
  await db.$executeRaw`
    WITH c AS (SELECT array_agg(code ORDER BY code) AS a FROM "Country" WHERE "isEurope"),
         t AS (SELECT array_agg(id ORDER BY slug) AS a FROM "Theme"),
         w AS (SELECT ${WORDS}::text[] AS a)
    INSERT INTO "Organization" (id, slug, name, type, description, "hqCountryCode", levels, languages, "updatedAt")
    SELECT 'plan-' || g, 'plan-' || g,
           initcap(w.a[1 + (g * 7) % 200]) || ' ' || initcap(w.a[1 + (g * 13) % 200]) || ' ' || g,
           (enum_range(NULL::"OrganizationType"))[1 + g % 4],
           w.a[1 + (g * 17) % 200] || ' ' || w.a[1 + (g * 31) % 200] || ' ' || w.a[1 + (g * 37) % 200] || ' ' ||
             repeat('A profile of the length the generator writes, about the work, the team and its partners. ', 3),
           c.a[1 + g % cardinality(c.a)], ARRAY['LOCAL']::"WorkLevel"[], ARRAY['en'], now()
    FROM generate_series(1, ${ORGS}) g, c, w`;
  await db.$executeRaw`
    WITH c AS (SELECT array_agg(code ORDER BY code) AS a FROM "Country" WHERE "isEurope")
    INSERT INTO "OrganizationCountry" ("organizationId", "countryCode")
    SELECT DISTINCT 'plan-' || g, c.a[1 + (g * k) % cardinality(c.a)]
    FROM generate_series(1, ${ORGS}) g, (VALUES (3), (11)) AS m(k), c`;
  await db.$executeRaw`
    WITH t AS (SELECT array_agg(id ORDER BY slug) AS a FROM "Theme")
    INSERT INTO "OrganizationTheme" ("organizationId", "themeId")
    SELECT DISTINCT 'plan-' || g, t.a[1 + (g * k) % cardinality(t.a)]
    FROM generate_series(1, ${ORGS}) g, (VALUES (5), (23)) AS m(k), t`;
  await db.$executeRawUnsafe('ANALYZE "Organization", "OrganizationCountry", "OrganizationTheme", "Theme", "Country"');
  // A leaf theme (no sub-themes) and a country, both in use.
  [{ slug: theme }] = await db.$queryRaw<{ slug: string }[]>`
    SELECT t.slug FROM "Theme" t JOIN "OrganizationTheme" ot ON ot."themeId" = t.id
    WHERE NOT EXISTS (SELECT 1 FROM "Theme" c WHERE c."parentId" = t.id) GROUP BY t.slug ORDER BY t.slug LIMIT 1`;
  [{ code: country }] = await db.$queryRaw<{ code: string }[]>`
    SELECT "countryCode"::text AS code FROM "OrganizationCountry" GROUP BY 1 ORDER BY 1 LIMIT 1`;
}, 120_000);

const filters = (): [string, OrganizationFilter][] => [
  ['theme + country', { themes: [theme], countries: [country] }],
  ['country only', { countries: [country] }],
  ['text', { query: QUERY }],
  ['text + theme', { query: QUERY, themes: [theme] }]
];

describe('directory search plans on 20 000 organisations', () => {
  it.each([0, 1, 2, 3])('the page with its total never scans "Organization" sequentially (filter %i)', async (i) => {
    const [label, filter] = filters()[i]!;
    const plan = await firstPagePlan(filter);
    expect(seqScansOfOrganization(plan), `${label}: ${JSON.stringify(plan.map((n) => n['Node Type']))}`).toEqual([]);
  });

  it("answers theme + country from the join tables' composite indexes", async () => {
    const filter = { themes: [theme], countries: [country] };
    const used = indexesUsed(await firstPagePlan(filter));
    expect(used).toContain('OrganizationCountry_countryCode_organizationId_idx');
    expect(used).toContain('OrganizationTheme_themeId_organizationId_idx');
  });

  it('answers a text search from the full-text and trigram indexes', async () => {
    const filter = { query: QUERY };
    const used = indexesUsed(await firstPagePlan(filter));
    expect(used).toContain('Organization_searchVector_idx');
    expect(used).toContain('Organization_name_trgm_idx');
  });

  // The facets (decision 0046) read the candidates once. A facet counts its dimension without its own filter, so
  // with a single dimension selected that facet counts every organisation and a scan is the right plan ("country
  // only" is left out); with text, or with two dimensions, the candidates come from indexes.
  it.each([0, 2, 3])('the facet counts never scan "Organization" sequentially (filter %i)', async (i) => {
    const [label, filter] = filters()[i]!;
    const plan = await planOf(facetsStatement(filter));
    expect(seqScansOfOrganization(plan), `${label}: ${JSON.stringify(plan.map((n) => n['Node Type']))}`).toEqual([]);
  });

  it("draws the facets' candidates for theme + country from the join tables' composite indexes", async () => {
    const used = indexesUsed(await planOf(facetsStatement({ themes: [theme], countries: [country] })));
    expect(used).toContain('OrganizationCountry_countryCode_organizationId_idx');
    expect(used).toContain('OrganizationTheme_themeId_organizationId_idx');
  });
});
