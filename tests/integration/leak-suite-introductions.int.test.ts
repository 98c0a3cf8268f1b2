/**
 * The leak suite, introductions (issue 15 part 4, decision 0039). The asker's organisation has a PRIVATE partner
 * that it shares with the organisation it asks; the recommendation the asker sees names that partner. The reason
 * prefilled into the request — and so the inbox entry and the mail of the asked side — must not. And a declined
 * request tells nobody but the asked side who declined and when: per viewer, `introduction(id)` and the inboxes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { answerIntroduction } from '../../src/lib/server/introductions/answer';
import { recommendedReason } from '../../src/lib/server/introductions/reason';
import { requestIntroduction } from '../../src/lib/server/introductions/request';
import { recommendPartners } from '../../src/lib/server/matchmaking/recommend';
import { getDb } from '../../src/lib/server/platform/db';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { anonymous } from '../../src/lib/server/access/viewer';
import { createViewer, executeOk, globalId } from '../factories/graphql';
import { createOrganization, createPartnership } from '../factories/organizations';
import { useMemoryMailer } from '../factories/mailer';

const db = getDb();
const mailer = useMemoryMailer();
type Member = Extract<Viewer, { kind: 'user' }>;

const PRIVATE_PARTNER = 'Leak Secret Partner';
const PUBLIC_PARTNER = 'Leak Open Partner';
const ONE = `query($id: ID!) { introduction(id: $id) { state answeredBy answeredAt contacts { people { email } } } }`;
const INBOX = `{ me { notifications(first: 20) { edges { node { kind title } } } introductionsAsked { id state answeredBy answeredAt contacts { organizationEmail } } } }`;

let orgA: string, orgB: string, orgX: string;
let asker: Member,
  colleague: Member,
  memberB: Member,
  memberX: Member,
  outsider: Member,
  analyst: Member,
  admin: Member;
let introductionId: string;
let reason: string | null;

beforeAll(async () => {
  orgA = (await createOrganization(db, { name: 'Leak Asker' })).id;
  orgB = (await createOrganization(db, { name: 'Leak Asked' })).id;
  orgX = (await createOrganization(db, { name: PRIVATE_PARTNER })).id;
  const orgY = (await createOrganization(db, { name: PUBLIC_PARTNER })).id;
  await createPartnership(db, orgA, orgX, { visibility: 'PRIVATE' });
  await createPartnership(db, orgX, orgB, { visibility: 'PUBLIC' });
  await createPartnership(db, orgA, orgY, { visibility: 'PUBLIC' });
  await createPartnership(db, orgY, orgB, { visibility: 'PUBLIC' });
  await drainOutbox();
  asker = await createViewer(db, { organizationIds: [orgA] });
  colleague = await createViewer(db, { organizationIds: [orgA] });
  memberB = await createViewer(db, { organizationIds: [orgB] });
  memberX = await createViewer(db, { organizationIds: [orgX] });
  outsider = await createViewer(db, {});
  analyst = await createViewer(db, { role: 'FUNDER_ANALYST' });
  admin = await createViewer(db, { role: 'ADMIN' });
});

describe('the prefilled reason never names a private partnership', () => {
  it('the asker’s own recommendation does name the private shared partner (so hiding it matters)', async () => {
    const own = await recommendPartners(asker, { organizationId: orgA, first: 50 });
    const b = own.find((r) => r.organization.id === orgB);
    expect(b?.reasons.sharedPartners.map((p) => p.name).sort()).toEqual([PUBLIC_PARTNER, PRIVATE_PARTNER].sort());
  });

  it('the prefill names only what any member may see', async () => {
    reason = await recommendedReason(orgA, orgB, 'en');
    expect(reason).not.toBeNull();
    expect(reason).not.toContain(PRIVATE_PARTNER);
    expect(reason).toContain('Leak Asked');
  });

  it('the asked side’s inbox entry and mail carry the reason without the private partner', async () => {
    const outcome = await requestIntroduction(asker, {
      fromOrganizationId: orgA,
      toOrganizationId: orgB,
      message: 'We would like to meet you.',
      reason
    });
    expect(outcome.ok).toBe(true);
    introductionId = outcome.ok ? outcome.value.id : '';
    await settleBackgroundWork();
    const email = (await db.user.findUniqueOrThrow({ where: { id: memberB.userId } })).email;
    const mail = mailer.lastTo(email);
    expect(mail?.text).toContain(reason!);
    expect(mail?.text).not.toContain(PRIVATE_PARTNER);
    const inbox = JSON.stringify(await executeOk(INBOX, {}, memberB));
    expect(inbox).toContain('INTRODUCTION_REQUESTED');
    expect(inbox).not.toContain(PRIVATE_PARTNER);
  });
});

describe('a declined request, per viewer', () => {
  it('only the asked side learns who declined and when', async () => {
    const declined = await answerIntroduction(memberB, { id: introductionId, accept: false });
    expect(declined.ok).toBe(true);
    await settleBackgroundWork();
    const id = globalId('Introduction', introductionId);
    const seen = async (viewer: Viewer) => (await executeOk(ONE, { id }, viewer)).introduction;
    expect(await seen(asker)).toEqual({ state: 'NOT_NOW', answeredBy: null, answeredAt: null, contacts: null });
    const memberName = (await db.user.findUniqueOrThrow({ where: { id: memberB.userId } })).name;
    expect(await seen(memberB)).toMatchObject({ state: 'DECLINED', answeredBy: memberName, contacts: null });
    for (const viewer of [anonymous, colleague, memberX, outsider, analyst, admin]) {
      expect(await seen(viewer)).toBeNull();
    }
    const askerInbox = await executeOk(INBOX, {}, asker);
    expect(askerInbox.me.notifications.edges).toEqual([]);
    expect(askerInbox.me.introductionsAsked).toEqual([
      { id, state: 'NOT_NOW', answeredBy: null, answeredAt: null, contacts: null }
    ]);
    const askerEmail = (await db.user.findUniqueOrThrow({ where: { id: asker.userId } })).email;
    expect(mailer.lastTo(askerEmail)).toBeUndefined();
  });

  it('a member who left the asked organisation no longer sees the request or its notice', async () => {
    await db.membership.deleteMany({ where: { userId: memberB.userId } });
    const former: Member = { ...memberB, organizationIds: [] };
    const inbox = await executeOk(INBOX, {}, former);
    expect(inbox.me.notifications.edges).toEqual([]);
    expect((await executeOk(ONE, { id: globalId('Introduction', introductionId) }, former)).introduction).toBeNull();
  });
});
