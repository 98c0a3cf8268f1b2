import type { VisibilityParams } from './viewer';

/**
 * The one place that says which partnerships, memberships and grants a viewer may see in Cypher.
 * The predicate only references query parameters ($seeMembers, $seeAll, $viewerOrgIds), which every graph
 * query passes via `visibilityParams(viewer)`; nothing is filtered after fetching.
 *
 * A relationship is visible when it is PUBLIC, or MEMBERS and the viewer is signed in, or the viewer is an
 * admin, or the viewer belongs to one of its two sides (who always see their own, even PRIVATE ones).
 */
export function visibleRel(rel: string): string {
  return `(${visibleAtLevel(rel)} OR ${onViewerSide(rel)})`;
}

/**
 * The part of the rule that depends only on the viewer's level (signed in? admin?), not on their organisations.
 * `seeMembers`/`seeAll` default to the query parameters; the projector passes literals to count each level's
 * partnerships once for everyone (partner-counts-cypher.ts).
 */
export function visibleAtLevel(rel: string, seeMembers = '$seeMembers', seeAll = '$seeAll'): string {
  return `(${rel}.visibility = 'PUBLIC' OR (${seeMembers} AND ${rel}.visibility = 'MEMBERS') OR ${seeAll})`;
}

/** The relationship has one of the viewer's organisations on a side (who always see their own). */
export function onViewerSide(rel: string): string {
  return `(${rel}.orgA IN $viewerOrgIds OR ${rel}.orgB IN $viewerOrgIds)`;
}

/** The node is one of the viewer's organisations. */
export function isViewerOrganization(node: string): string {
  return `(${node}.id IN $viewerOrgIds)`;
}

/** A confirmed partnership the viewer may see: the edges used for partners, paths, recommendations and metrics. */
export function visiblePartnership(rel: string): string {
  return `(${rel}.status = 'CONFIRMED' AND ${visibleRel(rel)})`;
}

/**
 * A partnership proposal the viewer may know about: proposals are visible to their two sides and admins only,
 * whatever their visibility flag (the rule of the directory's SQL). The recommender excludes a candidate already
 * proposed to only when the viewer may know about the proposal.
 */
export function visibleProposal(rel: string): string {
  return `(${rel}.status = 'PROPOSED' AND ($seeAll OR ${rel}.orgA IN $viewerOrgIds OR ${rel}.orgB IN $viewerOrgIds))`;
}

export function visibilityParams(v: VisibilityParams): {
  seeMembers: boolean;
  seeAll: boolean;
  viewerOrgIds: string[];
} {
  return { seeMembers: v.seeMembers, seeAll: v.seeAll, viewerOrgIds: v.orgIds };
}
