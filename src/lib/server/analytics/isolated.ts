/**
 * Isolated organisations: not archived and without any confirmed partnership the viewer may see (with another
 * organisation that is not archived). Cheap enough to answer live with the viewer's exact visibility, so a
 * member sees its own organisation's private ties counted, and nobody else does.
 */
import { z } from 'zod';
import { visibilityOf, type Viewer } from '../access/viewer';
import { readTx } from '../platform/neo4j';
import { visibilityParams, visiblePartnership } from '../access/visibility-cypher';
import { countryCodes, parseInput, themeSlugs } from '../matchmaking/input';
import type { OrganizationRef } from '../matchmaking/recommend';
import { int, num } from '../matchmaking/values';

export const IsolatedInput = z.object({
  /** Only organisations working on one of these themes (or a sub-theme). */
  themes: themeSlugs.default([]),
  /** Only organisations working in one of these countries. */
  countries: countryCodes.default([]),
  first: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(50),
  offset: z.number().int('must be a whole number').min(0, 'must not be negative').default(0)
});
export type IsolatedInput = z.input<typeof IsolatedInput>;

export interface IsolatedOrganizations {
  total: number;
  organizations: OrganizationRef[];
}

const ISOLATED = `
MATCH (o:Organization)
WHERE o.archived = false
  AND (size($themes) = 0 OR EXISTS {
        MATCH (o)-[:WORKS_ON]->(:Theme)-[:SUBTHEME_OF*0..]->(t:Theme) WHERE t.slug IN $themes })
  AND (size($countries) = 0 OR EXISTS {
        MATCH (o)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) WHERE k.code IN $countries })
  AND NOT EXISTS {
        MATCH (o)-[r:PARTNERS_WITH]-(p:Organization) WHERE p.archived = false AND ${visiblePartnership('r')} }
WITH o ORDER BY o.name, o.id
WITH collect({id: o.id, slug: o.slug, name: o.name}) AS isolated
RETURN size(isolated) AS total, isolated[$offset..$offset + $first] AS page`;

export async function isolatedOrganizations(viewer: Viewer, input: IsolatedInput = {}): Promise<IsolatedOrganizations> {
  const parsed = parseInput(IsolatedInput, input);
  const params = {
    themes: parsed.themes,
    countries: parsed.countries,
    first: int(parsed.first),
    offset: int(parsed.offset),
    ...visibilityParams(visibilityOf(viewer))
  };
  const row = await readTx(async (tx) => (await tx.run(ISOLATED, params)).records[0]);
  return { total: num(row.get('total')), organizations: row.get('page') as OrganizationRef[] };
}
