import { GraphQLError } from 'graphql';
import { getLocale } from '../src/lib/i18n/generated/runtime.js';
import { MailDelivery, NotificationKind } from '../src/lib/server/db/generated/enums';
import { mailLanguage } from '../src/lib/server/notifications/kinds';
import { listInbox, markRead, unreadCount } from '../src/lib/server/notifications/inbox';
import { mailSettings, updateMailSettings, type MailSettings } from '../src/lib/server/notifications/preferences';
import { noticeText } from '../src/lib/server/notifications/render';
import type { NoticeSubject } from '../src/lib/server/notifications/subjects';
import { FailureSignal } from '../src/lib/server/validation/outcome';
import { MeRef } from './account';
import { builder } from './builder';
import { mutationResult, validationError } from './errors';
import { decodeId } from './ids';
import { MAX_PAGE_SIZE } from './pagination';
import { PartnershipRef } from './refs';

/** The inbox (issue 15 part 2, decision 0028): on `me`, which is this API's viewer. */
const NotificationKindEnum = builder.enumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.'
});
const MailDeliveryEnum = builder.enumType(MailDelivery, {
  name: 'MailDelivery',
  description:
    'When a kind of notification is mailed: at once, in one daily digest, or never (the inbox always has it).'
});

const NotificationRef = builder.objectRef<NoticeSubject>('Notification').implement({
  description:
    'One entry of the viewer’s inbox. Entries about a partnership the viewer may no longer see are left out.',
  fields: (t) => ({
    id: t.globalID({ resolve: (s) => ({ type: 'Notification', id: s.notification.id }) }),
    kind: t.field({ type: NotificationKindEnum, resolve: (s) => s.notification.kind }),
    title: t.string({
      description: 'What happened, in the language of the request.',
      resolve: (s, _args, ctx) => noticeText(s, mailLanguage(getLocale()), memberOrgIds(ctx.viewer)).title
    }),
    link: t.string({
      description: 'Where to act on it (absolute URL).',
      resolve: (s, _args, ctx) => noticeText(s, mailLanguage(getLocale()), memberOrgIds(ctx.viewer)).link
    }),
    read: t.boolean({ resolve: (s) => s.notification.readAt !== null }),
    createdAt: t.field({ type: 'DateTime', resolve: (s) => s.notification.createdAt }),
    partnership: t.field({ type: PartnershipRef, nullable: true, resolve: (s) => s.partnership ?? null }),
    claimApproved: t.boolean({
      nullable: true,
      description: 'CLAIM_DECIDED: whether the request to manage the organisation was approved.',
      resolve: (s) => s.notification.approved
    })
  })
});

const MailPreferenceRef = builder.objectRef<MailSettings['deliveries'][number]>('MailPreference').implement({
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, resolve: (p) => p.kind }),
    delivery: t.field({ type: MailDeliveryEnum, resolve: (p) => p.delivery })
  })
});

const MailSettingsRef = builder.objectRef<MailSettings>('MailSettings').implement({
  description: 'How the viewer hears of notifications by mail.',
  fields: (t) => ({
    language: t.exposeString('language', { description: 'The language of mail to the viewer: "en" or "de".' }),
    deliveries: t.field({ type: [MailPreferenceRef], resolve: (s) => s.deliveries })
  })
});

function memberOrgIds(viewer: { kind: string; organizationIds?: string[] }): string[] {
  return viewer.kind === 'user' ? (viewer.organizationIds ?? []) : [];
}

const CURSOR = 'notification:';
const toCursor = (id: string) => Buffer.from(`${CURSOR}${id}`).toString('base64url');
function fromCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR) || text.length === CURSOR.length)
    throw badInput('after', 'is not a cursor from this inbox');
  return text.slice(CURSOR.length);
}

function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] }
  });
}

builder.objectFields(MeRef, (t) => ({
  notifications: t.connection(
    {
      type: NotificationRef,
      description: 'The viewer’s notifications, newest first.',
      resolve: async (me, args) => {
        if (args.last != null || args.before != null)
          throw badInput('last', 'is not supported: page forward with first/after');
        const first = args.first ?? 20;
        if (first < 0) throw badInput('first', 'must not be negative');
        if (first > MAX_PAGE_SIZE) throw badInput('first', `must be at most ${MAX_PAGE_SIZE} (got ${first})`);
        try {
          const page = await listInbox(me.viewer, first, args.after ? fromCursor(args.after) : undefined);
          const edges = page.entries.map((node) => ({ cursor: toCursor(node.notification.id), node }));
          return {
            edges,
            pageInfo: {
              hasNextPage: page.hasNextPage,
              hasPreviousPage: args.after != null,
              startCursor: edges[0]?.cursor ?? null,
              endCursor: edges.at(-1)?.cursor ?? null
            }
          };
        } catch (error) {
          if (error instanceof FailureSignal) throw badInput('after', 'is not a cursor from this inbox');
          throw error;
        }
      }
    },
    { name: 'NotificationConnection' }
  ),
  unreadCount: t.int({
    description: 'Unread notifications (the header badge).',
    resolve: (me) => unreadCount(me.viewer)
  }),
  mailSettings: t.field({ type: MailSettingsRef, resolve: (me) => mailSettings(me.viewer.userId) })
}));

const MarkReadSuccessRef = builder.objectRef<{ unreadCount: number }>('MarkNotificationsReadPayload').implement({
  fields: (t) => ({ unreadCount: t.exposeInt('unreadCount', { description: 'Unread notifications left.' }) })
});
const markReadResult = mutationResult(
  'MarkNotificationsRead',
  'result',
  MarkReadSuccessRef,
  'The notifications are read.'
);

const MailPreferenceInput = builder.inputType('MailPreferenceInput', {
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, required: true }),
    delivery: t.field({ type: MailDeliveryEnum, required: true })
  })
});
const UpdateMailSettingsInput = builder.inputType('UpdateMailSettingsInput', {
  fields: (t) => ({
    language: t.string({ required: false, description: '"en" or "de".' }),
    deliveries: t.field({ type: [MailPreferenceInput], required: false, description: 'Only the kinds to change.' })
  })
});
const updateSettingsResult = mutationResult(
  'UpdateMailSettings',
  'mailSettings',
  MailSettingsRef,
  'The choices are stored.'
);

const signInFirst = () => ({ __typename: 'ForbiddenError' as const, message: 'Sign in to read or change your inbox.' });

builder.mutationFields((t) => ({
  markNotificationsRead: t.field({
    type: markReadResult.union,
    description: 'Marks these notifications read, or all of them when `ids` is left out.',
    args: { ids: t.arg.idList({ required: false }) },
    resolve: async (_root, { ids }, ctx) => {
      if (ctx.viewer.kind !== 'user') return signInFirst();
      const raw = (ids ?? []).map((id) => decodeId(String(id), 'Notification'));
      const errors = raw.flatMap((id, i) =>
        id ? [] : [{ field: `ids[${i}]`, message: 'is not a valid Notification id' }]
      );
      if (errors.length > 0) return validationError(errors);
      return markReadResult.toResult({
        ok: true,
        value: { unreadCount: await markRead(ctx.viewer, ids ? (raw as string[]) : null) }
      });
    }
  }),
  updateMailSettings: t.field({
    type: updateSettingsResult.union,
    description: 'The language of your mail and, per kind of notification, when it is mailed.',
    args: { input: t.arg({ type: UpdateMailSettingsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (ctx.viewer.kind !== 'user') return signInFirst();
      return updateSettingsResult.toResult(
        await updateMailSettings(ctx.viewer.userId, {
          language: input.language ?? undefined,
          deliveries: input.deliveries ?? undefined
        })
      );
    }
  })
}));
