import { describe, expect, it } from 'vitest';
import type { CellCandidate } from './cells';
import { greedyCover } from './set-cover-cells';

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
