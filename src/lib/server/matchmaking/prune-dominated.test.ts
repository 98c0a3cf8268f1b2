import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellCandidate } from './cells';
import { solveExact } from './exact-cover';
import { undominated } from './prune-dominated';
import { better } from './select-coalition';
import { coalitionInstances, withConstraints } from '../../../../tests/factories/coalition-instances';

const THEMES = ['asylum', 'children', 'detention'];
const COUNTRIES = ['BG', 'DE'];

// Few themes, countries and degrees, so that subsets, twins and shared neighbours — what pruning acts on — are common.
const instanceArb = withConstraints(
  coalitionInstances({
    themes: THEMES,
    countries: COUNTRIES,
    candidates: { min: 1, max: 10 },
    maxDegree: 3,
    maxTies: () => 20
  }),
  2
);

const FULL_BUDGET = { maxNodes: 1_000_000, timeLimitSeconds: 10 };

describe('pruning dominated coalition candidates', () => {
  it('drops a candidate whose cells, ties and connectedness another one has, and keeps one of two twins', () => {
    const candidates: CellCandidate[] = [
      { id: 'wide', themes: ['asylum'], countries: ['DE', 'GR'], degree: 5 },
      { id: 'narrow', themes: ['asylum'], countries: ['GR'], degree: 2 },
      { id: 'twin-b', themes: ['children'], countries: ['DE'], degree: 1 },
      { id: 'twin-a', themes: ['children'], countries: ['DE'], degree: 1 },
      // Covers less than 'wide' but is tied to someone 'wide' is not tied to (itself): kept.
      { id: 'tied', themes: ['asylum'], countries: ['DE'], degree: 1 }
    ];
    const input = {
      candidates,
      ties: [['tied', 'wide'] as const],
      themes: ['asylum', 'children'],
      countries: ['DE', 'GR'],
      include: []
    };
    expect(undominated(input).map((c) => c.id)).toEqual(['wide', 'twin-a', 'tied']);
    expect(undominated({ ...input, include: ['narrow'] }).map((c) => c.id)).toContain('narrow');
    expect(undominated({ ...input, size: 3 })).toHaveLength(candidates.length);
  });

  it('keeps a candidate that an earlier coalition left out while its dominator was in it', () => {
    const candidates: CellCandidate[] = [
      { id: 'wide', themes: ['asylum'], countries: ['DE', 'GR'], degree: 5 },
      { id: 'narrow', themes: ['asylum'], countries: ['GR'], degree: 2 }
    ];
    const input = { candidates, ties: [], themes: ['asylum'], countries: ['DE', 'GR'], include: [] };
    expect(undominated({ ...input, differFrom: [['wide']] }).map((c) => c.id)).toEqual(['wide', 'narrow']);
  });

  it('never lowers the optimum: cells covered, then members, then ties, for a proposal and for alternatives', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, async (inst) => {
        const input = { ...inst, candidates: [...inst.candidates] };
        const full = await solveExact({ ...input, ...FULL_BUDGET, prune: false });
        const pruned = await solveExact({ ...input, ...FULL_BUDGET });
        expect(pruned.status).toBe(full.status);
        if (full.status !== 'optimal' || pruned.status !== 'optimal') return;
        expect(better(pruned.members, full.members, input)).toBe(0);
      }),
      {
        numRuns: 200,
        examples: [
          // Equal covers told apart by a tie: o1 must stay although o0 covers as much, since only o1 is tied to o2.
          [
            {
              candidates: [
                { id: 'o0', themes: ['asylum'], countries: ['BG'], degree: 1 },
                { id: 'o1', themes: ['asylum'], countries: ['BG'], degree: 1 },
                { id: 'o2', themes: ['asylum'], countries: ['DE'], degree: 1 }
              ],
              ties: [['o1', 'o2']],
              themes: ['asylum'],
              countries: ['BG', 'DE'],
              include: [],
              differFrom: []
            }
          ],
          // The same for an alternative: o1 is left out of the earlier coalition, o0 is in it.
          [
            {
              candidates: [
                { id: 'o0', themes: ['asylum'], countries: ['BG', 'DE'], degree: 2 },
                { id: 'o1', themes: ['asylum'], countries: ['BG'], degree: 1 },
                { id: 'o2', themes: ['asylum'], countries: ['DE'], degree: 1 }
              ],
              ties: [],
              themes: ['asylum'],
              countries: ['BG', 'DE'],
              include: [],
              differFrom: [['o0']]
            }
          ]
        ]
      }
    );
  }, 120_000);
});
