import { writeTx } from '../../src/lib/server/platform/neo4j';

/** Empties the graph but keeps the applied-migration records (constraints and indexes stay). */
export async function wipeGraph(): Promise<void> {
  await writeTx((tx) => tx.run('MATCH (n) WHERE NOT n:GraphMigration DETACH DELETE n'));
}
