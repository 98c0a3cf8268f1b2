/**
 * Keeps `publicDegree` on every organisation: its number of PUBLIC confirmed partnerships. The recommender ranks
 * its "best connected" and profile candidates by it before cutting (recommend-query.ts). Only public ties count,
 * so what it reveals every viewer may see anyway; the features that score a candidate are recomputed per viewer.
 * Refreshed with the ranking model (`npm run analytics:refresh`, and when stale at start); an organisation
 * created since then has no value yet and is simply not among the best connected until the next refresh.
 */
import neo4j from 'neo4j-driver';
import { writeTx } from '../../platform/neo4j';
import { num } from '../values';

// One batch of organisations in id order after $after: a write transaction per batch, so its memory stays small
// whatever the graph's size (one transaction over all 200k organisations hit Neo4j's transaction memory limit).
const REFRESH_BATCH = `
MATCH (c:Organization) WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $batch
WITH c, COUNT { MATCH (c)-[r:PARTNERS_WITH]-() WHERE r.status = 'CONFIRMED' AND r.visibility = 'PUBLIC' } AS degree
CALL (c, degree) {
  WITH c, degree WHERE c.publicDegree IS NULL OR c.publicDegree <> degree
  SET c.publicDegree = degree
  RETURN count(*) AS changed
}
RETURN max(c.id) AS last, count(c) AS seen, sum(changed) AS changed`;

export const PUBLIC_DEGREE_BATCH = 10_000;

/** Returns how many organisations changed. */
export async function refreshPublicDegrees(batch = PUBLIC_DEGREE_BATCH): Promise<number> {
  let after = '';
  let changed = 0;
  for (;;) {
    const record = await writeTx(
      async (tx) => (await tx.run(REFRESH_BATCH, { after, batch: neo4j.int(batch) })).records[0]
    );
    changed += num(record?.get('changed') ?? 0);
    if (!record || num(record.get('seen')) < batch) return changed;
    after = record.get('last') as string;
  }
}
