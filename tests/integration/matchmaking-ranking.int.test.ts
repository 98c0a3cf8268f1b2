/**
 * The learned ranking on real PostgreSQL and Neo4j: a stored refit changes the ranking, the learned path's
 * features come only from ties the viewer may see (and the best-connected candidates from public ties only), and
 * the candidate set does not depend on storage order (the same answer after the graph is wiped and rebuilt).
 *
 *   hub ─ a, hub ─ b, hub ─ c      public: hub is the best connected
 *   secret ┄ p1, secret ┄ p2, secret ┄ p3, secret ┄ p4   PRIVATE: secret is well connected only in private
 *   newbie                           no partnerships; the organisation recommendations are asked for
 *   nowhere, also nowhere            no country, no partnerships (created by their test)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { readTx } from '../../src/lib/server/platform/neo4j';
import { recommendPartners, type Recommendation } from '../../src/lib/server/matchmaking/recommend';
import { PRIOR_MODEL, type RankingModel } from '../../src/lib/server/matchmaking/ranking/model';
import { refreshPublicDegrees } from '../../src/lib/server/matchmaking/ranking/public-degree';
import { forgetCachedRankingModel, saveRankingModel } from '../../src/lib/server/matchmaking/ranking/store';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { rebuildGraph } from '../../src/lib/server/projection/rebuild';
import { createOrganization, createPartnership } from '../factories/organizations';
import { wipeGraph } from '../setup/graph';

const db = getDb();
type Org = Awaited<ReturnType<typeof createOrganization>>;
let hub: Org, secret: Org, newbie: Org, local: Org;
const others: Org[] = [];
const anonymous: Viewer = { kind: 'anonymous' };
const ids = (recs: Recommendation[]) => recs.map((r) => r.organization.id);
const find = (recs: Recommendation[], org: Org) => recs.find((r) => r.organization.id === org.id);

/** Popularity only: a candidate with more visible partners ranks higher. */
const popularityModel: RankingModel = {
  ...PRIOR_MODEL,
  source: 'fitted',
  fittedAt: new Date().toISOString(),
  existing: { ...PRIOR_MODEL.existing },
  newcomer: {
    ...PRIOR_MODEL.newcomer,
    degree: 3,
    recentDegree: 0,
    geography: 0,
    theme: 0,
    complement: 0,
    sharesCountry: 0,
    sharesCountryPopularity: 0,
    countryPopularity: 0,
    themePopularity: 0
  }
};
/** Geography only: the candidate in the same country ranks first whatever its partners. */
const geographyModel: RankingModel = {
  ...popularityModel,
  newcomer: { ...popularityModel.newcomer, degree: 0, geography: 5 }
};

beforeAll(async () => {
  newbie = await createOrganization(db, { name: 'Newbie', countryCodes: ['PT'] });
  local = await createOrganization(db, { name: 'Local', countryCodes: ['PT'] });
  hub = await createOrganization(db, { name: 'Hub', countryCodes: ['DE'] });
  secret = await createOrganization(db, { name: 'Secret', countryCodes: ['FR'] });
  for (const name of ['A', 'B', 'C', 'P1', 'P2', 'P3', 'P4']) {
    others.push(await createOrganization(db, { name, countryCodes: ['IT'] }));
  }
  for (const o of others.slice(0, 3)) await createPartnership(db, hub, o);
  for (const o of others.slice(3)) await createPartnership(db, secret, o, { visibility: 'PRIVATE' });
  await drainOutbox();
  await refreshPublicDegrees();
});

describe('the learned ranking', () => {
  it('ranks with the stored model, and a refit changes the ranking', async () => {
    await saveRankingModel(popularityModel);
    forgetCachedRankingModel();
    const byPopularity = await recommendPartners(anonymous, { organizationId: newbie.id, first: 20 });
    expect(ids(byPopularity)[0]).toBe(hub.id);
    expect(byPopularity[0].contributions[0].reason).toBe('wellConnected');

    await saveRankingModel(geographyModel);
    forgetCachedRankingModel();
    const byGeography = await recommendPartners(anonymous, { organizationId: newbie.id, first: 20 });
    expect(ids(byGeography)[0]).toBe(local.id);
    expect(byGeography[0].contributions[0].reason).toBe('countries');
  });

  it('reads features only from ties the viewer may see, and the best connected from public ties only', async () => {
    const publicDegree = await readTx(async (tx) =>
      (await tx.run('MATCH (o:Organization {id: $id}) RETURN o.publicDegree AS d', { id: secret.id })).records[0].get(
        'd'
      )
    );
    expect(Number(publicDegree)).toBe(0);

    const forAnonymous = await recommendPartners(
      anonymous,
      { organizationId: newbie.id, first: 20 },
      { model: popularityModel }
    );
    // Secret's four private partnerships neither lift it above Hub nor show as a partner count.
    const hidden = find(forAnonymous, secret);
    if (hidden) {
      expect(hidden.reasons.partnerCount).toBe(0);
      expect(hidden.contributions.map((c) => c.reason)).not.toContain('wellConnected');
      expect(ids(forAnonymous).indexOf(secret.id)).toBeGreaterThan(ids(forAnonymous).indexOf(hub.id));
    }
    // Candidate generation ranks by public partner count only: Secret is not among the best connected.
    expect(ids(forAnonymous)[0]).toBe(hub.id);
  });

  it('gives an organisation without a country the others without one first, as same-country popularity does', async () => {
    const nowhere = await createOrganization(db, { name: 'Nowhere' });
    const alsoNowhere = await createOrganization(db, { name: 'Also nowhere' });
    await drainOutbox();
    await refreshPublicDegrees();
    const recs = await recommendPartners(anonymous, { organizationId: nowhere.id, first: 20 }, { model: PRIOR_MODEL });
    // Also nowhere has no partner at all: only the country-less candidate branch can bring it in.
    expect(ids(recs)).toContain(alsoNowhere.id);
    expect(ids(recs).indexOf(alsoNowhere.id)).toBeLessThan(ids(recs).indexOf(hub.id));
    expect(find(recs, alsoNowhere)!.reasons.sharedCountries).toEqual([]);
    // An organisation with a country gains nothing from candidates without one.
    const forNewbie = await recommendPartners(
      anonymous,
      { organizationId: newbie.id, first: 20 },
      { model: PRIOR_MODEL }
    );
    expect(ids(forNewbie).indexOf(local.id)).toBe(0);
    expect(ids(forNewbie)).not.toContain(alsoNowhere.id);
  });

  it('gives the same answer after the graph is wiped and rebuilt (no storage-order cut)', async () => {
    const ask = () =>
      recommendPartners(anonymous, { organizationId: newbie.id, first: 20 }, { model: popularityModel }).then((r) =>
        r.map((x) => [x.organization.id, x.score.toFixed(9)])
      );
    const before = await ask();
    await wipeGraph();
    await rebuildGraph({ batchSize: 3 });
    await refreshPublicDegrees();
    expect(await ask()).toEqual(before);
  });
});
