import type { Partnership } from '../src/lib/server/db/generated/client';
import {
  confirmPartnership,
  declinePartnership,
  endPartnership,
  proposePartnership,
  withdrawPartnership
} from '../src/lib/server/partnerships/partnerships';
import { canEditOrganization, partnershipActions } from '../src/lib/server/access/policy';
import { effectiveStatus } from '../src/lib/server/partnerships/proposal-expiry';
import { setPartnershipVisibility } from '../src/lib/server/partnerships/visibility-change';
import { builder } from './builder';
import { PartnershipKindEnum, PartnershipStatusEnum, VisibilityEnum } from './enums';
import { mutationResults } from './errors';
import { decodeId, withoutNulls } from './ids';
import { OrganizationRef, PartnershipRef, ThemeRef } from './refs';
import { PartnershipActionsRef } from './viewer-can';

builder.node(PartnershipRef, {
  description:
    'A partnership between two organisations: proposed by orgA, confirmed or declined by orgB, ended by either.',
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => ctx.loaders.partnershipById.loadMany(ids) as Promise<(Partnership | null)[]>,
  fields: (t) => ({
    kind: t.expose('kind', { type: PartnershipKindEnum }),
    status: t.field({
      type: PartnershipStatusEnum,
      description: 'A PROPOSED partnership past its expiresAt is EXPIRED, even before the background sweep wrote it.',
      resolve: (p) => effectiveStatus(p)
    }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When an unanswered proposal expires; null for imported rows (they do not expire).'
    }),
    message: t.string({
      nullable: true,
      description:
        "The proposer's message to the invited side. Only members of the two organisations (and admins) read it.",
      resolve: (p, _args, ctx) =>
        canEditOrganization(ctx.viewer, p.orgAId) || canEditOrganization(ctx.viewer, p.orgBId) ? p.message : null
    }),
    invitedSideReachable: t.boolean({
      nullable: true,
      description:
        'Whether anyone manages the invited organisation (orgB) on the Atlas, so that a proposal reaches a person. ' +
        'Only for the proposing side (and admins); null for everyone else.',
      resolve: async (p, _args, ctx) =>
        canEditOrganization(ctx.viewer, p.orgAId)
          ? (await ctx.loaders.activeMemberCountByOrganization.load(p.orgBId)) > 0
          : null
    }),
    viewerCan: t.field({
      type: PartnershipActionsRef,
      description: 'What the viewer may do with this partnership (ask this instead of re-deriving the rules).',
      resolve: (p, _args, ctx) =>
        partnershipActions(ctx.viewer, { status: effectiveStatus(p), orgAId: p.orgAId, orgBId: p.orgBId })
    }),
    visibility: t.expose('visibility', { type: VisibilityEnum }),
    title: t.exposeString('title', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    startDate: t.expose('startDate', { type: 'Date', nullable: true }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    orgA: t.field({
      type: OrganizationRef,
      description: 'The proposing side.',
      resolve: async (p, _args, ctx) => (await ctx.loaders.organizationById.load(p.orgAId))!
    }),
    orgB: t.field({
      type: OrganizationRef,
      description: 'The invited side, who confirms or declines.',
      resolve: async (p, _args, ctx) => (await ctx.loaders.organizationById.load(p.orgBId))!
    }),
    themes: t.field({ type: [ThemeRef], resolve: (p, _args, ctx) => ctx.loaders.themesByPartnership.load(p.id) }),
    source: t.exposeString('source', {
      nullable: true,
      description: 'The dataset an imported partnership came from; null when entered in the app.'
    }),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' })
  })
});

builder.queryField('partnership', (t) =>
  t.field({
    type: PartnershipRef,
    nullable: true,
    description: 'One partnership, or null when it does not exist or the viewer may not see it.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => {
      const raw = decodeId(String(id), 'Partnership');
      return raw ? ctx.loaders.partnershipById.load(raw) : null;
    }
  })
);

const ProposePartnershipInput = builder.inputType('ProposePartnershipInput', {
  fields: (t) => ({
    orgAId: t.id({ required: true, description: 'The proposing organisation (you must belong to it).' }),
    orgBId: t.id({ required: true, description: 'The invited organisation, who confirms or declines.' }),
    kind: t.field({ type: PartnershipKindEnum, required: true }),
    title: t.string({ required: false }),
    description: t.string({ required: false }),
    message: t.string({
      required: false,
      description: 'A note to the invited side (at most 2000 characters), mailed to its members.'
    }),
    themes: t.stringList({ required: false, description: 'Theme slugs.' }),
    startDate: t.field({ type: 'Date', required: false }),
    endDate: t.field({ type: 'Date', required: false }),
    visibility: t.field({ type: VisibilityEnum, required: false, description: 'Default MEMBERS.' })
  })
});

const EndPartnershipInput = builder.inputType('EndPartnershipInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    endDate: t.field({ type: 'Date', required: false, description: 'Default: today.' })
  })
});

const SetPartnershipVisibilityInput = builder.inputType('SetPartnershipVisibilityInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    visibility: t.field({
      type: VisibilityEnum,
      required: true,
      description: 'PUBLIC: everybody; MEMBERS: signed-in users; PRIVATE: only the two organisations (and admins).'
    })
  })
});

const [propose, confirm, decline, withdraw, end, setVisibility] = mutationResults('partnership', PartnershipRef, [
  ['ProposePartnership', 'The partnership was proposed.'],
  ['ConfirmPartnership', 'The partnership is confirmed.'],
  ['DeclinePartnership', 'The proposal was declined.'],
  ['WithdrawPartnership', 'The proposal was withdrawn.'],
  ['EndPartnership', 'The partnership has ended.'],
  ['SetPartnershipVisibility', 'The partnership now has the requested visibility.']
]);

builder.mutationFields((t) => ({
  proposePartnership: t.field({
    type: propose.union,
    description: 'orgA proposes a partnership to orgB. Until orgB confirms, only the two sides see it.',
    args: { input: t.arg({ type: ProposePartnershipInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return propose.withIds(
        { orgAId: input.orgAId, orgBId: input.orgBId },
        { orgAId: 'Organization', orgBId: 'Organization' },
        (ids) => proposePartnership(ctx.viewer, { ...withoutNulls(input), ...ids })
      );
    }
  }),
  confirmPartnership: t.field({
    type: confirm.union,
    description: 'The invited side (orgB) accepts a proposed partnership.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      return confirm.withIds({ id }, { id: 'Partnership' }, (ids) => confirmPartnership(ctx.viewer, ids));
    }
  }),
  declinePartnership: t.field({
    type: decline.union,
    description: 'The invited side (orgB) turns a proposed partnership down.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      return decline.withIds({ id }, { id: 'Partnership' }, (ids) => declinePartnership(ctx.viewer, ids));
    }
  }),
  withdrawPartnership: t.field({
    type: withdraw.union,
    description: 'The proposing side (orgA) takes back a proposal that is still PROPOSED and has not expired.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      return withdraw.withIds({ id }, { id: 'Partnership' }, (ids) => withdrawPartnership(ctx.viewer, ids));
    }
  }),
  endPartnership: t.field({
    type: end.union,
    description: 'Either side ends a confirmed partnership.',
    args: { input: t.arg({ type: EndPartnershipInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return end.withIds({ id: input.id }, { id: 'Partnership' }, (ids) =>
        endPartnership(ctx.viewer, { id: ids.id, endDate: input.endDate })
      );
    }
  }),
  setPartnershipVisibility: t.field({
    type: setVisibility.union,
    description:
      'Changes who sees a partnership. Either side may make it less visible at any time; making it more visible ' +
      'needs both sides (a member of both organisations, or an admin; or orgA while it is still PROPOSED). ' +
      'Partners, paths, recommendations and analytics (cached ones too) reflect it when this returns.',
    args: { input: t.arg({ type: SetPartnershipVisibilityInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return setVisibility.withIds({ id: input.id }, { id: 'Partnership' }, (ids) =>
        setPartnershipVisibility(ctx.viewer, { id: ids.id, visibility: input.visibility })
      );
    }
  })
}));
