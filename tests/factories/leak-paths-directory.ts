/**
 * Leak matrix rows for the directory (lists, counts, facets, ordering by partner count, contact fields, grants,
 * the audit log) and for partners and partnerships (partners, partnerCount, partnerships, partnership(id) and
 * node(id)): the exact answer per viewer of the leak graph (leak-graph.ts).
 */
import { execute, executeOk, globalId } from './graphql';
import type { LeakGraph } from './leak-graph';
import { everyone, perViewer, sortedNames, type LeakPath } from './leak-matrix';

// ─── Partner counts, as the directory and the graph report them ─────────────────────────────────────────

const ORGS_WITHOUT_TIES = {
  'Bridge Org': 0,
  'Coimbra Aid': 0,
  'Cork Aid': 0,
  'Espoo Aid': 0,
  'Funder Foundation': 0,
  'Lux Housing One': 0,
  'Lux Housing Two': 0,
  Mid: 0,
  'Outsider Org': 0
};
const PUBLIC_COUNTS: Record<string, number> = {
  ...ORGS_WITHOUT_TIES,
  Alder: 1,
  Birch: 1,
  Far: 2,
  Hub: 2,
  'North One': 2,
  'North Two': 2,
  'North Three': 2,
  'South One': 2,
  'South Two': 2,
  'South Three': 2
};
const MEMBERS_COUNTS = { ...PUBLIC_COUNTS, Alder: 2, Birch: 2, Mid: 2, 'Coimbra Aid': 1, 'Cork Aid': 1 };
const SIDES_COUNTS = { ...MEMBERS_COUNTS, Alder: 3, Birch: 3 };
const ADMIN_COUNTS = {
  ...SIDES_COUNTS,
  'Cork Aid': 2,
  'Espoo Aid': 1,
  'Lux Housing One': 1,
  'Lux Housing Two': 1,
  'North One': 3,
  'North Two': 3,
  'South One': 3,
  'Bridge Org': 3
};

/** The directory ordered by PARTNER_COUNT DESC: most visible partners first, then by name. */
function directoryByPartnerCount(counts: Record<string, number>) {
  const names = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : 1));
  return { totalCount: names.length, nodes: names.map((name) => ({ name, partnerCount: counts[name] })) };
}

// ─── Exported partnership keys ───────────────────────────────────────────────────────────────────────────

const PUBLIC_KEYS = [
  'p-alder-hub',
  'p-far-birch',
  'p-hub-far',
  'p-north-1-2',
  'p-north-2-3',
  'p-north-3-1',
  'p-south-1-2',
  'p-south-2-3',
  'p-south-3-1'
];
const MEMBERS_KEYS = [...PUBLIC_KEYS, 'p-alder-mid', 'p-coimbra-cork', 'p-mid-birch'].sort();
const SIDE_A_KEYS = [...MEMBERS_KEYS, 'p-alder-birch'].sort();
const SIDE_B_KEYS = [...SIDE_A_KEYS, 'p-hub-birch-proposed'].sort();
const ALL_KEYS = [
  ...SIDE_B_KEYS,
  'p-bridge-north-1',
  'p-bridge-north-2',
  'p-bridge-south-1',
  'p-cork-espoo',
  'p-far-mid-ended',
  'p-lux'
].sort();
export const PARTNERSHIP_KEYS_BY_VIEWER = perViewer({
  anonymous: PUBLIC_KEYS,
  members: MEMBERS_KEYS,
  sideA: SIDE_A_KEYS,
  sideB: SIDE_B_KEYS,
  admin: ALL_KEYS
});

export const GRANTS_BY_VIEWER = perViewer({
  anonymous: ['Public grant'],
  members: ['Members grant', 'Public grant'],
  analyst: ['Members grant', 'Private grant', 'Public grant'], // a member of the funder
  sideA: ['Members grant', 'Public grant'],
  sideB: ['Members grant', 'Private grant', 'Public grant'], // Birch received the private grant
  admin: ['Members grant', 'Private grant', 'Public grant']
});

export function directoryLeakPaths(g: LeakGraph): LeakPath[] {
  const id = (name: string) => globalId('Organization', g.org(name));
  const pid = (key: string) => globalId('Partnership', g.partnership(key));

  const organization =
    (name: string): LeakPath['run'] =>
    async (viewer) => {
      const data = await executeOk(
        `query($id: ID!) { organization(id: $id) { partnerCount partners(first: 50) { name } } }`,
        { id: id(name) },
        viewer
      );
      return { partners: sortedNames(data.organization.partners), partnerCount: data.organization.partnerCount };
    };

  const partnership =
    (key: string): LeakPath['run'] =>
    async (viewer) => {
      const data = await executeOk(
        `query($id: ID!) { partnership(id: $id) { status visibility } node(id: $id) { id } }`,
        { id: pid(key) },
        viewer
      );
      return { partnership: data.partnership, nodeFound: data.node !== null };
    };

  return [
    // ─── Directory ───────────────────────────────────────────────────────────────────────────────────
    {
      name: 'organizations ordered by PARTNER_COUNT, with partnerCount',
      family: 'directory',
      run: async (viewer) => {
        const data = await executeOk(
          `{ organizations(first: 100, orderBy: { field: PARTNER_COUNT, direction: DESC }) {
               totalCount nodes { name partnerCount } } }`,
          {},
          viewer
        );
        return data.organizations;
      },
      expected: perViewer({
        anonymous: directoryByPartnerCount(PUBLIC_COUNTS),
        members: directoryByPartnerCount(MEMBERS_COUNTS),
        sides: directoryByPartnerCount(SIDES_COUNTS),
        admin: directoryByPartnerCount(ADMIN_COUNTS)
      })
    },
    {
      name: 'organizations facets and totalCount',
      family: 'directory',
      run: async (viewer) => {
        const data = await executeOk(
          `{ organizations(first: 1) { totalCount facets {
               types { type count } countries { country { code } count } themes { theme { slug } count } } } }`,
          {},
          viewer
        );
        const f = data.organizations.facets;
        return {
          totalCount: data.organizations.totalCount,
          types: f.types.map((t: { type: string; count: number }) => `${t.type} ${t.count}`).sort(),
          countries: f.countries
            .map((c: { country: { code: string }; count: number }) => `${c.country.code} ${c.count}`)
            .sort(),
          themes: f.themes.map((t: { theme: { slug: string }; count: number }) => `${t.theme.slug} ${t.count}`).sort()
        };
      },
      // Profiles are public: the same for everybody, whatever partnerships exist.
      expected: everyone({
        totalCount: 19,
        types: ['FUNDER 1', 'NGO 18'],
        countries: ['BE 1', 'CH 1', 'DE 4', 'FI 1', 'GR 3', 'IE 1', 'LU 2', 'NL 1', 'PT 1', 'SE 3'],
        themes: ['access-to-housing 2', 'gender 1', 'health 6', 'housing 2', 'legal-aid 7', 'policy-advocacy 1']
      })
    },
    {
      name: "Alder's contact email (PRIVATE field)",
      family: 'directory',
      run: async (viewer) =>
        (await executeOk(`query($id: ID!) { organization(id: $id) { contactEmail } }`, { id: id('Alder') }, viewer))
          .organization.contactEmail,
      expected: perViewer({
        anonymous: null,
        members: null,
        sideA: 'alder@leak.test',
        sideB: null,
        admin: 'alder@leak.test'
      })
    },
    {
      name: 'grants list and totalCount',
      family: 'directory',
      run: async (viewer) => {
        const data = await executeOk(`{ grants(first: 50) { totalCount nodes { title } } }`, {}, viewer);
        const titles = data.grants.nodes.map((n: { title: string }) => n.title).sort();
        if (titles.length !== data.grants.totalCount) throw new Error('grants: totalCount differs from the list');
        return titles;
      },
      expected: GRANTS_BY_VIEWER
    },

    {
      // The audit log holds before/after snapshots of private partnerships: admins only.
      name: 'auditLog of the PRIVATE Alder–Birch',
      family: 'directory',
      roleOnly: true,
      run: async (viewer) => {
        const result = await execute(
          `query($id: String!) { auditLog(entityId: $id, first: 10) { edges { node { action } } } }`,
          { id: g.partnership('p-alder-birch') },
          viewer
        );
        if (result.errors?.length) return { error: result.errors[0].extensions?.code ?? result.errors[0].message };
        return { actions: result.data.auditLog.edges.map((e: { node: { action: string } }) => e.node.action) };
      },
      // The factory writes no audit rows: an admin sees an empty log, everybody else is refused.
      expected: perViewer({
        anonymous: { error: 'UNAUTHENTICATED' },
        members: { error: 'FORBIDDEN' },
        admin: { actions: [] }
      })
    },

    // ─── Partners and partnerships ───────────────────────────────────────────────────────────────────
    {
      name: 'partners of Alder',
      family: 'partners',
      run: organization('Alder'),
      expected: perViewer({
        anonymous: { partners: ['Hub'], partnerCount: 1 },
        members: { partners: ['Hub', 'Mid'], partnerCount: 2 },
        sides: { partners: ['Birch', 'Hub', 'Mid'], partnerCount: 3 },
        admin: { partners: ['Birch', 'Hub', 'Mid'], partnerCount: 3 }
      })
    },
    {
      name: 'partners of Birch',
      family: 'partners',
      run: organization('Birch'),
      expected: perViewer({
        anonymous: { partners: ['Far'], partnerCount: 1 },
        members: { partners: ['Far', 'Mid'], partnerCount: 2 },
        sides: { partners: ['Alder', 'Far', 'Mid'], partnerCount: 3 },
        admin: { partners: ['Alder', 'Far', 'Mid'], partnerCount: 3 }
      })
    },
    {
      name: 'partners of Bridge Org (private ties only)',
      family: 'partners',
      run: organization('Bridge Org'),
      expected: perViewer({
        anonymous: { partners: [], partnerCount: 0 },
        members: { partners: [], partnerCount: 0 },
        admin: { partners: ['North One', 'North Two', 'South One'], partnerCount: 3 }
      })
    },
    {
      name: "Birch's partnerships (any status)",
      family: 'partners',
      run: async (viewer) => {
        const data = await executeOk(
          `query($id: ID!) { organization(id: $id) { partnerships(first: 50) {
             totalCount nodes { status visibility orgA { name } orgB { name } } } } }`,
          { id: id('Birch') },
          viewer
        );
        const list = data.organization.partnerships;
        const rows = list.nodes
          .map(
            (p: { status: string; visibility: string; orgA: { name: string }; orgB: { name: string } }) =>
              `${p.orgA.name}→${p.orgB.name} ${p.status} ${p.visibility}`
          )
          .sort();
        if (rows.length !== list.totalCount) throw new Error('partnerships: totalCount differs from the list');
        return rows;
      },
      expected: perViewer({
        anonymous: ['Far→Birch CONFIRMED PUBLIC'],
        members: ['Far→Birch CONFIRMED PUBLIC', 'Mid→Birch CONFIRMED MEMBERS'],
        sideA: ['Alder→Birch CONFIRMED PRIVATE', 'Far→Birch CONFIRMED PUBLIC', 'Mid→Birch CONFIRMED MEMBERS'],
        sideB: [
          'Alder→Birch CONFIRMED PRIVATE',
          'Far→Birch CONFIRMED PUBLIC',
          'Hub→Birch PROPOSED PUBLIC',
          'Mid→Birch CONFIRMED MEMBERS'
        ],
        admin: [
          'Alder→Birch CONFIRMED PRIVATE',
          'Far→Birch CONFIRMED PUBLIC',
          'Hub→Birch PROPOSED PUBLIC',
          'Mid→Birch CONFIRMED MEMBERS'
        ]
      })
    },
    {
      name: 'partnership(id) and node(id) of the PRIVATE Alder–Birch',
      family: 'partners',
      run: partnership('p-alder-birch'),
      expected: perViewer({
        anonymous: { partnership: null, nodeFound: false },
        members: { partnership: null, nodeFound: false },
        sides: { partnership: { status: 'CONFIRMED', visibility: 'PRIVATE' }, nodeFound: true },
        admin: { partnership: { status: 'CONFIRMED', visibility: 'PRIVATE' }, nodeFound: true }
      })
    },
    {
      name: 'partnership(id) of the MEMBERS Alder–Mid',
      family: 'partners',
      run: partnership('p-alder-mid'),
      expected: perViewer({
        anonymous: { partnership: null, nodeFound: false },
        members: { partnership: { status: 'CONFIRMED', visibility: 'MEMBERS' }, nodeFound: true },
        admin: { partnership: { status: 'CONFIRMED', visibility: 'MEMBERS' }, nodeFound: true }
      })
    },
    {
      name: 'partnership(id) of the PRIVATE, ENDED Far–Mid',
      family: 'partners',
      run: partnership('p-far-mid-ended'),
      expected: perViewer({
        anonymous: { partnership: null, nodeFound: false },
        members: { partnership: null, nodeFound: false },
        admin: { partnership: { status: 'ENDED', visibility: 'PRIVATE' }, nodeFound: true }
      })
    },
    {
      name: 'partnership(id) of the PROPOSED Hub→Birch',
      family: 'partners',
      run: partnership('p-hub-birch-proposed'),
      expected: perViewer({
        anonymous: { partnership: null, nodeFound: false },
        members: { partnership: null, nodeFound: false },
        sideB: { partnership: { status: 'PROPOSED', visibility: 'PUBLIC' }, nodeFound: true },
        admin: { partnership: { status: 'PROPOSED', visibility: 'PUBLIC' }, nodeFound: true }
      })
    },
    {
      // The partnership is PUBLIC, its message is not: only the two sides' members and admins read it.
      name: 'message of the PUBLIC Far–Birch',
      family: 'partners',
      roleOnly: true,
      run: async (viewer) => {
        const data = await executeOk(
          `query($id: ID!) { partnership(id: $id) { message } }`,
          { id: pid('p-far-birch') },
          viewer
        );
        return data.partnership;
      },
      expected: perViewer({
        anonymous: { message: null },
        members: { message: null },
        sideB: { message: 'note of p-far-birch' },
        admin: { message: 'note of p-far-birch' }
      })
    }
  ];
}
