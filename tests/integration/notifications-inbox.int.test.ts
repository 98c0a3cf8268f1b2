/**
 * Issue 15 part 2: the inbox. Who hears of what (never the person who acted), read/unread, the per-kind mail
 * preference and language, paging, and that an entry disappears once its recipient may no longer see the
 * partnership. Through the GraphQL API (`me` is this API's viewer), services underneath, no queue running (mail
 * then goes to the mailer directly, after the answer).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { getDb } from '../../src/lib/server/platform/db';
import { approveMembership, requestMembership } from '../../src/lib/server/auth/memberships';
import { confirmPartnership, endPartnership, proposePartnership } from '../../src/lib/server/partnerships/partnerships';
import { setPartnershipVisibility } from '../../src/lib/server/partnerships/visibility-change';
import { createViewer, execute, executeOk } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { useMemoryMailer } from '../factories/mailer';

const db = getDb();
const mailer = useMemoryMailer();

const INBOX = `query($first: Int, $after: String) {
  me { unreadCount notifications(first: $first, after: $after) {
    edges { cursor node { id kind title link read partnership { id } claimApproved } }
    pageInfo { hasNextPage endCursor } } } }`;
const MARK = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) {
  __typename ... on MarkNotificationsReadSuccess { result { unreadCount } }
  ... on ValidationError { fieldErrors { field message } } } }`;
const SETTINGS = `mutation($input: UpdateMailSettingsInput!) { updateMailSettings(input: $input) {
  __typename ... on UpdateMailSettingsSuccess { mailSettings { language deliveries { kind delivery } } }
  ... on ValidationError { fieldErrors { field message } } } }`;

type Member = Extract<Viewer, { kind: 'user' }>;
const inbox = async (viewer: Member, first = 20, after?: string) =>
  (await executeOk(INBOX, { first, after }, viewer)).me;
const kinds = async (viewer: Member) =>
  (await inbox(viewer)).notifications.edges.map((e: { node: { kind: string } }) => e.node.kind);
const emailOf = async (viewer: Member) => (await db.user.findUniqueOrThrow({ where: { id: viewer.userId } })).email;

let orgA: string, orgB: string;
let proposer: Member, otherA: Member, invited: Member, outsider: Member;
let partnershipId: string;

beforeAll(async () => {
  orgA = (await createOrganization(db, { name: 'Inbox Proposer' })).id;
  orgB = (await createOrganization(db, { name: 'Inbox Invited' })).id;
  proposer = await createViewer(db, { organizationIds: [orgA] });
  otherA = await createViewer(db, { organizationIds: [orgA] });
  invited = await createViewer(db, { organizationIds: [orgB] });
  outsider = await createViewer(db, {});
});

describe('a partnership’s life in the inboxes', () => {
  it('a proposal reaches the invited side only, unread, with a title and link', async () => {
    const outcome = await proposePartnership(proposer, {
      orgAId: orgA,
      orgBId: orgB,
      kind: 'PROJECT',
      message: 'Hello'
    });
    expect(outcome.ok).toBe(true);
    partnershipId = outcome.ok ? outcome.value.id : '';
    await settleBackgroundWork();
    const box = await inbox(invited);
    expect(box.unreadCount).toBe(1);
    const [edge] = box.notifications.edges;
    expect(edge.node).toMatchObject({
      kind: 'PARTNERSHIP_PROPOSED',
      title: 'Inbox Proposer proposes a partnership to Inbox Invited',
      read: false
    });
    expect(edge.node.link).toContain(`/partnerships/${partnershipId}`);
    expect(await kinds(proposer)).toEqual([]);
    expect(await kinds(otherA)).toEqual([]);
    expect(mailer.lastTo(await emailOf(invited))?.text).toContain('> Hello');
  });

  it('the answer reaches the proposing side (both members), not the one who confirmed', async () => {
    expect((await confirmPartnership(invited, { id: partnershipId })).ok).toBe(true);
    await settleBackgroundWork();
    expect(await kinds(proposer)).toEqual(['PARTNERSHIP_CONFIRMED']);
    expect(await kinds(otherA)).toEqual(['PARTNERSHIP_CONFIRMED']);
    expect(await kinds(invited)).toEqual(['PARTNERSHIP_PROPOSED']);
  });

  it('narrowing and ending reach both sides except the actor', async () => {
    expect((await setPartnershipVisibility(proposer, { id: partnershipId, visibility: 'PRIVATE' })).ok).toBe(true);
    expect((await endPartnership(invited, { id: partnershipId })).ok).toBe(true);
    await settleBackgroundWork();
    expect(await kinds(proposer)).toEqual(['PARTNERSHIP_ENDED', 'PARTNERSHIP_CONFIRMED']);
    expect(await kinds(otherA)).toEqual(['PARTNERSHIP_ENDED', 'PARTNERSHIP_NARROWED', 'PARTNERSHIP_CONFIRMED']);
    expect(await kinds(invited)).toEqual(['PARTNERSHIP_NARROWED', 'PARTNERSHIP_PROPOSED']);
    expect(await kinds(outsider)).toEqual([]);
  });

  it('pages newest first and refuses a foreign cursor, naming the argument', async () => {
    const first = await inbox(otherA, 2);
    expect(first.notifications.edges).toHaveLength(2);
    expect(first.notifications.pageInfo.hasNextPage).toBe(true);
    const rest = await inbox(otherA, 2, first.notifications.pageInfo.endCursor);
    expect(rest.notifications.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual([
      'PARTNERSHIP_CONFIRMED'
    ]);
    expect(rest.notifications.pageInfo.hasNextPage).toBe(false);
    const foreign = (await inbox(invited)).notifications.edges[0].cursor;
    const refused = await execute(INBOX, { first: 2, after: foreign }, otherA);
    expect(refused.errors?.[0]?.message).toBe('after: is not a cursor from this inbox');
  });

  it('marks one, then all, read; the count follows', async () => {
    const box = await inbox(otherA);
    const one = box.notifications.edges[0].node.id;
    const marked = await executeOk(MARK, { ids: [one] }, otherA);
    expect(marked.markNotificationsRead.result.unreadCount).toBe(2);
    expect((await inbox(otherA)).notifications.edges[0].node.read).toBe(true);
    const bad = await executeOk(MARK, { ids: ['not-an-id'] }, otherA);
    expect(bad.markNotificationsRead.fieldErrors).toEqual([
      { field: 'ids[0]', message: 'is not a valid Notification id' }
    ]);
    expect((await inbox(otherA)).unreadCount).toBe(2);
    const all = await executeOk(MARK, {}, otherA);
    expect(all.markNotificationsRead.result.unreadCount).toBe(0);
    // Only the viewer's own entries: the proposer's stay unread.
    expect((await inbox(proposer)).unreadCount).toBe(2);
  });

  it('drops an entry (list and count) once its recipient may no longer see the private partnership', async () => {
    await db.membership.deleteMany({ where: { userId: otherA.userId } });
    const former: Member = { ...otherA, organizationIds: [] };
    expect(await kinds(former)).toEqual([]);
    expect((await inbox(former)).unreadCount).toBe(0);
  });
});

describe('claims and preferences', () => {
  it('tells the requester of the decision on their claim', async () => {
    const requester = await createViewer(db, {});
    const admin = await createViewer(db, { role: 'ADMIN' });
    const requested = await requestMembership(requester, orgB);
    expect(requested.ok).toBe(true);
    expect((await approveMembership(admin, requested.ok ? requested.value.id : '')).ok).toBe(true);
    await settleBackgroundWork();
    const [edge] = (await inbox(requester)).notifications.edges;
    expect(edge.node).toMatchObject({
      kind: 'CLAIM_DECIDED',
      claimApproved: true,
      title: 'You now manage Inbox Invited on Coalition Atlas'
    });
    expect(mailer.lastTo(await emailOf(requester))?.subject).toBe('You now manage Inbox Invited on Coalition Atlas');
  });

  it('stores language and per-kind delivery; bad input names the field and changes nothing', async () => {
    const ok = await executeOk(
      SETTINGS,
      { input: { language: 'de', deliveries: [{ kind: 'PARTNERSHIP_ENDED', delivery: 'DAILY_DIGEST' }] } },
      invited
    );
    const settings = ok.updateMailSettings.mailSettings;
    expect(settings.language).toBe('de');
    expect(settings.deliveries).toContainEqual({ kind: 'PARTNERSHIP_ENDED', delivery: 'DAILY_DIGEST' });
    expect(settings.deliveries).toContainEqual({ kind: 'PARTNERSHIP_PROPOSED', delivery: 'IMMEDIATELY' });

    const bad = await executeOk(
      SETTINGS,
      { input: { language: 'fr', deliveries: [{ kind: 'PARTNERSHIP_PROPOSED', delivery: 'NEVER' }] } },
      invited
    );
    expect(bad.updateMailSettings.fieldErrors).toEqual([{ field: 'language', message: 'must be one of en, de' }]);
    const user = await db.user.findUniqueOrThrow({
      where: { id: invited.userId },
      include: { notificationPrefs: true }
    });
    expect(user.language).toBe('de');
    expect(user.notificationPrefs.map((p) => p.kind)).toEqual(['PARTNERSHIP_ENDED']);
  });

  it('answers a signed-out viewer with no inbox', async () => {
    expect((await execute(`{ me { unreadCount } }`)).data?.me).toBeNull();
    expect((await execute(MARK, {})).data?.markNotificationsRead.__typename).toBe('ForbiddenError');
  });
});
