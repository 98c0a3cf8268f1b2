import { describe, expect, it } from 'vitest';
import { canonicalJson, checksum, sorted } from './checksum';

describe('checksum', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: ['x', null] })).toBe('{"a":["x",null],"b":1}');
    expect(checksum({ id: 'o1', name: 'A', levels: ['LOCAL'] })).toBe(
      checksum({ levels: ['LOCAL'], name: 'A', id: 'o1' })
    );
  });

  it('changes with any value, type or array order', () => {
    const fp = { id: 'o1', foundedYear: 1990, archived: false, themeIds: ['a', 'b'] };
    const sum = checksum(fp);
    expect(checksum({ ...fp, foundedYear: 1991 })).not.toBe(sum);
    expect(checksum({ ...fp, foundedYear: '1990' })).not.toBe(sum);
    expect(checksum({ ...fp, archived: null })).not.toBe(sum);
    expect(checksum({ ...fp, themeIds: ['b', 'a'] })).not.toBe(sum);
  });

  it('sorts set-like arrays by code unit, keeping duplicates', () => {
    expect(sorted(['b', 'B', 'a', 'a'])).toEqual(['B', 'a', 'a', 'b']);
    expect(sorted(null)).toEqual([]);
  });
});
