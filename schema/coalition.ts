/**
 * Coalition proposals (docs/decisions/0007-coalition-algorithm.md): a top-level query, like the other matchmaking
 * answers, using only the partnerships the viewer may see.
 */
import { proposeCoalition, type Coalition, type CoalitionProposal } from '../src/lib/server/matchmaking/coalition';
import { builder } from './builder';
import { asGraphQLErrors, loadOrganization, organizationIdArg } from './matchmaking';
import { CountryRef, OrganizationRef } from './refs';

// ─── Coalitions ──────────────────────────────────────────────────────────────────────────────────────────

type Member = Coalition['members'][number];
type Tie = Coalition['ties'][number];

const CoalitionMemberRef = builder.objectRef<Member>('CoalitionMember').implement({
  fields: (t) => ({
    organization: t.field({
      type: OrganizationRef,
      resolve: (m, _args, ctx) => loadOrganization(ctx, m.organization.id)
    }),
    coversCountries: t.field({
      type: [CountryRef],
      description: 'Requested countries this member works in.',
      resolve: async (m, _args, ctx) => {
        const { byCode } = await ctx.loaders.countries();
        return m.coversCountries.flatMap((code) => byCode.get(code) ?? []);
      }
    })
  })
});

const CoalitionTieRef = builder.objectRef<Tie>('CoalitionTie').implement({
  description: 'A confirmed partnership (visible to the viewer) between two members.',
  fields: (t) => ({
    a: t.field({ type: OrganizationRef, resolve: (tie, _args, ctx) => loadOrganization(ctx, tie.a) }),
    b: t.field({ type: OrganizationRef, resolve: (tie, _args, ctx) => loadOrganization(ctx, tie.b) })
  })
});

const CoalitionRef = builder.objectRef<Coalition>('Coalition').implement({
  description: 'A proposed set of organisations covering the requested countries.',
  fields: (t) => ({
    members: t.field({ type: [CoalitionMemberRef], description: 'In the order chosen.', resolve: (c) => c.members }),
    ties: t.field({ type: [CoalitionTieRef], resolve: (c) => c.ties }),
    uncoveredCountries: t.field({
      type: [CountryRef],
      description: 'Requested countries no suitable organisation works in.',
      resolve: async (c, _args, ctx) => {
        const { byCode } = await ctx.loaders.countries();
        return c.uncoveredCountries.flatMap((code) => byCode.get(code) ?? []);
      }
    }),
    score: t.exposeFloat('score', {
      description: '0.6 × coverage + 0.25 × tie density + 0.15 × thematic fit, in [0, 1].'
    })
  })
});

const CoalitionProposalRef = builder.objectRef<CoalitionProposal>('CoalitionProposal').implement({
  fields: (t) => ({
    best: t.field({ type: CoalitionRef, resolve: (p) => p }),
    alternatives: t.field({
      type: [CoalitionRef],
      description: 'Up to three other coalitions, each built without the leading members of the one before.',
      resolve: (p) => p.alternatives
    })
  })
});

builder.queryField('proposeCoalition', (t) =>
  t.field({
    type: CoalitionProposalRef,
    description:
      'A coalition of organisations working on the themes (or their sub-themes) that covers the countries, ' +
      'preferring organisations already partnered with each other (greedy set cover, ' +
      'docs/decisions/0007-coalition-algorithm.md), with alternatives.',
    args: {
      themes: t.arg.stringList({ required: true, description: 'Theme slugs.' }),
      countries: t.arg.stringList({ required: true, description: 'ISO 3166-1 alpha-2 codes.' }),
      size: t.arg.int({
        required: false,
        description: 'Members wanted (2–20); default: as few as cover the countries.'
      }),
      include: t.arg.idList({ required: false, description: 'Organisations that must be members.' }),
      exclude: t.arg.idList({ required: false, description: 'Organisations that must not be members.' })
    },
    resolve: (_root, args, ctx) =>
      asGraphQLErrors(() =>
        proposeCoalition(ctx.viewer, {
          themes: args.themes,
          countries: args.countries,
          size: args.size ?? undefined,
          include: (args.include ?? []).map((id, i) => organizationIdArg(id, `include[${i}]`)),
          exclude: (args.exclude ?? []).map((id, i) => organizationIdArg(id, `exclude[${i}]`))
        })
      )
  })
);
