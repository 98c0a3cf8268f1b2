import { describe, expect, it } from 'vitest';
import { coalitionSearch, fieldOfApiPath, parseCoalitionParams, parseView } from './coalition-params';

const known = { themes: new Set(['legal-aid', 'housing', 'homelessness']), countries: new Set(['DE', 'GR', 'IT']) };
const parse = (query: string) => parseCoalitionParams(new URLSearchParams(query), known);

describe('parseCoalitionParams', () => {
  it('reads repeated parameters, normalises case and drops duplicates and empty values', () => {
    const parsed = parse(
      'theme=Legal-Aid&theme=legal-aid&theme=housing&country=de&country=GR&country=&include=a-b&include=&size=4'
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.submitted).toBe(true);
    expect(parsed.request).toEqual({
      themes: ['legal-aid', 'housing'],
      countries: ['DE', 'GR'],
      include: ['a-b'],
      size: 4
    });
  });

  it('treats a first visit as not submitted, but still reports what is missing (for the CSV export)', () => {
    const parsed = parse('');
    expect(parsed.submitted).toBe(false);
    expect(parsed.problems).toEqual([
      { field: 'theme', code: 'required' },
      { field: 'country', code: 'required' }
    ]);
  });

  it('counts an empty form as submitted, so the page says which field is missing', () => {
    const parsed = parse('include=&size=');
    expect(parsed.submitted).toBe(true);
    expect(parsed.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['theme:required', 'country:required']);
  });

  it('names unknown themes and countries with the value given', () => {
    const parsed = parse('theme=legal-aid&theme=gardening&country=DE&country=XX');
    expect(parsed.problems).toEqual([
      { field: 'theme', code: 'unknown', value: 'gardening' },
      { field: 'country', code: 'unknown', value: 'XX' }
    ]);
  });

  it.each(['1', '21', 'four', '3.5', '-2'])('rejects the size %s', (size) => {
    const parsed = parse(`theme=housing&country=DE&size=${size}`);
    expect(parsed.problems).toEqual([{ field: 'size', code: 'invalid' }]);
    expect(parsed.sizeInput).toBe(size);
    expect(parsed.request.size).toBeUndefined();
  });

  it('rejects more must-include organisations than members wanted, and too many of them', () => {
    expect(parse('theme=housing&country=DE&size=2&include=a&include=b&include=c').problems).toEqual([
      { field: 'include', code: 'more-than-size', count: 3, size: 2 }
    ]);
    const many = Array.from({ length: 11 }, (_, i) => `include=org-${i}`).join('&');
    expect(parse(`theme=housing&country=DE&${many}`).problems).toEqual([
      { field: 'include', code: 'too-many', max: 10 }
    ]);
  });
});

describe('coalitionSearch', () => {
  it('writes the canonical query string that parses back to the same request', () => {
    const request = { themes: ['legal-aid', 'housing'], countries: ['DE', 'GR'], include: ['a-b'], size: 3 };
    const search = coalitionSearch(request, { view: 2 });
    expect(search).toBe('theme=legal-aid&theme=housing&country=DE&country=GR&include=a-b&size=3&view=2');
    expect(parse(search).request).toEqual(request);
    expect(coalitionSearch({ themes: ['housing'], countries: ['IT'], include: [] })).toBe('theme=housing&country=IT');
  });
});

describe('parseView', () => {
  it('accepts an existing alternative and falls back to the proposal otherwise', () => {
    expect(parseView(new URLSearchParams('view=2'), 3)).toBe(2);
    expect(parseView(new URLSearchParams('view=4'), 3)).toBe(0);
    expect(parseView(new URLSearchParams('view=x'), 3)).toBe(0);
    expect(parseView(new URLSearchParams(''), 3)).toBe(0);
  });
});

describe('fieldOfApiPath', () => {
  it('maps the API argument paths onto the form fields', () => {
    expect(fieldOfApiPath('themes[2]')).toBe('theme');
    expect(fieldOfApiPath('countries[0]')).toBe('country');
    expect(fieldOfApiPath('size')).toBe('size');
    expect(fieldOfApiPath('include[1]')).toBe('include');
  });
});
