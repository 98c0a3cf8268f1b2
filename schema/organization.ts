import type { Organization } from '../src/lib/server/db/generated/client';
import { canEditOrganization, organizationActions } from '../src/lib/server/access/policy';
import { canSeeField } from '../src/lib/server/access/field-visibility';
import { builder } from './builder';
import { badUserInput } from './input-errors';
import {
  BudgetBandEnum,
  OrganizationTypeEnum,
  PartnershipStatusEnum,
  SourceKindEnum,
  StaffSizeBandEnum,
  VisibilityEnum,
  WorkLevelEnum
} from './enums';
import { decodeId } from './ids';
import { arrayConnection } from './pagination';
import { DEFAULT_LIST_SIZE, listSize } from './list-size';
import { CountryRef, GrantRef, NetworkMembershipRef, OrganizationRef, PartnershipRef, ThemeRef } from './refs';
import { OrganizationActionsRef } from './viewer-can';
import { loadProfileBySlug } from './profile-prefetch';

const OrganizationIdentifierType = builder
  .objectRef<{ scheme: string; identifier: string }>('OrganizationIdentifier')
  .implement({
    description: 'An external identifier of an organisation in org-id.guide form, e.g. "GB-CHC-1234567".',
    fields: (t) => ({
      scheme: t.exposeString('scheme', { description: 'The org-id.guide list prefix, e.g. "GB-CHC" or "XI-PIC".' }),
      identifier: t.exposeString('identifier', { description: 'The whole identifier, scheme included.' })
    })
  });

builder.node(OrganizationRef, {
  description: 'A civil-society organisation, network secretariat, funder or public body in the directory.',
  id: { resolve: (org) => org.id },
  loadMany: (ids, ctx) => ctx.loaders.organizationById.loadMany(ids) as Promise<(Organization | null)[]>,
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable, URL-safe identifier, e.g. "refugee-law-clinic-berlin".' }),
    name: t.exposeString('name'),
    type: t.expose('type', { type: OrganizationTypeEnum }),
    description: t.exposeString('description', { nullable: true }),
    website: t.exposeString('website', { nullable: true }),
    foundedYear: t.exposeInt('foundedYear', { nullable: true }),
    hqCity: t.exposeString('hqCity', { nullable: true }),
    hqCountry: t.field({
      type: CountryRef,
      nullable: true,
      resolve: (org, _args, ctx) => (org.hqCountryCode ? ctx.loaders.countryByCode(org.hqCountryCode) : null)
    }),
    countries: t.field({
      type: [CountryRef],
      description: 'Countries the organisation works in (not only its headquarters).',
      resolve: (org, _args, ctx) => ctx.loaders.countriesByOrganization.load(org.id)
    }),
    levels: t.field({ type: [WorkLevelEnum], resolve: (org) => org.levels }),
    languages: t.stringList({ description: 'ISO 639-1 codes.', resolve: (org) => org.languages }),
    themes: t.field({ type: [ThemeRef], resolve: (org, _args, ctx) => ctx.loaders.themesByOrganization.load(org.id) }),
    staffSize: t.expose('staffSize', { type: StaffSizeBandEnum, nullable: true }),
    budgetBand: t.expose('budgetBand', { type: BudgetBandEnum, nullable: true }),
    logoUrl: t.exposeString('logoUrl', { nullable: true }),
    externalId: t.exposeString('externalId', {
      nullable: true,
      description: 'Identifier in an import source (registry number, 360Giving org-id …).'
    }),
    identifiers: t.field({
      type: [OrganizationIdentifierType],
      description:
        'Public identifiers in org-id.guide form (charity, company, association register, EU PIC …), at most one per scheme, ordered by scheme.',
      resolve: (org, _args, ctx) => ctx.loaders.identifiersByOrganization.load(org.id)
    }),
    contactEmail: t.string({
      nullable: true,
      description: 'Null when absent or when its visibility hides it from the viewer.',
      resolve: (org, _args, ctx) =>
        canSeeField(ctx.visibility, org.contactEmailVisibility, org.id) ? org.contactEmail : null
    }),
    contactEmailVisibility: t.expose('contactEmailVisibility', { type: VisibilityEnum }),
    contactPhone: t.string({
      nullable: true,
      description: 'Null when absent or when its visibility hides it from the viewer.',
      resolve: (org, _args, ctx) =>
        canSeeField(ctx.visibility, org.contactPhoneVisibility, org.id) ? org.contactPhone : null
    }),
    contactPhoneVisibility: t.expose('contactPhoneVisibility', { type: VisibilityEnum }),
    archived: t.boolean({ resolve: (org) => org.archivedAt !== null }),
    archivedAt: t.expose('archivedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    sourceKind: t.expose('sourceKind', {
      type: SourceKindEnum,
      nullable: true,
      description: 'Provenance: how the profile was last written (null: before provenance was recorded).'
    }),
    source: t.string({
      nullable: true,
      description:
        'Provenance: the import file or dataset it was last written from. An API token is named only to those who may edit the profile.',
      resolve: (org, _args, ctx) =>
        org.sourceKind === 'API_TOKEN' && !canEditOrganization(ctx.viewer, org.id) ? null : org.source
    }),
    licence: t.exposeString('licence', {
      nullable: true,
      description: "Provenance: the licence of the data as last written (e.g. a 360Giving file's), if known."
    }),
    verified: t.boolean({
      description:
        'False while a profile a member created waits for an admin’s verification (verifyOrganization); true otherwise.',
      resolve: (org) => org.unverifiedSince === null
    }),
    viewerCanEdit: t.boolean({
      description: 'Whether the viewer may edit this profile and act for it (propose, confirm, join …).',
      resolve: (org, _args, ctx) => canEditOrganization(ctx.viewer, org.id)
    }),
    viewerCan: t.field({
      type: OrganizationActionsRef,
      description: 'What the viewer may do with this organisation (ask this instead of re-deriving the rules).',
      resolve: (org, _args, ctx) => organizationActions(ctx.viewer, org.id)
    }),

    networks: t.field({
      type: [NetworkMembershipRef],
      description: 'Network memberships the viewer may see.',
      resolve: (org, _args, ctx) => ctx.loaders.networksByOrganization.load(org.id)
    }),
    partners: t.field({
      type: [OrganizationRef],
      // Null, with a GRAPH_UNAVAILABLE error, while Neo4j is down: the profile's other fields still resolve.
      nullable: true,
      description:
        'Organisations with a confirmed partnership the viewer may see (from the partnership graph), by name. ' +
        'Archived organisations are left out. Null (with a GRAPH_UNAVAILABLE error) while the graph is unavailable.',
      args: { first: t.arg.int({ required: false, defaultValue: DEFAULT_LIST_SIZE }) },
      resolve: async (org, { first }, ctx) => {
        const { ids } = await ctx.loaders.partnerGraph.load({ id: org.id, limit: listSize(first) });
        const rows = await ctx.loaders.partnerRows.loadMany(ids);
        return rows.filter((row): row is Organization => row !== null && !(row instanceof Error));
      }
    }),
    partnerCount: t.int({
      nullable: true,
      description:
        'How many organisations `partners` would list without a limit. Null (with a GRAPH_UNAVAILABLE error) while ' +
        'the graph is unavailable.',
      resolve: async (org, _args, ctx) => (await ctx.loaders.partnerGraph.load({ id: org.id, limit: 0 })).count
    }),
    partnerships: t.connection(
      {
        type: PartnershipRef,
        description:
          'Partnerships of any status the viewer may see, newest first. Proposed and declined ones are seen only ' +
          'by the two organisations and admins.',
        args: { status: t.arg({ type: [PartnershipStatusEnum], required: false }) },
        resolve: async (org, args, ctx) => {
          const all = await ctx.loaders.partnershipsByOrganization.load(org.id);
          const wanted = args.status?.length ? new Set<string>(args.status) : null;
          return arrayConnection(args, wanted ? all.filter((p) => wanted.has(p.status)) : all);
        }
      },
      {
        name: 'OrganizationPartnershipsConnection',
        fields: (c) => ({
          totalCount: c.int({ resolve: (conn) => conn.totalCount })
        })
      }
    ),
    grantsReceived: t.field({
      type: [GrantRef],
      description: 'Grants received that the viewer may see, newest award first.',
      args: { first: t.arg.int({ required: false, defaultValue: DEFAULT_LIST_SIZE }) },
      resolve: async (org, { first }, ctx) =>
        (await ctx.loaders.grantsReceivedByOrganization.load(org.id)).slice(0, listSize(first))
    }),
    grantsGiven: t.field({
      type: [GrantRef],
      description: 'Grants awarded (when the organisation is a funder) that the viewer may see, newest first.',
      args: { first: t.arg.int({ required: false, defaultValue: DEFAULT_LIST_SIZE }) },
      resolve: async (org, { first }, ctx) =>
        (await ctx.loaders.grantsGivenByOrganization.load(org.id)).slice(0, listSize(first))
    })
  })
});

builder.queryField('organization', (t) =>
  t.field({
    type: OrganizationRef,
    nullable: true,
    description: 'One organisation by its id or its slug (give exactly one). Archived ones too (see `archived`).',
    args: { id: t.arg.id({ required: false }), slug: t.arg.string({ required: false }) },
    resolve: async (_root, { id, slug }, ctx, info) => {
      if ((id == null) === (slug == null)) {
        throw badUserInput([{ field: 'id', message: 'give either id or slug' }], 'id, slug: give exactly one of them');
      }
      if (id != null) {
        const raw = decodeId(String(id), 'Organization');
        return raw ? ctx.loaders.organizationById.load(raw) : null;
      }
      return loadProfileBySlug(ctx, slug!.trim(), info);
    }
  })
);
