/**
 * Issue 15 part 4: consent-based introductions, through the GraphQL API (services underneath, real PostgreSQL, no
 * queue running: mail goes to a memory mailer after the answer). Who hears of a request, what an acceptance
 * exchanges, what a decline tells the asker (only "not now", like a lapse), the typed errors naming the field,
 * the spam limits, the report-abuse action and the admins' list of reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { env } from '../../src/lib/server/env';
import { listAbuseReports } from '../../src/lib/server/introductions/queries';
import { getDb } from '../../src/lib/server/platform/db';
import { createViewer, execute, executeOk, globalId } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { useMemoryMailer } from '../factories/mailer';
import { load as introductionPageLoad } from '../../src/routes/organizations/[slug]/introduction/+page.server';

const db = getDb();
const mailer = useMemoryMailer();
type Member = Extract<Viewer, { kind: 'user' }>;

const RESULT = `__typename
  ... on MutationError { message }
  ... on ValidationError { fieldErrors { field message } }
  ... on NotFoundError { field }`;
const VIEW = `id side state message reason requesterName answeredBy answeredAt
  contacts { people { name email } organizationEmail } from { name } to { name }`;
const REQUEST = `mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) {
  ${RESULT} ... on RequestIntroductionSuccess { introduction { ${VIEW} } } } }`;
const ANSWER = `mutation($input: AnswerIntroductionInput!) { answerIntroduction(input: $input) {
  ${RESULT} ... on AnswerIntroductionSuccess { introduction { ${VIEW} } } } }`;
const REPORT = `mutation($input: ReportIntroductionInput!) { reportIntroduction(input: $input) {
  ${RESULT} ... on ReportIntroductionSuccess { introduction { ${VIEW} } } } }`;
const MINE = `{ me { introductionsAsked { ${VIEW} } introductionsReceived { ${VIEW} }
  notifications(first: 50) { edges { node { kind title link } } } } }`;

const org = (id: string) => globalId('Organization', id);
/** The database id behind a global id the API handed out. */
const rawId = (global: string) => Buffer.from(global, 'base64').toString('utf8').split(':')[1]!;
const emailOf = async (v: Member) => (await db.user.findUniqueOrThrow({ where: { id: v.userId } })).email;
const nameOf = async (v: Member) => (await db.user.findUniqueOrThrow({ where: { id: v.userId } })).name;
const kinds = async (v: Member) =>
  (await executeOk(MINE, {}, v)).me.notifications.edges.map((e: { node: { kind: string } }) => e.node.kind);

async function request(
  viewer: Viewer,
  from: string,
  to: string,
  message = 'We work on housing in Lyon.',
  reason?: string
) {
  return (
    await executeOk(
      REQUEST,
      { input: { fromOrganizationId: org(from), toOrganizationId: org(to), message, reason } },
      viewer
    )
  ).requestIntroduction;
}
async function answer(viewer: Viewer, id: string, accept: boolean) {
  return (await executeOk(ANSWER, { input: { id, accept } }, viewer)).answerIntroduction;
}

let orgA: string, orgB: string, orgC: string, empty: string;
let asker: Member, otherA: Member, memberB: Member, otherB: Member, memberC: Member, outsider: Member, admin: Member;

beforeAll(async () => {
  orgA = (await createOrganization(db, { name: 'Intro Asker Org', contactEmail: 'office@asker.example' })).id;
  orgB = (
    await createOrganization(db, {
      name: 'Intro Asked Org',
      contactEmail: 'hello@asked.example',
      contactEmailVisibility: 'MEMBERS'
    })
  ).id;
  orgC = (await createOrganization(db, { name: 'Intro Third Org' })).id;
  empty = (await createOrganization(db, { name: 'Intro Nobody Org' })).id;
  asker = await createViewer(db, { organizationIds: [orgA] });
  otherA = await createViewer(db, { organizationIds: [orgA] });
  memberB = await createViewer(db, { organizationIds: [orgB] });
  otherB = await createViewer(db, { organizationIds: [orgB] });
  memberC = await createViewer(db, { organizationIds: [orgC] });
  outsider = await createViewer(db, {});
  admin = await createViewer(db, { role: 'ADMIN' });
});

describe('requestIntroduction refuses bad input, naming the field, and writes nothing', () => {
  it.each([
    ['a short message', { message: 'Hi' }, 'message', 'must be at least 10 characters'],
    ['a reason too long', { reason: 'x'.repeat(501) }, 'reason', 'must be at most 500 characters'],
    ['itself', { to: 'A' }, 'toOrganizationId', 'must differ from fromOrganizationId'],
    ['an organisation nobody manages', { to: 'EMPTY' }, 'toOrganizationId', 'has no members on the Atlas yet']
  ])('%s', async (_label, change, field, text) => {
    const to =
      (change as { to?: string }).to === 'A' ? orgA : (change as { to?: string }).to === 'EMPTY' ? empty : orgB;
    const result = await request(
      asker,
      orgA,
      to,
      (change as { message?: string }).message ?? 'A long enough message.',
      (change as { reason?: string }).reason
    );
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual([{ field, message: expect.stringContaining(text) }]);
    expect(await db.introduction.count()).toBe(0);
  });

  it('a malformed id is a ValidationError; an unknown one a NotFoundError naming the field', async () => {
    const malformed = (
      await executeOk(
        REQUEST,
        { input: { fromOrganizationId: 'nope', toOrganizationId: org(orgB), message: 'Hello there!' } },
        asker
      )
    ).requestIntroduction;
    expect(malformed.fieldErrors).toEqual([{ field: 'fromOrganizationId', message: 'is not a valid Organization id' }]);
    const unknown = await request(asker, orgA, 'missing-org-id');
    expect(unknown).toMatchObject({ __typename: 'NotFoundError', field: 'toOrganizationId' });
  });

  it('only for an organisation one belongs to, and only signed in', async () => {
    expect((await request(memberC, orgA, orgB)).__typename).toBe('ForbiddenError');
    const anonymous = await execute(REQUEST, {
      input: { fromOrganizationId: org(orgA), toOrganizationId: org(orgB), message: 'Hello there!' }
    });
    expect(anonymous.data?.requestIntroduction.__typename).toBe('ForbiddenError');
    expect(await db.introduction.count()).toBe(0);
  });
});

describe('a request accepted: contact details are exchanged, by inbox and mail', () => {
  let id: string;

  it('reaches every member of the asked organisation (not the asker, not their colleagues), with the message and reason', async () => {
    const result = await request(
      asker,
      orgA,
      orgB,
      'We run language cafés and would like to meet.',
      'Both work on integration in Lyon'
    );
    expect(result.__typename).toBe('RequestIntroductionSuccess');
    expect(result.introduction).toMatchObject({ side: 'ASKER', state: 'PENDING', contacts: null, answeredAt: null });
    id = result.introduction.id;
    await settleBackgroundWork();
    expect(await kinds(memberB)).toEqual(['INTRODUCTION_REQUESTED']);
    expect(await kinds(otherB)).toEqual(['INTRODUCTION_REQUESTED']);
    expect(await kinds(asker)).toEqual([]);
    expect(await kinds(otherA)).toEqual([]);
    const mail = mailer.lastTo(await emailOf(memberB));
    expect(mail?.subject).toBe('Intro Asker Org asks to be introduced to Intro Asked Org');
    expect(mail?.text).toContain('> We run language cafés and would like to meet.');
    expect(mail?.text).toContain('> Both work on integration in Lyon');
    expect(mail?.text).toContain(await nameOf(asker));
    // No contact details before consent.
    expect(mail?.text).not.toContain(await emailOf(asker));
    expect(mail?.text).not.toContain('office@asker.example');
    const received = (await executeOk(MINE, {}, memberB)).me.introductionsReceived;
    expect(received).toEqual([expect.objectContaining({ id, side: 'ASKED', state: 'PENDING', contacts: null })]);
  });

  it('nobody else can see or answer it; the asker cannot answer their own request', async () => {
    const one = `query($id: ID!) { introduction(id: $id) { id } }`;
    for (const viewer of [outsider, memberC, otherA, admin]) {
      expect((await executeOk(one, { id }, viewer)).introduction).toBeNull();
    }
    expect(await answer(asker, id, true)).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
    expect(await answer(memberC, id, true)).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
  });

  it('accepting tells the asker and the one who accepted each other’s contact details', async () => {
    const accepted = await answer(memberB, id, true);
    expect(accepted.introduction).toMatchObject({
      side: 'ASKED',
      state: 'ACCEPTED',
      contacts: {
        people: [{ name: await nameOf(asker), email: await emailOf(asker) }],
        organizationEmail: 'office@asker.example'
      }
    });
    await settleBackgroundWork();
    expect(await kinds(asker)).toEqual(['INTRODUCTION_ANSWERED']);
    expect(await kinds(memberB)).toEqual(['INTRODUCTION_ANSWERED', 'INTRODUCTION_REQUESTED']);
    expect(await kinds(otherB)).toEqual(['INTRODUCTION_REQUESTED']);
    const toAsker = mailer.lastTo(await emailOf(asker));
    expect(toAsker?.subject).toBe('Introduction accepted: Intro Asker Org and Intro Asked Org');
    expect(toAsker?.text).toContain(await emailOf(memberB));
    expect(toAsker?.text).toContain('hello@asked.example');
    const toAccepter = mailer.lastTo(await emailOf(memberB));
    expect(toAccepter?.text).toContain(await emailOf(asker));
    expect(toAccepter?.text).toContain('office@asker.example');
    const mine = (await executeOk(MINE, {}, asker)).me.introductionsAsked;
    expect(mine[0]).toMatchObject({
      state: 'ACCEPTED',
      contacts: { people: [{ email: await emailOf(memberB) }], organizationEmail: 'hello@asked.example' }
    });
  });

  it('an answer is final', async () => {
    const again = await answer(otherB, id, false);
    expect(again.__typename).toBe('ValidationError');
    expect(again.fieldErrors).toEqual([{ field: 'id', message: 'was already answered (ACCEPTED)' }]);
  });
});

describe('a request declined: the asker reads "not now", exactly as after a lapse', () => {
  let declined: string;
  let lapsed: string;
  let memberD: Member;

  it('announces nothing to the asker and hides who declined and when', async () => {
    mailer.sent.length = 0;
    declined = (await request(asker, orgA, orgC, 'Could we talk about a joint project?')).introduction.id;
    const orgD = (await createOrganization(db, { name: 'Intro Silent Org' })).id;
    memberD = await createViewer(db, { organizationIds: [orgD] });
    lapsed = (await request(otherA, orgA, orgD, 'Another request, never answered.')).introduction.id;
    const before = await kinds(asker);
    const result = await answer(memberC, declined, false);
    expect(result.introduction).toMatchObject({ side: 'ASKED', state: 'DECLINED', answeredBy: await nameOf(memberC) });
    // The other request lapses without an answer.
    await db.introduction.update({ where: { id: rawId(lapsed) }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await settleBackgroundWork();
    expect(await kinds(asker)).toEqual(before);
    expect(mailer.lastTo(await emailOf(asker))).toBeUndefined();

    const asked = (await executeOk(MINE, {}, asker)).me.introductionsAsked;
    const seen = asked.find((i: { id: string }) => i.id === declined);
    expect(seen).toMatchObject({
      state: 'NOT_NOW',
      answeredAt: null,
      answeredBy: null,
      contacts: null,
      requesterName: null
    });
    const lapsedSeen = (await executeOk(MINE, {}, otherA)).me.introductionsAsked.find(
      (i: { id: string }) => i.id === lapsed
    );
    const shape = (v: Record<string, unknown>) => ({
      side: v.side,
      state: v.state,
      answeredAt: v.answeredAt,
      answeredBy: v.answeredBy,
      contacts: v.contacts,
      requesterName: v.requesterName
    });
    expect(shape(seen)).toEqual(shape(lapsedSeen));
    // The asked side sees the truth.
    const received = (await executeOk(MINE, {}, memberD)).me.introductionsReceived;
    expect(received.find((i: { id: string }) => i.id === lapsed)).toMatchObject({ state: 'EXPIRED' });
    expect(await answer(memberD, lapsed, true)).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'id', message: expect.stringContaining('has expired') }]
    });
  });

  it('asking the same organisation again within the answer period is refused with the same words, whatever became of it', async () => {
    const afterDecline = await request(asker, orgA, orgC, 'Asking again after the answer.');
    const whilePending = await request(memberB, orgB, orgC, 'First request from B to C.');
    expect(whilePending.__typename).toBe('RequestIntroductionSuccess');
    const secondPending = await request(memberB, orgB, orgC, 'Second request from B to C.');
    const words = (r: { fieldErrors: { field: string; message: string }[] }) =>
      r.fieldErrors.map((e) => ({
        field: e.field,
        message: e.message.replace(/[^ ]*\d[^ ]*/g, '#').replace(/meet .* on/, 'meet X on')
      }));
    expect(afterDecline.__typename).toBe('ValidationError');
    expect(words(afterDecline)).toEqual(words(secondPending));
    expect(afterDecline.fieldErrors[0].field).toBe('toOrganizationId');
  });
});

describe('limits against spam', () => {
  it('per member per day, naming the asker as the field and when they may ask again', async () => {
    const perDay = env().INTRODUCTION_LIMIT_PER_MEMBER_PER_DAY;
    const sender = await createViewer(db, { organizationIds: [orgC] });
    const targets: string[] = [];
    for (let i = 0; i <= perDay; i++) {
      const target = (await createOrganization(db, { name: `Intro Daily Target ${i}` })).id;
      await createViewer(db, { organizationIds: [target] });
      targets.push(target);
    }
    for (const target of targets.slice(0, perDay)) {
      expect((await request(sender, orgC, target)).__typename).toBe('RequestIntroductionSuccess');
    }
    const refused = await request(sender, orgC, targets[perDay]);
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fieldErrors).toEqual([
      {
        field: 'requester',
        message: expect.stringMatching(
          new RegExp(`^you have sent ${perDay} introduction requests in the last 24 hours`)
        )
      }
    ]);
    expect(await db.introduction.count({ where: { requesterId: sender.userId } })).toBe(perDay);
  });

  it('per asked organisation per week, naming toOrganizationId', async () => {
    const perWeek = env().INTRODUCTION_LIMIT_PER_RECIPIENT_PER_WEEK;
    const popular = (await createOrganization(db, { name: 'Intro Popular Org' })).id;
    await createViewer(db, { organizationIds: [popular] });
    for (let i = 0; i <= perWeek; i++) {
      const from = (await createOrganization(db, { name: `Intro Weekly Asker ${i}` })).id;
      const member = await createViewer(db, { organizationIds: [from] });
      const result = await request(member, from, popular);
      if (i < perWeek) {
        expect(result.__typename).toBe('RequestIntroductionSuccess');
      } else {
        expect(result.fieldErrors).toEqual([
          {
            field: 'toOrganizationId',
            message: expect.stringMatching(
              new RegExp(`^has received ${perWeek} introduction requests in the last 7 days`)
            )
          }
        ]);
      }
    }
    expect(await db.introduction.count({ where: { toOrganizationId: popular } })).toBe(perWeek);
  });
});

describe('report abuse', () => {
  it('a member of the asked organisation reports a request: it is declined and admins see it', async () => {
    const spam = (await request(memberC, orgC, orgA, 'Buy our consulting services now!!!')).introduction.id;
    const reported = (await executeOk(REPORT, { input: { id: spam, note: 'Advertising' } }, otherA)).reportIntroduction;
    expect(reported.introduction).toMatchObject({ state: 'DECLINED' });
    const twice = (await executeOk(REPORT, { input: { id: spam } }, otherA)).reportIntroduction;
    expect(twice.fieldErrors).toEqual([{ field: 'id', message: 'was already reported by you' }]);
    const byAsker = (await executeOk(REPORT, { input: { id: spam } }, memberC)).reportIntroduction;
    expect(byAsker).toMatchObject({ __typename: 'NotFoundError', field: 'id' });
    const mine = (await executeOk(MINE, {}, memberC)).me.introductionsAsked;
    expect(mine.find((i: { id: string }) => i.id === spam)).toMatchObject({ state: 'NOT_NOW', answeredBy: null });

    const reports = await listAbuseReports(admin);
    expect(reports).toEqual([
      expect.objectContaining({
        note: 'Advertising',
        reporter: { name: await nameOf(otherA), email: await emailOf(otherA) },
        introduction: expect.objectContaining({ message: 'Buy our consulting services now!!!', status: 'DECLINED' })
      })
    ]);
    expect(await listAbuseReports(memberC)).toBeNull();
    expect(await listAbuseReports(otherA)).toBeNull();
  });
});

describe('the introduction page', () => {
  const pageFor = async (id: string, viewer: Viewer) => {
    const { slug } = await db.organization.findUniqueOrThrow({ where: { id }, select: { slug: true } });
    return (await introductionPageLoad({
      params: { slug },
      url: new URL(`http://atlas.test/organizations/${slug}/introduction`),
      locals: { viewer, lang: 'en' },
      setHeaders: () => {}
    } as never)) as { access: string };
  };

  it('says an organisation without members cannot answer instead of offering a form that would be refused', async () => {
    expect((await pageFor(empty, asker)).access).toBe('no-members');
    expect((await pageFor(orgB, asker)).access).toBe('ask');
  });
});
