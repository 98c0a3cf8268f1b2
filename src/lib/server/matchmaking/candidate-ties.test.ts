import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tiesAmongCandidates } from './candidate-ties';
import type { CellCandidate } from './cells';

const candidate = (id: string): CellCandidate => ({ id, themes: [], countries: [], degree: 0 });

describe('tiesAmongCandidates', () => {
  it('lists each partnership between two candidates once, smaller id first, and nothing reaching outside', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const pair = fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 20 }), fc.subarray(ids), (partnerships, chosen) => {
        // Partners as the candidate statement returns them: every visible partner, on both ends, repeats allowed.
        const partnersOf = new Map<string, string[]>(ids.map((id) => [id, []]));
        for (const [a, b] of partnerships) {
          partnersOf.get(a)!.push(b);
          partnersOf.get(b)!.push(a);
        }
        const expected = new Set(
          partnerships
            .filter(([a, b]) => a !== b && chosen.includes(a) && chosen.includes(b))
            .map(([a, b]) => (a < b ? `${a} ${b}` : `${b} ${a}`))
        );
        const ties = tiesAmongCandidates(chosen.map(candidate), partnersOf);
        expect(ties.map(([a, b]) => `${a} ${b}`).sort()).toEqual([...expected].sort());
        for (const [a, b] of ties) expect(a < b).toBe(true);
      })
    );
  });
});
