/**
 * The evaluation's baselines, on the same graph and with the same visibility and exclusions as the recommender:
 * common neighbours and Adamic-Adar over visible confirmed partnerships (one query gives both), "most connected"
 * (rank everyone by visible partnership count — what a directory sorted by popularity would show), same-country
 * popularity and random. As is usual in link prediction, the neighbourhood baselines are filled up by popularity
 * when partners of partners run out (`fillUp`): a list that stops at 3 names is not a fair opponent.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { visiblePartnership, visibleProposal } from '../../src/lib/server/access/visibility-cypher';
import { int, num } from '../../src/lib/server/matchmaking/values';

const vp = visiblePartnership;

const NEIGHBOURHOOD = `
MATCH (o:Organization {id: $organizationId})
WITH o, COLLECT { MATCH (o)-[r:PARTNERS_WITH]-(p:Organization)
                  WHERE ${vp('r')} OR ${visibleProposal('r')}
                  RETURN DISTINCT p.id } AS existing
MATCH (o)-[r1:PARTNERS_WITH]-(z:Organization)
WHERE ${vp('r1')} AND z.archived = false
WITH DISTINCT o, existing, z
WITH o, existing, z, COUNT { MATCH (z)-[r:PARTNERS_WITH]-(x:Organization) WHERE ${vp('r')} RETURN DISTINCT x } AS degree
MATCH (z)-[r2:PARTNERS_WITH]-(c:Organization)
WHERE ${vp('r2')} AND c <> o AND c.archived = false AND NOT c.id IN existing
WITH DISTINCT c, z, degree
RETURN c.id AS id, count(z) AS commonNeighbours, sum(1.0 / log(degree)) AS adamicAdar`;

const MOST_CONNECTED = `
MATCH (c:Organization) WHERE c.archived = false
WITH c, COUNT { MATCH (c)-[r:PARTNERS_WITH]-(x:Organization) WHERE ${vp('r')} RETURN DISTINCT x } AS degree
ORDER BY degree DESC, c.id
LIMIT $limit
RETURN c.id AS id`;

const EXISTING = `
MATCH (o:Organization {id: $organizationId})-[r:PARTNERS_WITH]-(p:Organization)
WHERE ${vp('r')} OR ${visibleProposal('r')}
RETURN collect(DISTINCT p.id) AS existing`;

const rank = (rows: { id: string; score: number }[], k: number) =>
  rows
    .filter((r) => r.score > 0)
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
    .slice(0, k)
    .map((r) => r.id);

/**
 * `first`, then the ids of `fallback` in order, skipping `excluded` and repeats, up to k: how a ranking that runs
 * out (partners of partners, one country) is completed by popularity.
 */
export function fillUp(
  first: readonly string[],
  fallback: readonly string[],
  excluded: ReadonlySet<string>,
  k: number
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of [...first, ...fallback]) {
    if (out.length >= k) break;
    if (excluded.has(id) || seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

export async function neighbourhoodBaselines(
  tx: ManagedTransaction,
  organizationId: string,
  visibility: Record<string, unknown>,
  k: number
): Promise<{ commonNeighbours: string[]; adamicAdar: string[] }> {
  const rows = (await tx.run(NEIGHBOURHOOD, { organizationId, ...visibility })).records.map((r) => ({
    id: r.get('id') as string,
    cn: num(r.get('commonNeighbours')),
    aa: num(r.get('adamicAdar'))
  }));
  return {
    commonNeighbours: rank(
      rows.map((r) => ({ id: r.id, score: r.cn })),
      k
    ),
    adamicAdar: rank(
      rows.map((r) => ({ id: r.id, score: r.aa })),
      k
    )
  };
}

/** The global popularity ranking, computed once (with members-level visibility) and filtered per organisation. */
export async function mostConnected(
  tx: ManagedTransaction,
  visibility: Record<string, unknown>,
  limit: number
): Promise<string[]> {
  return (await tx.run(MOST_CONNECTED, { ...visibility, limit: int(limit) })).records.map((r) => r.get('id') as string);
}

export async function existingPartners(
  tx: ManagedTransaction,
  organizationId: string,
  visibility: Record<string, unknown>
): Promise<Set<string>> {
  return new Set((await tx.run(EXISTING, { organizationId, ...visibility })).records[0]?.get('existing') ?? []);
}
