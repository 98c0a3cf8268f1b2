/**
 * Brokers (betweenness) and communities (Louvain) of the partnership graph one visibility level may see, computed
 * with GDS on that level's projection (gds.ts) in one pass, because both need the same projection and the
 * brokers' "communities bridged" needs the communities.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { visiblePartnership } from '../access/visibility-cypher';
import { visibilityParams } from '../access/visibility-cypher';
import type { OrganizationRef } from '../matchmaking/recommend';
import { int, num } from '../matchmaking/values';
import { withProjectedGraph, type ProjectedGraph } from './gds';
import { visibilityOfLevel, type VisibilityLevel } from './levels';

/**
 * Exact betweenness is O(nodes·edges): minutes on 20k organisations and 200k partnerships. Brandes' algorithm from
 * this many sampled sources (seeded, so refreshes are stable) ranks the top brokers the same way in seconds.
 */
export const BETWEENNESS_SAMPLES = 500;
export const BROKERS_KEPT = 50;
/** Smaller groups (mostly pairs and isolated organisations, each its own "community") are not reported. */
export const MIN_COMMUNITY_SIZE = 3;
export const COMMUNITIES_KEPT = 50;

export interface Broker {
  organization: OrganizationRef;
  /** Estimated number of shortest paths between other organisations that pass through this one. */
  betweenness: number;
  /** betweenness / the top broker's betweenness, in [0, 1]. */
  relative: number;
  partners: number;
  /** Distinct communities among its partners: a broker links groups that are otherwise apart. */
  communitiesBridged: number;
}

export interface Community {
  /** 1 = the largest community; stable only within one computation. */
  rank: number;
  size: number;
  /** Top-level themes (sub-themes counted into their parent) with the number of members on them. */
  dominantThemes: { slug: string; organizations: number }[];
  dominantCountries: { code: string; organizations: number }[];
  /** The best-connected members. */
  hubs: (OrganizationRef & { partners: number })[];
}

export interface NetworkStructure {
  organizations: number;
  /** Pairs of organisations with at least one visible confirmed partnership. */
  partneredPairs: number;
  modularity: number;
  communityCount: number;
  communities: Community[];
  brokers: Broker[];
  /** Sources sampled for betweenness (all organisations when the graph is small). */
  betweennessSources: number;
}

const MUTATE = `
CALL gds.louvain.mutate($graphName, {mutateProperty: 'community', concurrency: 1})
YIELD communityCount, modularity
CALL gds.degree.mutate($graphName, {mutateProperty: 'degree'}) YIELD nodePropertiesWritten
RETURN communityCount, modularity`;

const BROKERS = `
CALL gds.betweenness.stream($graphName, {samplingSize: $samples, samplingSeed: 42})
YIELD nodeId, score
WITH nodeId, score WHERE score > 0
ORDER BY score DESC, nodeId
LIMIT $top
WITH nodeId, score, gds.util.asNode(nodeId) AS o
RETURN o.id AS id, o.slug AS slug, o.name AS name, score,
       gds.util.nodeProperty($graphName, nodeId, 'degree') AS partners,
       size(COLLECT {
         MATCH (o)-[r:PARTNERS_WITH]-(p:Organization)
         WHERE p.archived = false AND ${visiblePartnership('r')}
         RETURN DISTINCT gds.util.nodeProperty($graphName, id(p), 'community')
       }) AS communitiesBridged
ORDER BY score DESC, id`;

const COMMUNITIES = `
CALL gds.graph.nodeProperty.stream($graphName, 'community') YIELD nodeId, propertyValue
WITH propertyValue AS community, collect(nodeId) AS nodeIds
WHERE size(nodeIds) >= $minSize
ORDER BY size(nodeIds) DESC, community
LIMIT $top
WITH community, [id IN nodeIds | gds.util.asNode(id)] AS members, nodeIds
CALL (members) {
  UNWIND members AS m
  MATCH (m)-[:WORKS_ON]->(:Theme)-[:SUBTHEME_OF*0..]->(t:Theme) WHERE NOT (t)-[:SUBTHEME_OF]->()
  WITH t, count(DISTINCT m) AS n
  ORDER BY n DESC, t.slug
  LIMIT 3
  RETURN collect({slug: t.slug, organizations: n}) AS themes
}
CALL (members) {
  UNWIND members AS m
  MATCH (m)-[:OPERATES_IN|HEADQUARTERED_IN]->(k:Country)
  WITH k, count(DISTINCT m) AS n
  ORDER BY n DESC, k.code
  LIMIT 3
  RETURN collect({code: k.code, organizations: n}) AS countries
}
CALL (nodeIds) {
  UNWIND nodeIds AS nodeId
  WITH nodeId, gds.util.nodeProperty($graphName, nodeId, 'degree') AS partners
  ORDER BY partners DESC, nodeId
  LIMIT 5
  WITH gds.util.asNode(nodeId) AS m, partners
  RETURN collect({id: m.id, slug: m.slug, name: m.name, partners: partners}) AS hubs
}
RETURN size(members) AS size, themes, countries, hubs
ORDER BY size DESC`;

export async function computeNetworkStructure(level: VisibilityLevel): Promise<NetworkStructure> {
  return withProjectedGraph(level, (tx, graph) => analyse(tx, graph, level));
}

async function analyse(
  tx: ManagedTransaction,
  graph: ProjectedGraph,
  level: VisibilityLevel
): Promise<NetworkStructure> {
  const base = { graphName: graph.name };
  if (graph.nodes === 0) {
    return {
      organizations: 0,
      partneredPairs: 0,
      modularity: 0,
      communityCount: 0,
      communities: [],
      brokers: [],
      betweennessSources: 0
    };
  }
  const mutated = (await tx.run(MUTATE, base)).records[0];
  const samples = Math.min(graph.nodes, BETWEENNESS_SAMPLES);
  // Sampled scores count paths from `samples` sources: scale them to estimates over all sources.
  const scale = graph.nodes / samples;
  const brokerRows = (
    await tx.run(BROKERS, {
      ...base,
      samples: int(samples),
      top: int(BROKERS_KEPT),
      ...visibilityParams(visibilityOfLevel(level))
    })
  ).records;
  const top = brokerRows.length > 0 ? num(brokerRows[0].get('score')) : 1;
  const brokers: Broker[] = brokerRows.map((r) => ({
    organization: { id: r.get('id'), slug: r.get('slug'), name: r.get('name') },
    betweenness: num(r.get('score')) * scale,
    relative: num(r.get('score')) / top,
    partners: num(r.get('partners')),
    communitiesBridged: num(r.get('communitiesBridged'))
  }));
  const communityRows = (
    await tx.run(COMMUNITIES, { ...base, minSize: int(MIN_COMMUNITY_SIZE), top: int(COMMUNITIES_KEPT) })
  ).records;
  const communities: Community[] = communityRows.map((r, index) => ({
    rank: index + 1,
    size: num(r.get('size')),
    dominantThemes: (r.get('themes') as { slug: string; organizations: unknown }[]).map((t) => ({
      slug: t.slug,
      organizations: num(t.organizations)
    })),
    dominantCountries: (r.get('countries') as { code: string; organizations: unknown }[]).map((c) => ({
      code: c.code,
      organizations: num(c.organizations)
    })),
    hubs: (r.get('hubs') as (OrganizationRef & { partners: unknown })[]).map((h) => ({
      id: h.id,
      slug: h.slug,
      name: h.name,
      partners: num(h.partners)
    }))
  }));
  return {
    organizations: graph.nodes,
    partneredPairs: graph.pairs,
    // With no partnership at all, modularity is 0/0: Louvain answers NaN, which GraphQL's Float refuses (a 500 on
    // the dashboard). No ties means no community structure: 0.
    modularity: graph.pairs === 0 ? 0 : num(mutated.get('modularity')),
    communityCount: num(mutated.get('communityCount')),
    communities,
    brokers,
    betweennessSources: samples
  };
}
