/**
 * Issue 13 / decision 0046: the header's unread badge (root layout) no longer costs a query on every page. The
 * session read brings the user's unread notifications of any subject in the same statement; when there are none
 * the layout asks nothing more, otherwise it asks the inbox's own count (the partnership visibility rule applied
 * once, in notifications/inbox.ts), so an entry the user may not see is never counted. Counted through the real
 * pool, with a real session cookie through hooks.server.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { handle } from '../../src/hooks.server';
import { load as layoutLoad } from '../../src/routes/+layout.server';
import { getDb, withQueryCounter } from '../../src/lib/server/platform/db';
import { createSession, sessionUserInclude } from '../../src/lib/server/auth/sessions';
import { viewerUserInclude } from '../../src/lib/server/auth/users';
import { SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { createViewer } from '../factories/graphql';
import { createOrganization, createPartnership } from '../factories/organizations';
import { CookieJar, requestEvent } from '../factories/users';
import type { Viewer } from '../../src/lib/server/access/viewer';

const db = getDb();
type Member = Extract<Viewer, { kind: 'user' }>;

let member: Member;
let jar: CookieJar;
let ownPartnership: string;
let othersPartnership: string;

/** One page view: the hook (session, rate limit) and the root layout's load; its badge and SQL statements. */
async function pageView() {
  const { result, sqlQueries } = await withQueryCounter(async () => {
    const event = requestEvent(new Request('http://atlas.test/directory'), {
      cookies: jar,
      clientAddress: '192.0.2.9'
    });
    let badge = -1;
    const response = await handle({
      event,
      resolve: async (e) => {
        const data = (await layoutLoad(e as never)) as { unreadNotifications: number };
        badge = data.unreadNotifications;
        return new Response('ok');
      }
    });
    return { status: response.status, badge };
  });
  expect(result.status).toBe(200);
  return { badge: result.badge, sqlQueries };
}

/** The same request without the layout: what the session read alone costs. */
async function hookOnly() {
  const { sqlQueries } = await withQueryCounter(async () =>
    handle({
      event: requestEvent(new Request('http://atlas.test/directory'), { cookies: jar, clientAddress: '192.0.2.9' }),
      resolve: async () => new Response('ok')
    })
  );
  return sqlQueries;
}

beforeAll(async () => {
  const mine = await createOrganization(db, { name: 'Badge Own' });
  const other = await createOrganization(db, { name: 'Badge Other' });
  const third = await createOrganization(db, { name: 'Badge Third' });
  member = await createViewer(db, { organizationIds: [mine.id] });
  ownPartnership = (await createPartnership(db, mine, other)).id;
  othersPartnership = (await createPartnership(db, other, third)).id;
  const { token } = await createSession(member.userId);
  jar = new CookieJar({ [SESSION_COOKIE]: token });
});

describe('the unread badge in the root layout', () => {
  it('rides in the session read: the same statements as reading the session without it', async () => {
    const id = (await db.session.findFirstOrThrow({ where: { userId: member.userId } })).id;
    const without = await withQueryCounter(() =>
      db.session.findUnique({ where: { id }, include: { user: { include: viewerUserInclude } } })
    );
    const withCount = await withQueryCounter(() =>
      db.session.findUnique({ where: { id }, include: sessionUserInclude })
    );
    expect(withCount.sqlQueries).toBe(without.sqlQueries);
  });

  it('costs no statement of its own when nothing is unread', async () => {
    const base = await hookOnly();
    expect(base).toBeGreaterThan(0); // the session read itself
    const view = await pageView();
    expect(view.badge).toBe(0);
    expect(view.sqlQueries).toBe(base);
  });

  it('counts a visible unread entry with one more statement, and never one the member may not see', async () => {
    const base = await hookOnly();
    await db.notification.create({
      data: { userId: member.userId, kind: 'PARTNERSHIP_CONFIRMED', partnershipId: ownPartnership }
    });
    // About two other organisations' partnership, made private after the notice went out: hidden from the inbox.
    await db.notification.create({
      data: { userId: member.userId, kind: 'PARTNERSHIP_CONFIRMED', partnershipId: othersPartnership }
    });
    await db.partnership.update({ where: { id: othersPartnership }, data: { visibility: 'PRIVATE' } });
    const view = await pageView();
    expect(view.badge).toBe(1);
    expect(view.sqlQueries).toBe(base + 1);
  });

  it('shows 0 when only hidden entries are unread (the exact count runs), and asks nothing once all is read', async () => {
    await db.notification.updateMany({
      where: { userId: member.userId, partnershipId: ownPartnership },
      data: { readAt: new Date() }
    });
    const base = await hookOnly();
    const hiddenOnly = await pageView();
    expect(hiddenOnly.badge).toBe(0);
    expect(hiddenOnly.sqlQueries).toBe(base + 1);

    await db.notification.updateMany({ where: { userId: member.userId }, data: { readAt: new Date() } });
    const allRead = await pageView();
    expect(allRead.badge).toBe(0);
    expect(allRead.sqlQueries).toBe(base);
  });
});
