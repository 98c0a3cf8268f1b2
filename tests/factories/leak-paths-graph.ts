/**
 * Leak matrix rows for matchmaking on the partnership graph: connection paths, recommendation candidates and
 * reasons (shared partners, distance), and coalition ties — the exact answer per viewer of the leak graph.
 */
import { executeOk, globalId } from './graphql';
import type { LeakGraph } from './leak-graph';
import { pairName, perViewer, sortedNames, type LeakPath } from './leak-matrix';

export function graphLeakPaths(g: LeakGraph): LeakPath[] {
  const id = (name: string) => globalId('Organization', g.org(name));

  const paths =
    (from: string, to: string): LeakPath['run'] =>
    async (viewer) => {
      const data = await executeOk(
        `query($from: ID!, $to: ID!) { connectionPaths(from: $from, to: $to, max: 10) { length organizations { name } } }`,
        { from: id(from), to: id(to) },
        viewer
      );
      return data.connectionPaths.map((p: { length: number; organizations: { name: string }[] }) => {
        const names = p.organizations.map((o) => o.name);
        if (names.length !== p.length + 1) throw new Error(`path length ${p.length} for ${names.length} organisations`);
        return names;
      });
    };

  const recommendations =
    (name: string): LeakPath['run'] =>
    async (viewer) => {
      const data = await executeOk(
        `query($id: ID!) { recommendedPartners(organizationId: $id, first: 50) {
         organization { name } reasons { sharedPartners { name } distance } } }`,
        { id: id(name) },
        viewer
      );
      return data.recommendedPartners
        .map(
          (r: {
            organization: { name: string };
            reasons: { sharedPartners: { name: string }[]; distance: number | null };
          }) => ({
            candidate: r.organization.name,
            sharedPartners: sortedNames(r.reasons.sharedPartners),
            distance: r.reasons.distance
          })
        )
        .sort((a: { candidate: string }, b: { candidate: string }) => (a.candidate < b.candidate ? -1 : 1));
    };

  const rec = (candidate: string, sharedPartners: string[], distance: number | null) => ({
    candidate,
    sharedPartners,
    distance
  });

  return [
    // ─── Matchmaking on the graph ────────────────────────────────────────────────────────────────────
    {
      name: 'connectionPaths Alder → Birch',
      family: 'graph',
      run: paths('Alder', 'Birch'),
      expected: perViewer({
        anonymous: [['Alder', 'Hub', 'Far', 'Birch']],
        members: [['Alder', 'Mid', 'Birch']],
        sides: [['Alder', 'Birch']],
        admin: [['Alder', 'Birch']]
      })
    },
    {
      name: 'connectionPaths Hub → Mid',
      family: 'graph',
      run: paths('Hub', 'Mid'),
      expected: perViewer({ anonymous: [], members: [['Hub', 'Alder', 'Mid']], admin: [['Hub', 'Alder', 'Mid']] })
    },
    {
      name: 'connectionPaths Lux Housing One → Lux Housing Two',
      family: 'graph',
      run: paths('Lux Housing One', 'Lux Housing Two'),
      expected: perViewer({ anonymous: [], members: [], admin: [['Lux Housing One', 'Lux Housing Two']] })
    },
    {
      name: 'connectionPaths North Three → South Three (only through Bridge Org)',
      family: 'graph',
      run: paths('North Three', 'South Three'),
      expected: perViewer({
        anonymous: [],
        members: [],
        admin: [
          ['North Three', 'North One', 'Bridge Org', 'South One', 'South Three'],
          ['North Three', 'North Two', 'Bridge Org', 'South One', 'South Three']
        ]
      })
    },
    {
      name: 'recommendedPartners for Hub (shared partners, distance)',
      family: 'graph',
      run: recommendations('Hub'),
      expected: perViewer({
        anonymous: [rec('Birch', ['Far'], 2)],
        members: [rec('Birch', ['Far'], 2), rec('Mid', ['Alder'], 2)],
        // Alder's people see Alder–Birch, so Alder becomes a shared partner of Hub and Birch.
        sideA: [rec('Birch', ['Alder', 'Far'], 2), rec('Mid', ['Alder'], 2)],
        // Birch's people (and admins) see the pending Hub→Birch proposal, which rules Birch out as a candidate.
        sideB: [rec('Mid', ['Alder'], 2)],
        admin: [rec('Mid', ['Alder'], 2)]
      })
    },
    {
      name: 'recommendedPartners for Far (shared partners, distance)',
      family: 'graph',
      run: recommendations('Far'),
      expected: perViewer({
        anonymous: [
          rec('Alder', ['Hub'], 2),
          rec('Coimbra Aid', [], null),
          rec('Cork Aid', [], null),
          rec('Espoo Aid', [], null),
          rec('Mid', [], null)
        ],
        members: [
          rec('Alder', ['Hub'], 2),
          rec('Coimbra Aid', [], null),
          rec('Cork Aid', [], null),
          rec('Espoo Aid', [], null),
          rec('Mid', ['Birch'], 2)
        ],
        sides: [
          rec('Alder', ['Birch', 'Hub'], 2),
          rec('Coimbra Aid', [], null),
          rec('Cork Aid', [], null),
          rec('Espoo Aid', [], null),
          rec('Mid', ['Birch'], 2)
        ],
        admin: [
          rec('Alder', ['Birch', 'Hub'], 2),
          rec('Coimbra Aid', [], null),
          rec('Cork Aid', [], null),
          rec('Espoo Aid', [], null),
          rec('Mid', ['Birch'], 2)
        ]
      })
    },
    {
      // Leaving out existing partners must use only visible partnerships too: were Birch left out for anonymous
      // visitors, its absence would give the private Alder–Birch partnership away.
      name: 'recommendedPartners for Alder (candidates, shared partners, distance)',
      family: 'graph',
      run: recommendations('Alder'),
      expected: perViewer({
        anonymous: [
          rec('Birch', [], 3),
          rec('Coimbra Aid', [], null),
          rec('Cork Aid', [], null),
          rec('Espoo Aid', [], null),
          rec('Far', ['Hub'], 2),
          rec('Mid', [], null)
        ],
        members: [
          rec('Birch', ['Mid'], 2),
          rec('Coimbra Aid', [], null),
          rec('Cork Aid', [], null),
          rec('Espoo Aid', [], null),
          rec('Far', ['Hub'], 2)
        ],
        sides: [
          rec('Coimbra Aid', [], null),
          rec('Cork Aid', [], null),
          rec('Espoo Aid', [], null),
          rec('Far', ['Birch', 'Hub'], 2)
        ],
        admin: [
          rec('Coimbra Aid', [], null),
          rec('Cork Aid', [], null),
          rec('Espoo Aid', [], null),
          rec('Far', ['Birch', 'Hub'], 2)
        ]
      })
    },
    {
      name: 'proposeCoalition legal-aid in PT, IE, FI (members and internal ties)',
      family: 'graph',
      run: async (viewer) => {
        const data = await executeOk(
          `{ proposeCoalition(themes: ["legal-aid"], countries: ["PT", "IE", "FI"]) {
               best { members { organization { name } } ties { a { name } b { name } } } } }`,
          {},
          viewer
        );
        const best = data.proposeCoalition.best;
        return {
          members: best.members.map((m: { organization: { name: string } }) => m.organization.name).sort(),
          ties: best.ties.map((t: { a: { name: string }; b: { name: string } }) => pairName(t.a.name, t.b.name)).sort()
        };
      },
      expected: perViewer({
        anonymous: { members: ['Coimbra Aid', 'Cork Aid', 'Espoo Aid'], ties: [] },
        members: { members: ['Coimbra Aid', 'Cork Aid', 'Espoo Aid'], ties: ['Coimbra Aid – Cork Aid'] },
        admin: {
          members: ['Coimbra Aid', 'Cork Aid', 'Espoo Aid'],
          ties: ['Coimbra Aid – Cork Aid', 'Cork Aid – Espoo Aid']
        }
      })
    }
  ];
}
