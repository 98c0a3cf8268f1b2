import { describe, expect, it } from 'vitest';
import { fillUp } from './baselines';

describe('fillUp', () => {
  it('keeps the first ranking, then fills with the fallback, skipping excluded ids and repeats', () => {
    expect(fillUp(['c', 'a'], ['a', 'b', 'self', 'd', 'e'], new Set(['self']), 4)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('cuts the first ranking at k and returns fewer when both run out', () => {
    expect(fillUp(['a', 'b', 'c'], [], new Set(), 2)).toEqual(['a', 'b']);
    expect(fillUp(['a'], ['b'], new Set(['b']), 5)).toEqual(['a']);
  });
});
