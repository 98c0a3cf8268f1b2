/**
 * The partner-recommendation query: candidates, score and reasons in one Cypher statement, so the production
 * service and the offline evaluation run exactly the same thing (docs/decisions/0006-recommendation-score.md).
 *
 * Every partnership edge it reads passes `visiblePartnership` (or, for proposals, the two-sides-only rule), so the
 * structure term, the shared partners, the distance and the exclusion of existing partners only ever use
 * partnerships the viewer may see. Parameters: $organizationId, $themes (slugs), $countries (codes), $first,
 * $twoHopLimit, $profilePool, $profileLimit, $weights, $partialThemeMatch, and the visibility parameters
 * (the distance bound is a constant: Cypher takes no parameter for a path length).
 *
 * Hot patterns leave out end-node labels the graph model already guarantees (graph/README.md: WORKS_ON,
 * OPERATES_IN and HEADQUARTERED_IN only leave Organizations, for Themes and Countries; SUBTHEME_OF joins Themes;
 * PARTNERS_WITH joins Organizations): each label test is a store read per row, and dropping them cut the query's
 * database hits by about a quarter on the 20k-organisation benchmark graph with identical answers (docs/benchmarks.md).
 */
import { visiblePartnership } from '../graph/visibility';
import { DISTANCE_SEARCH_DEPTH } from './score';

const vp = visiblePartnership;

/**
 * Proposals are visible to their two sides and admins only (the rule of the directory's SQL), whatever their
 * visibility flag; a candidate already proposed to is excluded only when the viewer may know about the proposal.
 */
const visibleProposal = (r: string) =>
  `(${r}.status = 'PROPOSED' AND ($seeAll OR ${r}.orgA IN $viewerOrgIds OR ${r}.orgB IN $viewerOrgIds))`;

/** Which of the requested theme slugs and country codes do not exist, and whether the organisation does. */
export const CHECK_INPUT = `
OPTIONAL MATCH (o:Organization {id: $organizationId})
RETURN o IS NOT NULL AS found,
       [s IN $themes WHERE NOT EXISTS { MATCH (t:Theme) WHERE t.slug = s }] AS unknownThemes,
       [k IN $countries WHERE NOT EXISTS { MATCH (c:Country) WHERE c.code = k }] AS unknownCountries`;

export const RECOMMEND = `
MATCH (o:Organization {id: $organizationId})
WITH o,
     COLLECT { MATCH (o)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) RETURN DISTINCT k.code } AS ownCountries,
     CASE WHEN size($themes) > 0
          THEN COLLECT { MATCH (t:Theme) WHERE t.slug IN $themes RETURN t }
          ELSE COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t } END AS focusNodes,
     COLLECT { MATCH (o)-[r:PARTNERS_WITH]-(p:Organization)
               WHERE ${vp('r')} OR ${visibleProposal('r')}
               RETURN DISTINCT p.id } AS existing

// Each focus theme with its subtree (a full match) and its top-level theme (a partial match).
CALL (focusNodes) {
  UNWIND focusNodes AS f
  MATCH (f)-[:SUBTHEME_OF*0..]->(root:Theme) WHERE NOT (root)-[:SUBTHEME_OF]->()
  RETURN collect({slug: f.slug, rootId: root.id, rootSlug: coalesce(root.slug, root.id),
                  subtree: COLLECT { MATCH (d:Theme)-[:SUBTHEME_OF*0..]->(f) RETURN d.id },
                  family: COLLECT { MATCH (d:Theme)-[:SUBTHEME_OF*0..]->(root) RETURN d.id }}) AS focus
}
WITH o, ownCountries, existing, focus,
     reduce(ids = [], f IN focus | ids + f.subtree) AS focusThemeIds,
     reduce(ids = [], f IN focus | ids + [id IN f.family WHERE NOT id IN ids]) AS familyThemeIds,
     CASE WHEN size($countries) > 0 THEN $countries ELSE ownCountries END AS focusCountries

// One subquery, two branches, each bounded: no large list is carried through the rest of the query (a collected
// candidate list held in every row of the next subquery outgrew the transaction memory limit for hubs).
CALL (o, existing, familyThemeIds, focusCountries) {
  // Structural candidates: partners of partners, Adamic-Adar over visible confirmed partnerships. The degree of a
  // shared partner counts all its visible confirmed partnerships, so it is at least 2 and ln(degree) > 0.
  MATCH (o)-[r1:PARTNERS_WITH]-(z:Organization)
  WHERE ${vp('r1')} AND z.archived = false
  WITH DISTINCT o, existing, z
  WITH o, existing, z, COUNT { MATCH (z)-[r:PARTNERS_WITH]-(x:Organization) WHERE ${vp('r')} RETURN DISTINCT x } AS degree
  MATCH (z)-[r2:PARTNERS_WITH]-(c:Organization)
  WHERE ${vp('r2')} AND c <> o AND c.archived = false AND NOT c.id IN existing
  WITH DISTINCT z, degree, c
  WITH c, sum(1.0 / log(degree)) AS adamicAdar, collect({id: z.id, name: z.name}) AS shared
  ORDER BY adamicAdar DESC, c.id
  LIMIT $twoHopLimit
  RETURN c, adamicAdar, shared,
         COUNT { MATCH (c)-[r:PARTNERS_WITH]-() WHERE ${vp('r')} } AS degree

  UNION ALL

  // Profile candidates: organisations in the focus themes' families (a sub-theme's siblings count partially) and
  // in the focus countries, those matching both first; of the first $profilePool, the best connected (visible
  // partnerships only). This is what a newcomer without partnerships gets. The matches are ranked without reading
  // a property (elementId breaks ties) and cut with room to spare (twice the pool) before the organisation itself,
  // archived ones and existing partners are dropped: reading properties of every match was most of the query's
  // cost. (An organisation with more existing partners than that room gets a smaller pool.)
  CALL (familyThemeIds, focusCountries) {
    CALL (familyThemeIds, focusCountries) {
      UNWIND familyThemeIds AS themeId
      MATCH (:Theme {id: themeId})<-[:WORKS_ON]-(c)
      RETURN c, 1 AS themeHit, 0 AS countryHit
      UNION ALL
      UNWIND focusCountries AS code
      MATCH (:Country {code: code})<-[:OPERATES_IN|HEADQUARTERED_IN]-(c)
      RETURN c, 0 AS themeHit, 1 AS countryHit
    }
    WITH c, sum(themeHit) AS themeHits, sum(countryHit) AS countryHits
    WITH c, CASE WHEN themeHits > 0 AND countryHits > 0 THEN 1 ELSE 0 END AS both, themeHits + countryHits AS hits
    ORDER BY both DESC, hits DESC, elementId(c)
    LIMIT $profilePool * 2
    RETURN c, both
  }
  WITH o, existing, c, both
  WHERE c <> o AND c.archived = false AND NOT c.id IN existing
  WITH c, both
  LIMIT $profilePool
  WITH c, both, COUNT { MATCH (c)-[r:PARTNERS_WITH]-() WHERE ${vp('r')} } AS degree
  ORDER BY both DESC, degree DESC, c.id
  LIMIT $profileLimit
  RETURN c, 0.0 AS adamicAdar, [] AS shared, degree
}
WITH o, ownCountries, focus, focusThemeIds, focusCountries, c, max(degree) AS degree,
     max(adamicAdar) AS adamicAdar,
     reduce(best = [], s IN collect(shared) | CASE WHEN size(s) > size(best) THEN s ELSE best END) AS shared
WHERE (size($themes) = 0 OR EXISTS { MATCH (c)-[:WORKS_ON]->(t:Theme) WHERE t.id IN focusThemeIds })
  AND (size($countries) = 0 OR EXISTS { MATCH (c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) WHERE k.code IN $countries })

WITH o, ownCountries, focus, focusCountries, c, adamicAdar, shared, degree,
     COLLECT { MATCH (c)-[:WORKS_ON]->(t)-[:SUBTHEME_OF*0..]->(r) WHERE NOT (r)-[:SUBTHEME_OF]->()
               RETURN {id: t.id, root: r.id} } AS candidateThemes,
     COLLECT { MATCH (c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k) RETURN DISTINCT k.code } AS candidateCountries
WITH o, ownCountries, focus, focusCountries, c, adamicAdar, shared, degree, candidateThemes, candidateCountries,
     [f IN focus WHERE any(t IN candidateThemes WHERE t.id IN f.subtree) | f] AS fullThemes
WITH o, ownCountries, focus, focusCountries, c, adamicAdar, shared, degree, candidateCountries, fullThemes,
     [f IN focus WHERE NOT f IN fullThemes AND any(t IN candidateThemes WHERE t.root = f.rootId) | f] AS partialThemes,
     [k IN candidateCountries WHERE k IN focusCountries] AS sharedCountries,
     [k IN candidateCountries WHERE NOT k IN ownCountries AND (size($countries) = 0 OR k IN $countries)] AS countriesAdded,
     [l IN coalesce(c.levels, []) WHERE NOT l IN coalesce(o.levels, [])] AS levelsAdded
WITH o, c, shared, degree, fullThemes, partialThemes, sharedCountries, countriesAdded, levelsAdded,
     1.0 - exp(-adamicAdar) AS network,
     CASE WHEN size(focus) = 0 THEN 0.0
          ELSE (size(fullThemes) + $partialThemeMatch * size(partialThemes)) / toFloat(size(focus)) END AS theme,
     CASE WHEN size(focusCountries) = 0 THEN 0.0
          WHEN size(sharedCountries) >= 2 OR size(sharedCountries) >= size(focusCountries) THEN 1.0
          ELSE size(sharedCountries) / 2.0 END AS geography,
     0.5 * (1.0 - 0.5 ^ size(countriesAdded)) + 0.5 * (1.0 - 0.5 ^ size(levelsAdded)) AS complement
WITH o, c, shared, fullThemes, partialThemes, sharedCountries, countriesAdded, levelsAdded,
     network, theme, geography, complement, degree / (degree + 10.0) AS popularity
WITH o, c, shared, fullThemes, partialThemes, sharedCountries, countriesAdded, levelsAdded,
     network, theme, geography, complement, popularity,
     $weights.network * network + $weights.theme * theme + $weights.geography * geography
       + $weights.complement * complement + $weights.popularity * popularity AS score
ORDER BY score DESC, c.id
LIMIT $first

// The distance reason: 2 through a shared partner, else the shortest visible chain (bounded), else null.
OPTIONAL CALL (o, c, shared) {
  WITH o, c WHERE size(shared) = 0
  MATCH p = shortestPath((o)-[:PARTNERS_WITH*..${DISTANCE_SEARCH_DEPTH}]-(c))
  WHERE all(r IN relationships(p) WHERE ${vp('r')}) AND all(n IN nodes(p) WHERE NOT n.archived)
  RETURN length(p) AS pathLength
}
RETURN c.id AS id, c.slug AS slug, c.name AS name, score,
       {network: network, theme: theme, geography: geography, complement: complement, popularity: popularity} AS parts,
       shared AS sharedPartners,
       [f IN fullThemes | f.slug] + [s IN reduce(acc = [], f IN partialThemes | CASE WHEN f.rootSlug IN acc THEN acc ELSE acc + f.rootSlug END)
                                     WHERE NOT s IN [f IN fullThemes | f.slug]] AS sharedThemes,
       sharedCountries, countriesAdded, levelsAdded,
       CASE WHEN size(shared) > 0 THEN 2 ELSE pathLength END AS distance
ORDER BY score DESC, id`;
