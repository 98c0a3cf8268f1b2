import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKey, coverageOf, requestedCells, summariseCoverage, type CellCandidate } from './cells';
import { solveExact } from './exact-cover';
import { better, selectCoalitions } from './select-coalition';
import { greedyCover } from './set-cover-cells';
import { coalitionInstances } from '../../../../tests/factories/coalition-instances';

const THEMES = ['asylum', 'children', 'detention'];
const COUNTRIES = ['BG', 'DE', 'GR', 'HU'];

const instanceArb = coalitionInstances({
  themes: THEMES,
  countries: COUNTRIES,
  candidates: { min: 1, max: 9 },
  maxDegree: 40,
  maxTies: () => 12
});

/** Brute force: the cells some member covers, straight from the members' own lists. */
function coveredByBruteForce(members: string[], candidates: CellCandidate[], themes: string[], countries: string[]) {
  const keys = new Set<string>();
  for (const id of members) {
    const c = candidates.find((x) => x.id === id)!;
    for (const t of c.themes)
      for (const k of c.countries) if (themes.includes(t) && countries.includes(k)) keys.add(cellKey(t, k));
  }
  return keys;
}

describe('exact coalition selection (HiGHS)', () => {
  it('needs fewer members than greedy where greedy takes the widest first', async () => {
    const candidates: CellCandidate[] = [
      { id: 'wide', themes: ['asylum', 'children'], countries: ['BG', 'DE'], degree: 0 },
      { id: 'asylum', themes: ['asylum'], countries: ['BG', 'DE', 'GR'], degree: 0 },
      { id: 'children', themes: ['children'], countries: ['BG', 'DE', 'GR'], degree: 0 }
    ];
    const input = { candidates, ties: [], themes: ['asylum', 'children'], countries: ['BG', 'DE', 'GR'], include: [] };
    expect(greedyCover(input)).toHaveLength(3);
    const [best] = await selectCoalitions(input, 0);
    expect(best).toEqual({ members: ['asylum', 'children'], method: 'exact', provenOptimal: true });
  });

  it('prefers members tied to each other among equally small covers', async () => {
    const candidates: CellCandidate[] = [
      { id: 'a', themes: ['asylum'], countries: ['DE'], degree: 30 },
      { id: 'b', themes: ['asylum'], countries: ['GR'], degree: 30 },
      { id: 'c', themes: ['asylum'], countries: ['GR'], degree: 0 }
    ];
    const input = { candidates, ties: [['a', 'c'] as const], themes: ['asylum'], countries: ['DE', 'GR'], include: [] };
    const [best] = await selectCoalitions(input, 0);
    expect([...best!.members].sort()).toEqual(['a', 'c']);
  });

  it('never covers fewer cells than greedy, nor uses more members for as many cells; alternatives differ by half', async () => {
    await fc.assert(
      fc.asyncProperty(
        instanceArb,
        fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }),
        async (inst, size) => {
          const input = { ...inst, include: [], size };
          const greedy = greedyCover(input);
          const outcome = await solveExact({ ...input, maxNodes: 1_000_000, timeLimitSeconds: 5 });
          expect(outcome.status).toBe('optimal');
          if (outcome.status !== 'optimal') return;
          const exactCells = coveredByBruteForce(outcome.members, inst.candidates, inst.themes, inst.countries).size;
          const greedyCells = coveredByBruteForce(greedy, inst.candidates, inst.themes, inst.countries).size;
          expect(exactCells).toBeGreaterThanOrEqual(greedyCells);
          if (size === undefined && exactCells === greedyCells)
            expect(outcome.members.length).toBeLessThanOrEqual(greedy.length);
          expect(better(outcome.members, greedy, input)).toBeGreaterThanOrEqual(0);

          const selections = await selectCoalitions(input, 3);
          for (let i = 1; i < selections.length; i++) {
            for (let j = 0; j < i; j++) {
              const earlier = selections[j]!.members;
              const kept = earlier.filter((id) => selections[i]!.members.includes(id)).length;
              expect(earlier.length - kept).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(earlier.length / 2)));
            }
          }
        }
      ),
      { numRuns: 50 }
    );
  }, 120_000);

  it('calls an alternative proven optimal only when no coalition differing as required is better', async () => {
    let provenWithoutSolve = 0;
    await fc.assert(
      fc.asyncProperty(
        instanceArb,
        fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }),
        async (inst, size) => {
          const input = { ...inst, include: [], size };
          const selections = await selectCoalitions(input, 3);
          for (let i = 1; i < selections.length; i++) {
            const alternative = selections[i]!;
            if (!alternative.provenOptimal) continue;
            if (alternative.method === 'greedy') provenWithoutSolve++;
            // The truth: the same alternative problem solved to the end, without pruning.
            const differFrom = selections.slice(0, i).map((s) => s.members);
            const truth = await solveExact({
              ...input,
              differFrom,
              maxNodes: 1_000_000,
              timeLimitSeconds: 5,
              prune: false
            });
            expect(truth.status).toBe('optimal');
            if (truth.status === 'optimal') expect(better(alternative.members, truth.members, input)).toBe(0);
          }
        }
      ),
      { numRuns: 100 }
    );
    // The bound must actually settle some alternatives here, or this test would check only HiGHS.
    expect(provenWithoutSolve).toBeGreaterThan(0);
  }, 120_000);

  it('reports as covered exactly the cells its members cover, and names every missing cell', () => {
    fc.assert(
      fc.property(instanceArb, fc.array(fc.nat(8), { maxLength: 5 }), (inst, picks) => {
        const members = [...new Set(picks.map((p) => inst.candidates[p % inst.candidates.length]!.id))];
        const byId = new Map(inst.candidates.map((c) => [c.id, c]));
        const coverage = coverageOf(members, byId, inst.themes, inst.countries);
        const summary = summariseCoverage(coverage, inst.themes, inst.countries);
        const truth = coveredByBruteForce(members, inst.candidates, inst.themes, inst.countries);
        expect(new Set(summary.covered.map((c) => cellKey(c.theme, c.country)))).toEqual(truth);
        const all = requestedCells(inst.themes, inst.countries).map((c) => cellKey(c.theme, c.country));
        expect(summary.missing.map((c) => cellKey(c.theme, c.country))).toEqual(all.filter((k) => !truth.has(k)));
        for (const theme of summary.uncoveredThemes)
          expect([...truth].some((k) => k.startsWith(`${theme}|`))).toBe(false);
        for (const country of summary.uncoveredCountries)
          expect([...truth].some((k) => k.endsWith(`|${country}`))).toBe(false);
      }),
      { numRuns: 300 }
    );
  });
});
