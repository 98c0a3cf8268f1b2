import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, fieldPath, formErrorsOf } from './field-errors';
import { grantSchema } from './grant';
import { networkMembershipSchema } from './network-membership';
import { organizationCreateSchema, organizationUpdateSchema } from './organization';
import { partnershipProposalSchema } from './partnership';
import type { ReferenceData } from './reference';

const ref: ReferenceData = {
  themes: new Map([
    ['legal-aid', 't1'],
    ['statelessness', 't2']
  ]),
  countries: new Set(['DE', 'GR', 'IT'])
};

function errors(result: { success: boolean; error?: unknown }) {
  return result.success ? [] : fieldErrorsOf(result.error as never);
}

describe('fieldPath', () => {
  it('names nested and indexed fields the way clients write them', () => {
    expect(fieldPath(['countries', 2])).toBe('countries[2]');
    expect(fieldPath(['filter', 'themes', 0])).toBe('filter.themes[0]');
    expect(fieldPath([])).toBe('input');
  });
});

describe('formErrorsOf', () => {
  it('maps each field path to its messages, joined in order, for a form action to return', () => {
    expect(
      formErrorsOf([
        { field: 'params.country', message: 'unknown "XX"' },
        { field: 'name', message: 'required' },
        { field: 'params.country', message: 'unknown "YY"' }
      ])
    ).toEqual({ 'params.country': 'unknown "XX"; unknown "YY"', name: 'required' });
    expect(formErrorsOf([])).toEqual({});
  });
});

describe('organization', () => {
  it('normalises codes, drops duplicates and applies defaults', () => {
    const parsed = organizationCreateSchema(ref).parse({
      slug: 'ok-slug',
      name: '  Alpha  ',
      type: 'NGO',
      countries: ['de', 'DE', 'gr'],
      languages: ['EL']
    });
    expect(parsed).toMatchObject({
      name: 'Alpha',
      countries: ['DE', 'GR'],
      languages: ['el'],
      themes: [],
      contactEmailVisibility: 'MEMBERS'
    });
  });

  it('gives one message per bad field, naming it', () => {
    const result = organizationCreateSchema(ref).safeParse({
      slug: '-bad-',
      name: 'Alpha',
      type: 'CLUB',
      countries: ['DEU', 'FR'],
      themes: ['legal-aid', 'nope'],
      languages: ['xx'],
      foundedYear: 1200,
      website: 'example.org',
      contactPhone: 'call me'
    });
    expect(errors(result)).toEqual([
      { field: 'slug', message: 'must be lower-case letters, digits and single hyphens (e.g. "refugee-law-clinic")' },
      { field: 'type', message: expect.stringContaining('must be one of NGO') },
      { field: 'website', message: 'must be an absolute http(s) URL, e.g. https://example.org' },
      { field: 'foundedYear', message: 'must be 1500 or later' },
      { field: 'countries[0]', message: 'must be an ISO 3166-1 alpha-2 country code, e.g. "DE"' },
      { field: 'countries[1]', message: 'is not a known country code' },
      { field: 'themes[1]', message: 'is not a known theme slug' },
      { field: 'languages[0]', message: 'is not an ISO 639-1 language code' },
      { field: 'contactPhone', message: expect.stringContaining('must be a phone number') }
    ]);
  });

  it('rejects a founding year in the future and control characters', () => {
    const next = new Date().getUTCFullYear() + 1;
    const result = organizationUpdateSchema(ref).safeParse({ id: 'x', foundedYear: next, name: 'Bad\u0007Name' });
    expect(errors(result).map((e) => e.field)).toEqual(['name', 'foundedYear']);
  });
});

describe('partnership', () => {
  it('reports self-partnership and unordered dates together with field errors', () => {
    const result = partnershipProposalSchema(ref).safeParse({
      orgAId: 'a',
      orgBId: 'a',
      kind: 'PROJECT',
      themes: ['nope'],
      startDate: '2025-02-01',
      endDate: '2025-01-31'
    });
    expect(
      errors(result)
        .map((e) => e.field)
        .sort()
    ).toEqual(['endDate', 'orgBId', 'themes[0]']);
  });

  it('rejects impossible dates', () => {
    const result = partnershipProposalSchema(ref).safeParse({
      orgAId: 'a',
      orgBId: 'b',
      kind: 'PROJECT',
      startDate: '2025-02-30'
    });
    expect(errors(result)).toEqual([{ field: 'startDate', message: 'must be a date in the form YYYY-MM-DD' }]);
  });
});

describe('network membership', () => {
  it('orders since/until', () => {
    const result = networkMembershipSchema.safeParse({
      networkId: 'n',
      organizationId: 'o',
      since: '2025-01-01',
      until: '2024-01-01'
    });
    expect(errors(result)).toEqual([{ field: 'until', message: 'must be on or after since (2025-01-01)' }]);
  });
});

describe('grant', () => {
  const valid = {
    funderId: 'f',
    recipientId: 'r',
    title: 'Core support',
    amountAwarded: '1000.5',
    currency: 'eur',
    awardDate: '2024-05-01'
  };

  it('accepts a valid grant and normalises the currency', () => {
    expect(grantSchema(ref).parse(valid)).toMatchObject({ currency: 'EUR', visibility: 'PUBLIC', themes: [] });
  });

  it.each([
    ['0', 'must be greater than 0'],
    ['-10', 'must be a decimal number with at most 2 decimals, e.g. "25000.00"'],
    ['1.234', 'must be a decimal number with at most 2 decimals, e.g. "25000.00"'],
    ['1e5', 'must be a decimal number with at most 2 decimals, e.g. "25000.00"']
  ])('rejects amount %s', (amountAwarded, message) => {
    expect(errors(grantSchema(ref).safeParse({ ...valid, amountAwarded }))).toEqual([
      { field: 'amountAwarded', message }
    ]);
  });

  it('rejects unknown currencies, old award dates and self-funding', () => {
    const result = grantSchema(ref).safeParse({ ...valid, currency: 'XYZ', awardDate: '1900-01-01', recipientId: 'f' });
    expect(
      errors(result)
        .map((e) => e.field)
        .sort()
    ).toEqual(['awardDate', 'currency', 'recipientId']);
  });
});
