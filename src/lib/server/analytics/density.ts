/**
 * Network density over time: for each year, the pairs of organisations with a partnership active that year,
 * divided by the pairs possible among organisations existing that year.
 *
 * - Active in year y: started on or before 31 Dec y and not ended before 1 Jan y. CONFIRMED and ENDED
 *   partnerships count (an ENDED one was real while it ran); both must pass the visibility rule. An ENDED
 *   partnership without an end date counts in its start year only; undated partnerships cannot be placed in
 *   time and are reported as `undatedPartnerships`.
 * - Existing in year y: founded in or before y, or founding year unknown (counted in every year). Archived
 *   organisations are left out, as everywhere in analytics.
 * - Several partnerships between one pair count once.
 */
import { readTx } from '../platform/neo4j';
import { visibilityParams, visibleRel } from '../access/visibility-cypher';
import { int, num } from '../matchmaking/values';
import { visibilityOfLevel, type VisibilityLevel } from './levels';

export interface DensityYear {
  year: number;
  organizations: number;
  activePairs: number;
  /** activePairs / (organizations·(organizations−1)/2); 0 with fewer than two organisations. */
  density: number;
}

export interface DensityOverTime {
  years: DensityYear[];
  undatedPartnerships: number;
}

const visibleHistoric = (r: string) => `(${r}.status IN ['CONFIRMED', 'ENDED'] AND ${visibleRel(r)})`;

// Grouped by pair (spans merged per pair), one organisation at a time: each pair is counted from its smaller id's
// side, in a subquery whose groups are that organisation's partners only, and the per-year rows stream into
// 20-odd counters. Memory is bounded by one organisation's degree. (Grouping every pair of the graph at once held
// ~2M groups at 200k organisations and hit Neo4j's transaction memory limit: docs/benchmarks.md, 200k run.)
const ACTIVE_PAIRS = `
MATCH (x:Organization) WHERE x.archived = false
CALL (x) {
  MATCH (x)-[r:PARTNERS_WITH]-(y:Organization)
  WHERE x.id < y.id AND y.archived = false AND r.startDate IS NOT NULL AND ${visibleHistoric('r')}
  WITH y, collect([r.startDate.year,
                   CASE WHEN r.endDate IS NOT NULL THEN r.endDate.year
                        WHEN r.status = 'ENDED' THEN r.startDate.year
                        ELSE $toYear END]) AS spans
  UNWIND [year IN range($fromYear, $toYear) WHERE any(s IN spans WHERE s[0] <= year AND year <= s[1])] AS year
  RETURN year, count(*) AS pairs
}
RETURN year, sum(pairs) AS activePairs`;

const UNDATED = `
MATCH (a:Organization)-[r:PARTNERS_WITH]->(b:Organization)
WHERE a.archived = false AND b.archived = false AND r.startDate IS NULL AND ${visibleHistoric('r')}
RETURN count(r) AS undated`;

const ORGANIZATIONS_BY_YEAR = `
UNWIND range($fromYear, $toYear) AS year
CALL (year) {
  MATCH (o:Organization)
  WHERE o.archived = false AND (o.foundedYear IS NULL OR o.foundedYear <= year)
  RETURN count(o) AS organizations
}
RETURN year, organizations`;

export async function computeDensity(
  level: VisibilityLevel,
  fromYear: number,
  toYear: number
): Promise<DensityOverTime> {
  const params = { fromYear: int(fromYear), toYear: int(toYear), ...visibilityParams(visibilityOfLevel(level)) };
  return readTx(async (tx) => {
    const active = new Map(
      (await tx.run(ACTIVE_PAIRS, params)).records.map((r) => [num(r.get('year')), num(r.get('activePairs'))])
    );
    const undated = num((await tx.run(UNDATED, params)).records[0].get('undated'));
    const years = (await tx.run(ORGANIZATIONS_BY_YEAR, params)).records.map((r) => {
      const year = num(r.get('year'));
      const organizations = num(r.get('organizations'));
      const activePairs = active.get(year) ?? 0;
      const possible = (organizations * (organizations - 1)) / 2;
      return { year, organizations, activePairs, density: possible > 0 ? activePairs / possible : 0 };
    });
    return { years, undatedPartnerships: undated };
  });
}
