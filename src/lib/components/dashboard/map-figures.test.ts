import { describe, expect, it } from 'vitest';
import { mapFigures } from './map-figures';

const countries = [
  { code: 'GR', name: 'Greece' },
  { code: 'IT', name: 'Italy' },
  { code: 'RU', name: 'Russia' }
];
const facet = (counts: Record<string, number>) =>
  Object.entries(counts).map(([code, count]) => ({ count, country: { code } }));

describe('mapFigures', () => {
  it('scopes to the countries where someone works and takes the directory count as it is (never a sum)', () => {
    const { figures, scope } = mapFigures(countries, facet({ GR: 3, IT: 1, US: 4 }), null);
    expect(scope).toEqual(['GR', 'IT']); // Russia: nobody works there; the US: not a European country
    expect(figures.map((f) => [f.country.code, f.organizations])).toEqual([
      ['GR', 3],
      ['IT', 1]
    ]);
  });

  it("shows the chosen theme's counts over the same scope, 0 where nobody works on it", () => {
    const { figures, scope } = mapFigures(countries, facet({ GR: 3, IT: 1 }), facet({ GR: 2 }));
    expect(scope).toEqual(['GR', 'IT']);
    expect(figures.map((f) => f.organizations)).toEqual([2, 0]);
  });
});
