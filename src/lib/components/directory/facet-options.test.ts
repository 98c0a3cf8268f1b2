import { describe, expect, it } from 'vitest';
import { displayName, flatOptions, splitVisible, themeOptions } from './facet-options';

const tree = [
  {
    slug: 'asylum',
    name: 'Fair asylum',
    children: [
      { slug: 'reception', name: 'Reception' },
      { slug: 'appeals', name: 'Appeals' }
    ]
  },
  { slug: 'health', name: 'Health', children: [{ slug: 'mental-health', name: 'Mental health' }] },
  { slug: 'housing', name: 'Housing', children: [] }
];
const facet = (slug: string, count: number) => ({ count, theme: { slug } });

describe('theme facet tree', () => {
  it('keeps the vocabulary order, gives every theme its count and leaves out empty branches', () => {
    const options = themeOptions(tree, [facet('asylum', 7), facet('reception', 5), facet('housing', 2)], []);
    expect(options.map((o) => [o.value, o.count, o.children.map((c) => c.value)])).toEqual([
      ['asylum', 7, ['reception']],
      ['housing', 2, []]
    ]);
  });

  it('keeps ticked themes with no organisation and marks parents of ticked sub-themes', () => {
    const options = themeOptions(tree, [facet('asylum', 3)], ['mental-health', 'asylum']);
    const health = options.find((o) => o.value === 'health');
    expect(health).toMatchObject({ count: 0, checked: false, hasCheckedChild: true });
    expect(health?.children[0]).toMatchObject({ value: 'mental-health', checked: true, count: 0 });
    expect(options.find((o) => o.value === 'asylum')).toMatchObject({ checked: true, hasCheckedChild: false });
  });
});

describe('flat facets', () => {
  it('sorts by count, then label, and adds ticked values the API left out', () => {
    const options = flatOptions(
      [
        { value: 'IT', count: 4 },
        { value: 'GR', count: 9 },
        { value: 'AT', count: 4 }
      ],
      ['GR', 'MT'],
      (code) => ({ IT: 'Italy', GR: 'Greece', AT: 'Austria', MT: 'Malta' })[code] ?? code
    );
    expect(options).toEqual([
      { value: 'GR', label: 'Greece', count: 9, checked: true },
      { value: 'AT', label: 'Austria', count: 4, checked: false },
      { value: 'IT', label: 'Italy', count: 4, checked: false },
      { value: 'MT', label: 'Malta', count: 0, checked: true }
    ]);
  });

  it('folds long lists but leaves their order alone, so a ticked value does not jump between lists', () => {
    const options = ['a', 'b', 'c', 'd'].map((value, i) => ({
      value,
      label: value,
      count: 10 - i,
      checked: value === 'd'
    }));
    expect(splitVisible(options, 2)).toEqual({ shown: options.slice(0, 2), more: options.slice(2) });
    expect(splitVisible(options, 4)).toEqual({ shown: options, more: [] });
  });

  it('names countries and languages in the page language', () => {
    expect(displayName('de', 'region', 'gr')).toBe('Griechenland');
    expect(displayName('en', 'language', 'el')).toBe('Greek');
    expect(displayName('en', 'language', 'zz')).toBe('zz');
  });
});
