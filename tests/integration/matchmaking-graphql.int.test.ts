/**
 * Matchmaking and analytics through the GraphQL API (yoga, in process): the fields resolve organisations, themes
 * and countries, errors name the argument, and a PRIVATE partnership stays invisible to anonymous callers.
 *
 *   hub ─ left ─ far        public
 *   hub ┄ secret ─ beyond   hub─secret is PRIVATE
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { createViewer, execute, executeOk, globalId } from '../factories/graphql';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();
let hub: string, left: string, far: string, secret: string, beyond: string;
let side: Viewer;
const gid = (id: string) => globalId('Organization', id);

beforeAll(async () => {
  const profile = { themeSlugs: ['reception-conditions'], countryCodes: ['GR'] };
  hub = (await createOrganization(db, { name: 'Hub', ...profile })).id;
  left = (await createOrganization(db, { name: 'Left', ...profile })).id;
  far = (await createOrganization(db, { name: 'Far', themeSlugs: ['access-to-asylum'], countryCodes: ['IT'] })).id;
  secret = (await createOrganization(db, { name: 'Secret', ...profile })).id;
  beyond = (await createOrganization(db, { name: 'Beyond', ...profile })).id;
  await createPartnership(db, hub, left);
  await createPartnership(db, left, far);
  await createPartnership(db, hub, secret, { visibility: 'PRIVATE' });
  await createPartnership(db, secret, beyond);
  await drainOutbox();
  side = await createViewer(db, { organizationIds: [hub] });
});

const RECOMMEND = `
  query($id: ID!) {
    recommendedPartners(organizationId: $id, first: 10) {
      organization { name }
      score
      scoreParts { network theme }
      reasons { sharedPartners { name } sharedThemes { slug } countriesAdded { code } levelsAdded distance }
    }
  }`;

type Rec = { organization: { name: string }; reasons: { sharedPartners: { name: string }[]; distance: number | null } };
const byName = (recs: Rec[], name: string) => recs.find((r) => r.organization.name === name);

describe('recommendedPartners', () => {
  it('explains recommendations with organisations, themes and countries', async () => {
    const { recommendedPartners } = await executeOk<{ recommendedPartners: Rec[] }>(RECOMMEND, { id: gid(hub) });
    const f = byName(recommendedPartners, 'Far')!;
    expect(f.reasons).toMatchObject({
      sharedPartners: [{ name: 'Left' }],
      sharedThemes: [{ slug: 'fair-asylum-systems' }],
      countriesAdded: [{ code: 'IT' }],
      distance: 2
    });
  });

  it('keeps a PRIVATE partnership out of reasons for anonymous callers and shows it to a side', async () => {
    const anon = (await executeOk<{ recommendedPartners: Rec[] }>(RECOMMEND, { id: gid(hub) })).recommendedPartners;
    expect(anon.flatMap((r) => r.reasons.sharedPartners.map((p) => p.name))).not.toContain('Secret');
    expect(byName(anon, 'Beyond')?.reasons.sharedPartners ?? []).toEqual([]);
    const mine = (await executeOk<{ recommendedPartners: Rec[] }>(RECOMMEND, { id: gid(hub) }, side))
      .recommendedPartners;
    expect(byName(mine, 'Beyond')?.reasons).toMatchObject({ sharedPartners: [{ name: 'Secret' }], distance: 2 });
    expect(byName(mine, 'Secret')).toBeUndefined();
  });

  it('names the argument in errors', async () => {
    const badId = await execute(RECOMMEND, { id: 'not-a-global-id' });
    expect(badId.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'organizationId' }]
    });
    const badTheme = await execute(
      `{ recommendedPartners(organizationId: "${gid(hub)}", themes: ["nope"]) { score } }`
    );
    expect(badTheme.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'themes[0]' }]
    });
    const unknown = await execute(RECOMMEND, { id: gid('no-such-org') });
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      fieldErrors: [{ field: 'organizationId' }]
    });
  });
});

describe('connectionPaths and proposeCoalition', () => {
  const PATHS = `query($from: ID!, $to: ID!) { connectionPaths(from: $from, to: $to) { length organizations { name } } }`;

  it('returns chains of organisations the viewer may see', async () => {
    const anon = await executeOk(PATHS, { from: gid(hub), to: gid(beyond) });
    expect(anon.connectionPaths).toEqual([]);
    const mine = await executeOk(PATHS, { from: gid(hub), to: gid(beyond) }, side);
    expect(mine.connectionPaths).toEqual([
      { length: 2, organizations: [{ name: 'Hub' }, { name: 'Secret' }, { name: 'Beyond' }] }
    ]);
  });

  it('proposes a coalition with its ties and alternatives', async () => {
    const data = await executeOk(
      `query($include: [ID!]) {
        proposeCoalition(themes: ["fair-asylum-systems"], countries: ["GR", "IT"], include: $include) {
          best {
            members { organization { name } coversCountries { code } cells { theme { slug } country { code } } }
            ties { a { name } b { name } }
            uncoveredCountries { code }
            uncoveredThemes { slug }
            requestedCellCount
            coveredCellCount
            missingCells { theme { slug } country { code } }
            cells { theme { slug } country { code } covered coveredBy { name } }
            provenOptimal
            comparedToProposal { joins { name } }
          }
          alternatives { members { organization { name } } comparedToProposal { joins { name } leaves { name } tiesDifference } }
          unreachableCells { theme { slug } country { code } }
        }
      }`,
      { include: [gid(far)] }
    );
    const best = data.proposeCoalition.best;
    expect(best.members[0]).toEqual({
      organization: { name: 'Far' },
      coversCountries: [{ code: 'IT' }],
      cells: [{ theme: { slug: 'fair-asylum-systems' }, country: { code: 'IT' } }]
    });
    expect(best.uncoveredCountries).toEqual([]);
    expect(best.uncoveredThemes).toEqual([]);
    expect(best).toMatchObject({ requestedCellCount: 2, coveredCellCount: 2, missingCells: [], provenOptimal: true });
    expect(best.comparedToProposal).toBeNull();
    expect(best.cells[1]).toMatchObject({ country: { code: 'IT' }, covered: true, coveredBy: [{ name: 'Far' }] });
    expect(data.proposeCoalition.unreachableCells).toEqual([]);
    for (const alternative of data.proposeCoalition.alternatives)
      expect(
        alternative.comparedToProposal.joins.length + alternative.comparedToProposal.leaves.length
      ).toBeGreaterThan(0);
    expect(best.members).toHaveLength(2);
    expect(data.proposeCoalition.alternatives.length).toBeGreaterThanOrEqual(1);
  });
});

describe('analytics fields', () => {
  it('serves the coverage matrix, isolated organisations, brokers, communities and density', async () => {
    const data = await executeOk(`{
      coverageMatrix(themes: ["reception-conditions"], countries: ["GR"], fromYear: 2020, toYear: 2025) {
        computedAt visibilityLevel thinBelow cells { theme { slug } country { code } organizations partnershipsWithin gaps }
      }
      isolatedOrganizations { totalCount organizations { name } }
      brokers(first: 3) { computedAt brokers { organization { name } relative } }
      communities { communities { size } }
      networkDensity(fromYear: 2024, toYear: 2025) { visibilityLevel years { year organizations } }
    }`);
    // Anonymous: Hub, Left, Secret and Beyond are in the cell; Hub─Secret is PRIVATE, Secret─Beyond public.
    expect(data.coverageMatrix.visibilityLevel).toBe('PUBLIC');
    expect(data.coverageMatrix.cells).toEqual([
      {
        theme: { slug: 'reception-conditions' },
        country: { code: 'GR' },
        organizations: 4,
        partnershipsWithin: 2,
        gaps: []
      }
    ]);
    expect(data.isolatedOrganizations).toEqual({ totalCount: 0, organizations: [] });
    expect(data.brokers.brokers[0]).toEqual({ organization: { name: 'Left' }, relative: 1 });
    expect(data.networkDensity.years.map((y: { organizations: number }) => y.organizations)).toEqual([5, 5]);
  });
});
