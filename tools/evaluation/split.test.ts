import { describe, expect, it } from 'vitest';
import type { EvalOrganization, EvalPartnership } from './dataset';
import { splitAt } from './split';

const org = (id: string, archivedAt: string | null = null): EvalOrganization => ({
  id,
  slug: id,
  name: id,
  type: 'NGO',
  themes: [],
  countries: [],
  hqCountry: null,
  levels: [],
  languages: [],
  foundedYear: null,
  archivedAt
});
let n = 0;
const p = (
  a: string,
  b: string,
  startDate: string | null,
  status = 'CONFIRMED',
  endDate: string | null = null
): EvalPartnership => ({
  id: `p${++n}`,
  a,
  b,
  kind: 'PROJECT',
  status,
  visibility: 'PUBLIC',
  startDate,
  endDate,
  themes: []
});

describe('splitAt', () => {
  const orgs = ['a', 'b', 'c', 'd', 'e'].map((id) => org(id)).concat([org('gone', '2023-06-01')]);

  it('keeps what started before the split (status as it stood then) and hides the rest', () => {
    const split = splitAt(
      orgs,
      [
        p('a', 'b', '2023-01-01'),
        p('a', 'c', '2023-02-01', 'ENDED', '2024-06-01'),
        p('a', 'd', '2024-03-01'),
        p('b', 'e', null)
      ],
      '2024-01-01'
    );
    expect(split.before.map((x) => [x.a, x.b, x.status])).toEqual([
      ['a', 'b', 'CONFIRMED'],
      ['a', 'c', 'CONFIRMED'], // ended after the split: still running on the split date
      ['b', 'e', 'CONFIRMED'] // undated: never a target
    ]);
    expect([...split.targets.get('a')!]).toEqual(['d']);
    expect([...split.targets.get('d')!]).toEqual(['a']);
  });

  it('only counts new pairs of organisations not archived as targets', () => {
    const split = splitAt(
      orgs,
      [
        p('a', 'b', '2023-01-01', 'DECLINED'),
        p('a', 'b', '2024-05-01'),
        p('c', 'gone', '2024-05-01'),
        p('c', 'd', '2024-05-01', 'PROPOSED')
      ],
      '2024-01-01'
    );
    expect(split.targets.size).toBe(0);
    expect(split.archived).toEqual(new Set(['gone']));
  });

  it('marks organisations without a confirmed or ended partnership before the split as newcomers', () => {
    const split = splitAt(
      orgs,
      [p('a', 'b', '2023-01-01'), p('c', 'd', '2023-01-01', 'PROPOSED'), p('c', 'e', '2024-02-01')],
      '2024-01-01'
    );
    expect([...split.newcomers].sort()).toEqual(['c', 'd', 'e']);
  });
});
