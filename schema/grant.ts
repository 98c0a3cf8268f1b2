import { getDb } from '../src/lib/server/platform/db';
import type { Grant } from '../src/lib/server/db/generated/client';
import { recordGrant } from '../src/lib/server/grants/grants';
import { grantSortKey, grantTotals, searchGrantIds, type GrantFilter } from '../src/lib/server/grants/queries';
import type { FieldError } from '../src/lib/server/validation/field-errors';
import { builder } from './builder';
import { badUserInput } from './input-errors';
import { VisibilityEnum } from './enums';
import { mutationResult } from './errors';
import { decodeId, withoutNulls } from './ids';
import { keysetConnection } from './pagination';
import { CountryRef, GrantRef, OrganizationRef, ThemeRef } from './refs';

builder.node(GrantRef, {
  description: 'A grant from a funder to a recipient (fields follow the 360Giving data standard where they fit).',
  id: { resolve: (g) => g.id },
  loadMany: (ids, ctx) => ctx.loaders.grantById.loadMany(ids) as Promise<(Grant | null)[]>,
  fields: (t) => ({
    externalId: t.exposeString('externalId', {
      nullable: true,
      description: '360Giving Identifier, e.g. "360G-funder-123"; null for grants entered in the app.'
    }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    amountAwarded: t.string({
      description: 'Decimal amount as a string (no floating-point rounding), e.g. "25000.00".',
      resolve: (g) => g.amountAwarded.toFixed(2)
    }),
    currency: t.exposeString('currency', { description: 'ISO 4217, e.g. "EUR".' }),
    awardDate: t.expose('awardDate', { type: 'Date' }),
    plannedStartDate: t.expose('plannedStartDate', { type: 'Date', nullable: true }),
    plannedEndDate: t.expose('plannedEndDate', { type: 'Date', nullable: true }),
    grantProgramme: t.exposeString('grantProgramme', { nullable: true }),
    source: t.exposeString('source', { nullable: true, description: 'The dataset the grant came from.' }),
    visibility: t.expose('visibility', { type: VisibilityEnum }),
    funder: t.field({
      type: OrganizationRef,
      resolve: async (g, _args, ctx) => (await ctx.loaders.organizationById.load(g.funderId))!
    }),
    recipient: t.field({
      type: OrganizationRef,
      resolve: async (g, _args, ctx) => (await ctx.loaders.organizationById.load(g.recipientId))!
    }),
    themes: t.field({ type: [ThemeRef], resolve: (g, _args, ctx) => ctx.loaders.themesByGrant.load(g.id) }),
    countries: t.field({
      type: [CountryRef],
      description: "Where the money is spent (360Giving beneficiaryLocation), not the recipient's headquarters.",
      resolve: (g, _args, ctx) => ctx.loaders.countriesByGrant.load(g.id)
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' })
  })
});

const GrantFilterInput = builder.inputType('GrantFilter', {
  fields: (t) => ({
    themes: t.stringList({ required: false, description: 'Theme slugs; sub-themes included.' }),
    countries: t.stringList({ required: false, description: 'Where the money is spent (ISO alpha-2).' }),
    funderIds: t.idList({ required: false }),
    recipientIds: t.idList({ required: false }),
    yearFrom: t.int({ required: false, description: 'Award year, inclusive.' }),
    yearTo: t.int({ required: false, description: 'Award year, inclusive.' })
  })
});

export const CurrencyTotal = builder
  .objectRef<{ currency: string; amount: string; count: number }>('CurrencyTotal')
  .implement({
    description: 'A sum of grant amounts in one currency (amounts are never converted or added across currencies).',
    fields: (t) => ({
      currency: t.exposeString('currency'),
      amount: t.exposeString('amount', { description: 'Decimal string.' }),
      count: t.exposeInt('count')
    })
  });

builder.queryField('grants', (t) =>
  t.connection(
    {
      type: GrantRef,
      description: 'Grants the viewer may see, newest award first; `totals` sums them per currency.',
      args: { filter: t.arg({ type: GrantFilterInput, required: false }) },
      resolve: async (_root, args, ctx) => {
        const input = args.filter ?? {};
        const errors: FieldError[] = [];
        const decode = (list: readonly (string | number)[] | null | undefined, field: string) =>
          list?.map((value, i) => {
            const id = decodeId(String(value), 'Organization');
            if (!id) errors.push({ field: `filter.${field}[${i}]`, message: 'is not a valid Organization id' });
            return id ?? '';
          });
        const filter: GrantFilter = {
          themes: input.themes,
          countries: input.countries?.map((c) => c.trim().toUpperCase()),
          funderIds: decode(input.funderIds, 'funderIds'),
          recipientIds: decode(input.recipientIds, 'recipientIds'),
          yearFrom: input.yearFrom,
          yearTo: input.yearTo
        };
        if (errors.length > 0) throw badUserInput(errors);
        const connection = await keysetConnection(args, {
          connection: 'grants',
          arity: 2,
          fetch: async (page) => {
            const ids = await searchGrantIds(getDb(), ctx.visibility, filter, page);
            const rows = await ctx.loaders.grantById.loadMany(ids);
            return rows
              .filter((row): row is Grant => row !== null && !(row instanceof Error))
              .map((node) => ({ node, key: grantSortKey(node) }));
          }
        });
        return { ...connection, filter };
      }
    },
    {
      name: 'GrantConnection',
      fields: (c) => ({
        totalCount: c.int({
          resolve: async (conn, _args, ctx) => (await grantTotals(getDb(), ctx.visibility, conn.filter)).count
        }),
        totals: c.field({
          type: [CurrencyTotal],
          description: 'Sum of all matching grants (not only this page) per currency, largest first.',
          resolve: async (conn, _args, ctx) => (await grantTotals(getDb(), ctx.visibility, conn.filter)).totals
        })
      })
    }
  )
);

const RecordGrantInput = builder.inputType('RecordGrantInput', {
  fields: (t) => ({
    funderId: t.id({ required: true, description: 'The funder (you must belong to it).' }),
    recipientId: t.id({ required: true }),
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    amountAwarded: t.string({
      required: true,
      description: 'Decimal string > 0, at most 2 decimals, e.g. "25000.00".'
    }),
    currency: t.string({ required: true, description: 'ISO 4217, e.g. "EUR".' }),
    awardDate: t.field({ type: 'Date', required: true }),
    plannedStartDate: t.field({ type: 'Date', required: false }),
    plannedEndDate: t.field({ type: 'Date', required: false }),
    grantProgramme: t.string({ required: false }),
    themes: t.stringList({ required: false, description: 'Theme slugs.' }),
    countries: t.stringList({ required: false, description: 'Where the money is spent (ISO alpha-2).' }),
    visibility: t.field({ type: VisibilityEnum, required: false, description: 'Default PUBLIC.' }),
    externalId: t.string({ required: false, description: '360Giving Identifier, unique.' })
  })
});

const record = mutationResult('RecordGrant', 'grant', GrantRef, 'The grant was recorded.');

builder.mutationField('recordGrant', (t) =>
  t.field({
    type: record.union,
    description: "A funder's member (or an admin) records a grant it awarded.",
    args: { input: t.arg({ type: RecordGrantInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return record.withIds(
        { funderId: input.funderId, recipientId: input.recipientId },
        { funderId: 'Organization', recipientId: 'Organization' },
        (ids) =>
          recordGrant(ctx.viewer, {
            ...withoutNulls(input),
            ...ids,
            themes: input.themes ?? [],
            countries: input.countries ?? []
          })
      );
    }
  })
);
