import { describe, expect, it } from 'vitest';
import { Coverage, measureOf, packRows, unpackRows, type MatrixCell } from './coverage';

const themes = [
  { slug: 'children', name: 'Children', children: [{ slug: 'age-assessment', name: 'Age assessment' }] },
  { slug: 'health', name: 'Health', children: [] }
];
const countries = [
  { code: 'AT', name: 'Austria' },
  { code: 'GR', name: 'Greece' },
  { code: 'VA', name: 'Vatican City' }
];

function cell(themeSlug: string, countryCode: string, over: Partial<MatrixCell>): MatrixCell {
  return {
    themeSlug,
    countryCode,
    organizations: 0,
    partnershipsWithin: 0,
    partnershipsAcross: 0,
    grants: 0,
    grantsEur: 0,
    otherCurrencyGrants: 0,
    gaps: [],
    severity: null,
    rank: null,
    neighbourCountryCodes: [],
    ...over
  };
}

const cells: MatrixCell[] = [
  cell('children', 'GR', {
    organizations: 5,
    partnershipsWithin: 2,
    partnershipsAcross: 3,
    grants: 2,
    grantsEur: 9000
  }),
  cell('age-assessment', 'GR', { organizations: 2, gaps: ['THIN', 'ISOLATED'], severity: 1, rank: 3 }),
  cell('health', 'GR', { organizations: 1, gaps: ['THIN'], grantsEur: 100, severity: 1, rank: 2 }),
  cell('children', 'AT', { organizations: 4, gaps: ['ISOLATED'], severity: 1, rank: 4 }),
  cell('health', 'AT', { gaps: ['NONE'], severity: 3, rank: 1, neighbourCountryCodes: ['GR', 'XX'] }),
  // Vatican City: nobody works there at all, so the API leaves it out of the gap scope (no rank).
  cell('children', 'VA', { gaps: ['NONE'] })
];

describe('Coverage', () => {
  const coverage = new Coverage({ themes, countries, cells, funderMoney: null });

  it('keeps countries where someone works as columns and names the empty ones', () => {
    expect(coverage.columns.map((c) => c.code)).toEqual(['AT', 'GR']);
    expect(coverage.emptyCountries.map((c) => c.code)).toEqual(['VA']);
  });

  it('shows sub-theme rows only under expanded themes', () => {
    expect(coverage.rows([]).map((r) => r.slug)).toEqual(['children', 'health']);
    const rows = coverage.rows(['children']);
    expect(rows.map((r) => [r.slug, r.parent])).toEqual([
      ['children', null],
      ['age-assessment', 'children'],
      ['health', null]
    ]);
    expect(rows[0]!.hasChildren).toBe(true);
  });

  it('packs heatmap rows for the page and unpacks them to the same rows', () => {
    const rows = coverage.rows(['children']);
    const packed = packRows(rows);
    expect(packed[0]!.cells[0]).toEqual([4, 0, 0, 0, 0, 0, 'ISOLATED', 1, 4, []]);
    expect(packed.find((r) => r.slug === 'health')!.cells[0]![9]).toEqual(['GR']);
    expect(unpackRows(JSON.parse(JSON.stringify(packed)), coverage.columns)).toEqual(rows);
  });

  it('reads a missing cell as an empty gap', () => {
    const empty = coverage.cell('health', { code: 'VA', name: 'Vatican City' });
    expect(empty.organizations).toBe(0);
    expect(empty.gaps).toEqual(['NONE']);
  });

  it('measures organisations, ties (within + across) and money', () => {
    const greece = coverage.cell('children', countries[1]!);
    expect(measureOf(greece, 'organizations')).toBe(5);
    expect(measureOf(greece, 'ties')).toBe(5);
    expect(measureOf(greece, 'money')).toBe(9000);
  });

  it('sums a measure per country over the top-level themes and counts themes with gaps', () => {
    const totals = coverage.countryTotals('organizations');
    expect(totals.map((t) => [t.country.code, t.value, t.gapThemes, t.themes])).toEqual([
      ['AT', 4, 2, 2],
      ['GR', 6, 1, 2],
      ['VA', 0, 2, 2]
    ]);
    // Whatever the measure, `organizations` tells a country nobody works in (a gap on the map).
    expect(coverage.countryTotals('ties').map((t) => [t.country.code, t.value, t.organizations])).toEqual([
      ['AT', 0, 4],
      ['GR', 5, 6],
      ['VA', 0, 0]
    ]);
  });

  it("lists the API's ranked gaps, empty cells and sub-themes included, most severe first by default", () => {
    const bySeverity = coverage.gaps('severity', 'asc');
    expect(bySeverity.map((g) => `${g.theme.slug}|${g.country.code}`)).toEqual([
      'health|AT',
      'health|GR',
      'age-assessment|GR',
      'children|AT'
    ]);
    expect(bySeverity[2]!.theme.parentName).toBe('Children');
    // Neighbours are named countries; a code the dashboard does not know is left out.
    expect(bySeverity[0]!.neighbours).toEqual([{ code: 'GR', name: 'Greece' }]);
    expect(coverage.gaps('severity', 'desc')[0]!.rank).toBe(4);
    expect(coverage.gaps('organizations', 'asc')[0]!.organizations).toBe(0);
    expect(coverage.gaps('country', 'desc').map((g) => g.country.code)).toEqual(['GR', 'GR', 'AT', 'AT']);
    expect(coverage.gaps('money', 'desc')[0]!.theme.slug).toBe('health');
  });

  it("uses a funder's own money instead of the matrix's when given", () => {
    const funded = new Coverage({
      themes,
      countries,
      cells,
      funderMoney: new Map([['health|AT', { grants: 1, eur: 700, otherCurrencyGrants: 0 }]])
    });
    expect(funded.cell('health', countries[0]!).eur).toBe(700);
    expect(funded.cell('children', countries[1]!).eur).toBe(0);
    expect(funded.countryTotals('money').find((t) => t.country.code === 'AT')?.value).toBe(700);
  });
});
