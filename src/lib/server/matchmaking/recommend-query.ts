/**
 * The partner-recommendation query: candidates, features, the learned score and reasons in one Cypher statement,
 * so the production service, the model's fit and the offline evaluation run exactly the same thing
 * (docs/decisions/0006-recommendation-score.md, 0012-learned-ranking.md).
 *
 * Every partnership edge it reads passes `visiblePartnership` (or, for proposals, `visibleProposal`), so the
 * structure term, the shared partners, the distance and the exclusion of existing partners only ever use
 * partnerships the viewer may see. With $asOf (YYYY-MM-DD) only ties that started before it count (undated ones
 * always do): the fit asks "what would we have ranked then?". Parameters: $organizationId, $themes (slugs),
 * $countries (codes), $first, $twoHopLimit, $profilePool, $profileLimit, $countryHubPool, $countryHubLimit, $hubPool, $hubLimit, $asOf,
 * $recentSince, $existingWeights, $newcomerWeights, $partialThemeMatch, $withDistance and the visibility
 * parameters (the distance bound is a constant: Cypher takes no parameter for a path length).
 *
 * Candidates are ranked before they are cut, with ties broken by id, so the set does not depend on storage
 * order: partners of partners by shared partners then Adamic-Adar, profile matches by match then public partner count, the best
 * connected in each focus country and the best connected organisations overall by public partner count (`publicDegree`, ranking/public-degree.ts), which every
 * viewer may know; every feature is then computed from the viewer's visible ties.
 *
 * Hot patterns leave out end-node labels the graph model already guarantees (graph/README.md: WORKS_ON,
 * OPERATES_IN and HEADQUARTERED_IN only leave Organizations, for Themes and Countries; SUBTHEME_OF joins Themes;
 * PARTNERS_WITH joins Organizations): each label test is a store read per row, and dropping them cut the query's
 * database hits by about a quarter on the 20k-organisation benchmark graph with identical answers (docs/benchmarks.md).
 */
import { sideOnlyTies, visibleRecentTieCount, visibleTieCount } from '../access/partner-counts-cypher';
import { visiblePartnership, visibleProposal } from '../access/visibility-cypher';
import { DISTANCE_SEARCH_DEPTH } from './score';

/** A confirmed partnership the viewer may see, that had started by $asOf (when given). */
const vp = (r: string) =>
  `(${visiblePartnership(r)} AND ($asOf IS NULL OR ${r}.startDate IS NULL OR ${r}.startDate < date($asOf)))`;

/** A proposal the viewer may know about (access layer), that had been made by $asOf (when given). */
const vpr = (r: string) =>
  `(${visibleProposal(r)} AND ($asOf IS NULL OR ${r}.startDate IS NULL OR ${r}.startDate < date($asOf)))`;

/** The learned score's linear part for weight map `w` (ranking/model.ts FEATURES, in the same order). */
const logit = (w: string) =>
  `$${w}.bias + $${w}.adamicAdar * adamicAdarF + $${w}.commonNeighbours * commonNeighboursF
   + $${w}.resourceAllocation * resourceAllocationF + $${w}.degree * degreeF + $${w}.recentDegree * recentDegreeF
   + $${w}.theme * theme + $${w}.geography * geography + $${w}.complement * complement + $${w}.sameType * sameType
   + $${w}.themePopularity * theme * degreeF + $${w}.countryPopularity * geography * degreeF
   + $${w}.typePopularity * sameType * degreeF
   + $${w}.sharesCountry * sharesCountry + $${w}.sharesCountryPopularity * sharesCountry * degreeF`;

/** Which of the requested theme slugs and country codes do not exist, and whether the organisation does. */
export const CHECK_INPUT = `
OPTIONAL MATCH (o:Organization {id: $organizationId})
RETURN o IS NOT NULL AS found,
       [s IN $themes WHERE NOT EXISTS { MATCH (t:Theme) WHERE t.slug = s }] AS unknownThemes,
       [k IN $countries WHERE NOT EXISTS { MATCH (c:Country) WHERE c.code = k }] AS unknownCountries`;

/**
 * The statement with the candidates' partner counts read from the counts the projector keeps (`stored`: the
 * service's, when ranking as of now) or counted from each candidate's visible ties (`live`: with $asOf, which the
 * stored counts cannot answer, and the reference the stored path is tested against). Same answers otherwise.
 */
function recommendStatement(counts: 'stored' | 'live'): string {
  const stored = counts === 'stored';
  // The viewer's own ties beyond their level, collected once and carried to the candidates (stored counts only).
  const sideTies = stored ? ', sideTies' : '';
  const candidateDegrees = stored
    ? `${visibleTieCount('c', 'sideTies')} AS degree,
     ${visibleRecentTieCount('c', 'sideTies', 'date($recentSince)')} AS recentDegree`
    : `// One expansion of the candidate's visible ties counts them all and the recent ones.
     COLLECT { MATCH (c)-[r:PARTNERS_WITH]-() WHERE ${vp('r')}
               RETURN CASE WHEN r.startDate >= date($recentSince) THEN 1 ELSE 0 END } AS recentFlags`;
  const degrees = stored
    ? 'degree, recentDegree'
    : 'size(recentFlags) AS degree, reduce(n = 0, f IN recentFlags | n + f) AS recentDegree';
  return `
MATCH (o:Organization {id: $organizationId})
WITH o,${stored ? ` ${sideOnlyTies()} AS sideTies,` : ''}
     COLLECT { MATCH (o)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) RETURN DISTINCT k.code } AS ownCountries,
     CASE WHEN size($themes) > 0
          THEN COLLECT { MATCH (t:Theme) WHERE t.slug IN $themes RETURN t }
          ELSE COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t } END AS focusNodes,
     COLLECT { MATCH (o)-[r:PARTNERS_WITH]-(p:Organization)
               WHERE ${vp('r')} OR ${vpr('r')}
               RETURN DISTINCT p.id } AS existing,
     EXISTS { MATCH (o)-[r:PARTNERS_WITH]-() WHERE ${vp('r')} } AS hasPartners

// Each focus theme with its subtree (a full match) and its top-level theme (a partial match).
CALL (focusNodes) {
  UNWIND focusNodes AS f
  MATCH (f)-[:SUBTHEME_OF*0..]->(root:Theme) WHERE NOT (root)-[:SUBTHEME_OF]->()
  RETURN collect({slug: f.slug, rootId: root.id, rootSlug: coalesce(root.slug, root.id),
                  subtree: COLLECT { MATCH (d:Theme)-[:SUBTHEME_OF*0..]->(f) RETURN d.id },
                  family: COLLECT { MATCH (d:Theme)-[:SUBTHEME_OF*0..]->(root) RETURN d.id }}) AS focus
}
WITH o, ownCountries, existing, hasPartners, focus${sideTies},
     reduce(ids = [], f IN focus | ids + f.subtree) AS focusThemeIds,
     reduce(ids = [], f IN focus | ids + [id IN f.family WHERE NOT id IN ids]) AS familyThemeIds,
     CASE WHEN size($countries) > 0 THEN $countries ELSE ownCountries END AS focusCountries

// One subquery, four branches, each ranked then bounded: no large list is carried through the rest of the query
// (a collected candidate list held in every row of the next subquery outgrew the transaction memory limit).
CALL (o, existing, familyThemeIds, focusCountries) {
  // Structural candidates: partners of partners over visible confirmed partnerships, ranked by shared partners and
  // then Adamic-Adar before the cut, so the cut keeps what "common neighbours" would put first. The degree of a
  // shared partner counts all its visible confirmed partnerships, so it is at least 2 and ln(degree) > 0.
  // Each shared partner's visible ties are expanded once: their far ends give both its degree and the candidates.
  MATCH (o)-[r1:PARTNERS_WITH]-(z:Organization)
  WHERE ${vp('r1')} AND z.archived = false
  WITH DISTINCT o, existing, z
  CALL (z) {
    MATCH (z)-[r:PARTNERS_WITH]-(x:Organization) WHERE ${vp('r')}
    RETURN collect(DISTINCT x) AS neighbours
  }
  WITH o, existing, z, size(neighbours) AS degree, neighbours
  UNWIND neighbours AS c
  WITH o, existing, z, degree, c
  WHERE c <> o AND c.archived = false AND NOT c.id IN existing
  WITH c, sum(1.0 / log(degree)) AS adamicAdar, count(z) AS commonNeighbours, sum(1.0 / degree) AS resourceAllocation,
       collect({id: z.id, name: z.name}) AS shared
  ORDER BY commonNeighbours DESC, adamicAdar DESC, c.id
  LIMIT $twoHopLimit
  RETURN c, adamicAdar, commonNeighbours, resourceAllocation, shared

  UNION ALL

  // Profile candidates: organisations in the focus themes' families (a sub-theme's siblings count partially) and
  // in the focus countries, those matching both first, then the best connected by public partner count, then id.
  // Cut with room to spare (twice the pool) before the organisation itself, archived ones and existing partners
  // are dropped. (An organisation with more existing partners than that room gets a smaller pool.)
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
    ORDER BY both DESC, hits DESC, coalesce(c.publicDegree, 0) DESC, c.id
    LIMIT $profilePool * 2
    RETURN c
  }
  WITH o, existing, c
  WHERE c <> o AND c.archived = false AND NOT c.id IN existing
  WITH c
  LIMIT $profileLimit
  RETURN c, 0.0 AS adamicAdar, 0 AS commonNeighbours, 0.0 AS resourceAllocation, [] AS shared

  UNION ALL

  // The best connected organisations in each focus country, by public partner count: what "same-country
  // popularity" would show first. The profile branch above orders by how many countries match before popularity,
  // so for an organisation in several countries it could fill up with small organisations sharing two of them.
  UNWIND focusCountries AS code
  CALL (code) {
    MATCH (:Country {code: code})<-[:OPERATES_IN|HEADQUARTERED_IN]-(c)
    WHERE c.publicDegree > 0
    WITH DISTINCT c ORDER BY c.publicDegree DESC, c.id
    LIMIT $countryHubPool
    RETURN c
  }
  WITH o, existing, c
  WHERE c <> o AND c.archived = false AND NOT c.id IN existing
  WITH DISTINCT c ORDER BY c.publicDegree DESC, c.id
  LIMIT $countryHubLimit
  RETURN c, 0.0 AS adamicAdar, 0 AS commonNeighbours, 0.0 AS resourceAllocation, [] AS shared

  UNION ALL

  // An organisation without any country (and no focus countries asked for): the organisations without a country
  // are its country group, best connected first, as "same-country popularity" has it (0051). Only then: the WHERE
  // leaves no row for any other viewer, and the scan sits in a subquery run per remaining row, so it never runs for
  // them (a plain MATCH here was planned as a scan of every organisation filtered afterwards).
  WITH o, existing, focusCountries WHERE size(focusCountries) = 0
  CALL (o, existing) {
    MATCH (c:Organization)
    WHERE c <> o AND c.archived = false AND NOT c.id IN existing
      AND NOT EXISTS { MATCH (c)-[:OPERATES_IN|HEADQUARTERED_IN]->() }
    WITH c ORDER BY coalesce(c.publicDegree, 0) DESC, c.id
    LIMIT $countryHubLimit
    RETURN c
  }
  RETURN c, 0.0 AS adamicAdar, 0 AS commonNeighbours, 0.0 AS resourceAllocation, [] AS shared

  UNION ALL

  // The best connected organisations overall: what "most connected first" would show, so a newcomer (or an
  // organisation without a profile) always has them to choose from, wherever they are.
  MATCH (c:Organization) WHERE c.publicDegree > 0
  WITH c ORDER BY c.publicDegree DESC, c.id
  LIMIT $hubPool
  WITH o, existing, c
  WHERE c <> o AND c.archived = false AND NOT c.id IN existing
  WITH c
  LIMIT $hubLimit
  RETURN c, 0.0 AS adamicAdar, 0 AS commonNeighbours, 0.0 AS resourceAllocation, [] AS shared
}
WITH o, ownCountries, focus, focusThemeIds, focusCountries, hasPartners${sideTies}, c,
     max(adamicAdar) AS adamicAdar, max(commonNeighbours) AS commonNeighbours,
     max(resourceAllocation) AS resourceAllocation,
     reduce(best = [], s IN collect(shared) | CASE WHEN size(s) > size(best) THEN s ELSE best END) AS shared
WHERE (size($themes) = 0 OR EXISTS { MATCH (c)-[:WORKS_ON]->(t:Theme) WHERE t.id IN focusThemeIds })
  AND (size($countries) = 0 OR EXISTS { MATCH (c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) WHERE k.code IN $countries })

WITH o, ownCountries, focus, focusCountries, hasPartners, c, adamicAdar, commonNeighbours, resourceAllocation, shared,
     ${candidateDegrees},
     COLLECT { MATCH (c)-[:WORKS_ON]->(t)-[:SUBTHEME_OF*0..]->(r) WHERE NOT (r)-[:SUBTHEME_OF]->()
               RETURN {id: t.id, root: r.id} } AS candidateThemes,
     COLLECT { MATCH (c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k) RETURN DISTINCT k.code } AS candidateCountries
WITH o, ownCountries, focus, focusCountries, hasPartners, c, adamicAdar, commonNeighbours, resourceAllocation, shared,
     ${degrees}, candidateThemes,
     candidateCountries,
     [f IN focus WHERE any(t IN candidateThemes WHERE t.id IN f.subtree) | f] AS fullThemes
WITH o, ownCountries, focus, focusCountries, hasPartners, c, adamicAdar, commonNeighbours, resourceAllocation, shared,
     degree, recentDegree, candidateCountries, fullThemes,
     [f IN focus WHERE NOT f IN fullThemes AND any(t IN candidateThemes WHERE t.root = f.rootId) | f] AS partialThemes,
     [k IN candidateCountries WHERE k IN focusCountries] AS sharedCountries,
     [k IN candidateCountries WHERE NOT k IN ownCountries AND (size($countries) = 0 OR k IN $countries)] AS countriesAdded,
     [l IN coalesce(c.levels, []) WHERE NOT l IN coalesce(o.levels, [])] AS levelsAdded
WITH o, c, hasPartners, shared, degree, fullThemes, partialThemes, sharedCountries, countriesAdded, levelsAdded,
     1.0 - exp(-adamicAdar) AS adamicAdarF, log(1.0 + commonNeighbours) AS commonNeighboursF,
     log(1.0 + resourceAllocation) AS resourceAllocationF, log(1.0 + degree) AS degreeF,
     log(1.0 + recentDegree) AS recentDegreeF,
     CASE WHEN size(focus) = 0 THEN 0.0
          ELSE (size(fullThemes) + $partialThemeMatch * size(partialThemes)) / toFloat(size(focus)) END AS theme,
     CASE WHEN size(focusCountries) = 0 THEN 0.0
          WHEN size(sharedCountries) >= 2 OR size(sharedCountries) >= size(focusCountries) THEN 1.0
          ELSE size(sharedCountries) / 2.0 END AS geography,
     0.5 * (1.0 - 0.5 ^ size(countriesAdded)) + 0.5 * (1.0 - 0.5 ^ size(levelsAdded)) AS complement,
     CASE WHEN c.type IS NOT NULL AND c.type = o.type THEN 1.0 ELSE 0.0 END AS sameType,
     // Shares a focus country; an organisation without any country shares "no country" with the others without.
     CASE WHEN size(sharedCountries) > 0 OR (size(focusCountries) = 0 AND size(candidateCountries) = 0) THEN 1.0
          ELSE 0.0 END AS sharesCountry
WITH o, c, hasPartners, shared, degree, fullThemes, partialThemes, sharedCountries, countriesAdded, levelsAdded,
     adamicAdarF, commonNeighboursF, resourceAllocationF, degreeF, recentDegreeF, theme, geography, complement, sameType,
     sharesCountry,
     CASE WHEN hasPartners THEN ${logit('existingWeights')} ELSE ${logit('newcomerWeights')} END AS logit
ORDER BY logit DESC, c.id
LIMIT $first

// The distance reason: 2 through a shared partner, else the shortest visible chain (bounded), else null.
OPTIONAL CALL (o, c, shared) {
  WITH o, c WHERE size(shared) = 0 AND $withDistance
  MATCH p = shortestPath((o)-[:PARTNERS_WITH*..${DISTANCE_SEARCH_DEPTH}]-(c))
  WHERE all(r IN relationships(p) WHERE ${vp('r')}) AND all(n IN nodes(p) WHERE NOT n.archived)
  RETURN length(p) AS pathLength
}
RETURN c.id AS id, c.slug AS slug, c.name AS name, logit, NOT hasPartners AS newcomer, degree,
       {adamicAdar: adamicAdarF, commonNeighbours: commonNeighboursF, resourceAllocation: resourceAllocationF,
        degree: degreeF, recentDegree: recentDegreeF, theme: theme, geography: geography, complement: complement,
        sameType: sameType, themePopularity: theme * degreeF, countryPopularity: geography * degreeF,
        typePopularity: sameType * degreeF, sharesCountry: sharesCountry,
        sharesCountryPopularity: sharesCountry * degreeF} AS features,
       shared AS sharedPartners,
       [f IN fullThemes | f.slug] + [s IN reduce(acc = [], f IN partialThemes | CASE WHEN f.rootSlug IN acc THEN acc ELSE acc + f.rootSlug END)
                                     WHERE NOT s IN [f IN fullThemes | f.slug]] AS sharedThemes,
       sharedCountries, countriesAdded, levelsAdded,
       CASE WHEN size(shared) > 0 THEN 2 ELSE pathLength END AS distance
ORDER BY logit DESC, id`;
}

/** The service's statement: stored partner counts (ranking as of now). */
export const RECOMMEND = recommendStatement('stored');

/** Partner counts from each candidate's ties: for $asOf, and as the reference in tests. */
export const RECOMMEND_LIVE_COUNTS = recommendStatement('live');
