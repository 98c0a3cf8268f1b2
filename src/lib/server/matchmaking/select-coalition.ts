/**
 * Chooses the proposal and its alternatives, and says how: the proposal exactly with HiGHS where the problem is
 * small enough (exact-cover.ts), otherwise — or when the solver fails or runs out of nodes — greedily
 * (set-cover-cells.ts); the alternatives greedily. Each alternative differs from every earlier coalition in at least
 * half of its freely chosen members.
 */
import { cellKeysOf, tiesAmong, type CellCandidate } from './cells';
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
 * Only the proposal is solved; alternatives are greedy (see `selectAlternative`).
 */
export const EXACT_LIMITS = {
  candidates: 800,
  cells: 1200,
  maxNodes: 200,
  timeLimitSeconds: 10
} as const;

export async function selectCoalitions(input: SelectionInput, alternatives: number): Promise<Selection[]> {
  const out: Selection[] = [];
  const seen = new Set<string>();
  for (let n = 0; n <= alternatives; n++) {
    const chosen = n === 0 ? await selectProposal(input) : selectAlternative(input, out);
    if (!chosen || (n > 0 && chosen.members.length === 0)) break;
    const key = [...chosen.members].sort().join(' ');
    if (seen.has(key)) break;
    seen.add(key);
    out.push(chosen);
  }
  return out;
}

/** Exactly when the model is small enough; the greedy cover when not, or when the solver fails or runs out. */
async function selectProposal(input: SelectionInput): Promise<Selection | undefined> {
  const cells = input.themes.length * input.countries.length;
  const greedy = () => greedyAlternative(input, []);
  const solvable =
    input.candidates.length > 0 && input.candidates.length <= EXACT_LIMITS.candidates && cells <= EXACT_LIMITS.cells;
  if (!solvable) return greedySelection(greedy());
  const { maxNodes, timeLimitSeconds } = EXACT_LIMITS;
  const outcome = await solveExact({ ...input, maxNodes, timeLimitSeconds });
  if (outcome.status === 'infeasible') return undefined;
  if (outcome.status === 'optimal') return { members: outcome.members, method: 'exact', provenOptimal: true };
  const fallback = greedy();
  if (outcome.status === 'limit-reached' && (!fallback || better(outcome.members, fallback, input) >= 0)) {
    return { members: outcome.members, method: 'exact', provenOptimal: false };
  }
  return greedySelection(fallback);
}

/**
 * Alternatives are chosen greedily, without a solve: HiGHS settles each at its root node, but that root costs ~3×
 * the proposal's solve, and three of them were most of a request's time (docs/benchmarks.md). An alternative must
 * differ from every earlier coalition, so it can never beat the last earlier one HiGHS proved optimal (its
 * choices are a subset of that one's). When the greedy alternative reaches that bound — as many cells, as few
 * members, as many ties — it is proven optimal too; otherwise it says it is not
 * (docs/decisions/0035-coalition-alternatives-greedy-with-a-proof.md).
 */
function selectAlternative(input: SelectionInput, earlier: Selection[]): Selection | undefined {
  const greedy = greedyAlternative(
    input,
    earlier.map((s) => s.members)
  );
  if (!greedy) return undefined;
  // The last proven one is the tightest bound: each alternative's choices are a subset of the one before's.
  const bound = [...earlier].reverse().find((s) => s.provenOptimal);
  // A greedy cover short of the asked size is not a valid coalition and proves nothing.
  const valid = input.size === undefined || greedy.length === input.size;
  const proven = valid && bound !== undefined && better(greedy, bound.members, input) === 0;
  return { members: greedy, method: 'greedy', provenOptimal: proven };
}

function greedySelection(members: string[] | undefined): Selection | undefined {
  return members ? { members, method: 'greedy', provenOptimal: false } : undefined;
}

/**
 * The best greedy coalition differing from each earlier one. Leaving out any half (at least one) of each earlier
 * coalition's freely chosen members satisfies the "differ" rule; which half matters, so a few choices are tried
 * — the leading half (the widest members), the trailing half, every other member from the first or the second —
 * and the best cover is kept. Undefined when nobody is left to choose from.
 */
function greedyAlternative(input: SelectionInput, differFrom: string[][]): string[] | undefined {
  if (differFrom.length === 0) return withoutRedundant(greedyCover(input), input);
  // A coalition of forced members only cannot be differed from (the MILP calls this infeasible too).
  if (differFrom.some((members) => members.every((id) => input.include.includes(id)))) return undefined;
  let best: string[] | undefined;
  for (const leaveOut of HALVES) {
    const exclude = differFrom.flatMap((members) => {
      const free = members.filter((id) => !input.include.includes(id));
      return leaveOut(free, requiredChange(free.length));
    });
    const members = withoutRedundant(greedyCover({ ...input, exclude }), input);
    if (!best || better(members, best, input) > 0) best = members;
  }
  return best;
}

/** Ways to pick `count` of an earlier coalition's free members to leave out. */
const HALVES: ((free: string[], count: number) => string[])[] = [
  (free, count) => free.slice(0, count),
  (free, count) => free.slice(free.length - count),
  (free, count) => [...free.filter((_, i) => i % 2 === 0), ...free.filter((_, i) => i % 2 === 1)].slice(0, count),
  (free, count) => [...free.filter((_, i) => i % 2 === 1), ...free.filter((_, i) => i % 2 === 0)].slice(0, count)
];

/**
 * Drops freely chosen members whose every cell another member also covers, last chosen first: greedy picks wide
 * members early, and later picks can make them redundant. Fewer members for the same cells is better by the
 * objective whatever ties are lost. Not with a fixed size, where every seat must stay filled.
 */
function withoutRedundant(members: string[], input: SelectionInput): string[] {
  if (input.size !== undefined) return members;
  const cellsOfMember = cellKeysOf(input);
  const kept = [...members];
  for (let i = kept.length - 1; i >= 0; i--) {
    const id = kept[i]!;
    if (input.include.includes(id)) continue;
    const others = new Set(kept.filter((other) => other !== id).flatMap(cellsOfMember));
    if (cellsOfMember(id).every((cell) => others.has(cell))) kept.splice(i, 1);
  }
  return kept;
}

/** > 0 when `a` is the better coalition: more cells covered, then fewer members, then more ties among them. */
export function better(a: string[], b: string[], input: SelectionInput): number {
  const cellsOfMember = cellKeysOf(input);
  const covered = (members: string[]) => new Set(members.flatMap(cellsOfMember)).size;
  return (
    covered(a) - covered(b) || b.length - a.length || tiesAmong(a, input.ties).length - tiesAmong(b, input.ties).length
  );
}
