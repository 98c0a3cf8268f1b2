import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { themeRows } from '../../../../prisma/reference/themes';
import { readFlatCsv } from './flat-csv';
import { ATLAS_THEME_VOCABULARY, mappedThemes, themeOfClassification } from './theme-mapping';
import { validatePackage } from './validate';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../tests/fixtures/360giving/${name}`, import.meta.url), 'utf8');

describe('validatePackage', () => {
  it('accepts the sample package', () => {
    expect(validatePackage(JSON.parse(fixture('sample-package.json')))).toEqual([]);
  });

  it('names grant, path and reason for every problem of the malformed one', () => {
    const problems = validatePackage(JSON.parse(fixture('malformed-package.json')));
    expect(problems).toEqual(
      expect.arrayContaining([
        { grant: 0, path: '/fundingOrganization', reason: 'is required by the 360Giving standard' },
        { grant: 0, path: '/awardDate', reason: 'must be a date (must match format "date")' },
        expect.objectContaining({ grant: 1, path: '/currency' }),
        { grant: 1, path: '/amountAwarded', reason: 'must be number' }
      ])
    );
    expect(problems.filter((p) => p.grant === 2)).toEqual([]);
  });

  it('reports a package without grants at package level', () => {
    expect(validatePackage({})).toEqual([
      { grant: null, path: '/grants', reason: 'is required by the 360Giving standard' }
    ]);
  });
});

describe('readFlatCsv', () => {
  it('rebuilds the JSON shape from flat titles, numbered list items included', () => {
    const { grants, lines, unknownColumns } = readFlatCsv(fixture('sample-respelled.csv'));
    expect(lines).toEqual([2, 3]);
    expect(unknownColumns).toEqual([]);
    expect(grants[1]).toEqual({
      id: '360G-examplefund-2025-004',
      title: 'Second year of the detention pilot',
      currency: 'GBP',
      amountAwarded: 60000,
      awardDate: '2026-01-15',
      recipientOrganization: [{ id: 'GB-COH-07654321', name: 'Detention Action Network Limited' }],
      fundingOrganization: [{ id: 'GB-CHC-1099999', name: 'Example Migration Fund (UK)' }],
      beneficiaryLocation: [{ countryCode: 'GB' }, { countryCode: 'IE' }],
      classifications: [{ vocabulary: 'EPIM-Priority', code: 'ATD' }]
    });
    expect(validatePackage({ grants })).toEqual([]);
  });

  it('keeps a non-numeric amount as text for the schema to reject, and lists unknown columns', () => {
    const { grants, unknownColumns } = readFlatCsv('Identifier,Amount Awarded,Colour\n360G-x-1,"1,000",blue\n');
    expect(grants[0]).toEqual({ id: '360G-x-1', amountAwarded: '1,000' });
    expect(unknownColumns).toEqual(['Colour']);
  });
});

describe('classification → theme mapping table', () => {
  it('maps by code, by title case-insensitively, and the Atlas vocabulary by slug', () => {
    expect(themeOfClassification({ vocabulary: 'EPIM-Priority', code: 'ATD' })).toBe('alternatives-to-detention');
    expect(themeOfClassification({ vocabulary: 'GrantNav Themes', title: 'legal ADVICE' })).toBe('legal-aid');
    expect(themeOfClassification({ vocabulary: ATLAS_THEME_VOCABULARY, code: 'housing' })).toBe('housing');
    expect(themeOfClassification({ vocabulary: 'Other', code: 'ATD' })).toBeUndefined();
  });

  it('names only themes of the reference vocabulary', () => {
    const slugs = new Set(themeRows().map((t) => t.slug));
    expect(mappedThemes().filter((s) => !slugs.has(s))).toEqual([]);
  });
});
