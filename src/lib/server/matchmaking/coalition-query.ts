/**
 * The Cypher of proposeCoalition (coalition.ts): the bounded candidate set and the visible ties among it. The
 * set-cover loop then runs in TypeScript over these few hundred rows (docs/decisions/0007-coalition-algorithm.md).
 */
import { visiblePartnership } from '../graph/visibility';

/** Which requested themes, countries and forced organisations do not exist. */
export const CHECK_COALITION_INPUT = `
RETURN [s IN $themes WHERE NOT EXISTS { MATCH (t:Theme) WHERE t.slug = s }] AS unknownThemes,
       [k IN $countries WHERE NOT EXISTS { MATCH (c:Country) WHERE c.code = k }] AS unknownCountries,
       [id IN $include WHERE NOT EXISTS { MATCH (o:Organization) WHERE o.id = id }] AS unknownIncluded`;

/**
 * Per requested country, the best `$perCountry` organisations working there (operating or headquartered) on a
 * requested theme or one of its sub-themes, ranked by how many requested themes they cover, how many requested
 * countries they cover and their visible partnership count (counted for a pool of three times that size only);
 * plus the forced `$include` organisations whatever their profile. `themeFit` is the share of requested themes
 * covered (a sub-theme covers its parent).
 */
export const COALITION_CANDIDATES = `
CALL () {
  UNWIND $themes AS slug
  MATCH (t:Theme {slug: slug})
  RETURN collect({slug: slug, subtree: COLLECT { MATCH (d:Theme)-[:SUBTHEME_OF*0..]->(t) RETURN d.id }}) AS requested
}
WITH requested, reduce(ids = [], r IN requested | ids + r.subtree) AS themeIds
// Organisations on a requested theme (sub-themes included) in a requested country: both ends anchored on their
// few, indexed Theme and Country nodes and hash-joined on the organisation. Testing one condition by walking each
// organisation's own relationships (they are dense: hundreds of partnerships) cost ~5× the database hits on the
// 20k-organisation benchmark graph for the same candidates (docs/benchmarks.md). The matched themes and countries
// are all the rest of the query needs: themeFit only asks which requested subtrees a candidate touches.
// (WORKS_ON and OPERATES_IN/HEADQUARTERED_IN only leave Organizations: graph/README.md.)
CALL (themeIds) {
  MATCH (t:Theme)<-[:WORKS_ON]-(c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country)
  USING JOIN ON c
  WHERE t.id IN themeIds AND k.code IN $countries
    AND c.archived = false AND NOT c.id IN $exclude AND NOT c.id IN $include
  RETURN c, collect(DISTINCT t.id) AS candidateThemes, collect(DISTINCT k.code) AS covers
  UNION
  MATCH (c:Organization) WHERE c.id IN $include
  RETURN c, COLLECT { MATCH (c)-[:WORKS_ON]->(t:Theme) RETURN t.id } AS candidateThemes,
         COLLECT { MATCH (c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) WHERE k.code IN $countries RETURN DISTINCT k.code } AS covers
}
WITH requested, c, candidateThemes, covers
WITH c, covers,
     CASE WHEN size(requested) = 0 THEN 0.0
          ELSE size([r IN requested WHERE any(t IN candidateThemes WHERE t IN r.subtree)]) / toFloat(size(requested)) END AS themeFit
// Bound the set: per requested country, a pool ranked by profile, then the best connected of the pool (visible
// partnerships only); an organisation kept for any of its countries stays. Forced members are always kept.
UNWIND CASE WHEN c.id IN $include THEN ['*'] ELSE covers END AS code
WITH code, c, covers, themeFit
ORDER BY themeFit DESC, size(covers) DESC, c.id
WITH code, collect({c: c, covers: covers, themeFit: themeFit}) AS ranked
UNWIND CASE WHEN code = '*' THEN ranked ELSE ranked[0..$perCountry * 3] END AS row
WITH code, row.c AS c, row.covers AS covers, row.themeFit AS themeFit
WITH code, c, covers, themeFit,
     COUNT { MATCH (c)-[r:PARTNERS_WITH]-(x:Organization) WHERE ${visiblePartnership('r')} RETURN DISTINCT x } AS degree
ORDER BY themeFit DESC, size(covers) DESC, degree DESC, c.id
WITH code, collect({c: c, covers: covers, degree: degree, themeFit: themeFit}) AS ranked
UNWIND CASE WHEN code = '*' THEN ranked ELSE ranked[0..$perCountry] END AS row
WITH DISTINCT row.c AS c, row.covers AS covers, row.degree AS degree, row.themeFit AS themeFit
RETURN c.id AS id, c.slug AS slug, c.name AS name, covers, degree, themeFit`;

/** Confirmed partnerships the viewer may see among the given organisations, once per pair. */
export const TIES = `
UNWIND $ids AS id
MATCH (a:Organization {id: id})-[r:PARTNERS_WITH]-(b:Organization)
WHERE b.id IN $ids AND a.id < b.id AND ${visiblePartnership('r')}
RETURN DISTINCT a.id AS a, b.id AS b`;
