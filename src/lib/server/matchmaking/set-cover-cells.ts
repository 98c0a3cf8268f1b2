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

/**
 * The chosen member ids, forced members first, then in the order chosen. Each candidate's count of newly covered
 * cells and of ties to the members is kept up to date as members join (rather than recounted for every candidate
 * on every step): a coalition request runs this thirteen times, once for the proposal's fallback and four times
 * per alternative (select-coalition.ts).
 */
export function greedyCover(input: CoverInput): string[] {
  const { candidates } = input;
  const position = new Map(candidates.map((c, i) => [c.id, i]));
  // Cell keys computed once (per request, cells.ts).
  const cellsOfCandidate = cellKeysOf(input);
  const cellIndex = new Map<string, number>();
  const cellsOf = candidates.map((c) =>
    cellsOfCandidate(c.id).map((key) => {
      if (!cellIndex.has(key)) cellIndex.set(key, cellIndex.size);
      return cellIndex.get(key)!;
    })
  );
  const coveringCell: number[][] = Array.from({ length: cellIndex.size }, () => []);
  cellsOf.forEach((cells, i) => {
    for (const cell of cells) coveringCell[cell]!.push(i);
  });
  const neighbours: Set<number>[] = candidates.map(() => new Set());
  for (const [a, b] of input.ties) {
    const i = position.get(a);
    const j = position.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    neighbours[i]!.add(j);
    neighbours[j]!.add(i);
  }
  const maxDegree = Math.max(1, ...candidates.map((c) => c.degree));
  const connectedness = candidates.map((c) => COVER_WEIGHTS.degree * (Math.log1p(c.degree) / Math.log1p(maxDegree)));
  const excluded = new Set(input.exclude ?? []);
  const newlyCovered = cellsOf.map((cells) => cells.length);
  const tiesToMembers = new Array<number>(candidates.length).fill(0);
  const covered = new Uint8Array(cellIndex.size);
  const isChosen = new Uint8Array(candidates.length);
  const chosen: string[] = [];

  const choose = (i: number) => {
    chosen.push(candidates[i]!.id);
    isChosen[i] = 1;
    for (const n of neighbours[i]!) tiesToMembers[n]!++;
    for (const cell of cellsOf[i]!) {
      if (covered[cell]) continue;
      covered[cell] = 1;
      for (const other of coveringCell[cell]!) newlyCovered[other]!--;
    }
  };
  for (const id of input.include) {
    const i = position.get(id);
    if (i !== undefined && !isChosen[i]) choose(i);
  }

  const limit = input.size ?? Number.POSITIVE_INFINITY;
  while (chosen.length < limit) {
    let best = -1;
    let bestUtility = 0;
    candidates.forEach((c, i) => {
      if (isChosen[i] || excluded.has(c.id)) return;
      const utility =
        COVER_WEIGHTS.cover * newlyCovered[i]! + COVER_WEIGHTS.tie * tiesToMembers[i]! + connectedness[i]!;
      // Ties broken by id so the same input always gives the same coalition.
      if (best < 0 || utility > bestUtility || (utility === bestUtility && c.id < candidates[best]!.id)) {
        best = i;
        bestUtility = utility;
      }
    });
    // Without a requested size, a candidate that covers nothing new does not join.
    if (best < 0 || (input.size === undefined && newlyCovered[best] === 0)) break;
    choose(best);
  }
  return chosen;
}
