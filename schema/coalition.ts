/**
 * Coalition proposals (docs/decisions/0013-coalition-cells-and-exact-selection.md): a top-level query, like the
 * other matchmaking answers, using only the partnerships the viewer may see.
 */
import type { GraphQLContext } from '../src/lib/server/graphql/context';
import type { Cell, CellCoverage } from '../src/lib/server/matchmaking/cells';
import {
  proposeCoalition,
  type Coalition,
  type CoalitionComparison,
  type CoalitionMember,
  type CoalitionProposal,
  type CoalitionTie
} from '../src/lib/server/matchmaking/coalition';
import { builder } from './builder';
import { organizationIdArg } from './ids';
import { asGraphQLErrors } from './input-errors';
import { loadOrganization, loadOrganizations } from './organization-loading';
import { CountryRef, OrganizationRef, ThemeRef } from './refs';

// ─── Coalitions ──────────────────────────────────────────────────────────────────────────────────────────

/** Themes and countries by slug and code through the process-wide reference data (directory/reference-data.ts). */
async function themesOf(ctx: GraphQLContext, slugs: string[]) {
  const { bySlug } = await ctx.loaders.themes({ slugs });
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}
async function countriesOf(ctx: GraphQLContext, codes: string[]) {
  const { byCode } = await ctx.loaders.countries(codes);
  return codes.flatMap((code) => byCode.get(code) ?? []);
}

const CoalitionCellRef = builder.objectRef<Cell>('CoalitionCell').implement({
  description: 'A requested theme in a requested country.',
  fields: (t) => ({
    theme: t.field({ type: ThemeRef, resolve: async (c, _args, ctx) => (await themesOf(ctx, [c.theme]))[0]! }),
    country: t.field({ type: CountryRef, resolve: async (c, _args, ctx) => (await countriesOf(ctx, [c.country]))[0]! })
  })
});

const CoalitionCellCoverageRef = builder.objectRef<CellCoverage>('CoalitionCellCoverage').implement({
  description:
    'A requested (theme, country) cell and the members covering it: members working on the theme (or a sub-theme) ' +
    'and in the country.',
  fields: (t) => ({
    theme: t.field({ type: ThemeRef, resolve: async (c, _args, ctx) => (await themesOf(ctx, [c.theme]))[0]! }),
    country: t.field({ type: CountryRef, resolve: async (c, _args, ctx) => (await countriesOf(ctx, [c.country]))[0]! }),
    covered: t.boolean({ resolve: (c) => c.coveredBy.length > 0 }),
    coveredBy: t.field({
      type: [OrganizationRef],
      description: 'Members covering this cell, in member order; empty for a missing cell.',
      resolve: (c, _args, ctx) => loadOrganizations(ctx, c.coveredBy)
    })
  })
});

const CoalitionMemberRef = builder.objectRef<CoalitionMember>('CoalitionMember').implement({
  fields: (t) => ({
    organization: t.field({
      type: OrganizationRef,
      resolve: (m, _args, ctx) => loadOrganization(ctx, m.organization.id)
    }),
    coversThemes: t.field({
      type: [ThemeRef],
      description: 'Requested themes this member works on (itself or through a sub-theme).',
      resolve: (m, _args, ctx) => themesOf(ctx, m.coversThemes)
    }),
    coversCountries: t.field({
      type: [CountryRef],
      description: 'Requested countries this member works in.',
      resolve: (m, _args, ctx) => countriesOf(ctx, m.coversCountries)
    }),
    cells: t.field({
      type: [CoalitionCellRef],
      description: 'The requested cells this member covers: each of its requested themes in each of its countries.',
      resolve: (m) => m.cells
    })
  })
});

const CoalitionTieRef = builder.objectRef<CoalitionTie>('CoalitionTie').implement({
  description: 'A confirmed partnership (visible to the viewer) between two members.',
  fields: (t) => ({
    a: t.field({ type: OrganizationRef, resolve: (tie, _args, ctx) => loadOrganization(ctx, tie.a) }),
    b: t.field({ type: OrganizationRef, resolve: (tie, _args, ctx) => loadOrganization(ctx, tie.b) })
  })
});

const CoalitionMethodEnum = builder.enumType('CoalitionMethod', {
  description: 'How a coalition was chosen (docs/decisions/0013-coalition-cells-and-exact-selection.md).',
  values: {
    EXACT: { value: 'exact', description: 'By the HiGHS mixed-integer solver.' },
    GREEDY: {
      value: 'greedy',
      description:
        'By the greedy cover: every alternative, and a proposal too large for the solver or one it failed or timed out on.'
    }
  } as const
});

const CoalitionComparisonRef = builder.objectRef<CoalitionComparison>('CoalitionComparison').implement({
  description: 'How an alternative differs from the proposal.',
  fields: (t) => ({
    joins: t.field({
      type: [OrganizationRef],
      description: 'Members of the alternative who are not in the proposal.',
      resolve: (c, _args, ctx) => loadOrganizations(ctx, c.joins)
    }),
    leaves: t.field({
      type: [OrganizationRef],
      description: 'Members of the proposal the alternative leaves out.',
      resolve: (c, _args, ctx) => loadOrganizations(ctx, c.leaves)
    }),
    cellsGained: t.field({
      type: [CoalitionCellRef],
      description: 'Cells the alternative covers and the proposal does not.',
      resolve: (c) => c.cellsGained
    }),
    cellsLost: t.field({
      type: [CoalitionCellRef],
      description: 'Cells the proposal covers and the alternative does not.',
      resolve: (c) => c.cellsLost
    }),
    tiesDifference: t.exposeInt('tiesDifference', {
      description: 'Ties among the alternative’s members minus ties among the proposal’s.'
    })
  })
});

const CoalitionRef = builder.objectRef<Coalition>('Coalition').implement({
  description:
    'A proposed set of organisations and what it covers, counted over the requested (theme, country) cells. Every ' +
    'figure is recomputed from the members’ own themes and countries.',
  fields: (t) => ({
    members: t.field({ type: [CoalitionMemberRef], description: 'Forced members first.', resolve: (c) => c.members }),
    ties: t.field({ type: [CoalitionTieRef], resolve: (c) => c.ties }),
    cells: t.field({
      type: [CoalitionCellCoverageRef],
      description: 'Every requested cell, themes in the requested order and countries within each theme.',
      resolve: (c) => c.cells
    }),
    requestedCellCount: t.int({ resolve: (c) => c.cells.length }),
    coveredCellCount: t.int({ resolve: (c) => c.coveredCells.length }),
    missingCells: t.field({
      type: [CoalitionCellRef],
      description: 'Requested cells no member covers.',
      resolve: (c) => c.missingCells
    }),
    uncoveredThemes: t.field({
      type: [ThemeRef],
      description: 'Requested themes no member works on in any requested country.',
      resolve: (c, _args, ctx) => themesOf(ctx, c.uncoveredThemes)
    }),
    uncoveredCountries: t.field({
      type: [CountryRef],
      description: 'Requested countries in which no member works on any requested theme.',
      resolve: (c, _args, ctx) => countriesOf(ctx, c.uncoveredCountries)
    }),
    score: t.float({
      deprecationReason:
        'Unexplained figure; use coveredCellCount / requestedCellCount, ties and members. Now the share of requested ' +
        'cells covered.',
      resolve: (c) => (c.cells.length === 0 ? 0 : c.coveredCells.length / c.cells.length)
    }),
    method: t.field({ type: CoalitionMethodEnum, resolve: (c) => c.method }),
    provenOptimal: t.exposeBoolean('provenOptimal', {
      description:
        'True when it is proven that no coalition from the candidates covers more cells, with fewer members, ' +
        'or with more ties among them (within the constraints: forced members, size, differing from earlier ones): ' +
        'by the solver, or for a greedy alternative by equalling an earlier coalition the solver proved optimal.'
    }),
    comparedToProposal: t.field({
      type: CoalitionComparisonRef,
      nullable: true,
      description: 'For an alternative: how it differs from the proposal. Null for the proposal.',
      resolve: (c) => c.comparedToProposal
    })
  })
});

const CoalitionProposalRef = builder.objectRef<CoalitionProposal>('CoalitionProposal').implement({
  fields: (t) => ({
    best: t.field({ type: CoalitionRef, resolve: (p) => p }),
    alternatives: t.field({
      type: [CoalitionRef],
      description:
        'Up to three other coalitions, each changing at least half of the freely chosen members of every one before.',
      resolve: (p) => p.alternatives
    }),
    unreachableCells: t.field({
      type: [CoalitionCellRef],
      description: 'Requested cells no organisation in the Atlas covers (archived and excluded ones left out).',
      resolve: (p) => p.unreachableCells
    })
  })
});

builder.queryField('proposeCoalition', (t) =>
  t.field({
    type: CoalitionProposalRef,
    description:
      'The fewest organisations covering the most requested (theme, country) cells — a member covers a cell when it ' +
      'works on the theme (or a sub-theme) and in the country — preferring organisations already partnered with ' +
      'each other; solved exactly with HiGHS where small enough, else greedily ' +
      '(docs/decisions/0013-coalition-cells-and-exact-selection.md); with greedy alternatives ' +
      '(docs/decisions/0035-coalition-alternatives-greedy-with-a-proof.md).',
    args: {
      themes: t.arg.stringList({ required: true, description: 'Theme slugs.' }),
      countries: t.arg.stringList({ required: true, description: 'ISO 3166-1 alpha-2 codes.' }),
      size: t.arg.int({
        required: false,
        description: 'Members wanted (2–20); default: as few as cover every coverable cell.'
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
