/**
 * Chooses the proposal and its alternatives: exactly with HiGHS where the problem is small enough (exact-cover.ts),
 * otherwise — or when the solver fails or runs out of time — greedily (set-cover-cells.ts), and says which it was.
 * Each alternative differs from every earlier coalition in at least half of its freely chosen members.
 */
import { cellKey, cellsOf, tiesAmong, type CellCandidate } from './cells';
import { requiredChange, solveExact } from './exact-cover';
import { greedyCover } from './set-cover-cells';

export interface SelectionInput {
  candidates: CellCandidate[];
  ties: (readonly [string, string])[];
  themes: string[];
  countries: string[];
  include: string[];
  size?: number;
}

export interface Selection {
  members: string[];
  method: 'exact' | 'greedy';
  /** True only when HiGHS proved that no coalition is better by the objective (cells, then members, then ties). */
  provenOptimal: boolean;
}

/**
 * Above these the model is not handed to the solver at all (the greedy answer is immediate). Below them the work
 * per solve is bounded by a node count, not by time, so the answer does not depend on how loaded the machine is
 * (docs/decisions/0034-coalition-solver-budget-and-truthful-dashboard.md); the time limit is only a safety net.
 */
export const EXACT_LIMITS = { candidates: 800, cells: 1200, maxNodes: 200, timeLimitSeconds: 10 } as const;

export async function selectCoalitions(input: SelectionInput, alternatives: number): Promise<Selection[]> {
  const cells = input.themes.length * input.countries.length;
  let exact =
    input.candidates.length > 0 && input.candidates.length <= EXACT_LIMITS.candidates && cells <= EXACT_LIMITS.cells;
  const out: Selection[] = [];
  const seen = new Set<string>();
  for (let n = 0; n <= alternatives; n++) {
    const differFrom = out.map((s) => s.members);
    let chosen: Selection | undefined;
    if (exact) {
      const outcome = await solveExact({
        ...input,
        differFrom,
        maxNodes: EXACT_LIMITS.maxNodes,
        timeLimitSeconds: EXACT_LIMITS.timeLimitSeconds
      });
      if (outcome.status === 'infeasible') break;
      if (outcome.status === 'optimal') chosen = { members: outcome.members, method: 'exact', provenOptimal: true };
      else {
        // Out of budget or failed: the remaining coalitions are chosen greedily, so one request never waits twice.
        exact = false;
        const greedy = greedyAlternative(input, differFrom);
        if (outcome.status === 'limit-reached' && (!greedy || better(outcome.members, greedy, input) >= 0)) {
          chosen = { members: outcome.members, method: 'exact', provenOptimal: false };
        } else if (greedy) chosen = { members: greedy, method: 'greedy', provenOptimal: false };
      }
    } else {
      const greedy = greedyAlternative(input, differFrom);
      if (greedy) chosen = { members: greedy, method: 'greedy', provenOptimal: false };
    }
    if (!chosen || (n > 0 && chosen.members.length === 0)) break;
    const key = [...chosen.members].sort().join(' ');
    if (seen.has(key)) break;
    seen.add(key);
    out.push(chosen);
  }
  return out;
}

/**
 * The greedy coalition differing from each earlier one: without the leading half (at least one) of each earlier
 * coalition's freely chosen members. Undefined when nobody is left to choose from.
 */
function greedyAlternative(input: SelectionInput, differFrom: string[][]): string[] | undefined {
  const exclude = differFrom.flatMap((members) => {
    const free = members.filter((id) => !input.include.includes(id));
    return free.slice(0, requiredChange(free.length));
  });
  if (differFrom.length > 0 && exclude.length === 0) return undefined;
  return greedyCover({ ...input, exclude });
}

/** > 0 when `a` is the better coalition: more cells covered, then fewer members, then more ties among them. */
export function better(a: string[], b: string[], input: SelectionInput): number {
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const covered = (members: string[]) =>
    new Set(
      members.flatMap((id) => {
        const c = byId.get(id);
        return c ? cellsOf(c, input.themes, input.countries).map((cell) => cellKey(cell.theme, cell.country)) : [];
      })
    ).size;
  return (
    covered(a) - covered(b) || b.length - a.length || tiesAmong(a, input.ties).length - tiesAmong(b, input.ties).length
  );
}
