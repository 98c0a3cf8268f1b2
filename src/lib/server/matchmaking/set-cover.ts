/**
 * Greedy weighted set cover with a cohesion bonus (docs/decisions/0007-coalition-algorithm.md). Pure: the
 * candidates and the ties among them come from Cypher; this only chooses.
 *
 * Each step adds the candidate with the highest marginal utility
 *   COVER·|requested countries it newly covers| + TIE·|ties to members already chosen|
 *   + THEME·(share of requested themes it works on) + DEGREE·(visible partnerships, log-scaled to [0, 1])
 * Covering a new country always outweighs the other terms together unless a candidate brings several ties, so the
 * loop behaves like set cover first and like "who fits best with the group" once every country is covered.
 */

export interface CoverCandidate {
  id: string;
  covers: string[];
  degree: number;
  /** Share of the requested themes the organisation works on, in [0, 1]. */
  themeFit: number;
}

export interface CoverInput {
  candidates: CoverCandidate[];
  /** Unordered pairs of candidate ids tied by a visible confirmed partnership. */
  ties: [string, string][];
  countries: string[];
  /** Forced members, chosen first in the given order. */
  include: string[];
  /** Candidate ids never chosen (on top of what the query excluded), for alternatives. */
  exclude?: string[];
  /** Stop after this many members; without it, stop once every country is covered (or nothing covers more). */
  size?: number;
}

export interface CoverResult {
  members: string[];
  uncovered: string[];
  score: number;
}

export const COVER_WEIGHTS = { cover: 1, tie: 0.4, theme: 0.3, degree: 0.1 } as const;

/** How the coalition as a whole scores: coverage first, then cohesion (tie density), then thematic fit. */
export const COALITION_SCORE_WEIGHTS = { coverage: 0.6, cohesion: 0.25, theme: 0.15 } as const;

export function greedyCover(input: CoverInput): CoverResult {
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
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
  const uncovered = new Set(input.countries);

  const choose = (id: string) => {
    chosen.push(id);
    for (const code of byId.get(id)?.covers ?? []) uncovered.delete(code);
  };
  for (const id of input.include) if (byId.has(id) && !chosen.includes(id)) choose(id);

  const limit = input.size ?? Number.POSITIVE_INFINITY;
  while (chosen.length < limit) {
    if (input.size === undefined && uncovered.size === 0) break;
    let best: { id: string; utility: number; newlyCovered: number } | undefined;
    for (const c of input.candidates) {
      if (excluded.has(c.id) || chosen.includes(c.id)) continue;
      const newlyCovered = c.covers.filter((code) => uncovered.has(code)).length;
      const ties = chosen.filter((m) => neighbours.get(c.id)?.has(m)).length;
      const utility =
        COVER_WEIGHTS.cover * newlyCovered +
        COVER_WEIGHTS.tie * ties +
        COVER_WEIGHTS.theme * c.themeFit +
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

  return {
    members: chosen,
    uncovered: input.countries.filter((code) => uncovered.has(code)),
    score: coalitionScore(chosen, input, neighbours, uncovered.size)
  };
}

function coalitionScore(
  members: string[],
  input: CoverInput,
  neighbours: Map<string, Set<string>>,
  uncoveredCount: number
): number {
  if (members.length === 0) return 0;
  const coverage = input.countries.length === 0 ? 1 : 1 - uncoveredCount / input.countries.length;
  let ties = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) if (neighbours.get(members[i])?.has(members[j])) ties++;
  }
  const pairs = (members.length * (members.length - 1)) / 2;
  const cohesion = pairs === 0 ? 0 : ties / pairs;
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const theme = members.reduce((sum, id) => sum + (byId.get(id)?.themeFit ?? 0), 0) / members.length;
  const w = COALITION_SCORE_WEIGHTS;
  return w.coverage * coverage + w.cohesion * cohesion + w.theme * theme;
}
