import neo4j from 'neo4j-driver';
import type { VisibilityParams } from '../access/viewer';
import { visibilityParams, visiblePartnership } from '../access/visibility-cypher';
import { readRows } from '../platform/neo4j';

/**
 * Partners come from the graph: organisations joined by a CONFIRMED partnership the viewer may see (any kind,
 * either direction), archived partners left out. One query per batch of organisations (UNWIND $ids), the
 * visibility rule as parameters — a private partnership is never fetched for a viewer who may not see it.
 */
const PARTNERS = `
UNWIND $ids AS id
OPTIONAL MATCH (o:Organization {id: id})
CALL (o) {
  OPTIONAL MATCH (o)-[r:PARTNERS_WITH]-(p:Organization)
  WHERE ${visiblePartnership('r')} AND NOT coalesce(p.archived, false)
  WITH DISTINCT p
  ORDER BY p.name, p.id
  LIMIT $limit
  RETURN collect(p.id) AS partnerIds
}
RETURN id, partnerIds`;

export async function partnerIdsByOrganization(
  ids: readonly string[],
  limit: number,
  v: VisibilityParams
): Promise<Map<string, string[]>> {
  const rows = await readRows<{ id: string; partnerIds: string[] }>(PARTNERS, {
    ids: [...ids],
    limit: neo4j.int(limit),
    ...visibilityParams(v)
  });
  return new Map(rows.map((row) => [row.id, row.partnerIds]));
}

const PARTNER_COUNTS = `
UNWIND $ids AS id
OPTIONAL MATCH (o:Organization {id: id})-[r:PARTNERS_WITH]-(p:Organization)
WHERE ${visiblePartnership('r')} AND NOT coalesce(p.archived, false)
RETURN id, count(DISTINCT p) AS n`;

export async function partnerCountsByOrganization(
  ids: readonly string[],
  v: VisibilityParams
): Promise<Map<string, number>> {
  const rows = await readRows<{ id: string; n: { toNumber(): number } | number }>(PARTNER_COUNTS, {
    ids: [...ids],
    ...visibilityParams(v)
  });
  return new Map(rows.map((row) => [row.id, typeof row.n === 'number' ? row.n : row.n.toNumber()]));
}
