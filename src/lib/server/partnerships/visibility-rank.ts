import type { Visibility } from '../db/generated/enums';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../analytics/levels';

/**
 * How widely a partnership is shown, as an order: PRIVATE (the two sides and admins) < MEMBERS (also every
 * signed-in user) < PUBLIC (everybody). "Narrowing" moves down this order, "widening" up.
 */
const RANK: Record<Visibility, number> = { PRIVATE: 0, MEMBERS: 1, PUBLIC: 2 };

export function isNarrowing(from: Visibility, to: Visibility): boolean {
  return RANK[to] < RANK[from];
}

export function isWidening(from: Visibility, to: Visibility): boolean {
  return RANK[to] > RANK[from];
}

/** Whether an analytics visibility level (levels.ts: computed without side-specific extras) counts the row. */
function levelSees(level: VisibilityLevel, visibility: Visibility): boolean {
  if (level === 'admin') return true;
  if (level === 'members') return visibility !== 'PRIVATE';
  return visibility === 'PUBLIC';
}

/** The analytics levels that counted a partnership at `from` and may no longer count it at `to`. */
export function levelsLosingSight(from: Visibility, to: Visibility): VisibilityLevel[] {
  return VISIBILITY_LEVELS.filter((level) => levelSees(level, from) && !levelSees(level, to));
}

/** The analytics levels that count a partnership of this visibility (whose caches change when it starts or ends). */
export function levelsSeeing(visibility: Visibility): VisibilityLevel[] {
  return VISIBILITY_LEVELS.filter((level) => levelSees(level, visibility));
}
