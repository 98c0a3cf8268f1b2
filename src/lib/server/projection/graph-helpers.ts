import { cypherInt, plain } from './graph-values';
import type { Cypher } from './types';

/**
 * Id paging and counts for node labels and relationship types. `label`/`type`/`key` are constants from the
 * projector files (Cypher cannot take them as parameters), never input.
 */
export function nodeChecks(label: string, key = 'id') {
  return {
    async graphIdsPage(tx: Cypher, afterId: string, limit: number): Promise<string[]> {
      const result = await tx.run(
        `MATCH (n:${label}) WHERE n.${key} > $afterId RETURN n.${key} AS id ORDER BY id LIMIT $limit`,
        { afterId, limit: cypherInt(limit) }
      );
      return result.records.map((r) => r.get('id') as string);
    },
    async countGraph(tx: Cypher): Promise<number> {
      const result = await tx.run(`MATCH (n:${label}) RETURN count(n) AS n`);
      return plain(result.records[0].get('n')) as number;
    }
  };
}

export function relChecks(type: string) {
  return {
    async graphIdsPage(tx: Cypher, afterId: string, limit: number): Promise<string[]> {
      const result = await tx.run(
        `MATCH ()-[r:${type}]->() WHERE r.id > $afterId RETURN r.id AS id ORDER BY id LIMIT $limit`,
        { afterId, limit: cypherInt(limit) }
      );
      return result.records.map((r) => r.get('id') as string);
    },
    async countGraph(tx: Cypher): Promise<number> {
      const result = await tx.run(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`);
      return plain(result.records[0].get('n')) as number;
    }
  };
}
