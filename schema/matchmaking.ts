/**
 * Matchmaking on the partnership graph: partner recommendations, connection paths and coalition proposals.
 * Top-level query fields (not fields of Organization) so that one request runs each graph query once, never once
 * per organisation of a list. Organisations, themes and countries in the answers come through the request's
 * batched loaders. Every answer uses only the partnerships the viewer may see (see src/lib/server/matchmaking).
 */
import type { Organization } from '../src/lib/server/db/generated/client';
import { connectionPaths } from '../src/lib/server/matchmaking/paths';
import { recommendPartners, type Contribution, type Recommendation } from '../src/lib/server/matchmaking/recommend';
import { REASONS, type Reason } from '../src/lib/server/matchmaking/ranking/model';
import { builder } from './builder';
import { WorkLevelEnum } from './enums';
import { organizationIdArg } from './ids';
import { asGraphQLErrors } from './input-errors';
import { loadOrganization, loadOrganizations } from './organization-loading';
import { CountryRef, OrganizationRef, ThemeRef } from './refs';

// ─── Recommendations ─────────────────────────────────────────────────────────────────────────────────────

const ScorePartsRef = builder.objectRef<Recommendation['scoreParts']>('RecommendationScoreParts').implement({
  description:
    'The terms of a recommendation score before weighting, each in [0, 1] (docs/decisions/0006-recommendation-score.md).',
  fields: (t) => ({
    network: t.exposeFloat('network', { description: '1 − exp(−Adamic-Adar) over shared partners.' }),
    theme: t.exposeFloat('theme', {
      description: 'Share of the focus themes the candidate works on (a sub-theme counts; the same parent theme half).'
    }),
    geography: t.exposeFloat('geography', { description: 'Shared focus countries (two or all of them count fully).' }),
    complement: t.exposeFloat('complement', { description: 'Countries and levels of work the candidate adds.' }),
    popularity: t.exposeFloat('popularity', { description: 'Visible confirmed partnerships d, as d / (d + 10).' })
  })
});

const RecommendationReasonEnum = builder.enumType('RecommendationReason', {
  description:
    'A term of the learned ranking, grouped as shown to people (docs/decisions/0012-learned-ranking.md): shared ' +
    'partners, well connected (overall, within the focus themes, in the focus countries), thematic fit, shared ' +
    'countries, what the candidate adds, the same type of organisation.',
  values: Object.fromEntries(REASONS.map((r) => [r.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), { value: r }])) as {
    [K in Reason as Uppercase<K>]: { value: K };
  }
});

const ContributionRef = builder.objectRef<Contribution>('RecommendationContribution').implement({
  description: 'How much one reason raised a recommendation’s score.',
  fields: (t) => ({
    reason: t.field({ type: RecommendationReasonEnum, resolve: (c) => c.reason }),
    weight: t.exposeFloat('weight', {
      description: 'Added log-odds of a partnership, above a candidate without this reason; the largest weighed most.'
    })
  })
});

const ReasonsRef = builder.objectRef<Recommendation['reasons']>('RecommendationReasons').implement({
  description: 'Why an organisation is recommended. Uses only partnerships the viewer may see.',
  fields: (t) => ({
    sharedPartners: t.field({
      type: [OrganizationRef],
      description: 'Partners both organisations have.',
      resolve: (reasons, _args, ctx) =>
        loadOrganizations(
          ctx,
          reasons.sharedPartners.map((p) => p.id)
        )
    }),
    sharedThemes: t.field({
      type: [ThemeRef],
      description: 'Focus themes the candidate works on; for a partial match, the shared parent theme.',
      resolve: async (reasons, _args, ctx) => {
        const { bySlug } = await ctx.loaders.themes({ slugs: reasons.sharedThemes });
        return reasons.sharedThemes.flatMap((slug) => bySlug.get(slug) ?? []);
      }
    }),
    sharedCountries: t.field({
      type: [CountryRef],
      resolve: async (reasons, _args, ctx) => {
        const { byCode } = await ctx.loaders.countries(reasons.sharedCountries);
        return reasons.sharedCountries.flatMap((code) => byCode.get(code) ?? []);
      }
    }),
    countriesAdded: t.field({
      type: [CountryRef],
      description: 'Countries the candidate works in and the organisation does not.',
      resolve: async (reasons, _args, ctx) => {
        const { byCode } = await ctx.loaders.countries(reasons.countriesAdded);
        return reasons.countriesAdded.flatMap((code) => byCode.get(code) ?? []);
      }
    }),
    levelsAdded: t.field({
      type: [WorkLevelEnum],
      description: 'Levels of work the candidate covers and the organisation does not.',
      resolve: (reasons) => reasons.levelsAdded as never
    }),
    distance: t.int({
      nullable: true,
      description: 'Partnerships on the shortest visible chain between the two (2 = a shared partner); null beyond 3.',
      resolve: (reasons) => reasons.distance
    }),
    partnerCount: t.exposeInt('partnerCount', {
      description: 'The candidate’s confirmed partnerships the viewer may see ("well connected" rests on it).'
    })
  })
});

const RecommendationRef = builder.objectRef<Recommendation>('PartnerRecommendation').implement({
  description: 'A recommended partner with its score and the reasons behind it.',
  fields: (t) => ({
    organization: t.field({
      type: OrganizationRef,
      resolve: (rec, _args, ctx) => loadOrganization(ctx, rec.organization.id)
    }),
    score: t.exposeFloat('score', {
      description: 'In (0, 1): the learned model’s estimate that the two become partners; higher is a better match.'
    }),
    scoreParts: t.field({ type: ScorePartsRef, resolve: (rec) => rec.scoreParts }),
    contributions: t.field({
      type: [ContributionRef],
      description:
        'The reasons that raised the score, largest first: each is a term of the ranking that contributed to this ' +
        'candidate’s rank. The first weighed most.',
      resolve: (rec) => rec.contributions
    }),
    reasons: t.field({ type: ReasonsRef, resolve: (rec) => rec.reasons })
  })
});

builder.queryField('recommendedPartners', (t) =>
  t.field({
    type: [RecommendationRef],
    description:
      'Organisations the given one could partner with, best first, ranked by a model learned from the public ' +
      'partnership history: partners of its partners (Adamic-Adar, common neighbours), how well connected a ' +
      'candidate is (overall and within the focus themes and countries), thematic fit (sub-themes count, the same ' +
      'parent theme partially), shared and added countries and levels of work, organisation type. Existing ' +
      'partners, the organisation itself and archived organisations are left out. Organisations without ' +
      'partnerships get recommendations from their profile and the best connected organisations.',
    args: {
      organizationId: t.arg.id({ required: true }),
      themes: t.arg.stringList({
        required: false,
        description: 'Focus theme slugs: candidates must work on one (or a sub-theme).'
      }),
      countries: t.arg.stringList({
        required: false,
        description: 'Focus country codes: candidates must work in one.'
      }),
      first: t.arg.int({ required: false, defaultValue: 10, description: 'At most 100.' })
    },
    resolve: async (_root, args, ctx) => {
      const recommendations = await asGraphQLErrors(() =>
        recommendPartners(ctx.viewer, {
          organizationId: organizationIdArg(args.organizationId, 'organizationId'),
          themes: args.themes ?? [],
          countries: args.countries ?? [],
          first: args.first ?? 10
        })
      );
      // One batched load for the page; a candidate deleted since the last projection is dropped, not an error.
      const present = new Set(
        (
          await loadOrganizations(
            ctx,
            recommendations.map((r) => r.organization.id)
          )
        ).map((o) => o.id)
      );
      return recommendations.filter((r) => present.has(r.organization.id));
    }
  })
);

// ─── Connection paths ────────────────────────────────────────────────────────────────────────────────────

const PathRef = builder.objectRef<Organization[]>('ConnectionPath').implement({
  description: 'A chain of organisations, each partnered with the next.',
  fields: (t) => ({
    organizations: t.field({ type: [OrganizationRef], description: 'From `from` to `to`.', resolve: (path) => path }),
    length: t.int({ description: 'Partnerships along the chain.', resolve: (path) => path.length - 1 })
  })
});

builder.queryField('connectionPaths', (t) =>
  t.field({
    type: [PathRef],
    description:
      'The shortest chains of confirmed partnerships (at most 6) from one organisation to another, each from `from` ' +
      'to `to`; only partnerships the viewer may see, never through archived organisations. Empty when unconnected.',
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      max: t.arg.int({ required: false, defaultValue: 3, description: 'How many paths, at most 10.' })
    },
    resolve: async (_root, args, ctx) => {
      const paths = await asGraphQLErrors(() =>
        connectionPaths(ctx.viewer, {
          from: organizationIdArg(args.from, 'from'),
          to: organizationIdArg(args.to, 'to'),
          max: args.max ?? 3
        })
      );
      const rows = await loadOrganizations(ctx, [...new Set(paths.flat().map((o) => o.id))]);
      const byId = new Map(rows.map((o) => [o.id, o]));
      return paths.map((path) => path.flatMap((o) => byId.get(o.id) ?? []));
    }
  })
);
