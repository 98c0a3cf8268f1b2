import { z } from 'zod';
import type { Country, Theme } from '../src/lib/server/db/generated/client';
import { getDb } from '../src/lib/server/platform/db';
import { organizationFacets } from '../src/lib/server/directory/facets';
import { interpretFilter } from '../src/lib/server/directory/search-interpretation';
import type { InterpretedTerm, QueryInterpretation } from '../src/lib/server/directory/vocabulary/interpret';
import {
  countOrganizations,
  defaultOrder,
  orderColumns,
  searchOrganizations
} from '../src/lib/server/directory/search';
import type { OrganizationFilter } from '../src/lib/server/directory/search-filter';
import type { FieldError } from '../src/lib/server/validation/field-errors';
import { languageCode } from '../src/lib/server/validation/rules';
import type { GraphQLContext } from '../src/lib/server/graphql/context';
import { builder } from './builder';
import { badUserInput } from './input-errors';
import { OrganizationTypeEnum, SortDirectionEnum, WorkLevelEnum } from './enums';
import { DEFAULT_PAGE_SIZE, keysetConnection, MAX_PAGE_SIZE } from './pagination';
import { CountryRef, OrganizationRef, ThemeRef } from './refs';

const OrganizationFilterInput = builder.inputType('OrganizationFilter', {
  description: 'Within a field values are alternatives (OR); fields combine (AND).',
  fields: (t) => ({
    query: t.string({
      required: false,
      description:
        'Free text over name and description (web-search syntax: "quoted phrases", or, -exclude); partial words ' +
        'and small typos in the name match too.',
      validate: z.string().max(200, 'must be at most 200 characters')
    }),
    themes: t.stringList({ required: false, description: 'Theme slugs; a theme matches its sub-themes too.' }),
    countries: t.stringList({
      required: false,
      description: 'ISO 3166-1 alpha-2 codes; matches where an organisation works or has its headquarters.'
    }),
    levels: t.field({ type: [WorkLevelEnum], required: false }),
    types: t.field({ type: [OrganizationTypeEnum], required: false }),
    languages: t.stringList({ required: false, description: 'ISO 639-1 codes, e.g. "el".' }),
    includeArchived: t.boolean({ required: false, defaultValue: false }),
    interpretQuery: t.boolean({
      required: false,
      defaultValue: true,
      description:
        'Read theme names, country names, places and common synonyms (English and German) out of `query` and ' +
        'filter by them as `themes`/`countries` would; only the remaining words are searched as text. The ' +
        "connection's `interpretation` says what was recognised. False searches `query` as text only."
    })
  })
});

const OrganizationOrderFieldEnum = builder.enumType('OrganizationOrderField', {
  values: {
    NAME: { description: 'Alphabetical.' },
    CREATED_AT: { description: 'When the profile was created.' },
    RELEVANCE: { description: 'Best match for `filter.query` (alphabetical without a query).' },
    PARTNER_COUNT: { description: 'Number of confirmed partners the viewer can see.' }
  } as const
});

const OrganizationOrderInput = builder.inputType('OrganizationOrder', {
  fields: (t) => ({
    field: t.field({ type: OrganizationOrderFieldEnum, required: true }),
    direction: t.field({ type: SortDirectionEnum, required: false, defaultValue: 'ASC' })
  })
});

interface FacetValue<T> {
  value: T;
  count: number;
}
const ThemeFacet = builder.objectRef<FacetValue<Theme>>('ThemeFacet').implement({
  fields: (t) => ({
    theme: t.field({ type: ThemeRef, resolve: (f) => f.value }),
    count: t.exposeInt('count', { description: 'Organisations working on this theme or any of its sub-themes.' })
  })
});
const CountryFacet = builder.objectRef<FacetValue<Country>>('CountryFacet').implement({
  fields: (t) => ({
    country: t.field({ type: CountryRef, resolve: (f) => f.value }),
    count: t.exposeInt('count')
  })
});
const WorkLevelFacet = builder.objectRef<FacetValue<string>>('WorkLevelFacet').implement({
  fields: (t) => ({
    level: t.field({ type: WorkLevelEnum, resolve: (f) => f.value as never }),
    count: t.exposeInt('count')
  })
});
const OrganizationTypeFacet = builder.objectRef<FacetValue<string>>('OrganizationTypeFacet').implement({
  fields: (t) => ({
    type: t.field({ type: OrganizationTypeEnum, resolve: (f) => f.value as never }),
    count: t.exposeInt('count')
  })
});
const LanguageFacet = builder.objectRef<FacetValue<string>>('LanguageFacet').implement({
  fields: (t) => ({
    language: t.string({ description: 'ISO 639-1 code.', resolve: (f) => f.value }),
    count: t.exposeInt('count')
  })
});

interface FacetsShape {
  themes: FacetValue<Theme>[];
  countries: FacetValue<Country>[];
  levels: FacetValue<string>[];
  types: FacetValue<string>[];
  languages: FacetValue<string>[];
}
const OrganizationFacets = builder.objectRef<FacetsShape>('OrganizationFacets').implement({
  description:
    'Counts per value under the current filter. Each dimension is counted with its own filter removed (so picking ' +
    'one country still shows what the others would add); values with no organisation are left out.',
  fields: (t) => ({
    themes: t.field({ type: [ThemeFacet], resolve: (f) => f.themes }),
    countries: t.field({ type: [CountryFacet], resolve: (f) => f.countries }),
    levels: t.field({ type: [WorkLevelFacet], resolve: (f) => f.levels }),
    types: t.field({ type: [OrganizationTypeFacet], resolve: (f) => f.types }),
    languages: t.field({ type: [LanguageFacet], resolve: (f) => f.languages })
  })
});

/** Unknown slugs or codes in a filter are mistakes worth reporting, not a reason to silently return nothing. */
async function checkedFilter(
  filter: OrganizationFilter | null | undefined,
  ctx: GraphQLContext
): Promise<OrganizationFilter> {
  const f: OrganizationFilter = {
    ...filter,
    themes: filter?.themes?.map((s) => s.trim().toLowerCase()),
    countries: filter?.countries?.map((c) => c.trim().toUpperCase()),
    languages: filter?.languages?.map((l) => l.trim().toLowerCase())
  };
  const errors: FieldError[] = [];
  if (f.themes?.length) {
    const { bySlug } = await ctx.loaders.themes({ slugs: f.themes });
    f.themes.forEach((slug, i) => {
      if (!bySlug.has(slug))
        errors.push({ field: `filter.themes[${i}]`, message: `"${slug}" is not a known theme slug` });
    });
  }
  if (f.countries?.length) {
    const { byCode } = await ctx.loaders.countries(f.countries);
    f.countries.forEach((code, i) => {
      if (!byCode.has(code))
        errors.push({ field: `filter.countries[${i}]`, message: `"${code}" is not a known country code` });
    });
  }
  f.languages?.forEach((code, i) => {
    if (!languageCode.safeParse(code).success) {
      errors.push({ field: `filter.languages[${i}]`, message: `"${code}" is not an ISO 639-1 language code` });
    }
  });
  if (errors.length > 0) {
    throw badUserInput(errors);
  }
  return f;
}

interface SearchParent {
  filter: OrganizationFilter;
  interpretation: QueryInterpretation | null;
  /** Counted with the page when it had rows (see searchOrganizations); absent or null: count separately. */
  total?: number | null;
}

const TermKindEnum = builder.enumType('SearchTermKind', { values: { THEME: {}, COUNTRY: {} } as const });
const TermSourceEnum = builder.enumType('SearchTermSource', {
  values: {
    NAME: { description: 'The official English or German name.' },
    SYNONYM: { description: 'A synonym, abbreviation or other name ("ATD", "UASC", "UK").' },
    PLACE: { description: 'A city, island or region in the country ("Lesbos" → Greece).' }
  } as const
});

const InterpretedTermRef = builder.objectRef<InterpretedTerm>('InterpretedSearchTerm').implement({
  description: 'Words of the query read as a theme or a country.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The words as typed.' }),
    kind: t.field({ type: TermKindEnum, resolve: (term) => (term.kind === 'theme' ? 'THEME' : 'COUNTRY') }),
    source: t.field({ type: TermSourceEnum, resolve: (term) => term.source.toUpperCase() as never }),
    theme: t.field({
      type: ThemeRef,
      nullable: true,
      resolve: async (term, _args, ctx) =>
        term.kind === 'theme' ? ((await ctx.loaders.themes()).bySlug.get(term.value) ?? null) : null
    }),
    country: t.field({
      type: CountryRef,
      nullable: true,
      resolve: async (term, _args, ctx) =>
        term.kind === 'country' ? ((await ctx.loaders.countries()).byCode.get(term.value) ?? null) : null
    })
  })
});

const QueryInterpretationRef = builder.objectRef<QueryInterpretation>('SearchInterpretation').implement({
  description:
    'How `filter.query` was read: the recognised terms were added to the theme and country filters, and ' +
    '`remainingText` was searched over names and descriptions.',
  fields: (t) => ({
    terms: t.field({ type: [InterpretedTermRef], resolve: (i) => i.terms }),
    themes: t.field({
      type: [ThemeRef],
      resolve: async (i, _args, ctx) => {
        const { bySlug } = await ctx.loaders.themes();
        return i.themes.flatMap((slug) => bySlug.get(slug) ?? []);
      }
    }),
    countries: t.field({
      type: [CountryRef],
      resolve: async (i, _args, ctx) => {
        const { byCode } = await ctx.loaders.countries();
        return i.countries.flatMap((code) => byCode.get(code) ?? []);
      }
    }),
    remainingText: t.exposeString('remainingText', {
      description: "The words searched as text ('' when the recognised terms were the whole query)."
    })
  })
});

/** The validated filter with the query's recognised terms moved into the theme and country filters. */
async function interpretedFilter(
  filter: OrganizationFilter & { interpretQuery?: boolean | null },
  ctx: GraphQLContext
): Promise<SearchParent> {
  const { interpretQuery, ...rest } = filter;
  if (interpretQuery === false) return { filter: rest, interpretation: null };
  const [themes, countries] = await Promise.all([ctx.loaders.themes(), ctx.loaders.countries()]);
  return interpretFilter(rest, { themes: themes.all, countries: countries.all });
}

builder.queryField('organizations', (t) =>
  t.connection(
    {
      type: OrganizationRef,
      description:
        `The directory, filtered, ordered and paged (at most ${MAX_PAGE_SIZE} per page, ${DEFAULT_PAGE_SIZE} by ` +
        'default). Archived organisations are left out unless `filter.includeArchived`.',
      args: {
        filter: t.arg({ type: OrganizationFilterInput, required: false }),
        orderBy: t.arg({
          type: OrganizationOrderInput,
          required: false,
          description: 'Default: RELEVANCE when searching with a query, NAME otherwise.'
        })
      },
      resolve: async (_root, args, ctx) => {
        const { filter, interpretation } = await interpretedFilter(
          await checkedFilter(args.filter as OrganizationFilter | null, ctx),
          ctx
        );
        const order = args.orderBy
          ? { field: args.orderBy.field, direction: args.orderBy.direction ?? 'ASC' }
          : defaultOrder(filter);
        let total: number | null = null;
        const connection = await keysetConnection(args, {
          // The ordering is part of the cursor's name: a cursor of one ordering means nothing in another.
          connection: `organizations:${order.field}:${order.direction}`,
          arity: orderColumns(filter, order, ctx.visibility).length,
          fetch: async (request) => {
            const page = await searchOrganizations(getDb(), ctx.visibility, filter, order, request);
            total = page.total;
            // The rows came with their themes, countries and headquarters: those fields need no further query.
            ctx.loaders.primeWithReferences(page.rows.map((r) => r.row));
            return page.rows.map(({ key, row }) => ({ node: row.organization, key }));
          }
        });
        return { ...connection, filter, interpretation, total };
      }
    },
    {
      name: 'OrganizationConnection',
      fields: (c) => ({
        interpretation: c.field({
          type: QueryInterpretationRef,
          nullable: true,
          description: 'How `filter.query` was read (null without a query or with `interpretQuery: false`).',
          resolve: (conn) => conn.interpretation
        }),
        totalCount: c.int({
          description: 'All organisations matching the filter (not only this page).',
          resolve: (conn) => {
            const { filter, total } = conn;
            return total ?? countOrganizations(getDb(), filter);
          }
        }),
        facets: c.field({
          type: OrganizationFacets,
          resolve: async (conn, _args, ctx) => {
            const [facets, themes, countries] = await Promise.all([
              organizationFacets(getDb(), conn.filter),
              ctx.loaders.themes(),
              ctx.loaders.countries()
            ]);
            const resolve = <T>(list: { value: string; count: number }[], lookup: (v: string) => T | undefined) =>
              list.flatMap(({ value, count }) => {
                const found = lookup(value);
                return found ? [{ value: found, count }] : [];
              });
            return {
              themes: resolve(facets.themes, (slug) => themes.bySlug.get(slug)),
              countries: resolve(facets.countries, (code) => countries.byCode.get(code)),
              levels: facets.levels,
              types: facets.types,
              languages: facets.languages
            };
          }
        })
      })
    }
  )
);
