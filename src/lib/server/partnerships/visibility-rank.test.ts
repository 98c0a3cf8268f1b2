import { describe, expect, it } from 'vitest';
import { isNarrowing, isWidening, levelsLosingSight } from './visibility-rank';

describe('visibility order', () => {
  it('PRIVATE < MEMBERS < PUBLIC', () => {
    expect(isNarrowing('PUBLIC', 'MEMBERS')).toBe(true);
    expect(isNarrowing('MEMBERS', 'PRIVATE')).toBe(true);
    expect(isNarrowing('PRIVATE', 'PUBLIC')).toBe(false);
    expect(isWidening('PRIVATE', 'MEMBERS')).toBe(true);
    expect(isWidening('PUBLIC', 'PUBLIC')).toBe(false);
    expect(isNarrowing('PUBLIC', 'PUBLIC')).toBe(false);
  });
});

describe('levelsLosingSight (which cached analytics levels must be recomputed)', () => {
  it.each([
    ['PUBLIC', 'MEMBERS', ['public']],
    ['PUBLIC', 'PRIVATE', ['public', 'members']],
    ['MEMBERS', 'PRIVATE', ['members']],
    ['PRIVATE', 'PUBLIC', []],
    ['MEMBERS', 'PUBLIC', []],
    ['MEMBERS', 'MEMBERS', []]
  ] as const)('%s → %s: %j', (from, to, levels) => {
    expect(levelsLosingSight(from, to)).toEqual(levels);
  });
});
