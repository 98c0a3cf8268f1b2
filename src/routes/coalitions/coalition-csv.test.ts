import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { COALITION_CSV_COLUMNS, coalitionCsv, coalitionFilename } from './coalition-csv';

const cells = (themes: string[], countries: string[], missing: string[]) =>
  themes.flatMap((theme) =>
    countries.map((code) => ({
      theme: { slug: theme },
      country: { code },
      covered: !missing.includes(`${theme}:${code}`)
    }))
  );

const member = (id: string, name: string, countries: string[]) => ({
  organization: { id, slug: `slug-${id}`, name },
  coversCountries: countries.map((code) => ({ code }))
});

describe('coalitionCsv', () => {
  it('writes one row per member of every coalition, with its countries, ties and the coalition’s gaps', () => {
    const best = {
      requestedCellCount: 6,
      coveredCellCount: 2,
      provenOptimal: true,
      // Housing is missing everywhere, legal aid in Italy.
      cells: cells(
        ['legal-aid', 'housing'],
        ['DE', 'GR', 'IT'],
        ['legal-aid:IT', 'housing:DE', 'housing:GR', 'housing:IT']
      ),
      uncoveredThemes: [{ slug: 'housing' }],
      members: [member('1', 'Alpha, Berlin', ['DE']), member('2', '=Beta', ['GR', 'DE'])],
      ties: [{ a: { id: '1' }, b: { id: '2' } }],
      uncoveredCountries: [{ code: 'IT' }]
    };
    const alternative = {
      requestedCellCount: 6,
      coveredCellCount: 6,
      provenOptimal: false,
      cells: cells(['legal-aid', 'housing'], ['DE', 'GR', 'IT'], []),
      uncoveredThemes: [],
      members: [member('3', 'Gamma', ['DE', 'GR', 'IT'])],
      ties: [],
      uncoveredCountries: []
    };
    const text = coalitionCsv(
      [
        { label: 'proposal', coalition: best },
        { label: 'alternative 1', coalition: alternative }
      ],
      ['DE', 'GR', 'IT'],
      'https://atlas.example'
    );
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...COALITION_CSV_COLUMNS]);
    expect(rows).toEqual([
      {
        coalition: 'proposal',
        position: '1',
        organization: 'Alpha, Berlin',
        slug: 'slug-1',
        profile_url: 'https://atlas.example/organizations/slug-1',
        covers_countries: 'DE',
        tied_with: "'=Beta",
        coalition_gaps: 'IT',
        coalition_missing_themes: 'housing',
        coalition_missing_cells: 'legal-aid:IT;housing:DE;housing:GR;housing:IT',
        coalition_cells_covered: '2/6'
      },
      {
        coalition: 'proposal',
        position: '2',
        organization: "'=Beta",
        slug: 'slug-2',
        profile_url: 'https://atlas.example/organizations/slug-2',
        covers_countries: 'GR;DE',
        tied_with: 'Alpha, Berlin',
        coalition_gaps: 'IT',
        coalition_missing_themes: 'housing',
        coalition_missing_cells: 'legal-aid:IT;housing:DE;housing:GR;housing:IT',
        coalition_cells_covered: '2/6'
      },
      {
        coalition: 'alternative 1',
        position: '1',
        organization: 'Gamma',
        slug: 'slug-3',
        profile_url: 'https://atlas.example/organizations/slug-3',
        covers_countries: 'DE;GR;IT',
        tied_with: '',
        coalition_gaps: '',
        coalition_missing_themes: '',
        coalition_missing_cells: '',
        coalition_cells_covered: '6/6'
      }
    ]);
  });

  it('names the file after what it holds', () => {
    expect(coalitionFilename(['legal-aid', 'housing'], ['DE', 'GR'])).toBe('coalition-legal-aid-housing-de-gr.csv');
    expect(coalitionFilename([], [])).toBe('coalition-proposal.csv');
  });
});
