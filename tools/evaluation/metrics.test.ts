import { describe, expect, it } from 'vitest';
import { firstHitRank, summarize } from './metrics';

describe('ranking metrics', () => {
  it('finds the rank of the first relevant item', () => {
    expect(firstHitRank(['a', 'b', 'c'], new Set(['c', 'b']))).toBe(2);
    expect(firstHitRank(['a'], new Set(['x']))).toBeNull();
  });

  it('averages Hits@10, Hits@50 and MRR over queries, misses counting 0', () => {
    expect(summarize([1, 12, null, 4])).toEqual({
      queries: 4,
      hitsAt10: 0.5,
      hitsAt50: 0.75,
      mrr: (1 + 1 / 12 + 1 / 4) / 4
    });
    expect(summarize([])).toEqual({ queries: 0, hitsAt10: 0, hitsAt50: 0, mrr: 0 });
  });
});
