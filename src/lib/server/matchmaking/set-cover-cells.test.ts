import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKeysOf, type CellCandidate } from './cells';
import { COVER_WEIGHTS, greedyCover, type CoverInput } from './set-cover-cells';

const c = (id: string, themes: string[], countries: string[], degree = 0): CellCandidate => ({
  id,
  themes,
  countries,
  degree
});

describe('greedyCover over (theme, country) cells', () => {
  it('covers the cells with few organisations, widest first, and stops when all are covered', () => {
    const members = greedyCover({
      candidates: [
        c('a', ['t'], ['DE']),
        c('b', ['t'], ['DE', 'FR', 'IT']),
        c('c', ['t'], ['GR']),
        c('d', ['t'], ['FR'])
      ],
      ties: [],
      themes: ['t'],
      countries: ['DE', 'FR', 'IT', 'GR'],
      include: []
    });
    expect(members).toEqual(['b', 'c']);
  });

  it('needs a member for a theme nobody else covers, even where the country is already covered', () => {
    const members = greedyCover({
      candidates: [c('wide', ['asylum'], ['DE', 'GR']), c('atd', ['detention'], ['GR'])],
      ties: [],
      themes: ['asylum', 'detention'],
      countries: ['DE', 'GR'],
      include: []
    });
    expect(members).toEqual(['wide', 'atd']);
  });

  it('prefers a candidate tied to the members already chosen when coverage is equal', () => {
    const members = greedyCover({
      candidates: [c('wide', ['t'], ['DE', 'FR']), c('loner', ['t'], ['GR'], 50), c('friend', ['t'], ['GR'], 1)],
      ties: [['friend', 'wide']],
      themes: ['t'],
      countries: ['DE', 'FR', 'GR'],
      include: []
    });
    expect(members).toEqual(['wide', 'friend']);
  });

  it('forces included organisations in first and never picks excluded ones', () => {
    const members = greedyCover({
      candidates: [c('x', [], []), c('best', ['t'], ['DE', 'FR']), c('de', ['t'], ['DE']), c('fr', ['t'], ['FR'])],
      ties: [],
      themes: ['t'],
      countries: ['DE', 'FR'],
      include: ['x'],
      exclude: ['best']
    });
    expect(members[0]).toBe('x');
    expect(members).not.toContain('best');
    expect([...members].sort()).toEqual(['de', 'fr', 'x']);
  });

  it('fills up to a requested size, best connected first once nothing new is covered', () => {
    const members = greedyCover({
      candidates: [c('a', ['t'], ['DE'], 3), c('b', ['t'], ['DE'], 9), c('c', ['t'], ['DE'], 1)],
      ties: [],
      themes: ['t'],
      countries: ['DE', 'MT'],
      include: [],
      size: 2
    });
    expect(members).toEqual(['b', 'a']);
  });

  it('is deterministic on ties', () => {
    const input = {
      candidates: [c('z', ['t'], ['DE']), c('m', ['t'], ['DE']), c('a', ['t'], ['DE'])],
      ties: [] as [string, string][],
      themes: ['t'],
      countries: ['DE'],
      include: []
    };
    expect(greedyCover(input)).toEqual(['a']);
  });
});

/** The greedy rule recounted from scratch on every step: what greedyCover's running counts must always equal. */
function recountingGreedy(input: CoverInput): string[] {
  const cellsOf = cellKeysOf(input);
  const maxDegree = Math.max(1, ...input.candidates.map((x) => x.degree));
  const excluded = new Set(input.exclude ?? []);
  const chosen: string[] = [];
  const covered = new Set<string>();
  const choose = (id: string) => {
    chosen.push(id);
    for (const key of cellsOf(id)) covered.add(key);
  };
  const known = new Set(input.candidates.map((x) => x.id));
  for (const id of input.include) if (known.has(id) && !chosen.includes(id)) choose(id);
  const tied = (a: string, b: string) => input.ties.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  while (chosen.length < (input.size ?? Infinity)) {
    let best: { id: string; utility: number; fresh: number } | undefined;
    for (const x of input.candidates) {
      if (excluded.has(x.id) || chosen.includes(x.id)) continue;
      const fresh = cellsOf(x.id).filter((key) => !covered.has(key)).length;
      const ties = chosen.filter((m) => m !== x.id && tied(x.id, m)).length;
      const utility =
        COVER_WEIGHTS.cover * fresh +
        COVER_WEIGHTS.tie * ties +
        COVER_WEIGHTS.degree * (Math.log1p(x.degree) / Math.log1p(maxDegree));
      if (!best || utility > best.utility || (utility === best.utility && x.id < best.id)) {
        best = { id: x.id, utility, fresh };
      }
    }
    if (!best || (input.size === undefined && best.fresh === 0)) break;
    choose(best.id);
  }
  return chosen;
}

describe('greedyCover keeps running counts', () => {
  const THEMES = ['t1', 't2', 't3'];
  const COUNTRIES = ['DE', 'FR', 'GR', 'IT'];
  const inputs = fc
    .uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 14 })
    .chain((ids) =>
      fc.record({
        candidates: fc.tuple(
          ...ids.map((id) =>
            fc.record({
              id: fc.constant(`o${id}`),
              themes: fc.subarray(THEMES),
              countries: fc.subarray(COUNTRIES),
              degree: fc.integer({ min: 0, max: 40 })
            })
          )
        ),
        ties: fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 20 }),
        themes: fc.subarray(THEMES, { minLength: 1 }),
        countries: fc.subarray(COUNTRIES, { minLength: 1 }),
        include: fc.subarray(
          ids.map((id) => `o${id}`),
          { maxLength: Math.min(2, ids.length) }
        ),
        exclude: fc.subarray(
          ids.map((id) => `o${id}`),
          { maxLength: Math.min(3, ids.length) }
        ),
        size: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined })
      })
    )
    .map(({ ties, ...rest }) => ({
      ...rest,
      ties: ties.map(([a, b]) => [`o${a}`, `o${b}`] as [string, string])
    }));

  it('chooses exactly what recounting every candidate on every step chooses', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(greedyCover(input)).toEqual(recountingGreedy(input));
      }),
      { numRuns: 400 }
    );
  });
});
