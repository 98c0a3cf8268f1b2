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
  /**
   * True only when it is proven that no coalition is better by the objective (cells, then members, then ties):
   * by HiGHS, or — for an alternative — by equalling an earlier coalition HiGHS proved optimal.
   */
  provenOptimal: boolean;
}

/**
 * Above these the model is not handed to the solver at all (the greedy answer is immediate). Below them the work
 * per solve is bounded by a node count, not by time, so the answer does not depend on how loaded the machine is
 * (docs/decisions/0034-coalition-solver-budget-and-truthful-dashboard.md); the time limit is only a safety net.
 * Alternatives get a far smaller budget than the proposal: most are settled without a solve (see
 * `selectAlternative`), and the rest start from the greedy alternative
 * (docs/decisions/0035-coalition-alternatives-bounded-by-the-proposal.md).
 */
export const EXACT_LIMITS = {
  candidates: 800,
  cells: 1200,
  maxNodes: 200,
  alternativeMaxNodes: 20,
  timeLimitSeconds: 10
} as const;

export async function selectCoalitions(input: SelectionInput, alternatives: number): Promise<Selection[]> {
  const cells = input.themes.length * input.countries.length;
  const state: SearchState = {
    exact:
      input.candidates.length > 0 && input.candidates.length <= EXACT_LIMITS.candidates && cells <= EXACT_LIMITS.cells
  };
  const out: Selection[] = [];
  const seen = new Set<string>();
  for (let n = 0; n <= alternatives; n++) {
    const chosen = n === 0 ? await selectProposal(input, state) : await selectAlternative(input, out, state);
    if (!chosen || (n > 0 && chosen.members.length === 0)) break;
    const key = [...chosen.members].sort().join(' ');
    if (seen.has(key)) break;
    seen.add(key);
    out.push(chosen);
  }
  return out;
}

/** Whether the solver may still be asked: once it ran out of budget or failed, the rest is chosen greedily. */
interface SearchState {
  exact: boolean;
}

async function selectProposal(input: SelectionInput, state: SearchState): Promise<Selection | undefined> {
  if (!state.exact) return greedySelection(greedyAlternative(input, []));
  return solveOrGreedy(input, [], EXACT_LIMITS.maxNodes, state);
}

/**
 * An alternative must differ from every earlier coalition, so it can never beat the last earlier one that was
 * proven optimal (its choices are a subset of that one's). When the greedy alternative reaches that bound — as
 * many cells, as few members, as many ties — it is optimal too, proven without a solve. Otherwise a small solve,
 * and the better of its answer and the greedy one.
 */
async function selectAlternative(
  input: SelectionInput,
  earlier: Selection[],
  state: SearchState
): Promise<Selection | undefined> {
  const differFrom = earlier.map((s) => s.members);
  const greedy = greedyAlternative(input, differFrom);
  const bound = [...earlier].reverse().find((s) => s.provenOptimal);
  // A greedy cover short of the asked size is not a valid coalition and proves nothing.
  const valid = greedy && (input.size === undefined || greedy.length === input.size);
  if (valid && bound && better(greedy, bound.members, input) === 0) {
    return { members: greedy, method: 'greedy', provenOptimal: true };
  }
  if (!state.exact) return greedySelection(greedy);
  return solveOrGreedy(input, differFrom, EXACT_LIMITS.alternativeMaxNodes, state, greedy);
}

async function solveOrGreedy(
  input: SelectionInput,
  differFrom: string[][],
  maxNodes: number,
  state: SearchState,
  greedy?: string[]
): Promise<Selection | undefined> {
  const outcome = await solveExact({ ...input, differFrom, maxNodes, timeLimitSeconds: EXACT_LIMITS.timeLimitSeconds });
  if (outcome.status === 'infeasible') return undefined;
  if (outcome.status === 'optimal') return { members: outcome.members, method: 'exact', provenOptimal: true };
  // Out of budget or failed: the remaining coalitions are chosen greedily, so one request never waits twice.
  state.exact = false;
  const fallback = greedy ?? greedyAlternative(input, differFrom);
  if (outcome.status === 'limit-reached' && (!fallback || better(outcome.members, fallback, input) >= 0)) {
    return { members: outcome.members, method: 'exact', provenOptimal: false };
  }
  return greedySelection(fallback);
}

function greedySelection(members: string[] | undefined): Selection | undefined {
  return members ? { members, method: 'greedy', provenOptimal: false } : undefined;
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
