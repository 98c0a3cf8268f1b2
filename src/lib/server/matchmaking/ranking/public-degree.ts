/**
 * Keeps `publicDegree` on every organisation: its number of PUBLIC confirmed partnerships. The recommender ranks
 * its "best connected" and profile candidates by it before cutting (recommend-query.ts). Only public ties count,
 * so what it reveals every viewer may see anyway; the features that score a candidate are recomputed per viewer.
 * Refreshed with the ranking model (`npm run analytics:refresh`, and when stale at start); an organisation
 * created since then has no value yet and is simply not among the best connected until the next refresh.
 */
import { writeTx } from '../../platform/neo4j';
import { num } from '../values';

const REFRESH = `
MATCH (c:Organization)
WITH c, COUNT { MATCH (c)-[r:PARTNERS_WITH]-() WHERE r.status = 'CONFIRMED' AND r.visibility = 'PUBLIC' } AS degree
WHERE c.publicDegree IS NULL OR c.publicDegree <> degree
SET c.publicDegree = degree
RETURN count(c) AS changed`;

/** Returns how many organisations changed. */
export async function refreshPublicDegrees(): Promise<number> {
  return writeTx(async (tx) => num((await tx.run(REFRESH)).records[0].get('changed')));
}
