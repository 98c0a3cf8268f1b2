/**
 * The leak suite's matrix harness. The rows — every query path that could reveal a partnership, each with the
 * EXACT answer every viewer of the leak graph (leak-graph.ts) must get — are in leak-paths-directory.ts,
 * leak-paths-graph.ts, leak-paths-analytics.ts and leak-exports.ts; leak-suite.ts turns each (path × viewer)
 * into a named test, so a missing rule fails as one named cell ("partners of Alder × unrelatedMember").
 *
 * Answers are normalised to plain, sorted values (names, not ids) so the expectations read like the graph's
 * picture. Where an answer depends on a cached analytics level, signed-in non-admins all get the MEMBERS level
 * (analytics/levels.ts) — their own PRIVATE partnerships are not counted there, by design.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Viewer } from '../../src/lib/server/access/viewer';
import type { ViewerName } from './leak-graph';
import { VIEWER_NAMES } from './leak-graph';

export type Expected = Record<ViewerName, unknown>;

export interface LeakPath {
  name: string;
  /** Which part of the product the path belongs to; the suite groups by it. */
  family: 'directory' | 'partners' | 'graph' | 'analytics' | 'exports' | 'notifications';
  run: (viewer: Viewer) => Promise<unknown>;
  expected: Expected;
  /** Decided by the viewer's role alone, not by the visibility parameters (the canary leaves such paths out). */
  roleOnly?: true;
}

/**
 * Per-viewer answers. `members` is what a signed-in viewer without a stake gets (unrelatedMember, analyst), and
 * the default for the two sides; `sides` is the default for sideA and sideB. Every viewer ends up with an
 * explicit value — nothing is left to "does not contain".
 */
export function perViewer(e: {
  anonymous: unknown;
  members: unknown;
  analyst?: unknown;
  sides?: unknown;
  sideA?: unknown;
  sideB?: unknown;
  admin: unknown;
}): Expected {
  const sides = 'sides' in e ? e.sides : e.members;
  return {
    anonymous: e.anonymous,
    unrelatedMember: e.members,
    analyst: 'analyst' in e ? e.analyst : e.members,
    sideA: 'sideA' in e ? e.sideA : sides,
    sideB: 'sideB' in e ? e.sideB : sides,
    admin: e.admin
  };
}

export const everyone = (value: unknown): Expected => perViewer({ anonymous: value, members: value, admin: value });

/** The cells of the matrix whose answer differs from the expectation (the suite's comparison, reused by the canary). */
export async function mismatches(
  paths: LeakPath[],
  viewers: Record<ViewerName, Viewer>,
  only: readonly ViewerName[] = VIEWER_NAMES
): Promise<string[]> {
  const wrong: string[] = [];
  for (const path of paths) {
    for (const name of only) {
      const actual = await path.run(viewers[name]);
      if (!isDeepStrictEqual(actual, path.expected[name])) wrong.push(`${path.name} × ${name}`);
    }
  }
  return wrong;
}

export const sortedNames = (items: { name: string }[]) => items.map((o) => o.name).sort();
export const pairName = (a: string, b: string) => [a, b].sort().join(' – ');
