import neo4j from 'neo4j-driver';
import type { Plain } from './types';

/**
 * Neo4j values as plain JSON values, so a fingerprint read from the graph compares with one built from
 * PostgreSQL: integers (lossless Integer objects or numbers) → number, `date` → 'YYYY-MM-DD', lists → arrays.
 */
export function plain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value)) return String(value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Anything else (a datetime, a point, a map) is not part of the graph model: show it so verify flags it.
  return JSON.stringify(value);
}

/** Integers for LIMIT/SKIP must be sent as Cypher integers, not floats (every JS number is sent as a float). */
export function cypherInt(value: number) {
  return neo4j.int(value);
}
