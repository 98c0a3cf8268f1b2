import { describe, expect, it } from 'vitest';
import { cacheKey } from './cache';
import { levelOf, visibilityOfLevel } from './levels';

describe('analytics cache keys and levels', () => {
  it('puts the visibility level and the parameters (in a stable order) into the key', () => {
    expect(cacheKey('density', 'public', { toYear: 2025, fromYear: 2020 })).toBe(
      'density:public:{"fromYear":2020,"toYear":2025}'
    );
    expect(cacheKey('density', 'admin', { fromYear: 2020, toYear: 2025 })).not.toBe(
      cacheKey('density', 'public', { fromYear: 2020, toYear: 2025 })
    );
  });

  it('maps viewers to levels and levels to visibility without organisation ids', () => {
    expect(levelOf({ seeMembers: false, seeAll: false, orgIds: [] })).toBe('public');
    expect(levelOf({ seeMembers: true, seeAll: false, orgIds: ['x'] })).toBe('members');
    expect(levelOf({ seeMembers: true, seeAll: true, orgIds: [] })).toBe('admin');
    expect(visibilityOfLevel('members')).toEqual({ seeMembers: true, seeAll: false, orgIds: [] });
  });
});
