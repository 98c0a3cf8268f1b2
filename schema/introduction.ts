import type { IntroductionView } from '../src/lib/server/introductions/views';
import { answerIntroduction, reportIntroduction } from '../src/lib/server/introductions/answer';
import { introductionsAsked, introductionsReceived } from '../src/lib/server/introductions/queries';
import { requestIntroduction } from '../src/lib/server/introductions/request';
import { introductionView, introductionViewInclude } from '../src/lib/server/introductions/views';
import { getDb } from '../src/lib/server/platform/db';
import type { Viewer } from '../src/lib/server/access/viewer';
import type { Outcome } from '../src/lib/server/validation/outcome';
import { MeRef } from './account';
import { builder } from './builder';
import { mutationResults, validationError } from './errors';
import { decodeIds } from './ids';
import { OrganizationRef } from './refs';

/** Consent-based introductions (issue 15 part 4, decision 0039). What each side sees: introductions/views.ts. */
const IntroductionStateEnum = builder.enumType('IntroductionState', {
  description:
    'Where a request stands, as the viewer may know it. The asker sees PENDING, ACCEPTED or NOT_NOW (a decline ' +
    'and a lapse alike); the asked side sees PENDING, ACCEPTED, DECLINED or EXPIRED.',
  values: ['PENDING', 'ACCEPTED', 'NOT_NOW', 'DECLINED', 'EXPIRED'] as const
});
const IntroductionSideEnum = builder.enumType('IntroductionSide', {
  description: 'ASKER: the viewer asked; ASKED: the viewer is a member of the organisation asked.',
  values: { ASKER: { value: 'asker' }, ASKED: { value: 'asked' } } as const
});

const PersonContactRef = builder.objectRef<{ name: string; email: string }>('IntroductionPerson').implement({
  fields: (t) => ({ name: t.exposeString('name'), email: t.exposeString('email') })
});
const ContactsRef = builder.objectRef<NonNullable<IntroductionView['contacts']>>('IntroductionContacts').implement({
  description: 'What an accepted introduction exchanges: the other side’s people and organisation address.',
  fields: (t) => ({
    people: t.field({ type: [PersonContactRef], resolve: (c) => c.people }),
    organizationEmail: t.exposeString('organizationEmail', {
      nullable: true,
      description: 'The other organisation’s contact address, if recorded and visible to the viewer.'
    })
  })
});

export const IntroductionRef = builder.objectRef<IntroductionView>('Introduction').implement({
  description: 'A request to be introduced to an organisation, as the viewer (its asker or the asked side) sees it.',
  fields: (t) => ({
    id: t.globalID({ resolve: (i) => ({ type: 'Introduction', id: i.id }) }),
    side: t.field({ type: IntroductionSideEnum, resolve: (i) => i.side }),
    state: t.field({ type: IntroductionStateEnum, resolve: (i) => i.state }),
    from: t.field({
      type: OrganizationRef,
      description: 'The organisation the asker acts for.',
      resolve: async (i, _args, ctx) => (await ctx.loaders.organizationById.load(i.from.id))!
    }),
    to: t.field({
      type: OrganizationRef,
      description: 'The organisation asked.',
      resolve: async (i, _args, ctx) => (await ctx.loaders.organizationById.load(i.to.id))!
    }),
    message: t.exposeString('message'),
    reason: t.exposeString('reason', { nullable: true }),
    requestedAt: t.field({ type: 'DateTime', resolve: (i) => i.requestedAt }),
    expiresAt: t.field({ type: 'DateTime', resolve: (i) => i.expiresAt }),
    requesterName: t.exposeString('requesterName', { nullable: true, description: 'The asked side only.' }),
    answeredBy: t.exposeString('answeredBy', { nullable: true, description: 'The asked side only.' }),
    answeredAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The asked side; the asker only for an acceptance (never when a decline happened).',
      resolve: (i) => i.answeredAt
    }),
    contacts: t.field({
      type: ContactsRef,
      nullable: true,
      description: 'Only once ACCEPTED.',
      resolve: (i) => i.contacts
    })
  })
});

builder.objectFields(MeRef, (t) => ({
  introductionsAsked: t.field({
    type: [IntroductionRef],
    description: 'The introductions the viewer asked for, newest first (at most 50).',
    resolve: (me) => introductionsAsked(me.viewer)
  }),
  introductionsReceived: t.field({
    type: [IntroductionRef],
    description: 'Requests to the viewer’s organisations, newest first (at most 50).',
    resolve: (me) => introductionsReceived(me.viewer)
  })
}));

builder.queryField('introduction', (t) =>
  t.field({
    type: IntroductionRef,
    nullable: true,
    description: 'One introduction, or null unless the viewer asked for it or belongs to the organisation asked.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const { ids, errors } = decodeIds({ id: String(id) }, { id: 'Introduction' });
      if (errors.length > 0) return null;
      const row = await getDb().introduction.findUnique({ where: { id: ids.id }, include: introductionViewInclude });
      return row ? introductionView(ctx.viewer, row) : null;
    }
  })
);

const RequestIntroductionInput = builder.inputType('RequestIntroductionInput', {
  fields: (t) => ({
    fromOrganizationId: t.id({ required: true, description: 'The organisation you ask for (you must belong to it).' }),
    toOrganizationId: t.id({ required: true, description: 'The organisation you would like to meet.' }),
    message: t.string({ required: true, description: '10–1000 characters, mailed to its members.' }),
    reason: t.string({
      required: false,
      description: 'Why you should meet (at most 500 characters), e.g. the recommendation’s top reason.'
    })
  })
});
const AnswerIntroductionInput = builder.inputType('AnswerIntroductionInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    accept: t.boolean({ required: true, description: 'true: accept and exchange contacts; false: decline.' })
  })
});
const ReportIntroductionInput = builder.inputType('ReportIntroductionInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    note: t.string({ required: false, description: 'For the admins (at most 1000 characters).' })
  })
});

const [requested, answered, reported] = mutationResults('introduction', IntroductionRef, [
  ['RequestIntroduction', 'The request was sent to the members of the organisation asked.'],
  ['AnswerIntroduction', 'The answer is recorded.'],
  ['ReportIntroduction', 'The report reached the admins (a waiting request is declined with it).']
]);

/** The asker's own view of the new request (the service returns the row). */
async function asView(viewer: Viewer, outcome: Outcome<{ id: string }>): Promise<Outcome<IntroductionView>> {
  if (!outcome.ok) return outcome;
  const row = await getDb().introduction.findUniqueOrThrow({
    where: { id: outcome.value.id },
    include: introductionViewInclude
  });
  return { ok: true, value: introductionView(viewer, row)! };
}

builder.mutationFields((t) => ({
  requestIntroduction: t.field({
    type: requested.union,
    description:
      'Ask to be introduced to an organisation. Its members are notified; contact details are exchanged only if ' +
      'one of them accepts. Limits: INTRODUCTION_LIMIT_PER_MEMBER_PER_DAY requests per asker in 24 hours, ' +
      'INTRODUCTION_LIMIT_PER_RECIPIENT_PER_WEEK per organisation asked in 7 days, one per pair per answer period.',
    args: { input: t.arg({ type: RequestIntroductionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { ids, errors } = decodeIds(
        { fromOrganizationId: String(input.fromOrganizationId), toOrganizationId: String(input.toOrganizationId) },
        { fromOrganizationId: 'Organization', toOrganizationId: 'Organization' }
      );
      if (errors.length > 0) return validationError(errors);
      const outcome = await requestIntroduction(ctx.viewer, { ...ids, message: input.message, reason: input.reason });
      return requested.toResult(await asView(ctx.viewer, outcome));
    }
  }),
  answerIntroduction: t.field({
    type: answered.union,
    description:
      'A member of the organisation asked accepts or declines. The asker learns of a decline only "not now".',
    args: { input: t.arg({ type: AnswerIntroductionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return answered.withIds({ id: input.id }, { id: 'Introduction' }, (ids) =>
        answerIntroduction(ctx.viewer, { id: ids.id, accept: input.accept })
      );
    }
  }),
  reportIntroduction: t.field({
    type: reported.union,
    description: 'A member of the organisation asked reports the request as abuse; admins see it at /admin/reports.',
    args: { input: t.arg({ type: ReportIntroductionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return reported.withIds({ id: input.id }, { id: 'Introduction' }, (ids) =>
        reportIntroduction(ctx.viewer, { id: ids.id, note: input.note })
      );
    }
  })
}));
