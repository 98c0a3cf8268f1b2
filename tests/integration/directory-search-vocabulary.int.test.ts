/**
 * Free text that names a theme and a country finds exactly what the theme and country facets find (issue 11:
 * "alternatives to detention, Greece" found 1 organisation where the facets found 5). Real PostgreSQL, through
 * the GraphQL API; the organisations are generated so that plain text search would disagree with the facets
 * (descriptions mention countries and themes the organisation does not work in).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { countries } from '../../prisma/reference/countries';
import { themeRows } from '../../prisma/reference/themes';
import { getDb } from '../../src/lib/server/platform/db';
import { AMBIGUOUS_COUNTRY_NAMES } from '../../src/lib/server/directory/vocabulary/country-aliases';
import { phraseKey } from '../../src/lib/server/directory/vocabulary/normalize';
import { createOrganization } from '../factories/organizations';
import { executeOk, globalId } from '../factories/graphql';

const db = getDb();

const SEARCH = `
  query Search($filter: OrganizationFilter) {
    organizations(filter: $filter, first: 100) {
      totalCount
      nodes { id }
      interpretation { remainingText themes { slug } countries { code } terms { text kind source } }
    }
  }`;

interface SearchResult {
  organizations: {
    totalCount: number;
    nodes: { id: string }[];
    interpretation: {
      remainingText: string;
      themes: { slug: string }[];
      countries: { code: string }[];
      terms: { text: string; kind: string; source: string }[];
    } | null;
  };
}

const search = (filter: Record<string, unknown>) => executeOk<SearchResult>(SEARCH, { filter });
const ids = (r: SearchResult) => r.organizations.nodes.map((n) => n.id).sort();

const themes = themeRows();
const WORKED_IN = ['GR', 'IT', 'ES', 'DE', 'BG', 'HU', 'MT', 'CY', 'FR', 'AT'];
const recognisable = countries.filter(
  (c) => !AMBIGUOUS_COUNTRY_NAMES.has(phraseKey(c.nameEn)) && !AMBIGUOUS_COUNTRY_NAMES.has(phraseKey(c.nameDe))
);

beforeAll(async () => {
  // Deterministic spread: every theme and most of the ten countries get organisations, some via a sub-theme or
  // only as headquarters; descriptions name other places on purpose.
  const rng = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { numRuns: 400, seed: 11 });
  let r = 0;
  const next = (n: number) => rng[r++ % rng.length]! % n;
  for (let i = 0; i < 80; i++) {
    const theme = themes[next(themes.length)]!;
    const other = themes[next(themes.length)]!;
    const here = WORKED_IN[next(WORKED_IN.length)]!;
    const elsewhere = countries[next(countries.length)]!;
    await createOrganization(db, {
      name: `Initiative ${i} ${i % 5 === 0 ? theme.nameEn : ''}`.trim(),
      description: `Works with partners in ${elsewhere.nameEn} (${elsewhere.nameDe}) on ${other.nameEn}.`,
      hqCountryCode: i % 3 === 0 ? WORKED_IN[next(WORKED_IN.length)] : null,
      countryCodes: i % 4 === 0 ? [] : [here],
      themeSlugs: [theme.slug]
    });
  }
});

describe('search understands the vocabulary', () => {
  it('the home hint, in English and German, returns what the facets return', async () => {
    const facets = await search({ themes: ['alternatives-to-detention'], countries: ['GR'] });
    for (const query of ['alternatives to detention, Greece', 'Alternativen zur Abschiebungshaft Griechenland']) {
      const typed = await search({ query });
      expect(ids(typed), query).toEqual(ids(facets));
      expect(typed.organizations.totalCount).toBe(facets.organizations.totalCount);
      expect(typed.organizations.interpretation).toMatchObject({
        remainingText: '',
        themes: [{ slug: 'alternatives-to-detention' }],
        countries: [{ code: 'GR' }]
      });
    }
  });

  it('"<theme name>, <country name>" in English or German equals the theme and country facets', async () => {
    const countryArb = fc.oneof(
      fc.constantFrom(...recognisable.filter((c) => WORKED_IN.includes(c.code))),
      fc.constantFrom(...recognisable)
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...themes),
        countryArb,
        fc.constantFrom('en', 'de'),
        fc.constantFrom(', ', ' ', ' in ', ' — '),
        async (theme, country, lang, joiner) => {
          const query =
            lang === 'en' ? `${theme.nameEn}${joiner}${country.nameEn}` : `${theme.nameDe}${joiner}${country.nameDe}`;
          const [typed, facets] = await Promise.all([
            search({ query }),
            search({ themes: [theme.slug], countries: [country.code] })
          ]);
          expect(ids(typed), query).toEqual(ids(facets));
          expect(typed.organizations.totalCount, query).toBe(facets.organizations.totalCount);
          expect(typed.organizations.interpretation?.remainingText, query).toBe('');
        }
      ),
      { numRuns: 60, seed: 1311 }
    );
  });

  it('finds organisations by a country in German and by a place', async () => {
    const greece = await search({ countries: ['GR'] });
    expect(greece.organizations.totalCount).toBeGreaterThan(0);
    for (const query of ['Griechenland', 'Lesbos', 'Athen', 'Greece']) {
      expect(ids(await search({ query })), query).toEqual(ids(greece));
    }
  });

  it('knows practitioner synonyms', async () => {
    const cases: [string, string][] = [
      ['ATD', 'alternatives-to-detention'],
      ['detention alternatives', 'alternatives-to-detention'],
      ['UASC', 'unaccompanied-children'],
      ['unaccompanied minors', 'unaccompanied-children']
    ];
    for (const [query, slug] of cases) {
      const typed = await search({ query });
      expect(ids(typed), query).toEqual(ids(await search({ themes: [slug] })));
      expect(typed.organizations.interpretation?.terms[0], query).toMatchObject({ text: query, kind: 'THEME' });
    }
  });

  it('searches the remaining words as text, within the recognised filters', async () => {
    const org = await createOrganization(db, {
      name: 'Kestrel Shelter Collective',
      description: 'Night shelter.',
      countryCodes: ['GR'],
      themeSlugs: ['homelessness']
    });
    await createOrganization(db, { name: 'Kestrel Shelter Roma', countryCodes: ['IT'], themeSlugs: ['homelessness'] });
    const typed = await search({ query: 'Kestrel homelessness Greece' });
    expect(typed.organizations.nodes.map((n) => n.id)).toEqual([globalId('Organization', org.id)]);
    expect(typed.organizations.interpretation?.remainingText).toBe('Kestrel');
  });

  it('interpretQuery: false searches the text as typed', async () => {
    const literal = await search({ query: 'Greece', interpretQuery: false });
    expect(literal.organizations.interpretation).toBeNull();
    // Descriptions mention Greece for organisations that do not work there: text and facet answers differ.
    expect(ids(literal)).not.toEqual(ids(await search({ countries: ['GR'] })));
  });

  it('adds typed values to ticked ones (a value typed is a value ticked)', async () => {
    const both = await search({ countries: ['IT', 'GR'] });
    expect(ids(await search({ query: 'Greece', countries: ['IT'] }))).toEqual(ids(both));
  });
});
