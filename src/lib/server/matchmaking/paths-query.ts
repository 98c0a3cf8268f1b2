/** The Cypher of connectionPaths (paths.ts), apart so tools can run it without the app's driver. */
import { visiblePartnership } from '../access/visibility-cypher';

/** Longest chain searched; beyond six hops a "connection" says little (and the search grows quickly). */
export const MAX_PATH_LENGTH = 6;

export const ENDPOINTS = `
OPTIONAL MATCH (a:Organization {id: $from})
OPTIONAL MATCH (b:Organization {id: $to})
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound`;

// Archived organisations are not offered as go-betweens; parallel partnerships (two kinds between one pair) give
// the same chain of organisations twice, hence DISTINCT on the node ids.
export const PATHS = `
MATCH (a:Organization {id: $from}), (b:Organization {id: $to})
MATCH p = allShortestPaths((a)-[:PARTNERS_WITH*..${MAX_PATH_LENGTH}]-(b))
WHERE all(r IN relationships(p) WHERE ${visiblePartnership('r')})
  AND all(n IN nodes(p) WHERE n.archived = false OR n.id = $from OR n.id = $to)
WITH DISTINCT [n IN nodes(p) | n.id] AS ids, nodes(p) AS chain
WITH ids, head(collect(chain)) AS chain
RETURN [n IN chain | {id: n.id, slug: n.slug, name: n.name}] AS path
ORDER BY [n IN chain | n.name]
LIMIT $max`;
