import { describe, expect, it } from 'vitest';
import { greedyCover, type CoverCandidate } from './set-cover';

const c = (id: string, covers: string[], degree = 0, themeFit = 1): CoverCandidate => ({
  id,
  covers,
  degree,
  themeFit
});

describe('greedyCover', () => {
  it('covers the countries with few organisations, widest first, and stops when all are covered', () => {
    const result = greedyCover({
      candidates: [c('a', ['DE']), c('b', ['DE', 'FR', 'IT']), c('c', ['GR']), c('d', ['FR'])],
      ties: [],
      countries: ['DE', 'FR', 'IT', 'GR'],
      include: []
    });
    expect(result.members).toEqual(['b', 'c']);
    expect(result.uncovered).toEqual([]);
  });

  it('prefers a candidate tied to the members already chosen when coverage is equal', () => {
    const result = greedyCover({
      candidates: [c('wide', ['DE', 'FR']), c('loner', ['GR'], 50), c('friend', ['GR'], 1)],
      ties: [['friend', 'wide']],
      countries: ['DE', 'FR', 'GR'],
      include: []
    });
    expect(result.members).toEqual(['wide', 'friend']);
    // One tie among two members: full cohesion.
    expect(result.score).toBeCloseTo(0.6 + 0.25 + 0.15, 10);
  });

  it('forces included organisations in first and never picks excluded ones', () => {
    const result = greedyCover({
      candidates: [c('x', []), c('best', ['DE', 'FR']), c('de', ['DE']), c('fr', ['FR'])],
      ties: [],
      countries: ['DE', 'FR'],
      include: ['x'],
      exclude: ['best']
    });
    expect(result.members[0]).toBe('x');
    expect(result.members).not.toContain('best');
    expect(result.members.sort()).toEqual(['de', 'fr', 'x']);
  });

  it('reports what nobody covers and fills up to a requested size', () => {
    const result = greedyCover({
      candidates: [c('a', ['DE'], 3), c('b', ['DE'], 9), c('c', ['DE'], 1)],
      ties: [],
      countries: ['DE', 'MT'],
      include: [],
      size: 2
    });
    expect(result.uncovered).toEqual(['MT']);
    expect(result.members).toEqual(['b', 'a']);
    expect(result.score).toBeCloseTo(0.6 * 0.5 + 0 + 0.15, 10);
  });

  it('is deterministic on ties', () => {
    const input = {
      candidates: [c('z', ['DE']), c('m', ['DE']), c('a', ['DE'])],
      ties: [] as [string, string][],
      countries: ['DE'],
      include: []
    };
    expect(greedyCover(input).members).toEqual(['a']);
  });
});
