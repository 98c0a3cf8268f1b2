/**
 * Leak matrix rows for analytics: isolated organisations (answered live with the viewer's exact visibility) and
 * the coverage matrix, density, brokers and communities (precomputed once per visibility level: every signed-in
 * non-admin gets the MEMBERS level, without side-specific extras) — the exact answer per viewer of the leak graph.
 */
import { executeOk } from './graphql';
import { perViewer, sortedNames, type LeakPath } from './leak-matrix';

export function analyticsLeakPaths(): LeakPath[] {
  const cell = (
    theme: string,
    country: string,
    organizations: number,
    within: number,
    across: number,
    gaps: string[],
    grants = 0
  ) => ({
    theme,
    country,
    organizations,
    partnershipsWithin: within,
    partnershipsAcross: across,
    gaps,
    grants,
    grantsEur: grants * 10_000
  });
  const MATRIX_CELLS = [
    ['legal-aid', 'DE'],
    ['access-to-housing', 'LU'],
    ['housing', 'LU'],
    ['health', 'SE']
  ];
  const density = (pairs2024: number, pairs2025: number, level: string) => ({
    visibilityLevel: level,
    undatedPartnerships: 0,
    years: [
      { year: 2023, organizations: 19, activePairs: 0 },
      { year: 2024, organizations: 19, activePairs: pairs2024 },
      { year: 2025, organizations: 19, activePairs: pairs2025 }
    ]
  });
  const broker = (name: string, partners: number) => ({ name, partners });

  return [
    // ─── Analytics ───────────────────────────────────────────────────────────────────────────────────
    {
      name: 'isolatedOrganizations (live, exact visibility)',
      family: 'analytics',
      run: async (viewer) => {
        const data = await executeOk(
          `{ isolatedOrganizations(first: 100) { totalCount organizations { name } } }`,
          {},
          viewer
        );
        return {
          totalCount: data.isolatedOrganizations.totalCount,
          names: data.isolatedOrganizations.organizations.map((o: { name: string }) => o.name)
        };
      },
      expected: perViewer({
        anonymous: {
          totalCount: 9,
          names: [
            'Bridge Org',
            'Coimbra Aid',
            'Cork Aid',
            'Espoo Aid',
            'Funder Foundation',
            'Lux Housing One',
            'Lux Housing Two',
            'Mid',
            'Outsider Org'
          ]
        },
        members: {
          totalCount: 6,
          names: ['Bridge Org', 'Espoo Aid', 'Funder Foundation', 'Lux Housing One', 'Lux Housing Two', 'Outsider Org']
        },
        admin: { totalCount: 2, names: ['Funder Foundation', 'Outsider Org'] }
      })
    },
    {
      // Grants too: the members level counts MEMBERS grants, so the analyst (who may see the funder's private grant
      // live) gets 2 here, not 3 — a precomputed level never includes side-specific extras.
      name: 'coverageMatrix cells (cached per level)',
      family: 'analytics',
      run: async (viewer) => {
        const data = await executeOk(
          `{ coverageMatrix(themes: ["legal-aid", "access-to-housing", "housing", "health"], countries: ["DE", "LU", "SE"],
                            fromYear: 2024, toYear: 2025) {
               visibilityLevel
               cells { themeSlug countryCode organizations partnershipsWithin partnershipsAcross gaps grants grantsEur } } }`,
          {},
          viewer
        );
        const m = data.coverageMatrix;
        const cells = MATRIX_CELLS.map(([theme, country]) => {
          const c = m.cells.find(
            (x: { themeSlug: string; countryCode: string }) => x.themeSlug === theme && x.countryCode === country
          );
          const row = cell(
            theme,
            country,
            c.organizations,
            c.partnershipsWithin,
            c.partnershipsAcross,
            [...c.gaps].sort(),
            c.grants
          );
          return { ...row, grantsEur: c.grantsEur };
        });
        return { level: m.visibilityLevel, cells };
      },
      expected: perViewer({
        anonymous: {
          level: 'PUBLIC',
          cells: [
            cell('legal-aid', 'DE', 4, 1, 2, [], 1),
            cell('access-to-housing', 'LU', 2, 0, 0, ['ISOLATED', 'THIN']),
            cell('housing', 'LU', 2, 0, 0, ['ISOLATED', 'THIN']),
            cell('health', 'SE', 3, 3, 0, [])
          ]
        },
        members: {
          level: 'MEMBERS',
          cells: [
            cell('legal-aid', 'DE', 4, 3, 2, [], 2),
            cell('access-to-housing', 'LU', 2, 0, 0, ['ISOLATED', 'THIN']),
            cell('housing', 'LU', 2, 0, 0, ['ISOLATED', 'THIN']),
            cell('health', 'SE', 3, 3, 0, [])
          ]
        },
        admin: {
          level: 'ADMIN',
          cells: [
            cell('legal-aid', 'DE', 4, 4, 2, [], 3),
            cell('access-to-housing', 'LU', 2, 1, 0, ['THIN']),
            cell('housing', 'LU', 2, 1, 0, ['THIN']),
            cell('health', 'SE', 3, 3, 2, [])
          ]
        }
      })
    },
    {
      name: 'networkDensity 2023–2025 (cached per level)',
      family: 'analytics',
      run: async (viewer) => {
        const data = await executeOk(
          `{ networkDensity(fromYear: 2023, toYear: 2025) { visibilityLevel undatedPartnerships years { year organizations activePairs } } }`,
          {},
          viewer
        );
        return data.networkDensity;
      },
      // Admins also count the private Far–Mid partnership that ran in 2024 only.
      expected: perViewer({
        anonymous: density(9, 9, 'PUBLIC'),
        members: density(12, 12, 'MEMBERS'),
        admin: density(19, 18, 'ADMIN')
      })
    },
    {
      name: 'brokers (cached per level)',
      family: 'analytics',
      run: async (viewer) => {
        const data = await executeOk(
          `{ brokers(first: 50) { brokers { organization { name } partners } } }`,
          {},
          viewer
        );
        return data.brokers.brokers
          .map((b: { organization: { name: string }; partners: number }) => broker(b.organization.name, b.partners))
          .sort((a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1));
      },
      expected: perViewer({
        anonymous: [broker('Far', 2), broker('Hub', 2)],
        members: [broker('Alder', 2), broker('Birch', 2), broker('Far', 2), broker('Hub', 2), broker('Mid', 2)],
        admin: [
          broker('Alder', 3),
          broker('Birch', 3),
          broker('Bridge Org', 3),
          broker('Cork Aid', 2),
          broker('Far', 2),
          broker('Hub', 2),
          broker('North One', 3),
          broker('North Two', 3),
          broker('South One', 3)
        ]
      })
    },
    {
      name: 'communities (cached per level)',
      family: 'analytics',
      run: async (viewer) => {
        const data = await executeOk(`{ communities(first: 50) { communities { size hubs { name } } } }`, {}, viewer);
        return data.communities.communities
          .map((c: { size: number; hubs: { name: string }[] }) => `${c.size}: ${sortedNames(c.hubs).join(', ')}`)
          .sort();
      },
      // Louvain on each level's projection; checked by hand: every community is connected by edges of its level
      // only (Mid joins through MEMBERS ties, Espoo and Bridge Org through PRIVATE ones).
      expected: perViewer({
        anonymous: [
          '3: North One, North Three, North Two',
          '3: South One, South Three, South Two',
          '4: Alder, Birch, Far, Hub'
        ],
        members: [
          '3: North One, North Three, North Two',
          '3: South One, South Three, South Two',
          '5: Alder, Birch, Far, Hub, Mid'
        ],
        admin: [
          '3: Coimbra Aid, Cork Aid, Espoo Aid',
          '3: South One, South Three, South Two',
          '4: Bridge Org, North One, North Three, North Two',
          '5: Alder, Birch, Far, Hub, Mid'
        ]
      })
    }
  ];
}
