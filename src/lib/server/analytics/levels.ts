/**
 * Cached analytics are computed once per visibility LEVEL, never once for everybody: a metric computed with
 * private partnerships must not reach a viewer who may not see them.
 *
 *   public  — anonymous visitors: PUBLIC partnerships and grants only
 *   members — any signed-in user: PUBLIC + MEMBERS
 *   admin   — admins: everything, PRIVATE included
 *
 * A signed-in member of an organisation gets the `members` level for cached metrics, i.e. without its own
 * PRIVATE partnerships (which it could see): an undercount on its own ties, never a leak. Live queries
 * (isolated organisations) use the viewer's exact visibility.
 */
import type { VisibilityParams } from '../access/viewer';

export const VISIBILITY_LEVELS = ['public', 'members', 'admin'] as const;
export type VisibilityLevel = (typeof VISIBILITY_LEVELS)[number];

export function levelOf(visibility: VisibilityParams): VisibilityLevel {
  if (visibility.seeAll) return 'admin';
  if (visibility.seeMembers) return 'members';
  return 'public';
}

/** The visibility a level's computation runs with: no organisation ids, so no side-specific extras. */
export function visibilityOfLevel(level: VisibilityLevel): VisibilityParams {
  return {
    seeMembers: level !== 'public',
    seeAll: level === 'admin',
    orgIds: []
  };
}
