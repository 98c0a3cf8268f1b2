import { describe, expect, it } from 'vitest';
import {
  directoryHref,
  pageHref,
  parseDirectoryParams,
  problemFromApiField,
  queryVariables,
  withoutProblems
} from './directory-params';

const parse = (search: string) => parseDirectoryParams(new URLSearchParams(search));

describe('directory URL state', () => {
  it('reads repeated facet values, normalising case and dropping duplicates and blanks', () => {
    const { state, problems } = parse(
      'q=+detention+&theme=Legal-Aid&theme=legal-aid&country=gr&country=IT&country=&level=national&type=public-body&language=EL'
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({
      query: 'detention',
      themes: ['legal-aid'],
      countries: ['GR', 'IT'],
      levels: ['NATIONAL'],
      types: ['PUBLIC_BODY'],
      languages: ['el'],
      sort: null,
      after: null,
      before: null
    });
  });

  it('leaves out malformed values and names the parameter of each', () => {
    const { state, problems } = parse('country=Greece&level=galactic&type=NGO&language=greek&sort=random&theme=a%20b');
    expect(state.countries).toEqual([]);
    expect(state.levels).toEqual([]);
    expect(state.types).toEqual(['NGO']);
    expect(state.sort).toBeNull();
    expect(problems).toEqual([
      { param: 'sort', value: 'random', reason: 'invalid' },
      { param: 'theme', value: 'a b', reason: 'invalid' },
      { param: 'country', value: 'Greece', reason: 'invalid' },
      { param: 'level', value: 'galactic', reason: 'invalid' },
      { param: 'language', value: 'greek', reason: 'invalid' }
    ]);
  });

  it('keeps one page cursor, forward first', () => {
    expect(parse('after=A&before=B').state).toMatchObject({ after: 'A', before: null });
    expect(parse('before=B').state).toMatchObject({ after: null, before: 'B' });
  });

  it('writes the state back as a stable URL that parses to the same state', () => {
    const { state } = parse('language=el&country=IT&theme=legal-aid&q=a+b&country=GR&sort=name&type=NGO&level=LOCAL');
    const href = directoryHref(state);
    expect(href).toBe(
      '/directory?q=a+b&theme=legal-aid&country=it&country=gr&level=local&type=ngo&language=el&sort=name'
    );
    expect(parseDirectoryParams(new URL(href, 'http://x').searchParams).state).toEqual(state);
    expect(directoryHref(parse('').state)).toBe('/directory');
  });

  it('builds page links that keep every filter and replace the cursor', () => {
    const { state } = parse('country=GR&after=OLD');
    expect(pageHref(state, { after: 'NEW' })).toBe('/directory?country=gr&after=NEW');
    expect(pageHref(state, { before: 'START' })).toBe('/directory?country=gr&before=START');
  });

  it('turns the state into API variables: pages of 20, backwards with last/before, sort only when chosen', () => {
    const { state } = parse('q=asylum&country=GR&level=EUROPEAN');
    expect(queryVariables(state, 'de')).toEqual({
      filter: { query: 'asylum', countries: ['GR'], levels: ['EUROPEAN'] },
      first: 20,
      lang: 'DE'
    });
    expect(queryVariables(parse('sort=name&before=C').state, 'en')).toEqual({
      filter: {},
      orderBy: { field: 'NAME' },
      last: 20,
      before: 'C',
      lang: 'EN'
    });
    expect(queryVariables(parse('sort=relevance&after=C').state, 'en')).toMatchObject({
      orderBy: { field: 'RELEVANCE' },
      first: 20,
      after: 'C'
    });
  });

  it('maps the API’s input errors back to URL values and drops exactly those', () => {
    const { state } = parse('theme=legal-aid&theme=no-such-theme&country=XX&after=bad');
    const problems = ['filter.themes[1]', 'filter.countries[0]', 'after', 'filter.query', 'filter.themes[9]']
      .map((field) => problemFromApiField(state, field))
      .filter((p) => p !== null);
    expect(problems).toEqual([
      { param: 'theme', value: 'no-such-theme', reason: 'unknown' },
      { param: 'country', value: 'XX', reason: 'unknown' },
      { param: 'after', value: 'bad', reason: 'invalid' }
    ]);
    expect(withoutProblems(state, problems)).toMatchObject({ themes: ['legal-aid'], countries: [], after: null });
  });
});
