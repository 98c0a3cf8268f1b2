/**
 * The visible-partner counts kept on every organisation node (access/partner-counts-cypher.ts says what they are
 * and how queries read them). They are derived from the graph's own PARTNERS_WITH relationships, so they are
 * recomputed — never incremented — for exactly the organisations a projection touched, in the transaction that
 * touched them: replaying a change any number of times, in any order, converges on the same counts.
 *
 * - `recountPartners(tx, ids)`: the partnership projector calls it for both ends of every partnership it writes or
 *   removes (and the former ends of one that moved); the organisation projector for the partners of one it removes.
 * - `recountAllPartners(driver)`: graph:rebuild, once per organisation at the end instead of once per page.
 * - `stalePartnerCounts(tx, ids)`: graph:verify, the organisations whose stored counts differ from a recount.
 */
import type { Driver } from 'neo4j-driver';
import { COUNT_LEVELS, confirmedAtLevel } from '../access/partner-counts-cypher';
import { readTxOn, writeTxOn } from '../platform/graph-transaction';
import { nodeChecks } from './graph-helpers';
import type { Cypher } from './types';

/** `o`'s counts recomputed from its relationships: one expansion, every level at once, as columns of `CALL`. */
const COUNTS = `
CALL (o) {
  OPTIONAL MATCH (o)-[r:PARTNERS_WITH]-(x)
  WITH r, x ORDER BY r.startDate
  RETURN ${COUNT_LEVELS.map(
    (l) => `count(CASE WHEN ${confirmedAtLevel('r', l)} THEN r END) AS tieCount${l.suffix},
         count(DISTINCT CASE WHEN ${confirmedAtLevel('r', l)} THEN x END) AS partnerCount${l.suffix},
         collect(CASE WHEN ${confirmedAtLevel('r', l)} THEN r.startDate END) AS tieStarts${l.suffix}`
  ).join(',\n         ')}
}`;

const PROPERTIES = COUNT_LEVELS.flatMap((l) => [
  `tieCount${l.suffix}`,
  `partnerCount${l.suffix}`,
  `tieStarts${l.suffix}`
]);

// The write lock comes first (a dummy property set and removed, the idiom Neo4j documents for taking one): two
// transactions changing different partnerships of the same organisation then count one after the other, and the
// later one sees the earlier one's committed relationship, so the last count written is right. Without it each
// could count before the other commits and store a count missing the other's change. Sorted ids, fewer deadlocks
// (the driver retries the ones that happen).
const RECOUNT = `
UNWIND $ids AS id
MATCH (o:Organization {id: id})
WITH DISTINCT o ORDER BY o.id
SET o.partnerCountLock = true
REMOVE o.partnerCountLock
WITH o
${COUNTS}
SET ${PROPERTIES.map((p) => `o.${p} = ${p}`).join(', ')}`;

// Absent counts read as none (queries coalesce them): an organisation no partnership was ever written for has none
// stored, and is stale only if it has partnerships after all.
const STALE = `
UNWIND $ids AS id
MATCH (o:Organization {id: id})
${COUNTS}
WITH o, ${PROPERTIES.join(', ')}
WHERE ${PROPERTIES.map((p) => `coalesce(o.${p}, ${p.startsWith('tieStarts') ? '[]' : '0'}) <> ${p}`).join(' OR ')}
RETURN o.id AS id ORDER BY id`;

/** Recomputes the stored counts of these organisations (ids not in the graph are skipped). */
export async function recountPartners(tx: Cypher, ids: Iterable<string>): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  await tx.run(RECOUNT, { ids: unique });
}

const organizations = nodeChecks('Organization');

/** Recounts every organisation of the graph, a page of `batchSize` per transaction; returns how many. */
export async function recountAllPartners(driver: Driver, batchSize = 2000): Promise<number> {
  let done = 0;
  for (let after = ''; ;) {
    const ids = await readTxOn(driver, (tx) => organizations.graphIdsPage(tx, after, batchSize));
    if (ids.length === 0) return done;
    await writeTxOn(driver, (tx) => recountPartners(tx, ids));
    done += ids.length;
    if (ids.length < batchSize) return done;
    after = ids[ids.length - 1];
  }
}

/** Of these organisations, those whose stored counts are missing or differ from their relationships'. */
export async function stalePartnerCounts(tx: Cypher, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await tx.run(STALE, { ids });
  return result.records.map((r) => r.get('id') as string);
}
