/**
 * The Graph Data Science projection of the partnership graph one visibility level may see: organisations that
 * are not archived, and one undirected edge per pair with at least one visible confirmed partnership. The
 * visibility predicate runs inside the projection query, so algorithms never see an edge the level may not.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { readTx } from '../platform/neo4j';
import { visibilityParams, visiblePartnership } from '../access/visibility-cypher';
import { visibilityOfLevel, type VisibilityLevel } from './levels';
import { num } from '../matchmaking/values';

const PROJECT = `
MATCH (a:Organization) WHERE a.archived = false
OPTIONAL MATCH (a)-[r:PARTNERS_WITH]-(b:Organization)
WHERE b.archived = false AND a.id < b.id AND ${visiblePartnership('r')}
WITH DISTINCT a, b
WITH gds.graph.project($graphName, a, b, {}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships`;

export interface ProjectedGraph {
  name: string;
  nodes: number;
  /** Undirected pairs (GDS counts each undirected edge twice). */
  pairs: number;
}

/** Is the GDS library installed on this Neo4j? (Aura Free and plain Community installs may lack it.) */
export async function gdsAvailable(): Promise<boolean> {
  return readTx(async (tx) => {
    const result = await tx.run(`SHOW PROCEDURES YIELD name WHERE name = 'gds.graph.project' RETURN count(*) AS n`);
    return num(result.records[0].get('n')) > 0;
  });
}

/**
 * Projects the level's graph and runs `fn` in the same read transaction (on a cluster, one transaction stays on
 * one member, where the in-memory graph lives), then drops the projection — also on failure: in-memory graphs
 * would otherwise pile up. Names are unique per call, so concurrent refreshes never collide.
 */
export async function withProjectedGraph<T>(
  level: VisibilityLevel,
  fn: (tx: ManagedTransaction, graph: ProjectedGraph) => Promise<T>
): Promise<T> {
  const graphName = `atlas-${level}-${randomUUID()}`;
  const drop = (tx: ManagedTransaction) =>
    tx.run('CALL gds.graph.drop($graphName, false) YIELD graphName RETURN graphName', { graphName });
  try {
    return await readTx(async (tx) => {
      await drop(tx); // a retried transaction finds the previous attempt's projection
      const result = await tx.run(PROJECT, { graphName, ...visibilityParams(visibilityOfLevel(level)) });
      const row = result.records[0];
      return fn(tx, { name: graphName, nodes: num(row.get('nodes')), pairs: num(row.get('relationships')) / 2 });
    });
  } finally {
    await readTx(drop).catch(() => {});
  }
}
