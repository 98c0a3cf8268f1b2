import { describe, expect, it } from 'vitest';
import { countryStatuses, membersByCountry, namedTies, summarise, tiesByMember, type CoalitionData } from './coverage';

const org = (id: string) => ({ id, slug: `org-${id}`, name: `Org ${id.toUpperCase()}` });
const coalition: CoalitionData = {
  requestedCellCount: 8,
  coveredCellCount: 3,
  provenOptimal: true,
  // Legal aid is covered except in Italy; housing nowhere.
  cells: ['legal-aid', 'housing'].flatMap((theme) =>
    ['DE', 'GR', 'IT', 'AT'].map((code) => ({
      theme: { slug: theme },
      country: { code },
      covered: theme === 'legal-aid' && code !== 'IT'
    }))
  ),
  uncoveredThemes: [{ slug: 'housing' }],
  members: [
    { organization: org('a'), coversCountries: [{ code: 'DE' }, { code: 'AT' }] },
    { organization: org('b'), coversCountries: [{ code: 'GR' }, { code: 'DE' }] },
    { organization: org('c'), coversCountries: [] }
  ],
  // Given in the API's order (by id), not the members' order.
  ties: [
    { a: { id: 'c' }, b: { id: 'a' } },
    { a: { id: 'a' }, b: { id: 'b' } }
  ],
  uncoveredCountries: [{ code: 'IT' }]
};
const requested = ['DE', 'GR', 'IT', 'AT'];

describe('coalition coverage', () => {
  it('lists the members working in each requested country, and nobody for a gap', () => {
    expect(membersByCountry(coalition, requested)).toEqual(
      new Map([
        ['DE', ['Org A', 'Org B']],
        ['GR', ['Org B']],
        ['IT', []],
        ['AT', ['Org A']]
      ])
    );
  });

  it('marks covered countries and gaps', () => {
    expect(countryStatuses(coalition, requested)).toEqual(
      new Map([
        ['DE', 'covered'],
        ['GR', 'covered'],
        ['IT', 'gap'],
        ['AT', 'covered']
      ])
    );
  });

  it('summarises members, coverage and ties', () => {
    expect(summarise(coalition, requested)).toEqual({
      members: 3,
      covered: 3,
      requested: 4,
      cellsCovered: 3,
      cellsRequested: 8,
      ties: 2,
      gaps: ['IT'],
      themeGaps: ['housing'],
      partialGaps: []
    });
    // A cell missing although its theme and its country are each covered elsewhere is named on its own.
    const partial = {
      ...coalition,
      cells: coalition.cells.map((c) =>
        c.theme.slug === 'legal-aid' && c.country.code === 'GR' ? { ...c, covered: false } : c
      )
    };
    expect(summarise(partial, requested).partialGaps).toEqual([{ theme: 'legal-aid', country: 'GR' }]);
  });

  it('names the ties in the members’ order', () => {
    expect(namedTies(coalition).map((t) => `${t.a.name}–${t.b.name}`)).toEqual(['Org A–Org B', 'Org A–Org C']);
    expect(tiesByMember(coalition)).toEqual(
      new Map([
        ['a', ['Org B', 'Org C']],
        ['b', ['Org A']],
        ['c', ['Org A']]
      ])
    );
  });
});
