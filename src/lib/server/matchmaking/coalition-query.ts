/**
 * The Cypher of proposeCoalition (coalition.ts): the bounded candidate set, each candidate with its visible partners
 * (the ties among the candidates are picked from them). The selection then runs in TypeScript over these few hundred
 * rows (docs/decisions/0013-coalition-cells-and-exact-selection.md).
 */
import { sideOnlyPartners, visiblePartnerCount } from '../access/partner-counts-cypher';
import { visiblePartnership } from '../access/visibility-cypher';

/** Which requested themes, countries and forced organisations do not exist. */
export const CHECK_COALITION_INPUT = `
RETURN [s IN $themes WHERE NOT EXISTS { MATCH (t:Theme) WHERE t.slug = s }] AS unknownThemes,
       [k IN $countries WHERE NOT EXISTS { MATCH (c:Country) WHERE c.code = k }] AS unknownCountries,
       [id IN $include WHERE NOT EXISTS { MATCH (o:Organization) WHERE o.id = id }] AS unknownIncluded`;

/**
 * Per requested (theme, country) cell, the best `$perCell` organisations covering it — working there (operating or
 * headquartered) on that theme or one of its sub-themes — ranked by how many requested cells they cover and their
 * visible partnership count (counted for a pool of three times that size only); plus the forced `$include`
 * organisations whatever their profile. Pooling per cell, not per country, keeps every coverable cell coverable:
 * an organisation that alone works on a rare theme in a country is never crowded out by broader ones.
 * `themes` are the requested theme slugs an organisation covers (a sub-theme covers its parent), `covers` the
 * requested countries it works in, `partners` the element ids of the organisations it has a visible confirmed
 * partnership with (`degree` is their number; `node` is the candidate's own element id).
 */
function coalitionCandidatesStatement(counts: 'stored' | 'live'): string {
  return `
CALL () {
  UNWIND $themes AS slug
  MATCH (t:Theme {slug: slug})
  RETURN collect({slug: slug, subtree: COLLECT { MATCH (d:Theme)-[:SUBTHEME_OF*0..]->(t) RETURN d.id }}) AS requested
}
WITH requested, reduce(ids = [], r IN requested | ids + r.subtree) AS themeIds
// Organisations on a requested theme (sub-themes included) in a requested country: both ends anchored on their
// few, indexed Theme and Country nodes and hash-joined on the organisation. Testing one condition by walking each
// organisation's own relationships (they are dense: hundreds of partnerships) cost ~5× the database hits on the
// 20k-organisation benchmark graph for the same candidates (docs/benchmarks.md).
// (WORKS_ON and OPERATES_IN/HEADQUARTERED_IN only leave Organizations: graph/README.md.)
// The archived / exclude / include tests come after the join, once per organisation: tested inside it, the planner
// ran them on both sides of the join, once per relationship (~4k property reads of ~24k on the 5k bench graph).
CALL (themeIds) {
  MATCH (t:Theme)<-[:WORKS_ON]-(c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country)
  USING JOIN ON c
  WHERE t.id IN themeIds AND k.code IN $countries
  WITH c, collect(DISTINCT t.id) AS candidateThemes, collect(DISTINCT k.code) AS covers
  WHERE c.archived = false AND NOT c.id IN $exclude AND NOT c.id IN $include
  RETURN c, candidateThemes, covers
  UNION
  MATCH (c:Organization) WHERE c.id IN $include
  RETURN c, COLLECT { MATCH (c)-[:WORKS_ON]->(t:Theme) RETURN t.id } AS candidateThemes,
         COLLECT { MATCH (c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) WHERE k.code IN $countries RETURN DISTINCT k.code } AS covers
}
WITH requested, c, candidateThemes, covers
WITH c, covers, [r IN requested WHERE any(t IN candidateThemes WHERE t IN r.subtree) | r.slug] AS themes
WITH c, covers, themes, size(covers) * size(themes) AS cellCount
// Bound the set: per requested cell, a pool ranked by cells covered, then the best connected of the pool (visible
// partnerships only, counted once per organisation); an organisation kept for any of its cells stays. Forced
// members are always kept.
UNWIND CASE WHEN c.id IN $include THEN ['*'] ELSE reduce(cs = [], t IN themes | cs + [k IN covers | t + '|' + k]) END AS cell
WITH cell, c, covers, themes, cellCount
ORDER BY cellCount DESC, c.id
WITH cell, collect({c: c, covers: covers, themes: themes, cellCount: cellCount}) AS ranked
UNWIND CASE WHEN cell = '*' THEN ranked ELSE ranked[0..$perCell * 3] END AS row
WITH DISTINCT row.c AS c, row.covers AS covers, row.themes AS themes, row.cellCount AS cellCount
${counts === 'stored' ? storedDegreesThenPartners : partnersThenDegrees}`;
}

// The visible partners, as element ids (no property read; stable within the transaction): the ties among the kept
// candidates are picked from them in TypeScript — no second walk over the candidates' partnerships.
const visiblePartnersOfC = `CALL (c) {
  MATCH (c)-[r:PARTNERS_WITH]-(x:Organization) WHERE ${visiblePartnership('r')}
  RETURN collect(DISTINCT elementId(x)) AS partners
}`;

/** Keeps per cell the best `$perCell` of the pool by cells covered, then degree, then id (`carried` rides along). */
function cutToPerCell(carried: string[]): string {
  const vars = carried.map((v) => `, ${v}`).join('');
  const entries = carried.map((v) => `, ${v}: ${v}`).join('');
  const fromRow = carried.map((v) => `, row.${v} AS ${v}`).join('');
  return `
UNWIND CASE WHEN c.id IN $include THEN ['*'] ELSE reduce(cs = [], t IN themes | cs + [k IN covers | t + '|' + k]) END AS cell
WITH cell, c, covers, themes, cellCount, degree${vars}
ORDER BY cellCount DESC, degree DESC, c.id
WITH cell, collect({c: c, covers: covers, themes: themes, degree: degree${entries}}) AS ranked
UNWIND CASE WHEN cell = '*' THEN ranked ELSE ranked[0..$perCell] END AS row
WITH DISTINCT row.c AS c, row.covers AS covers, row.themes AS themes, row.degree AS degree${fromRow}`;
}

const RETURN_CANDIDATES = `
RETURN c.id AS id, elementId(c) AS node, c.slug AS slug, c.name AS name, covers, themes, degree, partners`;

// Degree from the counts the projector keeps (with the viewer's own ties beyond their level, collected once for the
// whole pool); only the kept candidates' partners are walked, for the ties.
const storedDegreesThenPartners = `
WITH collect({c: c, covers: covers, themes: themes, cellCount: cellCount}) AS pool
// Its own WITH: beside the aggregation it would be a grouping key, evaluated once per pooled candidate.
WITH pool, ${sideOnlyPartners()} AS sidePartners
UNWIND pool AS row
WITH row.c AS c, row.covers AS covers, row.themes AS themes, row.cellCount AS cellCount, sidePartners
WITH c, covers, themes, cellCount, ${visiblePartnerCount('c', 'sidePartners')} AS degree
${cutToPerCell([])}
${visiblePartnersOfC}
${RETURN_CANDIDATES}`;

// Degree counted from every pooled candidate's visible partners (the reference for the stored counts).
const partnersThenDegrees = `
${visiblePartnersOfC}
WITH c, covers, themes, cellCount, partners, size(partners) AS degree
${cutToPerCell(['partners'])}
${RETURN_CANDIDATES}`;

/** The service's statement: candidates ranked on the stored partner counts. */
export const COALITION_CANDIDATES = coalitionCandidatesStatement('stored');

/** Degrees counted from each pooled candidate's ties: the reference the stored counts are tested against. */
export const COALITION_CANDIDATES_LIVE_COUNTS = coalitionCandidatesStatement('live');
