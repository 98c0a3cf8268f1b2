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

/** The requested countries candidate `c` works in (operating or headquartered). */
const requestedCountriesOfC = `COLLECT { MATCH (c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country) WHERE k.code IN $countries
                                        RETURN DISTINCT k.code }`;
/** The requested theme slugs `candidateThemes` (theme ids) cover: a sub-theme covers its parent. */
const requestedThemesOfC = '[r IN requested WHERE any(t IN candidateThemes WHERE t IN r.subtree) | r.slug]';

/**
 * The requested themes with their subtrees (`requested`, `themeIds`), and how many organisation ties each side of
 * the candidates' join holds (`countrySide`, `themeSide`: degrees read from the Theme and Country nodes, not walked).
 */
const requestedAndJoinSides = `
CALL () {
  UNWIND $themes AS slug
  MATCH (t:Theme {slug: slug})
  RETURN collect({slug: slug, subtree: COLLECT { MATCH (d:Theme)-[:SUBTHEME_OF*0..]->(t) RETURN d.id }}) AS requested
}
WITH requested, reduce(ids = [], r IN requested | ids + r.subtree) AS themeIds
CALL () {
  UNWIND $countries AS code
  MATCH (k:Country {code: code})
  RETURN sum(COUNT { (k)<-[:OPERATES_IN|HEADQUARTERED_IN]-() }) AS countrySide
}
CALL (themeIds) {
  UNWIND themeIds AS id
  MATCH (t:Theme {id: id})
  RETURN sum(COUNT { (t)<-[:WORKS_ON]-() }) AS themeSide
}`;

/** The sizes the candidate statement chooses its plan by (tools/cli/coalition-plans.ts prints them). */
export const COALITION_JOIN_SIDES = `${requestedAndJoinSides}
RETURN countrySide, themeSide`;

/**
 * From rows of candidates (`c`, `covers`, `themes`): in each group the expression `groups` lists for a row (a cell,
 * or a theme within one country), the first 3 × perCell by cells covered, then id — the pool.
 */
function poolOfEach(groups: string): string {
  return `WITH c, covers, themes, size(covers) * size(themes) AS cellCount
  UNWIND ${groups} AS poolGroup
  WITH poolGroup, c, covers, themes, cellCount
  ORDER BY cellCount DESC, c.id
  WITH poolGroup, collect({c: c, covers: covers, themes: themes, cellCount: cellCount})[0..$perCell * 3] AS ranked
  UNWIND ranked AS row
  RETURN row.c AS c, row.covers AS covers, row.themes AS themes, row.cellCount AS cellCount`;
}

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
${requestedAndJoinSides}
WITH requested, themeIds, countrySide <= $joinBudget AND themeSide <= $joinBudget AS oneJoin
CALL (requested, themeIds, oneJoin) {
  // Both sides within $joinBudget: organisations on a requested theme (sub-themes included) in a requested country,
  // both ends anchored on their few, indexed Theme and Country nodes and hash-joined on the organisation — the
  // cheapest plan (testing one condition by walking each organisation's own relationships costs ~5× the database
  // hits: they are dense, with hundreds of partnerships). But the hash table holds a whole side (3.5–4.5 kB per tie:
  // 44 MB for 12k ties on the 20k benchmark graph), and ranking all cells at once sorts every candidate per cell:
  // at 200k organisations that outgrew Neo4j's 256 MiB per-transaction limit (issue 13).
  // The archived / exclude / include tests come after the join, once per organisation: tested inside it, the
  // planner ran them on both sides of the join, once per relationship.
  // (WORKS_ON and OPERATES_IN/HEADQUARTERED_IN only leave Organizations: graph/README.md.)
  WITH requested, themeIds WHERE oneJoin
  MATCH (t:Theme)<-[:WORKS_ON]-(c)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country)
  USING JOIN ON c
  WHERE t.id IN themeIds AND k.code IN $countries
  WITH requested, c, collect(DISTINCT t.id) AS candidateThemes, collect(DISTINCT k.code) AS covers
  WHERE c.archived = false AND NOT c.id IN $exclude AND NOT c.id IN $include
  WITH c, covers, ${requestedThemesOfC} AS themes
  ${poolOfEach("reduce(cs = [], t IN themes | cs + [k IN covers | t + '|' + k])")}

  UNION

  // A larger side: one requested country at a time, from its Country node; each organisation's themes read once,
  // and each (theme, country) cell of it ranked and cut before the next country. Memory: one country's candidates.
  WITH requested, themeIds WHERE NOT oneJoin
  UNWIND $countries AS code
  CALL (requested, themeIds, code) {
    MATCH (:Country {code: code})<-[:OPERATES_IN|HEADQUARTERED_IN]-(c)
    WITH DISTINCT c
    WITH c, COLLECT { MATCH (c)-[:WORKS_ON]->(t) WHERE t.id IN themeIds RETURN t.id } AS candidateThemes
    WHERE size(candidateThemes) > 0 AND c.archived = false AND NOT c.id IN $exclude AND NOT c.id IN $include
    WITH c, ${requestedThemesOfC} AS themes,
         ${requestedCountriesOfC} AS covers
    ${poolOfEach('themes')}
  }
  RETURN c, covers, themes, cellCount

  UNION

  // The forced members, whatever their profile.
  MATCH (c:Organization) WHERE c.id IN $include
  WITH requested, c, COLLECT { MATCH (c)-[:WORKS_ON]->(t) RETURN t.id } AS candidateThemes,
       ${requestedCountriesOfC} AS covers
  WITH c, covers, ${requestedThemesOfC} AS themes
  RETURN c, covers, themes, size(covers) * size(themes) AS cellCount
}
WITH c, covers, themes, cellCount
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
