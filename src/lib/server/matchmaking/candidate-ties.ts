/**
 * The ties among a coalition's candidates, from each candidate's visible partners as the candidate statement
 * returns them (coalition-query.ts) — instead of a second statement walking the candidates' partnerships again.
 */
import type { CellCandidate } from './cells';

/**
 * The visible ties among the candidates, once per pair (smaller id first; in the candidates' order, then by id):
 * each candidate's visible partners among the candidates (`partnersOf` may hold others; they are ignored). Both
 * ends list each other, so the smaller end's list suffices.
 */
export function tiesAmongCandidates(
  candidates: readonly CellCandidate[],
  partnersOf: ReadonlyMap<string, readonly string[]>
): [string, string][] {
  const ids = new Set(candidates.map((c) => c.id));
  return candidates.flatMap(({ id }) =>
    [...new Set(partnersOf.get(id) ?? [])]
      .filter((partner) => id < partner && ids.has(partner))
      .sort()
      .map((partner): [string, string] => [id, partner])
  );
}
