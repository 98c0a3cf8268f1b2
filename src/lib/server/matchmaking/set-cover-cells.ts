/**
 * Greedy cover of (theme, country) cells with a cohesion bonus: the fallback of the exact selection
 * (select-coalition.ts) when the problem is too large for the solver, the solver fails or runs out of time, and
 * the baseline the exact answer is tested against (docs/decisions/0013-coalition-cells-and-exact-selection.md).
 * Pure: the candidates and the ties among them come from Cypher; this only chooses.
 *
 * Each step adds the candidate with the highest marginal utility
 *   COVER·|requested cells it newly covers| + TIE·|ties to members already chosen|
 *   + DEGREE·(visible partnerships, log-scaled to [0, 1])
 * Covering a new cell outweighs the other terms unless a candidate brings several ties, so the loop behaves like
 * set cover first and like "who fits best with the group" once every coverable cell is covered.
 */
import { cellKeysOf, type CellCandidate } from './cells';

export interface CoverInput {
  candidates: CellCandidate[];
  /** Unordered pairs of candidate ids tied by a visible confirmed partnership. */
  ties: (readonly [string, string])[];
  themes: string[];
  countries: string[];
  /** Forced members, chosen first in the given order. */
  include: string[];
  /** Candidate ids never chosen (on top of what the query excluded), for alternatives. */
  exclude?: string[];
  /** Exactly this many members when there are enough candidates; without it, as few as cover what can be covered. */
  size?: number;
}

export const COVER_WEIGHTS = { cover: 1, tie: 0.4, degree: 0.1 } as const;

/** The chosen member ids, forced members first, then in the order chosen. */
export function greedyCover(input: CoverInput): string[] {
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  // Cell keys computed once (per request, cells.ts): the loop below tests every candidate's cells on every step.
  const cellsOfCandidate = cellKeysOf(input);
  const neighbours = new Map<string, Set<string>>();
  for (const [a, b] of input.ties) {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    if (!neighbours.has(b)) neighbours.set(b, new Set());
    neighbours.get(a)!.add(b);
    neighbours.get(b)!.add(a);
  }
  const maxDegree = Math.max(1, ...input.candidates.map((c) => c.degree));
  const excluded = new Set(input.exclude ?? []);
  const chosen: string[] = [];
  const isChosen = new Set<string>();
  const covered = new Set<string>();

  const choose = (id: string) => {
    chosen.push(id);
    isChosen.add(id);
    for (const key of cellsOfCandidate(id)) covered.add(key);
  };
  for (const id of input.include) if (byId.has(id) && !isChosen.has(id)) choose(id);

  const limit = input.size ?? Number.POSITIVE_INFINITY;
  while (chosen.length < limit) {
    let best: { id: string; utility: number; newlyCovered: number } | undefined;
    for (const c of input.candidates) {
      if (excluded.has(c.id) || isChosen.has(c.id)) continue;
      const newlyCovered = cellsOfCandidate(c.id).filter((key) => !covered.has(key)).length;
      const ties = chosen.filter((m) => neighbours.get(c.id)?.has(m)).length;
      const utility =
        COVER_WEIGHTS.cover * newlyCovered +
        COVER_WEIGHTS.tie * ties +
        COVER_WEIGHTS.degree * (Math.log1p(c.degree) / Math.log1p(maxDegree));
      // Ties broken by id so the same input always gives the same coalition.
      if (!best || utility > best.utility || (utility === best.utility && c.id < best.id)) {
        best = { id: c.id, utility, newlyCovered };
      }
    }
    // Without a requested size, a candidate that covers nothing new does not join.
    if (!best || (input.size === undefined && best.newlyCovered === 0)) break;
    choose(best.id);
  }
  return chosen;
}
