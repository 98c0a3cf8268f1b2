/**
 * publicDegree (the recommender's "best connected" order) is refreshed in write transactions of a bounded number
 * of organisations, so the refresh fits Neo4j's transaction memory limit at any size (one transaction over 200k
 * organisations did not). Batches must not skip or repeat anyone: with batches of 3 every organisation gets the
 * number of PUBLIC confirmed partnerships it has, and a second pass changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { readRows, writeTx } from '../../src/lib/server/platform/neo4j';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { refreshPublicDegrees } from '../../src/lib/server/matchmaking/ranking/public-degree';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();
const ids: string[] = [];
const expected = new Map<string, number>();

beforeAll(async () => {
  for (let i = 0; i < 8; i++) ids.push((await createOrganization(db, { name: `Degree ${i}` })).id);
  // Org i has public ties to the orgs after it, up to i + 3; one private and one proposed tie count for nothing.
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j <= Math.min(i + 3, ids.length - 1); j++) {
      await createPartnership(db, { id: ids[i]! }, { id: ids[j]! });
      expected.set(ids[i]!, (expected.get(ids[i]!) ?? 0) + 1);
      expected.set(ids[j]!, (expected.get(ids[j]!) ?? 0) + 1);
    }
  }
  await createPartnership(db, { id: ids[0]! }, { id: ids[7]! }, { visibility: 'PRIVATE' });
  await createPartnership(db, { id: ids[1]! }, { id: ids[7]! }, { status: 'PROPOSED' });
  await drainOutbox();
  await writeTx((tx) => tx.run('MATCH (o:Organization) WHERE o.id IN $ids REMOVE o.publicDegree', { ids }));
});

describe('refreshPublicDegrees in batches', () => {
  it('sets every degree with batches of 3, then finds nothing to change', async () => {
    const changed = await refreshPublicDegrees(3);
    expect(changed).toBeGreaterThanOrEqual(ids.length);
    const rows = await readRows<{ id: string; degree: number }>(
      'MATCH (o:Organization) WHERE o.id IN $ids RETURN o.id AS id, o.publicDegree AS degree',
      { ids }
    );
    expect(new Map(rows.map((r) => [r.id, Number(r.degree)]))).toEqual(expected);
    expect(await refreshPublicDegrees(3)).toBe(0);
  });
});
