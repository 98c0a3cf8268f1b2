/**
 * The leak suite's notification paths (issue 15 part 2): the inbox list and unread count, the mail of one
 * notification and the daily digest. The worst case is seeded: every signed-in viewer gets a notification about
 * each of five partnerships of the leak graph (PRIVATE, MEMBERS, PUBLIC, PROPOSED, PRIVATE+ENDED), as if a bug had
 * addressed them all — and each path must still show exactly the partnerships that viewer may see.
 *
 * roleOnly: anonymous has no inbox at all (null by role, not by the visibility rule), so the canary, which compares
 * anonymous answers, must leave these paths out; the signed-in cells are what they prove.
 */
import type { Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import type { NotificationKind } from '../../src/lib/server/db/generated/client';
import { setMailer } from '../../src/lib/server/mail/mailer';
import { MemoryMailer } from '../../src/lib/server/mail/memory-mailer';
import { mailNotificationNow, sendDailyDigests } from '../../src/lib/server/notifications/deliver';
import { executeOk } from './graphql';
import type { LeakGraph } from './leak-graph';
import { perViewer, type LeakPath } from './leak-matrix';

const ABOUT = ['p-alder-birch', 'p-alder-mid', 'p-far-birch', 'p-hub-birch-proposed', 'p-far-mid-ended'];

/** What each viewer may see of ABOUT, as "A – B" pairs in the order the titles sort. */
const VISIBLE = perViewer({
  anonymous: null,
  members: ['Alder – Mid', 'Far – Birch'],
  sideA: ['Alder – Birch', 'Alder – Mid', 'Far – Birch'],
  sideB: ['Alder – Birch', 'Alder – Mid', 'Far – Birch', 'Hub – Birch'],
  admin: ['Alder – Birch', 'Alder – Mid', 'Far – Birch', 'Far – Mid', 'Hub – Birch']
});

/** One notification of `kind` about each partnership of ABOUT for this viewer (once). */
async function seed(graph: LeakGraph, viewer: Extract<Viewer, { kind: 'user' }>, kind: NotificationKind) {
  const db = getDb();
  const existing = await db.notification.count({ where: { userId: viewer.userId, kind } });
  if (existing > 0) return;
  await db.notification.createMany({
    data: ABOUT.map((key) => ({ userId: viewer.userId, kind, partnershipId: graph.partnership(key) }))
  });
}

/** "The partnership between Alder and Birch has ended" → "Alder – Birch". */
const pairOf = (title: string) => title.replace(/^.* between (.+) and (.+?)( has ended)?$/, '$1 – $2');

/** Mail through a MemoryMailer, for the length of `work`. */
async function mailsDuring(work: () => Promise<unknown>): Promise<MemoryMailer> {
  const mailer = new MemoryMailer();
  const previous = setMailer(mailer);
  try {
    await work();
  } finally {
    setMailer(previous);
  }
  return mailer;
}

export function notificationLeakPaths(graph: LeakGraph): LeakPath[] {
  return [
    {
      name: 'inbox: me.notifications and me.unreadCount',
      family: 'notifications',
      roleOnly: true,
      run: async (viewer) => {
        if (viewer.kind !== 'user') return null;
        await seed(graph, viewer, 'PARTNERSHIP_ENDED');
        const data = await executeOk(
          `{ me { unreadCount notifications(first: 100) { edges { node { title partnership { id } } } } } }`,
          {},
          viewer
        );
        const pairs = data.me.notifications.edges.map((e: { node: { title: string } }) => pairOf(e.node.title)).sort();
        // The badge counts exactly what the list shows (all unread here).
        return data.me.unreadCount === pairs.length ? pairs : { pairs, unreadCount: data.me.unreadCount };
      },
      expected: VISIBLE
    },
    {
      name: 'mail of each notification (sent when the job runs)',
      family: 'notifications',
      roleOnly: true,
      run: async (viewer) => {
        if (viewer.kind !== 'user') return null;
        await seed(graph, viewer, 'PARTNERSHIP_NARROWED');
        const ids = await getDb().notification.findMany({
          where: { userId: viewer.userId, kind: 'PARTNERSHIP_NARROWED' },
          select: { id: true }
        });
        const mailer = await mailsDuring(async () => {
          for (const { id } of ids) await mailNotificationNow(id);
        });
        return mailer.sent.map((m) => pairOf(m.subject)).sort();
      },
      expected: VISIBLE
    },
    {
      name: 'daily digest',
      family: 'notifications',
      roleOnly: true,
      run: async (viewer) => {
        if (viewer.kind !== 'user') return null;
        const db = getDb();
        await seed(graph, viewer, 'PARTNERSHIP_DECLINED');
        await db.notificationPreference.upsert({
          where: { userId_kind: { userId: viewer.userId, kind: 'PARTNERSHIP_DECLINED' } },
          create: { userId: viewer.userId, kind: 'PARTNERSHIP_DECLINED', delivery: 'DAILY_DIGEST' },
          update: {}
        });
        const { email } = await db.user.findUniqueOrThrow({ where: { id: viewer.userId } });
        const mailer = await mailsDuring(() => sendDailyDigests());
        const digest = mailer.lastTo(email);
        // "• Birch declined the partnership proposed by Alder" → "Alder – Birch"
        return (digest?.text.split('\n') ?? [])
          .filter((line) => line.startsWith('• '))
          .map((line) => line.replace(/^• (.+) declined the partnership proposed by (.+)$/, '$2 – $1'))
          .sort();
      },
      expected: VISIBLE
    }
  ];
}
