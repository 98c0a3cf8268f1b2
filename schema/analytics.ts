/**
 * Ecosystem analytics for funders and researchers: coverage gaps (theme × country), isolated organisations,
 * brokers, communities and network density. Heavy results come precomputed per visibility level (public, members,
 * admin) with `computedAt`; nothing computed with partnerships or grants a viewer may not see reaches them.
 */
import type { Country, Organization, Theme } from '../src/lib/server/db/generated/client';
import type { Cached } from '../src/lib/server/analytics/cache';
import type { DensityOverTime, DensityYear } from '../src/lib/server/analytics/density';
import { isolatedOrganizations, type IsolatedOrganizations } from '../src/lib/server/analytics/isolated';
import type { RankedCell } from '../src/lib/server/analytics/matrix-gaps';
import type { Broker, Community } from '../src/lib/server/analytics/network-structure';
import {
  getBrokers,
  getCommunities,
  getCoverageGaps,
  getDensityOverTime,
  getThemeCountryMatrix,
  type GapPage,
  type RankedMatrix
} from '../src/lib/server/analytics/service';
import { builder } from './builder';
import { asGraphQLErrors } from './input-errors';
import { loadOrganizations } from './organization-loading';
import { CountryRef, OrganizationRef, ThemeRef } from './refs';

const VisibilityLevelEnum = builder.enumType('AnalyticsVisibilityLevel', {
  description:
    'Which partnerships and grants a precomputed result counts: PUBLIC ones (anonymous visitors), also MEMBERS ones ' +
    '(signed-in users), or all (admins).',
  values: { PUBLIC: { value: 'public' }, MEMBERS: { value: 'members' }, ADMIN: { value: 'admin' } } as const
});

const CoverageGapEnum = builder.enumType('CoverageGap', {
  values: {
    NONE: { value: 'none', description: 'No organisation works on the theme in the country.' },
    THIN: { value: 'thin', description: 'Fewer organisations than `thinBelow`.' },
    ISOLATED: { value: 'isolated', description: 'Several organisations, but no visible partnership among them.' }
  } as const
});

async function themeBySlug(
  ctx: { loaders: { themes(needs?: { slugs?: string[] }): Promise<{ bySlug: Map<string, Theme> }> } },
  slug: string
) {
  return (await ctx.loaders.themes({ slugs: [slug] })).bySlug.get(slug) ?? null;
}
async function countryByCode(
  ctx: { loaders: { countries(codes?: string[]): Promise<{ byCode: Map<string, Country> }> } },
  code: string
) {
  return (await ctx.loaders.countries([code])).byCode.get(code) ?? null;
}

// ─── Theme × country matrix ──────────────────────────────────────────────────────────────────────────────

const MatrixCellRef = builder.objectRef<RankedCell>('CoverageCell').implement({
  description: 'One theme in one country. Organisations on a sub-theme count in the parent theme too.',
  fields: (t) => ({
    theme: t.field({ type: ThemeRef, nullable: true, resolve: (c, _args, ctx) => themeBySlug(ctx, c.theme) }),
    themeSlug: t.exposeString('theme'),
    country: t.field({ type: CountryRef, nullable: true, resolve: (c, _args, ctx) => countryByCode(ctx, c.country) }),
    countryCode: t.exposeString('country'),
    organizations: t.exposeInt('organizations'),
    partnershipsWithin: t.exposeInt('partnershipsWithin', { description: 'Partnerships with both sides in the cell.' }),
    partnershipsAcross: t.exposeInt('partnershipsAcross', { description: 'Partnerships with one side in the cell.' }),
    grants: t.exposeInt('grants', { description: 'Grants on the theme spent in the country in the year range.' }),
    grantsEur: t.exposeFloat('grantsEur', {
      description:
        'Total of the EUR grants. Grants in other currencies are counted in otherCurrencyGrants, not converted.'
    }),
    otherCurrencyGrants: t.exposeInt('otherCurrencyGrants'),
    gaps: t.field({ type: [CoverageGapEnum], resolve: (c) => c.gaps }),
    severity: t.float({
      nullable: true,
      description:
        'How severe the gap is: 2 (empty), 1 (thin) or 0 (isolated) plus the share of the other countries in scope ' +
        'where someone works on the theme (docs/decisions/0014). Null when the cell is no gap or its country is ' +
        'outside the scope (European countries where at least one organisation works).',
      resolve: (c) => c.severity
    }),
    rank: t.int({
      nullable: true,
      description: 'The position in the gap list, 1 = the most severe gap. Null as for severity.',
      resolve: (c) => c.rank
    }),
    neighbourCountries: t.field({
      type: [CountryRef],
      description:
        'For an empty or thin cell: bordering countries in scope where organisations work on the theme and could ' +
        'extend across the border.',
      resolve: async (c, _args, ctx) => {
        const { byCode } = await ctx.loaders.countries(c.neighbours);
        return c.neighbours.flatMap((code) => byCode.get(code) ?? []);
      }
    }),
    neighbourCountryCodes: t.stringList({ resolve: (c) => c.neighbours })
  })
});

const MatrixRef = builder.objectRef<Cached<RankedMatrix>>('CoverageMatrix').implement({
  description: 'Organisations, partnerships and grant money per theme × country, with gap flags.',
  fields: (t) => ({
    computedAt: t.field({ type: 'DateTime', resolve: (m) => m.computedAt }),
    visibilityLevel: t.field({ type: VisibilityLevelEnum, resolve: (m) => m.level }),
    fromYear: t.int({ description: 'Grant award years counted, from …', resolve: (m) => m.value.fromYear }),
    toYear: t.int({ description: '… to (inclusive).', resolve: (m) => m.value.toYear }),
    thinBelow: t.int({
      description: 'A cell with fewer organisations than this is THIN.',
      resolve: (m) => m.value.thinBelow
    }),
    themes: t.field({
      type: [ThemeRef],
      resolve: async (m, _args, ctx) => {
        const { bySlug } = await ctx.loaders.themes({ slugs: m.value.themes.map((theme) => theme.slug) });
        return m.value.themes.flatMap((theme) => bySlug.get(theme.slug) ?? []);
      }
    }),
    countries: t.field({
      type: [CountryRef],
      description: 'European countries, and others where some organisation works.',
      resolve: async (m, _args, ctx) => {
        const { byCode } = await ctx.loaders.countries(m.value.countries.map((c) => c.code));
        return m.value.countries.flatMap((c) => byCode.get(c.code) ?? []);
      }
    }),
    cells: t.field({ type: [MatrixCellRef], resolve: (m) => m.value.cells }),
    gapScope: t.stringList({
      description:
        'Codes of the countries the gap list covers: European countries where at least one organisation works.',
      resolve: (m) => m.value.scope
    })
  })
});

builder.queryField('coverageMatrix', (t) =>
  t.field({
    type: MatrixRef,
    description: 'The theme × country coverage matrix for the viewer’s visibility level (precomputed; see computedAt).',
    args: {
      fromYear: t.arg.int({ required: false, description: 'Grants awarded from this year (default: four years ago).' }),
      toYear: t.arg.int({ required: false, description: 'Grants awarded up to this year (default: this year).' }),
      themes: t.arg.stringList({ required: false, description: 'Only these theme slugs (rows).' }),
      countries: t.arg.stringList({ required: false, description: 'Only these country codes (columns).' }),
      gaps: t.arg({ type: [CoverageGapEnum], required: false, description: 'Only cells with one of these gaps.' })
    },
    resolve: (_root, args, ctx) =>
      asGraphQLErrors(() =>
        getThemeCountryMatrix(ctx.viewer, {
          fromYear: args.fromYear ?? undefined,
          toYear: args.toYear ?? undefined,
          themes: args.themes ?? [],
          countries: args.countries ?? [],
          gaps: args.gaps ?? []
        })
      )
  })
);

const GapPageRef = builder.objectRef<GapPage>('CoverageGaps').implement({
  description: 'Gap cells (empty, thin, isolated) in the gap scope, most severe first, one page at a time.',
  fields: (t) => ({
    computedAt: t.field({ type: 'DateTime', resolve: (p) => p.computedAt }),
    visibilityLevel: t.field({ type: VisibilityLevelEnum, resolve: (p) => p.level }),
    thinBelow: t.exposeInt('thinBelow'),
    totalCount: t.exposeInt('total', { description: 'Gaps matching the filters, over all pages.' }),
    scope: t.stringList({ description: 'Codes of the countries in scope.', resolve: (p) => p.scope }),
    nodes: t.field({ type: [MatrixCellRef], resolve: (p) => p.gaps })
  })
});

builder.queryField('coverageGaps', (t) =>
  t.field({
    type: GapPageRef,
    description:
      'The gap list: every empty, thin or isolated theme × country cell in European countries where at least one ' +
      'organisation works, ranked by severity (docs/decisions/0014). Precomputed per visibility level.',
    args: {
      fromYear: t.arg.int({ required: false, description: 'Grants awarded from this year (default: four years ago).' }),
      toYear: t.arg.int({ required: false, description: 'Grants awarded up to this year (default: this year).' }),
      themes: t.arg.stringList({ required: false, description: 'Only these theme slugs.' }),
      countries: t.arg.stringList({ required: false, description: 'Only these country codes.' }),
      gaps: t.arg({ type: [CoverageGapEnum], required: false, description: 'Only cells with one of these gaps.' }),
      first: t.arg.int({ required: false, defaultValue: 50, description: 'At most 500.' }),
      offset: t.arg.int({ required: false, defaultValue: 0 })
    },
    resolve: (_root, args, ctx) =>
      asGraphQLErrors(() =>
        getCoverageGaps(ctx.viewer, {
          fromYear: args.fromYear ?? undefined,
          toYear: args.toYear ?? undefined,
          themes: args.themes ?? [],
          countries: args.countries ?? [],
          gaps: args.gaps ?? [],
          first: args.first ?? 50,
          offset: args.offset ?? 0
        })
      )
  })
);

// ─── Isolated organisations ──────────────────────────────────────────────────────────────────────────────

const IsolatedRef = builder.objectRef<IsolatedOrganizations>('IsolatedOrganizations').implement({
  fields: (t) => ({
    totalCount: t.exposeInt('total'),
    organizations: t.field({
      type: [OrganizationRef],
      resolve: (page, _args, ctx) =>
        loadOrganizations(
          ctx,
          page.organizations.map((o) => o.id)
        )
    })
  })
});

builder.queryField('isolatedOrganizations', (t) =>
  t.field({
    type: IsolatedRef,
    description:
      'Organisations (not archived) without any confirmed partnership the viewer may see, by name. Answered live.',
    args: {
      themes: t.arg.stringList({ required: false, description: 'Only organisations on these themes (or sub-themes).' }),
      countries: t.arg.stringList({ required: false }),
      first: t.arg.int({ required: false, defaultValue: 50, description: 'At most 500.' }),
      offset: t.arg.int({ required: false, defaultValue: 0 })
    },
    resolve: (_root, args, ctx) =>
      asGraphQLErrors(() =>
        isolatedOrganizations(ctx.viewer, {
          themes: args.themes ?? [],
          countries: args.countries ?? [],
          first: args.first ?? 50,
          offset: args.offset ?? 0
        })
      )
  })
);

// ─── Brokers and communities ─────────────────────────────────────────────────────────────────────────────

const BrokerRef = builder.objectRef<Broker>('Broker').implement({
  description: 'An organisation many shortest partnership chains pass through (betweenness centrality).',
  fields: (t) => ({
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      resolve: async (b, _args, ctx) =>
        (await ctx.loaders.organizationById.load(b.organization.id)) as Organization | null
    }),
    betweenness: t.exposeFloat('betweenness', { description: 'Estimated from sampled sources on large graphs.' }),
    relative: t.exposeFloat('relative', { description: 'Betweenness relative to the top broker, in [0, 1].' }),
    partners: t.exposeInt('partners'),
    communitiesBridged: t.exposeInt('communitiesBridged', { description: 'Distinct communities among its partners.' })
  })
});

const BrokersRef = builder.objectRef<Awaited<ReturnType<typeof getBrokers>>>('Brokers').implement({
  fields: (t) => ({
    computedAt: t.field({ type: 'DateTime', resolve: (b) => b.computedAt }),
    betweennessSources: t.exposeInt('betweennessSources', { description: 'Sources sampled for betweenness.' }),
    brokers: t.field({ type: [BrokerRef], resolve: (b) => b.brokers })
  })
});

builder.queryField('brokers', (t) =>
  t.field({
    type: BrokersRef,
    description: 'The organisations that bridge the visible partnership graph the most (precomputed; see computedAt).',
    args: { first: t.arg.int({ required: false, defaultValue: 20, description: 'At most 50.' }) },
    resolve: (_root, args, ctx) => asGraphQLErrors(() => getBrokers(ctx.viewer, { first: args.first ?? 20 }))
  })
);

const ThemeCountRef = builder.objectRef<{ slug: string; organizations: number }>('ThemeCount').implement({
  fields: (t) => ({
    theme: t.field({ type: ThemeRef, nullable: true, resolve: (c, _args, ctx) => themeBySlug(ctx, c.slug) }),
    organizations: t.exposeInt('organizations')
  })
});

const CountryCountRef = builder.objectRef<{ code: string; organizations: number }>('CountryCount').implement({
  fields: (t) => ({
    country: t.field({ type: CountryRef, nullable: true, resolve: (c, _args, ctx) => countryByCode(ctx, c.code) }),
    organizations: t.exposeInt('organizations')
  })
});

const CommunityRef = builder.objectRef<Community>('Community').implement({
  description: 'A group of organisations more densely partnered with each other than with the rest (Louvain).',
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: '1 = the largest.' }),
    size: t.exposeInt('size'),
    dominantThemes: t.field({
      type: [ThemeCountRef],
      description: 'Top-level themes most members work on.',
      resolve: (c) => c.dominantThemes
    }),
    dominantCountries: t.field({ type: [CountryCountRef], resolve: (c) => c.dominantCountries }),
    hubs: t.field({
      type: [OrganizationRef],
      description: 'The best-connected members.',
      resolve: (c, _args, ctx) =>
        loadOrganizations(
          ctx,
          c.hubs.map((h) => h.id)
        )
    })
  })
});

const CommunitiesRef = builder.objectRef<Awaited<ReturnType<typeof getCommunities>>>('Communities').implement({
  fields: (t) => ({
    computedAt: t.field({ type: 'DateTime', resolve: (c) => c.computedAt }),
    communityCount: t.exposeInt('communityCount', {
      description: 'All communities, including the unreported small ones.'
    }),
    modularity: t.exposeFloat('modularity'),
    communities: t.field({ type: [CommunityRef], resolve: (c) => c.communities })
  })
});

builder.queryField('communities', (t) =>
  t.field({
    type: CommunitiesRef,
    description: 'Communities of the visible partnership graph with at least 3 members, largest first (precomputed).',
    args: { first: t.arg.int({ required: false, defaultValue: 20, description: 'At most 50.' }) },
    resolve: (_root, args, ctx) => asGraphQLErrors(() => getCommunities(ctx.viewer, { first: args.first ?? 20 }))
  })
);

// ─── Density over time ───────────────────────────────────────────────────────────────────────────────────

const DensityYearRef = builder.objectRef<DensityYear>('DensityYear').implement({
  fields: (t) => ({
    year: t.exposeInt('year'),
    organizations: t.exposeInt('organizations', { description: 'Founded by then (or founding year unknown).' }),
    activePairs: t.exposeInt('activePairs', { description: 'Pairs with a partnership running that year.' }),
    density: t.exposeFloat('density', { description: 'activePairs / possible pairs.' })
  })
});

const DensityRef = builder.objectRef<Cached<DensityOverTime>>('NetworkDensity').implement({
  fields: (t) => ({
    computedAt: t.field({ type: 'DateTime', resolve: (d) => d.computedAt }),
    visibilityLevel: t.field({ type: VisibilityLevelEnum, resolve: (d) => d.level }),
    undatedPartnerships: t.int({ resolve: (d) => d.value.undatedPartnerships }),
    years: t.field({ type: [DensityYearRef], resolve: (d) => d.value.years })
  })
});

builder.queryField('networkDensity', (t) =>
  t.field({
    type: DensityRef,
    description: 'Partnership network density per year (precomputed; see computedAt).',
    args: {
      fromYear: t.arg.int({ required: false, description: 'Default: 19 years ago.' }),
      toYear: t.arg.int({ required: false, description: 'Default: this year.' })
    },
    resolve: (_root, args, ctx) =>
      asGraphQLErrors(() =>
        getDensityOverTime(ctx.viewer, { fromYear: args.fromYear ?? undefined, toYear: args.toYear ?? undefined })
      )
  })
);
