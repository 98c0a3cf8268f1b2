import neo4j from 'neo4j-driver';
import type { VisibilityParams } from '../access/viewer';
import { visibilityParams, visiblePartnership } from '../access/visibility-cypher';
import { readRows } from '../platform/neo4j';

/**
 * Partners come from the graph: organisations joined by a CONFIRMED partnership the viewer may see (any kind,
 * either direction), archived partners left out. The first `limit` partners by name and their total count come
 * from ONE statement (issue 13 item 2: a profile's partners and partnerCount are one round trip), one statement per
 * batch of organisations (UNWIND), the visibility rule as parameters — a private partnership is never fetched for
 * a viewer who may not see it.
 */
export interface PartnerSlice {
  /** How many partners the viewer may see in all. */
  count: number;
  /** The first `limit` of them by name, then id. */
  ids: string[];
}

// The count needs every visible partner anyway, so sorting them all and slicing costs no extra pass.
const PARTNERS_OF = (match: string) => `
${match}
CALL (o) {
  OPTIONAL MATCH (o)-[r:PARTNERS_WITH]-(p:Organization)
  WHERE ${visiblePartnership('r')} AND NOT coalesce(p.archived, false)
  WITH DISTINCT p
  ORDER BY p.name, p.id
  RETURN count(p) AS partnerCount, collect(p.id)[0..$limit] AS partnerIds
}`;

const PARTNERS_BY_IDS = `${PARTNERS_OF('UNWIND $ids AS id\nOPTIONAL MATCH (o:Organization {id: id})')}
RETURN id, partnerCount, partnerIds`;

// By slug, for the profile's first wave (schema/profile-prefetch.ts): while a rename is being
// projected two nodes may hold the slug, so every match comes back with its id and the caller keeps the right one.
const PARTNERS_BY_SLUG = `${PARTNERS_OF('MATCH (o:Organization {slug: $slug})')}
RETURN o.id AS id, partnerCount, partnerIds`;

interface Row {
  id: string;
  partnerCount: unknown;
  partnerIds: string[];
}

function toSlices(rows: Row[]): Map<string, PartnerSlice> {
  return new Map(
    rows.map((row) => [row.id, { count: neo4j.integer.toNumber(row.partnerCount as number), ids: row.partnerIds }])
  );
}

export async function partnersByOrganization(
  ids: readonly string[],
  limit: number,
  v: VisibilityParams
): Promise<Map<string, PartnerSlice>> {
  const rows = await readRows<Row>(PARTNERS_BY_IDS, { ids: [...ids], limit: neo4j.int(limit), ...visibilityParams(v) });
  return toSlices(rows);
}

/** The same slices for the organisation(s) holding `slug` in the graph, keyed by id. */
export async function partnersBySlug(
  slug: string,
  limit: number,
  v: VisibilityParams
): Promise<Map<string, PartnerSlice>> {
  const rows = await readRows<Row>(PARTNERS_BY_SLUG, { slug, limit: neo4j.int(limit), ...visibilityParams(v) });
  return toSlices(rows);
}
