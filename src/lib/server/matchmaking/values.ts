import neo4j from 'neo4j-driver';

/** A Cypher number as a JS number, whatever the driver's integer setting (lossless Integer, bigint or number). */
export function num(value: unknown): number {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  return Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

/** LIMIT/SKIP and ranges must be sent as Cypher integers: every JS number is sent as a float. */
export const int = (value: number) => neo4j.int(value);
