/**
 * Drops the candidates no optimal coalition needs before the MILP is built (exact-cover.ts): a candidate A is
 * dominated by a candidate K when K covers every requested cell A covers, is tied to everyone A is tied to, is at
 * least as well connected, and — for an alternative — sits in every earlier coalition that K sits in. Swapping A
 * for K in any coalition then keeps or gains cells, keeps or drops members (when K is already in), keeps or gains
 * ties and connectedness, and keeps every "differ from the earlier coalition" constraint satisfied; so the optimum
 * over the undominated candidates equals the optimum over all of them (property-tested in prune-dominated.test.ts).
 *
 * Ties are required as a subset of K's own (not "except K"), which makes domination transitive: every dropped
 * candidate has an undominated dominator left in the pool. Equal candidates are told apart by id (the smaller one
 * stays), so exactly one of a group of twins is kept and the choice does not depend on row order.
 *
 * With a fixed coalition size the swap may not be possible (K already in would leave one seat empty), so nothing
 * is dropped then. Forced members are never dropped.
 */
import { cellKey, cellsOf, type CellCandidate } from './cells';

export interface PruneInput {
  candidates: CellCandidate[];
  ties: (readonly [string, string])[];
  themes: string[];
  countries: string[];
  include: string[];
  size?: number;
  differFrom?: string[][];
}

export function undominated(input: PruneInput): CellCandidate[] {
  if (input.size !== undefined) return input.candidates;
  const profiles = input.candidates.map((c) => ({
    candidate: c,
    cells: new Set(cellsOf(c, input.themes, input.countries).map((cell) => cellKey(cell.theme, cell.country))),
    neighbours: new Set<string>(),
    // Per earlier coalition, whether the candidate is in it.
    inEarlier: (input.differFrom ?? []).map((members) => members.includes(c.id))
  }));
  const byId = new Map(profiles.map((p) => [p.candidate.id, p]));
  for (const [a, b] of input.ties) {
    if (a === b) continue;
    byId.get(a)?.neighbours.add(b);
    byId.get(b)?.neighbours.add(a);
  }
  const forced = new Set(input.include);
  const dominates = (k: (typeof profiles)[number], a: (typeof profiles)[number]) => {
    if (k === a || k.cells.size < a.cells.size || k.neighbours.size < a.neighbours.size) return false;
    if (k.candidate.degree < a.candidate.degree) return false;
    if (k.inEarlier.some((inK, p) => inK && !a.inEarlier[p])) return false;
    for (const cell of a.cells) if (!k.cells.has(cell)) return false;
    for (const n of a.neighbours) if (!k.neighbours.has(n)) return false;
    const strictlyMore =
      k.cells.size > a.cells.size ||
      k.neighbours.size > a.neighbours.size ||
      k.candidate.degree > a.candidate.degree ||
      k.inEarlier.some((inK, p) => inK !== a.inEarlier[p]);
    return strictlyMore || k.candidate.id < a.candidate.id;
  };
  return profiles
    .filter((a) => forced.has(a.candidate.id) || !profiles.some((k) => dominates(k, a)))
    .map((p) => p.candidate);
}
