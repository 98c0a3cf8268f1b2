/**
 * The coalition selection as a mixed-integer linear programme, solved by HiGHS (the `highs` package: HiGHS
 * compiled to WebAssembly, no native add-on; docs/decisions/0013-coalition-cells-and-exact-selection.md).
 *
 *   x_i ∈ {0, 1}  candidate i is a member        y_c ∈ [0, 1]  cell c is covered      z_t ∈ [0, 1]  tie t is inside
 *   maximise  CELL·Σy − MEMBER·Σx + TIE·Σz + Σ bonus_i·x_i
 *   s.t.      y_c ≤ Σ_{i covers c} x_i;   z_t ≤ x_a, z_t ≤ x_b;   x_i = 1 for forced members;
 *             Σx = size (when asked);     for each earlier coalition P: Σ_{i ∈ free(P)} x_i ≤ |free(P)| − change(P)
 * y and z need no integrality: at an integral x the optimum sets them to their 0/1 values. The weights make the
 * objective lexicographic — one more cell beats any number of members and ties, one member fewer beats any number
 * of ties, a tie beats any connectedness bonus — so the answer is "fewest members covering the most cells,
 * preferring members tied to each other", and among equals the better connected.
 */
import loadHighs from 'highs';
import { cellKey, cellsOf, requestedCells, tiesAmong, type CellCandidate } from './cells';
import { undominated } from './prune-dominated';

export interface ExactInput {
  candidates: CellCandidate[];
  ties: (readonly [string, string])[];
  themes: string[];
  countries: string[];
  include: string[];
  size?: number;
  /** Earlier coalitions (member ids) this one must differ from: at least half of their freely chosen members. */
  differFrom?: string[][];
  /**
   * Branch-and-bound nodes HiGHS may process before it returns its best solution so far. A count of work, not of
   * time: the same input gets the same answer on an idle and on a loaded machine.
   */
  maxNodes: number;
  /** Seconds after which HiGHS stops anyway: a safety net far above what the node limit allows. */
  timeLimitSeconds: number;
  /** Drop dominated candidates (prune-dominated.ts) and ties no optimum holds (nestedTies); off only to test that this keeps the optimum. */
  prune?: boolean;
}

export type ExactOutcome =
  | { status: 'optimal'; members: string[] }
  /** The node or time limit stopped the search with a feasible, not proven optimal, selection. */
  | { status: 'limit-reached'; members: string[] }
  /** No selection satisfies the constraints (e.g. no alternative differs enough). */
  | { status: 'infeasible' }
  | { status: 'failed'; reason: string };

type Solver = Awaited<ReturnType<typeof loadHighs>>;
let solver: Promise<Solver> | undefined;

/** The WebAssembly module is compiled once per process; a failed load is retried on the next call. */
function highs(): Promise<Solver> {
  solver ??= loadHighs().catch((error: unknown) => {
    solver = undefined;
    throw error;
  });
  return solver;
}

/** How many of an earlier coalition's freely chosen members must change: at least half, at least one. */
export function requiredChange(freeMembers: number): number {
  return Math.max(1, Math.ceil(freeMembers / 2));
}

export async function solveExact(input: ExactInput): Promise<ExactOutcome> {
  const pool = input.prune === false ? input.candidates : undominated(input);
  let model: string;
  try {
    model = buildModel({ ...input, candidates: pool });
  } catch (error) {
    if (error instanceof Infeasible) return { status: 'infeasible' };
    throw error;
  }
  let run: RunOutcome;
  try {
    run = runModel(await highs(), model, pool.length, input);
  } catch (error) {
    // A WebAssembly abort leaves the module unusable: load a fresh one next time.
    solver = undefined;
    return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  const members = pool.filter((_, i) => run.chosen[i]).map((c) => c.id);
  switch (run.status) {
    case 'optimal':
      return { status: 'optimal', members: orderMembers(members, input) };
    case 'infeasible':
      return { status: 'infeasible' };
    case 'limit':
      // The node (or, under extreme load, time) limit stopped the search. Without an incumbent there is nothing
      // usable: the caller falls back to greedy.
      return run.hasSolution
        ? { status: 'limit-reached', members: orderMembers(members, input) }
        : { status: 'failed', reason: 'limit reached before a first solution' };
    default:
      return { status: 'failed', reason: run.reason };
  }
}

type RunOutcome =
  | { status: 'optimal' | 'infeasible'; chosen: boolean[] }
  | { status: 'limit'; hasSolution: boolean; chosen: boolean[] }
  | { status: 'other'; reason: string; chosen: boolean[] };

/**
 * One solve through the model API rather than `solve()`: when the node limit stops the search, `solve()` reports
 * no solution at all, while the model still holds the best one found (HiGHS' primal solution status 2, feasible).
 */
function runModel(h: Solver, lp: string, columns: number, input: ExactInput): RunOutcome {
  const model = h.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({
      output_flag: false,
      time_limit: input.timeLimitSeconds,
      mip_max_nodes: input.maxNodes,
      // The objective is lexicographic (see above): HiGHS' default relative gap of 1e-4 would accept a coalition
      // with a member too many on a large request. Every weight is at least 1 apart, so a gap below 1 is exact.
      mip_rel_gap: 0,
      mip_abs_gap: 0.5,
      // Every solve ends at the root node; on the hardest bench inputs HiGHS then restarts presolve on the reduced
      // model and redoes the root. Without the restart the slowest of 80 bench inputs took half the time, the rest
      // the same, and every answer was unchanged (docs/decisions/0053-coalition-solver-tail.md).
      mip_allow_restart: false
    });
    model.run();
    const status = model.getModelStatus();
    const codes = h.constants.modelStatus;
    const hasSolution = Number(model.info.get('primal_solution_status')) === FEASIBLE;
    const values = hasSolution ? model.getSolution().colValue : undefined;
    const chosen = Array.from({ length: columns }, (_, i) => {
      // A candidate in no row and without objective weight may be dropped by the LP reader: not chosen.
      const column = model.getColByName(`x${i}`);
      return values !== undefined && column >= 0 && values[column]! > 0.5;
    });
    if (status === codes.optimal) return { status: 'optimal', chosen };
    if (status === codes.infeasible) return { status: 'infeasible', chosen };
    if (status === codes.solutionLimit || status === codes.timeLimit || status === codes.iterationLimit)
      return { status: 'limit', hasSolution, chosen };
    return { status: 'other', reason: `HiGHS model status ${status}`, chosen };
  } finally {
    model.dispose();
  }
}

/** HiGHS' `primal_solution_status` for a feasible point. */
const FEASIBLE = 2;

class Infeasible extends Error {}

function buildModel(input: ExactInput): string {
  const index = new Map(input.candidates.map((c, i) => [c.id, i]));
  const x = (id: string) => `x${index.get(id)}`;
  const include = input.include.filter((id) => index.has(id));
  const cellsByCandidate = input.candidates.map((c) => cellsOf(c, input.themes, input.countries));
  const coveringByCell = new Map<string, number[]>();
  cellsByCandidate.forEach((cells, i) => {
    for (const cell of cells) {
      const key = cellKey(cell.theme, cell.country);
      if (!coveringByCell.has(key)) coveringByCell.set(key, []);
      coveringByCell.get(key)!.push(i);
    }
  });
  const coverable = requestedCells(input.themes, input.countries).filter((c) =>
    coveringByCell.has(cellKey(c.theme, c.country))
  );
  // Once per unordered pair: a duplicated tie must not count twice. Ties no optimal coalition can hold become
  // "at most one of the two" rows instead (nestedTies below).
  const { ties, exclusive } =
    input.prune === false
      ? { ties: tiesAmong([...index.keys()], input.ties), exclusive: [] }
      : nestedTies(tiesAmong([...index.keys()], input.ties), input, cellsByCandidate, index);

  // Lexicographic weights (see the file comment). A minimal cover never needs more free members than cells.
  const maxMembers = Math.min(input.candidates.length, input.size ?? include.length + coverable.length);
  if (input.size !== undefined && include.length > input.size) throw new Infeasible();
  // Every tie, not only those a coalition of maxMembers could hold: a member too many must never pay for itself.
  const tieCap = ties.length;
  const TIE = 1;
  const MEMBER = (tieCap + 1) * TIE;
  const CELL = (maxMembers + 1) * MEMBER;
  const maxDegree = Math.max(1, ...input.candidates.map((c) => c.degree));
  // Below half a tie in total over any selection.
  const bonus = (degree: number) => (0.5 * Math.log1p(degree)) / Math.log1p(maxDegree) / (input.candidates.length + 1);

  const objective: string[] = [];
  coverable.forEach((_, c) => objective.push(`+ ${CELL} y${c}`));
  input.candidates.forEach((cand, i) => objective.push(`- ${round(MEMBER - bonus(cand.degree))} x${i}`));
  ties.forEach((_, t) => objective.push(`+ ${TIE} z${t}`));

  const rows: string[] = [];
  coverable.forEach((cell, c) => {
    const by = coveringByCell.get(cellKey(cell.theme, cell.country))!;
    rows.push(`cell${c}: y${c} ${by.map((i) => `- x${i}`).join(' ')} <= 0`);
  });
  ties.forEach(([a, b], t) => {
    rows.push(`tieA${t}: z${t} - ${x(a)} <= 0`);
    rows.push(`tieB${t}: z${t} - ${x(b)} <= 0`);
  });
  exclusive.forEach(([a, b], e) => rows.push(`nested${e}: ${x(a)} + ${x(b)} <= 1`));
  if (input.size !== undefined) {
    rows.push(`size: ${input.candidates.map((_, i) => `+ x${i}`).join(' ')} = ${maxMembers}`);
  }
  (input.differFrom ?? []).forEach((previous, p) => {
    const free = previous.filter((id) => !input.include.includes(id));
    if (free.length === 0) throw new Infeasible();
    // Members of the earlier coalition that were pruned from this pool count as left out already.
    const inPool = free.filter((id) => index.has(id));
    if (inPool.length === 0) return;
    rows.push(
      `differ${p}: ${inPool.map((id) => `+ ${x(id)}`).join(' ')} <= ${free.length - requiredChange(free.length)}`
    );
  });

  const bounds = [
    ...coverable.map((_, c) => `0 <= y${c} <= 1`),
    ...ties.map((_, t) => `0 <= z${t} <= 1`),
    ...include.map((id) => `1 <= ${x(id)} <= 1`)
  ];
  return [
    'Maximize',
    ` obj: ${wrap(objective.length > 0 ? objective : ['0 x0'])}`,
    'Subject To',
    ...(rows.length > 0 ? rows.map((r) => ` ${wrap(r.split(' '))}`) : [' none: x0 >= 0']),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    'Binary',
    ` ${wrap(input.candidates.map((_, i) => `x${i}`))}`,
    'End'
  ].join('\n');
}

/**
 * The tied pairs where one candidate covers none of the requested cells the other does not: both in a coalition,
 * the narrower one adds no cell, and dropping it gains a member's weight, which outweighs every tie (and keeps
 * every "differ from" row satisfied: those only bound how many members there are). So no optimal coalition holds
 * both, and the tie can never count. Its variable only loosened the LP relaxation (two half-chosen candidates
 * earn half a tie), which is what kept HiGHS' root busy on the slow inputs (decision 0054); the pair becomes a
 * conflict row instead, which tightens it. Not with a fixed size (an extra member may be needed to fill a seat)
 * nor for a forced member (it cannot be dropped). Off with `prune: false`, so tests compare against the full model.
 */
function nestedTies(
  ties: [string, string][],
  input: ExactInput,
  cellsByCandidate: ReturnType<typeof cellsOf>[],
  index: Map<string, number>
): { ties: [string, string][]; exclusive: [string, string][] } {
  if (input.size !== undefined) return { ties, exclusive: [] };
  const forced = new Set(input.include);
  const keys = cellsByCandidate.map((cells) => new Set(cells.map((c) => cellKey(c.theme, c.country))));
  const within = (a: Set<string>, b: Set<string>) => a.size <= b.size && [...a].every((key) => b.has(key));
  const kept: [string, string][] = [];
  const exclusive: [string, string][] = [];
  for (const pair of ties) {
    const [a, b] = pair.map((id) => keys[index.get(id)!]!);
    const nested = !forced.has(pair[0]) && !forced.has(pair[1]) && (within(a!, b!) || within(b!, a!));
    (nested ? exclusive : kept).push(pair);
  }
  return { ties: kept, exclusive };
}

/** Forced members first (in their order), then the rest by how many cells they cover, then by id. */
function orderMembers(members: string[], input: ExactInput): string[] {
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const forced = input.include.filter((id) => members.includes(id));
  const cells = (id: string) => {
    const c = byId.get(id)!;
    return c.themes.length * c.countries.length;
  };
  const rest = members.filter((id) => !forced.includes(id)).sort((a, b) => cells(b) - cells(a) || (a < b ? -1 : 1));
  return [...forced, ...rest];
}

/** LP-format lines stay short: the reader accepts a term list continued over several lines. */
function wrap(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 24) lines.push(terms.slice(i, i + 24).join(' '));
  return lines.join('\n  ');
}

const round = (value: number) => Number(value.toFixed(9));
