/**
 * Matchmaking on real Neo4j (projected from real PostgreSQL through the outbox): partner recommendations, connection
 * paths and coalition proposals — and the privacy rule: a PRIVATE partnership never shows in a reason, a path or a
 * tie for anonymous visitors or members of unrelated organisations, while a member of one of its sides sees it.
 *
 *   alpha ─ beta ─ gamma          public; gamma also reaches FR, works on a sibling sub-theme
 *     │       ├─ mike             MEMBERS-only
 *     │       └─ zulu ─ yankee    zulu is archived
 *     ├┄ priv ─ quentin          alpha─priv is PRIVATE; priv─quentin public
 *     └┈ pending                  a PROPOSED partnership
 *   newbie, delta                 no partnerships
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { proposeCoalition } from '../../src/lib/server/matchmaking/coalition';
import { connectionPaths } from '../../src/lib/server/matchmaking/paths';
import { recommendPartners, type Recommendation } from '../../src/lib/server/matchmaking/recommend';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { FailureSignal } from '../../src/lib/server/validation/outcome';
import { createOrganization, createPartnership } from '../factories/organizations';
import { admin, memberOf } from '../factories/viewers';
import { anonymous } from '../../src/lib/server/access/viewer';

const db = getDb();
type Org = Awaited<ReturnType<typeof createOrganization>>;
let alpha: Org, beta: Org, gamma: Org, delta: Org, priv: Org, quentin: Org, mike: Org, zulu: Org, yankee: Org;
let newbie: Org, pending: Org, outsider: Org;

const idsOf = (recs: Recommendation[]) => recs.map((r) => r.organization.id);
const find = (recs: Recommendation[], org: { id: string }) => recs.find((r) => r.organization.id === org.id);
const sharedPartnerIds = (recs: Recommendation[]) => recs.flatMap((r) => r.reasons.sharedPartners.map((p) => p.id));

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(FailureSignal);
  return (error as FailureSignal).failure;
}

beforeAll(async () => {
  const legal = { themeSlugs: ['asylum-legal-counselling'] };
  alpha = await createOrganization(db, { name: 'Alpha', ...legal, countryCodes: ['DE'], levels: ['NATIONAL'] });
  beta = await createOrganization(db, { name: 'Beta', ...legal, countryCodes: ['DE'] });
  gamma = await createOrganization(db, {
    name: 'Gamma',
    themeSlugs: ['legal-representation'],
    countryCodes: ['DE', 'FR'],
    levels: ['EUROPEAN']
  });
  delta = await createOrganization(db, { name: 'Delta', themeSlugs: ['access-to-housing'], countryCodes: ['IT'] });
  priv = await createOrganization(db, { name: 'Priv', ...legal, countryCodes: ['AT'] });
  quentin = await createOrganization(db, { name: 'Quentin', ...legal, countryCodes: ['AT'] });
  mike = await createOrganization(db, { name: 'Mike', themeSlugs: ['migration-statistics'], countryCodes: ['PL'] });
  zulu = await createOrganization(db, { name: 'Zulu', ...legal, countryCodes: ['DE'], archivedAt: new Date() });
  yankee = await createOrganization(db, { name: 'Yankee', themeSlugs: ['health'], countryCodes: ['PT'] });
  newbie = await createOrganization(db, { name: 'Newbie', ...legal, countryCodes: ['DE'], levels: ['NATIONAL'] });
  pending = await createOrganization(db, { name: 'Pending', ...legal, countryCodes: ['DE'] });
  outsider = await createOrganization(db, { name: 'Outsider', themeSlugs: ['housing'], countryCodes: ['SE'] });

  await createPartnership(db, alpha, beta);
  await createPartnership(db, beta, gamma);
  await createPartnership(db, beta, mike, { visibility: 'MEMBERS' });
  await createPartnership(db, beta, zulu);
  await createPartnership(db, zulu, yankee);
  await createPartnership(db, alpha, priv, { visibility: 'PRIVATE' });
  await createPartnership(db, priv, quentin);
  await createPartnership(db, alpha, pending, { status: 'PROPOSED', visibility: 'PUBLIC' });
  await drainOutbox();
});

describe('recommendPartners', () => {
  it('recommends partners of partners with the shared partner and distance 2, never existing partners, itself or archived organisations', async () => {
    const recs = await recommendPartners(anonymous, { organizationId: alpha.id, first: 20 });
    const g = find(recs, gamma);
    expect(g?.reasons.sharedPartners).toEqual([{ id: beta.id, name: 'Beta' }]);
    expect(g?.reasons.distance).toBe(2);
    expect(g!.scoreParts.network).toBeGreaterThan(0);
    expect(idsOf(recs)).not.toContain(alpha.id);
    expect(idsOf(recs)).not.toContain(beta.id);
    expect(idsOf(recs)).not.toContain(zulu.id);
    // Sorted by score.
    const scores = recs.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('never uses a PRIVATE partnership for anonymous visitors or unrelated members', async () => {
    for (const viewer of [anonymous, memberOf(outsider)]) {
      const recs = await recommendPartners(viewer, { organizationId: alpha.id, first: 50 });
      expect(sharedPartnerIds(recs)).not.toContain(priv.id);
      const q = find(recs, quentin);
      if (q) {
        expect(q.reasons.sharedPartners).toEqual([]);
        expect(q.reasons.distance).not.toBe(2);
        expect(q.scoreParts.network).toBe(0);
      }
    }
  });

  it('uses it for a member of one of its sides and for admins', async () => {
    for (const viewer of [memberOf(alpha), memberOf(priv), admin]) {
      const recs = await recommendPartners(viewer, { organizationId: alpha.id, first: 50 });
      const q = find(recs, quentin);
      expect(q?.reasons.sharedPartners).toEqual([{ id: priv.id, name: 'Priv' }]);
      expect(q?.reasons.distance).toBe(2);
      // priv is an existing partner for those who can see the partnership.
      expect(idsOf(recs)).not.toContain(priv.id);
    }
  });

  it('shows MEMBERS-only partnerships to signed-in users only', async () => {
    const anon = find(await recommendPartners(anonymous, { organizationId: alpha.id, first: 50 }), mike);
    expect(anon?.reasons.sharedPartners ?? []).toEqual([]);
    const signedIn = find(await recommendPartners(memberOf(outsider), { organizationId: alpha.id, first: 50 }), mike);
    expect(signedIn?.reasons.sharedPartners).toEqual([{ id: beta.id, name: 'Beta' }]);
  });

  it('does not recommend an organisation the viewer already proposed a partnership to', async () => {
    const recs = await recommendPartners(memberOf(alpha), { organizationId: alpha.id, first: 50 });
    expect(idsOf(recs)).not.toContain(pending.id);
  });

  it('gives an organisation without partnerships recommendations from its profile, counting the theme hierarchy', async () => {
    const recs = await recommendPartners(anonymous, { organizationId: newbie.id, first: 50 });
    const a = find(recs, alpha);
    expect(a?.reasons.sharedThemes).toEqual(['asylum-legal-counselling']);
    expect(a?.reasons.sharedCountries).toEqual(['DE']);
    expect(a?.reasons.distance).toBeNull();
    expect(a?.scoreParts.theme).toBe(1);
    const g = find(recs, gamma);
    // A sibling sub-theme under the same parent counts half, and is explained by the parent.
    expect(g?.reasons.sharedThemes).toEqual(['legal-aid']);
    expect(g?.scoreParts.theme).toBe(0.5);
    expect(g?.reasons.countriesAdded).toEqual(['FR']);
    expect(g?.reasons.levelsAdded).toEqual(['EUROPEAN']);
    expect(a!.score).toBeGreaterThan(g!.score);
    expect(idsOf(recs)).not.toContain(delta.id);
    expect(idsOf(recs)).not.toContain(zulu.id);
  });

  it('narrows candidates to requested themes (with sub-themes) and countries', async () => {
    const housing = await recommendPartners(anonymous, { organizationId: alpha.id, themes: ['housing'] });
    expect(idsOf(housing).sort()).toEqual([delta.id, outsider.id].sort());
    expect(find(housing, delta)?.reasons.sharedThemes).toEqual(['housing']);
    const france = await recommendPartners(anonymous, { organizationId: alpha.id, countries: ['fr'] });
    expect(idsOf(france)).toEqual([gamma.id]);
    expect(france[0].reasons.countriesAdded).toEqual(['FR']);
  });

  it('rejects bad input naming the field', async () => {
    const unknownTheme = await failureOf(
      recommendPartners(anonymous, { organizationId: alpha.id, themes: ['no-such-theme'] })
    );
    expect(unknownTheme).toMatchObject({ kind: 'validation', fieldErrors: [{ field: 'themes[0]' }] });
    const badCountry = await failureOf(
      recommendPartners(anonymous, { organizationId: alpha.id, countries: ['DE', 'Germany'] })
    );
    expect(badCountry).toMatchObject({ kind: 'validation', fieldErrors: [{ field: 'countries[1]' }] });
    const zero = await failureOf(recommendPartners(anonymous, { organizationId: alpha.id, first: 0 }));
    expect(zero).toMatchObject({ kind: 'validation', fieldErrors: [{ field: 'first' }] });
    const missing = await failureOf(recommendPartners(anonymous, { organizationId: 'nope' }));
    expect(missing).toMatchObject({ kind: 'not-found', field: 'organizationId' });
  });
});

describe('connectionPaths', () => {
  const names = (paths: { name: string }[][]) => paths.map((p) => p.map((o) => o.name));

  it('finds the shortest chains of visible confirmed partnerships', async () => {
    expect(names(await connectionPaths(anonymous, { from: alpha.id, to: gamma.id }))).toEqual([
      ['Alpha', 'Beta', 'Gamma']
    ]);
  });

  it('never goes through a PRIVATE partnership the viewer may not see', async () => {
    expect(await connectionPaths(anonymous, { from: alpha.id, to: quentin.id })).toEqual([]);
    expect(await connectionPaths(memberOf(outsider), { from: alpha.id, to: quentin.id })).toEqual([]);
    expect(names(await connectionPaths(memberOf(alpha), { from: alpha.id, to: quentin.id }))).toEqual([
      ['Alpha', 'Priv', 'Quentin']
    ]);
    expect(names(await connectionPaths(admin, { from: quentin.id, to: alpha.id }))).toEqual([
      ['Quentin', 'Priv', 'Alpha']
    ]);
  });

  it('does not route through archived organisations or proposals', async () => {
    expect(await connectionPaths(admin, { from: alpha.id, to: yankee.id })).toEqual([]);
    expect(await connectionPaths(admin, { from: alpha.id, to: pending.id })).toEqual([]);
  });

  it('rejects bad input naming the field', async () => {
    expect(await failureOf(connectionPaths(anonymous, { from: alpha.id, to: alpha.id }))).toMatchObject({
      kind: 'validation',
      fieldErrors: [{ field: 'to' }]
    });
    expect(await failureOf(connectionPaths(anonymous, { from: 'nope', to: alpha.id }))).toMatchObject({
      kind: 'not-found',
      field: 'from'
    });
    expect(await failureOf(connectionPaths(anonymous, { from: alpha.id, to: beta.id, max: 99 }))).toMatchObject({
      kind: 'validation',
      fieldErrors: [{ field: 'max' }]
    });
  });
});

describe('proposeCoalition', () => {
  const memberIds = (c: { members: { organization: { id: string } }[] }) => c.members.map((m) => m.organization.id);

  it('covers the requested countries with organisations on the themes (sub-themes included)', async () => {
    const proposal = await proposeCoalition(anonymous, { themes: ['legal-aid'], countries: ['DE', 'FR', 'AT'] });
    expect(proposal.uncoveredCountries).toEqual([]);
    expect(proposal.uncoveredThemes).toEqual([]);
    expect(proposal.missingCells).toEqual([]);
    expect(proposal.unreachableCells).toEqual([]);
    expect(proposal.coveredCells).toHaveLength(3);
    // Every covered cell is one some member covers itself.
    const fromMembers = new Set(proposal.members.flatMap((m) => m.cells.map((c) => `${c.theme}|${c.country}`)));
    expect([...fromMembers].sort()).toEqual(['legal-aid|AT', 'legal-aid|DE', 'legal-aid|FR']);
    expect(memberIds(proposal)).toContain(gamma.id); // the only one in FR
    expect(memberIds(proposal)).toHaveLength(2); // gamma (DE, FR) and one organisation in AT: as few as possible
    expect(memberIds(proposal)).not.toContain(zulu.id);
    expect(memberIds(proposal)).not.toContain(delta.id);
    expect(proposal).toMatchObject({ method: 'exact', provenOptimal: true, comparedToProposal: null });
    expect(proposal.alternatives.length).toBeGreaterThanOrEqual(1);
    for (const alternative of proposal.alternatives) {
      expect(memberIds(alternative).sort()).not.toEqual(memberIds(proposal).sort());
      const change = alternative.comparedToProposal!;
      expect(change.joins.length + change.leaves.length).toBeGreaterThan(0);
      expect(change.joins).toEqual(memberIds(alternative).filter((id) => !memberIds(proposal).includes(id)));
    }
  });

  it('names a requested theme no member works on, even when every country is covered', async () => {
    // Housing (Delta in IT, Outsider in SE) is worked on in neither DE nor FR: every country has a member, the
    // housing cells do not.
    const proposal = await proposeCoalition(anonymous, { themes: ['legal-aid', 'housing'], countries: ['DE', 'FR'] });
    expect(proposal.uncoveredCountries).toEqual([]);
    expect(proposal.uncoveredThemes).toEqual(['housing']);
    expect(proposal.missingCells).toEqual([
      { theme: 'housing', country: 'DE' },
      { theme: 'housing', country: 'FR' }
    ]);
    expect(proposal.unreachableCells).toEqual(proposal.missingCells);
    expect(proposal.cells.map((c) => [c.theme, c.country, c.coveredBy.length > 0])).toEqual([
      ['legal-aid', 'DE', true],
      ['legal-aid', 'FR', true],
      ['housing', 'DE', false],
      ['housing', 'FR', false]
    ]);
    expect(memberIds(proposal)).toEqual([gamma.id]);
  });

  it('prefers organisations already tied to the members chosen', async () => {
    // beta is tied to gamma (chosen first: it covers two countries); newbie and pending are not.
    const proposal = await proposeCoalition(anonymous, { themes: ['legal-aid'], countries: ['DE', 'FR'], size: 2 });
    expect(memberIds(proposal).sort()).toEqual([beta.id, gamma.id].sort());
    expect(proposal.ties).toEqual([{ a: [beta.id, gamma.id].sort()[0], b: [beta.id, gamma.id].sort()[1] }]);
  });

  it('lists a PRIVATE tie between members only to a side or an admin', async () => {
    const input = { themes: ['legal-aid'], countries: ['AT'], include: [alpha.id, priv.id], size: 2 };
    const pair = [alpha.id, priv.id].sort();
    for (const viewer of [anonymous, memberOf(outsider)]) {
      const proposal = await proposeCoalition(viewer, input);
      expect(memberIds(proposal).sort()).toEqual(pair);
      expect(proposal.ties).toEqual([]);
    }
    for (const viewer of [memberOf(alpha), admin]) {
      expect((await proposeCoalition(viewer, input)).ties).toEqual([{ a: pair[0], b: pair[1] }]);
    }
  });

  it('honours include and exclude', async () => {
    const proposal = await proposeCoalition(anonymous, {
      themes: ['legal-aid'],
      countries: ['DE', 'FR'],
      include: [delta.id],
      exclude: [gamma.id]
    });
    expect(memberIds(proposal)[0]).toBe(delta.id);
    expect(memberIds(proposal)).not.toContain(gamma.id);
    expect(proposal.uncoveredCountries).toEqual(['FR']);
    expect(proposal.missingCells).toEqual([{ theme: 'legal-aid', country: 'FR' }]);
    expect(proposal.members[0].cells).toEqual([]); // Delta works on housing in IT: it covers no requested cell
  });

  it('rejects bad input naming the field', async () => {
    expect(
      await failureOf(
        proposeCoalition(anonymous, {
          themes: ['legal-aid'],
          countries: ['DE'],
          include: [alpha.id],
          exclude: [alpha.id]
        })
      )
    ).toMatchObject({ kind: 'validation', fieldErrors: [{ field: 'exclude[0]' }] });
    expect(await failureOf(proposeCoalition(anonymous, { themes: ['legal-aid'], countries: ['XX'] }))).toMatchObject({
      kind: 'validation',
      fieldErrors: [{ field: 'countries[0]' }]
    });
    expect(await failureOf(proposeCoalition(anonymous, { themes: [], countries: ['DE'] }))).toMatchObject({
      kind: 'validation',
      fieldErrors: [{ field: 'themes' }]
    });
    expect(
      await failureOf(proposeCoalition(anonymous, { themes: ['legal-aid'], countries: ['DE'], include: ['nope'] }))
    ).toMatchObject({
      kind: 'validation',
      fieldErrors: [{ field: 'include[0]' }]
    });
  });
});
