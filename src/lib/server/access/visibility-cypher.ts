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
  return `(${rel}.visibility = 'PUBLIC' OR ($seeMembers AND ${rel}.visibility = 'MEMBERS') OR $seeAll OR ${rel}.orgA IN $viewerOrgIds OR ${rel}.orgB IN $viewerOrgIds)`;
}

/** A confirmed partnership the viewer may see: the edges used for partners, paths, recommendations and metrics. */
export function visiblePartnership(rel: string): string {
  return `(${rel}.status = 'CONFIRMED' AND ${visibleRel(rel)})`;
}

/**
 * An open proposal the viewer may know about: only its two sides and admins, whatever its visibility flag (the
 * rule `visiblePartnershipWhere` applies in Prisma). Used to leave out candidates the viewer already proposed to.
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
