import { describe, expect, it } from 'vitest';
import { canonicalDirectoryParams, directoryFilterOf } from './directory-filter';

describe('saved directory parameters', () => {
  it('are the directory’s canonical URL without paging cursors', () => {
    expect(canonicalDirectoryParams('?country=DE&theme=Legal-Aid&q=%20shelter%20&after=abc&level=local')).toEqual({
      ok: true,
      params: 'q=shelter&theme=legal-aid&country=de&level=local'
    });
  });

  it('name every parameter the directory cannot use', () => {
    const result = canonicalDirectoryParams('level=sideways&country=Germany');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors.map((e) => e.field)).toEqual(['params.country', 'params.level']);
  });

  it('become the same filter the directory page sends', () => {
    expect(directoryFilterOf('q=shelter&theme=legal-aid&country=de&type=ngo')).toEqual({
      query: 'shelter',
      themes: ['legal-aid'],
      countries: ['DE'],
      types: ['NGO']
    });
  });
});
