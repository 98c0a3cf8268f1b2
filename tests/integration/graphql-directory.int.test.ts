/**
 * The read side of the directory through GraphQL: filters (incl. the theme hierarchy and full text), ordering,
 * facets, cursor pagination and its limits, single lookups (id, slug, node), and the vocabularies.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { addNetworkMember, createNetwork } from '../factories/networks';
import { createOrganization, createPartnership } from '../factories/organizations';
import { execute, executeOk, globalId } from '../factories/graphql';

const db = getDb();
const ids: Record<string, string> = {};

const names = (data: { organizations: { edges: { node: { name: string } }[] } }) =>
  data.organizations.edges.map((e) => e.node.name);

const SEARCH = `
  query Search($filter: OrganizationFilter, $orderBy: OrganizationOrder, $first: Int, $after: String) {
    organizations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id name } }
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    }
  }`;

beforeAll(async () => {
  const make = async (key: string, overrides: Parameters<typeof createOrganization>[1]) => {
    ids[key] = (await createOrganization(db, overrides)).id;
  };
  // Legal aid in Greece and Italy; the statelessness NGO works on a SUB-theme of legal aid.
  await make('athens', {
    name: 'Athens Refugee Legal Clinic',
    description: 'Free legal counselling for asylum seekers on the Aegean islands.',
    type: 'NGO',
    hqCountryCode: 'GR',
    countryCodes: ['GR'],
    levels: ['LOCAL', 'NATIONAL'],
    languages: ['el', 'en'],
    themeSlugs: ['legal-aid']
  });
  await make('stateless', {
    name: 'Statelessness Network Italia',
    description: 'Research and litigation on statelessness determination procedures.',
    type: 'RESEARCH',
    hqCountryCode: 'IT',
    countryCodes: ['IT', 'GR'],
    levels: ['NATIONAL', 'EUROPEAN'],
    languages: ['it'],
    themeSlugs: ['statelessness']
  });
  await make('detention', {
    name: 'Detention Watch Malta',
    description: 'Monitoring immigration detention and promoting community-based alternatives.',
    type: 'GRASSROOTS',
    hqCountryCode: 'MT',
    countryCodes: ['MT'],
    levels: ['LOCAL'],
    languages: ['en', 'mt'],
    themeSlugs: ['detention-monitoring']
  });
  await make('housing', {
    name: 'Berlin Housing Solidarity',
    description: 'Community hosting and access to housing for newcomers.',
    type: 'NGO',
    hqCountryCode: 'DE',
    countryCodes: ['DE'],
    levels: ['LOCAL'],
    languages: ['de'],
    themeSlugs: ['community-hosting']
  });
  await make('archived', {
    name: 'Archived Legal Aid Group',
    type: 'NGO',
    hqCountryCode: 'GR',
    countryCodes: ['GR'],
    themeSlugs: ['legal-aid'],
    archivedAt: new Date('2025-01-01T00:00:00Z')
  });
  // Partner counts: athens 2, stateless 1, detention 1, housing 0.
  await createPartnership(db, ids.athens, ids.stateless);
  await createPartnership(db, ids.athens, ids.detention);
  const ecre = await createNetwork(db, { name: 'European Council Network', slug: 'ecn', organizationId: ids.athens });
  await createNetwork(db, { name: 'Balkan Route Coalition', slug: 'brc' });
  await createNetwork(db, {
    name: 'Dissolved Alliance',
    slug: 'dissolved',
    archivedAt: new Date('2024-01-01T00:00:00Z')
  });
  await addNetworkMember(db, ecre, ids.stateless, { role: 'STEERING_GROUP', since: new Date('2020-01-01T00:00:00Z') });
  await drainOutbox();
});

describe('organizations: filters', () => {
  it('lists everything that is not archived, alphabetically by default', async () => {
    const data = await executeOk(SEARCH, { first: 10 });
    expect(names(data)).toEqual([
      'Athens Refugee Legal Clinic',
      'Berlin Housing Solidarity',
      'Detention Watch Malta',
      'Statelessness Network Italia'
    ]);
    expect(data.organizations.totalCount).toBe(4);
  });

  it('includes archived organisations on request', async () => {
    const data = await executeOk(SEARCH, { filter: { includeArchived: true } });
    expect(names(data)).toContain('Archived Legal Aid Group');
    expect(data.organizations.totalCount).toBe(5);
  });

  it('matches a theme through its sub-themes', async () => {
    const data = await executeOk(SEARCH, { filter: { themes: ['legal-aid'] } });
    expect(names(data)).toEqual(['Athens Refugee Legal Clinic', 'Statelessness Network Italia']);
    const sub = await executeOk(SEARCH, { filter: { themes: ['statelessness'] } });
    expect(names(sub)).toEqual(['Statelessness Network Italia']);
  });

  it('ORs values within a dimension and ANDs dimensions', async () => {
    const either = await executeOk(SEARCH, { filter: { themes: ['statelessness', 'housing'] } });
    expect(names(either)).toEqual(['Berlin Housing Solidarity', 'Statelessness Network Italia']);
    const both = await executeOk(SEARCH, { filter: { themes: ['legal-aid'], countries: ['IT'] } });
    expect(names(both)).toEqual(['Statelessness Network Italia']);
  });

  it('matches countries of work and the headquarters country', async () => {
    const greece = await executeOk(SEARCH, { filter: { countries: ['gr'] } });
    expect(names(greece)).toEqual(['Athens Refugee Legal Clinic', 'Statelessness Network Italia']);
  });

  it('filters by level, type and language', async () => {
    expect(names(await executeOk(SEARCH, { filter: { levels: ['EUROPEAN'] } }))).toEqual([
      'Statelessness Network Italia'
    ]);
    expect(names(await executeOk(SEARCH, { filter: { types: ['GRASSROOTS', 'RESEARCH'] } }))).toEqual([
      'Detention Watch Malta',
      'Statelessness Network Italia'
    ]);
    expect(names(await executeOk(SEARCH, { filter: { languages: ['EN'] } }))).toEqual([
      'Athens Refugee Legal Clinic',
      'Detention Watch Malta'
    ]);
  });

  it('searches full text over name and description', async () => {
    const byDescription = await executeOk(SEARCH, { filter: { query: 'aegean islands' } });
    expect(names(byDescription)).toEqual(['Athens Refugee Legal Clinic']);
    const phraseOr = await executeOk(SEARCH, { filter: { query: 'litigation or hosting' } });
    expect(names(phraseOr).sort()).toEqual(['Berlin Housing Solidarity', 'Statelessness Network Italia']);
  });

  it('falls back to trigrams for partial words and typos in the name', async () => {
    expect(names(await executeOk(SEARCH, { filter: { query: 'Detent' } }))).toEqual(['Detention Watch Malta']);
    expect(names(await executeOk(SEARCH, { filter: { query: 'Solidarty' } }))).toEqual(['Berlin Housing Solidarity']);
  });

  it('treats LIKE wildcards in the query literally', async () => {
    const data = await executeOk(SEARCH, { filter: { query: '%' } });
    expect(data.organizations.totalCount).toBe(0);
  });

  it('rejects unknown themes, countries and languages naming the filter field', async () => {
    const result = await execute(SEARCH, {
      filter: { themes: ['legal-aid', 'no-such-theme'], countries: ['XX'], languages: ['english'] }
    });
    expect(result.data).toBeNull();
    const fields = (result.errors?.[0]?.extensions?.fieldErrors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(['filter.themes[1]', 'filter.countries[0]', 'filter.languages[0]']);
    expect(result.errors?.[0]?.message).toContain('filter.themes[1]: "no-such-theme" is not a known theme slug');
  });
});

describe('organizations: ordering', () => {
  it('orders by name descending', async () => {
    const data = await executeOk(SEARCH, { orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(names(data)[0]).toBe('Statelessness Network Italia');
  });

  it('orders by creation time', async () => {
    const data = await executeOk(SEARCH, { orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
    expect(names(data)).toEqual([
      'Athens Refugee Legal Clinic',
      'Statelessness Network Italia',
      'Detention Watch Malta',
      'Berlin Housing Solidarity'
    ]);
  });

  it('orders by visible partner count', async () => {
    const data = await executeOk(SEARCH, { orderBy: { field: 'PARTNER_COUNT', direction: 'DESC' } });
    expect(names(data)).toEqual([
      'Athens Refugee Legal Clinic',
      'Detention Watch Malta',
      'Statelessness Network Italia',
      'Berlin Housing Solidarity'
    ]);
  });

  it('puts the best match first when searching', async () => {
    const data = await executeOk(SEARCH, { filter: { query: 'legal' } });
    expect(names(data)[0]).toBe('Athens Refugee Legal Clinic');
  });
});

describe('organizations: facets', () => {
  const FACETS = `
    query Facets($filter: OrganizationFilter) {
      organizations(filter: $filter, first: 1) {
        totalCount
        facets {
          themes { theme { slug } count }
          countries { country { code } count }
          levels { level count }
          types { type count }
          languages { language count }
        }
      }
    }`;
  type FacetData = {
    organizations: {
      totalCount: number;
      facets: {
        themes: { theme: { slug: string }; count: number }[];
        countries: { country: { code: string }; count: number }[];
        levels: { level: string; count: number }[];
        types: { type: string; count: number }[];
        languages: { language: string; count: number }[];
      };
    };
  };
  const themeCount = (d: FacetData, slug: string) =>
    d.organizations.facets.themes.find((t) => t.theme.slug === slug)?.count;
  const countryCount = (d: FacetData, code: string) =>
    d.organizations.facets.countries.find((c) => c.country.code === code)?.count;

  it('counts parents through their sub-themes', async () => {
    const data = await executeOk<FacetData>(FACETS);
    expect(themeCount(data, 'legal-aid')).toBe(2); // athens (legal-aid) + stateless (statelessness)
    expect(themeCount(data, 'statelessness')).toBe(1);
    expect(themeCount(data, 'alternatives-to-detention')).toBe(1);
    expect(themeCount(data, 'housing')).toBe(1);
    expect(themeCount(data, 'health')).toBeUndefined();
  });

  it('counts each dimension without its own filter, under the others', async () => {
    const data = await executeOk<FacetData>(FACETS, { filter: { countries: ['GR'], themes: ['legal-aid'] } });
    expect(data.organizations.totalCount).toBe(2);
    // Countries: counted under the theme filter only → GR 2, IT 1; MT and DE are not legal aid.
    expect(countryCount(data, 'GR')).toBe(2);
    expect(countryCount(data, 'IT')).toBe(1);
    expect(countryCount(data, 'MT')).toBeUndefined();
    // Themes: counted under the country filter only → housing (DE) absent, legal-aid 2.
    expect(themeCount(data, 'legal-aid')).toBe(2);
    expect(themeCount(data, 'housing')).toBeUndefined();
    // Other dimensions: under both filters.
    expect(data.organizations.facets.types).toEqual([
      { type: 'NGO', count: 1 },
      { type: 'RESEARCH', count: 1 }
    ]);
    expect(data.organizations.facets.levels).toEqual([
      { level: 'NATIONAL', count: 2 },
      { level: 'EUROPEAN', count: 1 },
      { level: 'LOCAL', count: 1 }
    ]);
    expect(data.organizations.facets.languages.map((l) => l.language)).toEqual(['el', 'en', 'it']);
  });

  it('leaves archived organisations out of the counts', async () => {
    const data = await executeOk<FacetData>(FACETS, { filter: { countries: ['GR'] } });
    expect(countryCount(data, 'GR')).toBe(2);
  });
});

describe('organizations: pagination', () => {
  it('pages through everything with opaque cursors, without overlap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: any = await executeOk(SEARCH, { first: 3, after, filter: { includeArchived: true } });
      const conn = data.organizations;
      seen.push(...names(data));
      pages++;
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
      expect(after).not.toMatch(/^\d+$/);
    }
    expect(pages).toBe(2);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses pages above 100, naming `first`', async () => {
    const result = await execute(SEARCH, { first: 101 });
    expect(result.errors?.[0]?.message).toBe('first: must be at most 100 (got 101)');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor it did not hand out, naming `after`', async () => {
    const result = await execute(SEARCH, { first: 2, after: 'not-a-cursor' });
    expect(result.errors?.[0]?.message).toBe('after: is not a cursor from this connection');
  });
});

describe('single lookups', () => {
  const ORG = `query($id: ID, $slug: String) { organization(id: $id, slug: $slug) { id slug name archived } }`;

  it('finds an organisation by global id and by slug', async () => {
    const row = await db.organization.findUniqueOrThrow({ where: { id: ids.athens } });
    const byId = await executeOk(ORG, { id: globalId('Organization', row.id) });
    expect(byId.organization.slug).toBe(row.slug);
    const bySlug = await executeOk(ORG, { slug: row.slug });
    expect(bySlug.organization.id).toBe(globalId('Organization', row.id));
  });

  it('returns null for an unknown id or slug, and an error for both or neither', async () => {
    expect((await executeOk(ORG, { slug: 'nobody-here' })).organization).toBeNull();
    expect((await executeOk(ORG, { id: globalId('Organization', 'missing') })).organization).toBeNull();
    expect((await executeOk(ORG, { id: globalId('Theme', 'legal-aid') })).organization).toBeNull();
    const neither = await execute(ORG, {});
    expect(neither.errors?.[0]?.message).toMatch(/exactly one/);
  });

  it('resolves node(id) for organisations, themes and partnerships', async () => {
    const theme = await db.theme.findUniqueOrThrow({ where: { slug: 'legal-aid' } });
    const partnership = await db.partnership.findFirstOrThrow({ where: { orgAId: ids.athens } });
    const data = await executeOk(
      `query($a: ID!, $b: ID!, $c: ID!) {
        a: node(id: $a) { __typename ... on Organization { name } }
        b: node(id: $b) { __typename ... on Theme { slug } }
        c: node(id: $c) { __typename ... on Partnership { status } }
      }`,
      {
        a: globalId('Organization', ids.housing),
        b: globalId('Theme', theme.id),
        c: globalId('Partnership', partnership.id)
      }
    );
    expect(data.a).toEqual({ __typename: 'Organization', name: 'Berlin Housing Solidarity' });
    expect(data.b).toEqual({ __typename: 'Theme', slug: 'legal-aid' });
    expect(data.c).toEqual({ __typename: 'Partnership', status: 'CONFIRMED' });
  });
});

describe('networks', () => {
  it('pages through networks that are not archived, by name', async () => {
    const query = `query($after: String) { networks(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { name slug archived } } } }`;
    const first = await executeOk(query);
    expect(first.networks.totalCount).toBe(2);
    expect(first.networks.edges.map((e: any) => e.node.name)).toEqual(['Balkan Route Coalition']);
    const second = await executeOk(query, { after: first.networks.pageInfo.endCursor });
    expect(second.networks.edges.map((e: any) => e.node.name)).toEqual(['European Council Network']);
    expect(second.networks.pageInfo.hasNextPage).toBe(false);
  });

  it('shows a network with its secretariat and members, and memberships on the organisation', async () => {
    const data = await executeOk(`{
      network(slug: "ecn") { name secretariat { name } memberCount
        members { totalCount edges { node { role since organization { name networks { network { slug } } } } } } }
      none: network(slug: "nope") { name }
    }`);
    expect(data.network).toEqual({
      name: 'European Council Network',
      secretariat: { name: 'Athens Refugee Legal Clinic' },
      memberCount: 1,
      members: {
        totalCount: 1,
        edges: [
          {
            node: {
              role: 'STEERING_GROUP',
              since: '2020-01-01',
              organization: { name: 'Statelessness Network Italia', networks: [{ network: { slug: 'ecn' } }] }
            }
          }
        ]
      }
    });
    expect(data.none).toBeNull();
  });
});

describe('vocabularies', () => {
  it('returns the theme tree with parents, children and localised names', async () => {
    const data = await executeOk(`{
      themes { slug name(lang: DE) parent { slug } children { slug parent { slug } } }
      theme(slug: "statelessness") { name nameDe parent { slug } }
    }`);
    const legalAid = data.themes.find((t: { slug: string }) => t.slug === 'legal-aid');
    expect(legalAid.parent).toBeNull();
    expect(legalAid.name).toBe('Rechtshilfe');
    expect(legalAid.children.map((c: { slug: string }) => c.slug)).toContain('statelessness');
    expect(legalAid.children[0].parent.slug).toBe('legal-aid');
    expect(data.themes.every((t: { parent: unknown }) => t.parent === null)).toBe(true);
    expect(data.theme).toEqual({ name: 'Statelessness', nameDe: 'Staatenlosigkeit', parent: { slug: 'legal-aid' } });
  });

  it('lists countries by region and Europe', async () => {
    const data = await executeOk(`{
      all: countries { code }
      europe: countries(europeOnly: true) { code isEurope }
      eu: countries(region: EU27) { code region }
      gr: country(code: "gr") { code name nameDe region isEurope }
    }`);
    expect(data.eu).toHaveLength(27);
    expect(data.eu.every((c: { region: string }) => c.region === 'EU27')).toBe(true);
    expect(data.europe.length).toBeGreaterThan(27);
    expect(data.europe.length).toBeLessThan(data.all.length);
    expect(data.europe.every((c: { isEurope: boolean }) => c.isEurope)).toBe(true);
    expect(data.gr).toEqual({ code: 'GR', name: 'Greece', nameDe: 'Griechenland', region: 'EU27', isEurope: true });
  });
});
