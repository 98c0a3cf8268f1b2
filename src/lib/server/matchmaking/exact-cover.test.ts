import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveExact } from './exact-cover';
import { better } from './select-coalition';
import { coalitionInstances, withConstraints } from '../../../../tests/factories/coalition-instances';

const THEMES = ['asylum', 'children', 'detention'];
const COUNTRIES = ['BG', 'DE', 'GR', 'IT'];
const FULL_BUDGET = { maxNodes: 1_000_000, timeLimitSeconds: 10 };

// Narrow candidates over a wide request with many ties: coalitions of several members, some of them tied and
// overlapping — where a wrongly dropped tie or a wrong "at most one of the two" row would change the optimum.
const instanceArb = withConstraints(
  coalitionInstances({
    themes: THEMES,
    countries: COUNTRIES,
    candidates: { min: 2, max: 9 },
    perCandidate: { min: 1, themes: 2, countries: 2 },
    maxDegree: 3,
    maxTies: (n) => 3 * n,
    minRequestedCountries: 2
  }),
  1
);

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
