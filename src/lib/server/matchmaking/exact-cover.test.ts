import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveExact } from './exact-cover';
import { better } from './select-coalition';

const THEMES = ['asylum', 'children', 'detention'];
const COUNTRIES = ['BG', 'DE', 'GR', 'IT'];
const FULL_BUDGET = { maxNodes: 1_000_000, timeLimitSeconds: 10 };

// Narrow candidates over a wide request with many ties: coalitions of several members, some of them tied and
// overlapping — where a wrongly dropped tie or a wrong "at most one of the two" row would change the optimum.
const instanceArb = fc.integer({ min: 2, max: 9 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `o${i}`);
  return fc.record({
    candidates: fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          themes: fc.subarray(THEMES, { minLength: 1, maxLength: 2 }),
          countries: fc.subarray(COUNTRIES, { minLength: 1, maxLength: 2 }),
          degree: fc.nat(3)
        })
      )
    ),
    ties: fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 3 * n }),
    themes: fc.subarray(THEMES, { minLength: 1 }),
    countries: fc.subarray(COUNTRIES, { minLength: 2 }),
    include: fc.subarray(ids, { maxLength: 1 }),
    differFrom: fc.array(fc.subarray(ids, { minLength: 1, maxLength: Math.min(4, n) }), { maxLength: 1 })
  });
});

describe('the coalition MILP', () => {
  it('keeps the optimum when ties between nested candidates become "at most one of the two" rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        instanceArb,
        fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }),
        async (inst, size) => {
          const input = { ...inst, candidates: [...inst.candidates], size, ...FULL_BUDGET };
          const full = await solveExact({ ...input, prune: false });
          const reduced = await solveExact(input);
          expect(reduced.status).toBe(full.status);
          if (full.status !== 'optimal' || reduced.status !== 'optimal') return;
          expect(better(reduced.members, full.members, input)).toBe(0);
        }
      ),
      { numRuns: 500 }
    );
  }, 120_000);
});
