import { describe, expect, it } from 'vitest';
import { cellKey, moneyPerCell, type MoneyGrant } from './money';

const grant = (over: Partial<MoneyGrant>): MoneyGrant => ({
  id: 'g',
  amountAwarded: '1000.00',
  currency: 'EUR',
  themes: [],
  countries: [],
  ...over
});

describe('moneyPerCell', () => {
  it('counts a grant in its theme and the parent theme, once per country', () => {
    const cells = moneyPerCell([
      grant({
        id: 'a',
        amountAwarded: '25000.50',
        themes: [{ slug: 'age-assessment', parent: { slug: 'children' } }],
        countries: [{ code: 'GR' }, { code: 'IT' }]
      })
    ]);
    expect([...cells.keys()].sort()).toEqual(['age-assessment|GR', 'age-assessment|IT', 'children|GR', 'children|IT']);
    expect(cells.get(cellKey('children', 'GR'))).toEqual({ grants: 1, eur: 25000.5, otherCurrencyGrants: 0 });
  });

  it('counts a grant once in a parent reached through two of its sub-themes', () => {
    const cells = moneyPerCell([
      grant({
        themes: [
          { slug: 'age-assessment', parent: { slug: 'children' } },
          { slug: 'guardianship', parent: { slug: 'children' } }
        ],
        countries: [{ code: 'GR' }]
      })
    ]);
    expect(cells.get('children|GR')).toEqual({ grants: 1, eur: 1000, otherCurrencyGrants: 0 });
  });

  it('adds EUR amounts and only counts grants in other currencies', () => {
    const cells = moneyPerCell([
      grant({ id: 'a', themes: [{ slug: 'health', parent: null }], countries: [{ code: 'SE' }] }),
      grant({ id: 'b', amountAwarded: '500', themes: [{ slug: 'health', parent: null }], countries: [{ code: 'SE' }] }),
      grant({
        id: 'c',
        currency: 'SEK',
        amountAwarded: '90000',
        themes: [{ slug: 'health', parent: null }],
        countries: [{ code: 'SE' }]
      })
    ]);
    expect(cells.get('health|SE')).toEqual({ grants: 3, eur: 1500, otherCurrencyGrants: 1 });
  });

  it('refuses an amount that is not a number, naming the grant', () => {
    expect(() => moneyPerCell([grant({ id: 'bad', amountAwarded: 'lots' })])).toThrow(
      /Grant bad: amountAwarded "lots"/
    );
  });
});
