/**
 * The coalition's candidate set (fetchCandidates, coalition-query.ts) against its definition, written out here in
 * TypeScript over what the graph holds, on real PostgreSQL and Neo4j with generated organisations:
 *   - per requested (theme, country) cell, the organisations working there on that theme or a sub-theme of it,
 *     neither archived, excluded nor forced, ranked by cells covered then id, the first 3 × perCell kept (the pool);
 *   - per cell, the pool ranked by cells covered, then visible partner count, then id, the first perCell kept;
 *   - forced (`include`) organisations always, whatever their profile;
 *   - with the themes, countries and visible partner count of each, and the visible ties among them.
 * Both plans of the statement are held to it: one hash join over all requested cells (the join budget this graph
 * always fits) and one requested country at a time (a budget of 0), which large graphs take (issue 13 at 200k).
 * Cells larger than the pool are generated on purpose (perCell as low as 1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VisibilityParams } from '../../src/lib/server/access/viewer';
import { visibilityParams, visiblePartnership } from '../../src/lib/server/access/visibility-cypher';
import { fetchCandidates, JOIN_BUDGET } from '../../src/lib/server/matchmaking/coalition';
import { getDb } from '../../src/lib/server/platform/db';
import { readTx } from '../../src/lib/server/platform/neo4j';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();
/** A theme with sub-themes, one of them, and an unrelated theme with a sub-theme of its own. */
const THEMES = ['children-youth-on-the-move', 'age-assessment', 'alternatives-to-detention', 'detention-monitoring'];
const COUNTRIES = ['DE', 'IT', 'FR'];
const VISIBILITIES = ['PUBLIC', 'MEMBERS', 'PRIVATE'] as const;

interface GraphOrg {
  id: string;
  archived: boolean;
  themeIds: string[];
  countries: string[];
  partners: string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every organisation with its themes, countries and visible partners, and each theme's subtree, as stored. */
async function readGraph(v: VisibilityParams) {
  return readTx(async (tx) => {
    const orgs = await tx.run(
      `MATCH (c:Organization)
       RETURN c.id AS id, c.archived AS archived,
              COLLECT { MATCH (c)-[:WORKS_ON]->(t:Theme) RETURN t.id } AS themeIds,
              COLLECT { MATCH (c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) RETURN DISTINCT k.code } AS countries,
              COLLECT { MATCH (c)-[r:PARTNERS_WITH]-(x:Organization) WHERE ${visiblePartnership('r')}
                        RETURN DISTINCT x.id } AS partners`,
      visibilityParams(v)
    );
    const subtrees = await tx.run(
      `MATCH (t:Theme) RETURN t.slug AS slug, COLLECT { MATCH (d:Theme)-[:SUBTHEME_OF*0..]->(t) RETURN d.id } AS ids`
    );
    return {
      orgs: orgs.records.map((r): GraphOrg => r.toObject() as GraphOrg),
      subtree: new Map(subtrees.records.map((r) => [r.get('slug') as string, r.get('ids') as string[]]))
    };
  });
}

interface Request {
  themes: string[];
  countries: string[];
  include: string[];
  exclude: string[];
  perCell: number;
}

/** The candidate set as its definition states it (the header of this file). */
function expectedCandidates(graph: Awaited<ReturnType<typeof readGraph>>, request: Request) {
  const coverage = (o: GraphOrg) => {
    const themes = request.themes.filter((slug) => o.themeIds.some((id) => graph.subtree.get(slug)!.includes(id)));
    const countries = request.countries.filter((code) => o.countries.includes(code));
    return { id: o.id, themes, countries, cellCount: themes.length * countries.length, degree: o.partners.length };
  };
  const forced = graph.orgs.filter((o) => request.include.includes(o.id)).map(coverage);
  const open = graph.orgs
    .filter((o) => !o.archived && !request.exclude.includes(o.id) && !request.include.includes(o.id))
    .map(coverage)
    .filter((c) => c.cellCount > 0);
  type Row = (typeof open)[number];
  const perCell = (rows: Row[], keep: number, order: (a: Row, b: Row) => number) => {
    const kept = new Set<Row>();
    for (const theme of request.themes)
      for (const country of request.countries)
        rows
          .filter((c) => c.themes.includes(theme) && c.countries.includes(country))
          .sort(order)
          .slice(0, keep)
          .forEach((c) => kept.add(c));
    return [...kept];
  };
  const pool = perCell(open, 3 * request.perCell, (a, b) => b.cellCount - a.cellCount || byId(a.id, b.id));
  const kept = perCell(
    pool,
    request.perCell,
    (a, b) => b.cellCount - a.cellCount || b.degree - a.degree || byId(a.id, b.id)
  );
  const candidates = [...kept, ...forced]
    .map(({ id, themes, countries, degree }) => ({ id, themes, countries, degree }))
    .sort((a, b) => byId(a.id, b.id));
  const ids = new Set(candidates.map((c) => c.id));
  const ties = candidates.flatMap(({ id }) =>
    graph.orgs
      .find((o) => o.id === id)!
      .partners.filter((p) => id < p && ids.has(p))
      .sort(byId)
      .map((p): [string, string] => [id, p])
  );
  return { candidates, ties };
}

const organisation = fc.record({
  themes: fc.subarray(THEMES, { minLength: 0, maxLength: 3 }),
  countries: fc.subarray(COUNTRIES, { minLength: 0, maxLength: 3 }),
  hq: fc.option(fc.constantFrom(...COUNTRIES), { nil: null }),
  archived: fc.integer({ min: 0, max: 5 }).map((n) => n === 0)
});
const tie = fc.record({ a: fc.nat(), b: fc.nat(), visibility: fc.constantFrom(...VISIBILITIES) });

describe('coalition candidates', () => {
  it('are the per-cell pools of their definition, for every viewer, with include and exclude', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(organisation, { minLength: 6, maxLength: 18 }),
        fc.array(tie, { maxLength: 24 }),
        fc.record({
          themes: fc.subarray(THEMES, { minLength: 1, maxLength: 3 }),
          countries: fc.subarray(COUNTRIES, { minLength: 1, maxLength: 3 }),
          include: fc.array(fc.nat(), { maxLength: 2 }),
          exclude: fc.array(fc.nat(), { maxLength: 2 }),
          perCell: fc.integer({ min: 1, max: 3 })
        }),
        async (profiles, ties, ask) => {
          const orgs: { id: string }[] = [];
          for (const p of profiles)
            orgs.push(
              await createOrganization(db, {
                themeSlugs: p.themes,
                countryCodes: p.countries,
                hqCountryCode: p.hq,
                archivedAt: p.archived ? new Date() : null
              })
            );
          const pairs = new Set<string>();
          for (const t of ties) {
            const [a, b] = [orgs[t.a % orgs.length], orgs[t.b % orgs.length]];
            const key = [a.id, b.id].sort().join();
            if (a.id === b.id || pairs.has(key)) continue;
            pairs.add(key);
            await createPartnership(db, a, b, { visibility: t.visibility });
          }
          await drainOutbox();

          const include = [...new Set(ask.include.map((i) => orgs[i % orgs.length].id))];
          const exclude = [...new Set(ask.exclude.map((i) => orgs[i % orgs.length].id))].filter(
            (id) => !include.includes(id)
          );
          const request = { themes: ask.themes, countries: ask.countries, include, exclude, perCell: ask.perCell };
          const viewers: VisibilityParams[] = [
            { seeMembers: false, seeAll: false, orgIds: [] },
            { seeMembers: true, seeAll: false, orgIds: [orgs[0].id] },
            { seeMembers: true, seeAll: true, orgIds: [] }
          ];
          for (const v of viewers) {
            const graph = await readGraph(v);
            const lists = { themes: request.themes, countries: request.countries, include, exclude };
            const expected = expectedCandidates(graph, request);
            for (const counts of ['stored', 'live'] as const)
              for (const joinBudget of [JOIN_BUDGET, 0]) {
                const options = { counts, perCell: request.perCell, joinBudget };
                const actual = await readTx((tx) => fetchCandidates(tx, v, lists, options));
                expect({ options, candidates: actual.candidates, ties: actual.ties }).toEqual({ options, ...expected });
              }
          }
        }
      ),
      { numRuns: 12 }
    );
    // Each run writes up to 18 organisations and 24 partnerships through PostgreSQL and the outbox, then reads the
    // whole graph and asks 12 times: far more than the default per-test limit on a busy machine.
  }, 600_000);
});
