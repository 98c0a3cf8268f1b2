/**
 * Issue 15, part 3: proposals that reach someone. A proposal carries a message that only the two sides read and
 * that is mailed to the invited side's members; the proposer can withdraw it while pending; an unanswered one
 * expires (and cannot be confirmed afterwards, with an error that says so), whether or not the sweep has run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { getDb } from '../../src/lib/server/platform/db';
import { readTx } from '../../src/lib/server/platform/neo4j';
import { expireProposals } from '../../src/lib/server/partnerships/proposal-expiry';
import { createViewer, execute, executeOk, globalId } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { useMemoryMailer } from '../factories/mailer';
import { decidePartnership } from '../factories/partnership-mutations';

const db = getDb();
const mailer = useMemoryMailer();

const PROPOSE = `
  mutation($input: ProposePartnershipInput!) {
    proposePartnership(input: $input) {
      __typename
      ... on ProposePartnershipSuccess { partnership { id status message expiresAt invitedSideReachable } }
      ... on ValidationError { fieldErrors { field message } }
    }
  }`;
const READ = `query($id: ID!) { partnership(id: $id) { status message invitedSideReachable } }`;

const rawId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1]!;
const graphStatus = (id: string) =>
  readTx(async (tx) => {
    const r = await tx.run('MATCH ()-[r:PARTNERS_WITH {id: $id}]->() RETURN r.status AS status', { id });
    return r.records.map((x) => x.get('status') as string);
  });

let a: string, b: string, lonely: string;
let sideA: Viewer, sideB: Viewer, otherB: Viewer, stranger: Viewer;

beforeAll(async () => {
  a = (await createOrganization(db, { name: 'Proposer' })).id;
  b = (await createOrganization(db, { name: 'Invited' })).id;
  lonely = (await createOrganization(db, { name: 'Nobody Home', contactEmail: 'office@nobody.example' })).id;
  sideA = await createViewer(db, { organizationIds: [a] });
  sideB = await createViewer(db, { organizationIds: [b] });
  otherB = await createViewer(db, { organizationIds: [b] });
  stranger = await createViewer(db, {});
});

/** Proposes from `a`, then waits for the background work it starts (the mail, a sweep) to finish. */
const propose = async (orgB: string, extra: Record<string, unknown> = {}) => {
  const data = await executeOk(
    PROPOSE,
    {
      input: {
        orgAId: globalId('Organization', a),
        orgBId: globalId('Organization', orgB),
        kind: 'PROJECT',
        ...extra
      }
    },
    sideA
  );
  await settleBackgroundWork();
  return data;
};

describe('a proposal with a message', () => {
  let id: string;

  it('is stored with its message and deadline, and mailed to every member of the invited side', async () => {
    const data = await propose(b, { message: 'Shall we write the AMIF bid together?\nWe bring the legal clinic.' });
    expect(data.proposePartnership.__typename).toBe('ProposePartnershipSuccess');
    const p = data.proposePartnership.partnership;
    id = p.id;
    expect(p).toMatchObject({ status: 'PROPOSED', invitedSideReachable: true });
    expect(p.message).toContain('AMIF bid');
    const days = (Date.parse(p.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    await settleBackgroundWork();
    const emails = await db.user.findMany({
      where: { id: { in: [(sideB as any).userId, (otherB as any).userId] } },
      select: { email: true }
    });
    for (const { email } of emails) {
      const mail = mailer.lastTo(email);
      expect(mail?.subject).toBe('Proposer proposes a partnership to Invited');
      expect(mail?.text).toContain('> Shall we write the AMIF bid together?');
      expect(mail?.text).toContain(`/partnerships/${rawId(id)}`);
    }
    const proposer = await db.user.findUniqueOrThrow({ where: { id: (sideA as any).userId } });
    expect(mailer.lastTo(proposer.email)).toBeUndefined();
  });

  it('lets the two sides read the message, and nobody else (even once it is public)', async () => {
    expect((await executeOk(READ, { id }, sideB)).partnership.message).toContain('AMIF bid');
    expect((await executeOk(READ, { id }, sideA)).partnership.message).toContain('AMIF bid');
    expect((await executeOk(READ, { id }, sideB)).partnership.invitedSideReachable).toBeNull();
    expect((await executeOk(READ, { id }, stranger)).partnership).toBeNull();
  });

  it('refuses a message over 2000 characters, naming the field, and writes nothing', async () => {
    const before = await db.partnership.count();
    const data = await propose(lonely, { message: 'x'.repeat(2001) });
    expect(data.proposePartnership).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'message', message: 'must be at most 2000 characters' }]
    });
    expect(await db.partnership.count()).toBe(before);
  });

  it('can be withdrawn by the proposer only; the graph holds the new status', async () => {
    const byInvited = await executeOk(decidePartnership('withdrawPartnership'), { id }, sideB);
    expect(byInvited.withdrawPartnership.__typename).toBe('ForbiddenError');
    const byStranger = await executeOk(decidePartnership('withdrawPartnership'), { id }, stranger);
    expect(byStranger.withdrawPartnership.__typename).toBe('NotFoundError');

    const done = await executeOk(decidePartnership('withdrawPartnership'), { id }, sideA);
    expect(done.withdrawPartnership).toEqual({
      __typename: 'WithdrawPartnershipSuccess',
      partnership: { status: 'WITHDRAWN' }
    });
    expect(await graphStatus(rawId(id))).toEqual(['WITHDRAWN']);
    expect(await db.auditLog.count({ where: { entityId: rawId(id), action: 'partnership.withdraw' } })).toBe(1);

    const confirm = await executeOk(decidePartnership('confirmPartnership'), { id }, sideB);
    expect(confirm.confirmPartnership.fieldErrors).toEqual([
      { field: 'id', message: 'is WITHDRAWN: only a PROPOSED partnership can be confirmed' }
    ]);
    const again = await executeOk(decidePartnership('withdrawPartnership'), { id }, sideA);
    expect(again.withdrawPartnership.__typename).toBe('ValidationError');
  });

  it('frees the pair: the same kind can be proposed again after a withdrawal', async () => {
    const data = await propose(b, { message: 'Second try.' });
    expect(data.proposePartnership.__typename).toBe('ProposePartnershipSuccess');
    await executeOk(decidePartnership('withdrawPartnership'), { id: data.proposePartnership.partnership.id }, sideA);
  });
});

describe('a proposal to an organisation nobody manages', () => {
  it('says so (invitedSideReachable false) and mails nobody', async () => {
    const sentBefore = mailer.sent.length;
    const data = await propose(lonely, { kind: 'COALITION' });
    expect(data.proposePartnership.partnership.invitedSideReachable).toBe(false);
    await settleBackgroundWork();
    expect(mailer.sent.length).toBe(sentBefore);
    await executeOk(decidePartnership('withdrawPartnership'), { id: data.proposePartnership.partnership.id }, sideA);
  });
});

describe('expiry', () => {
  let id: string;
  const past = () => new Date(Date.now() - 60_000);

  it('an overdue proposal reads as EXPIRED before any sweep, and confirming it is refused clearly', async () => {
    const data = await propose(b, { kind: 'INFORMAL', message: 'Coffee?' });
    id = data.proposePartnership.partnership.id;
    await db.partnership.update({ where: { id: rawId(id) }, data: { expiresAt: past() } });

    expect((await executeOk(READ, { id }, sideB)).partnership.status).toBe('EXPIRED');
    const confirm = await executeOk(decidePartnership('confirmPartnership'), { id }, sideB);
    expect(confirm.confirmPartnership.__typename).toBe('ValidationError');
    expect(confirm.confirmPartnership.fieldErrors).toEqual([
      {
        field: 'id',
        message: expect.stringMatching(
          /^has expired \(on \d{4}-\d{2}-\d{2}, unanswered\): it can no longer be confirmed/
        )
      }
    ]);
    const withdraw = await executeOk(decidePartnership('withdrawPartnership'), { id }, sideA);
    expect(withdraw.withdrawPartnership.__typename).toBe('ValidationError');
    const row = await db.partnership.findUniqueOrThrow({ where: { id: rawId(id) } });
    expect(row.status).toBe('PROPOSED'); // refused writes wrote nothing; the sweep records the expiry
  });

  it('the sweep writes EXPIRED (row, graph, audit) and leaves fresh proposals alone', async () => {
    // Nothing since the deadline was moved has started a sweep (reads and refused decisions do not).
    expect(await expireProposals()).toEqual([rawId(id)]);
    expect((await db.partnership.findUniqueOrThrow({ where: { id: rawId(id) } })).status).toBe('EXPIRED');
    expect(await graphStatus(rawId(id))).toEqual(['EXPIRED']);
    expect(await db.auditLog.count({ where: { entityId: rawId(id), action: 'partnership.expire' } })).toBe(1);

    const fresh = await propose(lonely, { kind: 'PROJECT' }); // its own background sweep has run too
    const freshRow = await db.partnership.findUniqueOrThrow({
      where: { id: rawId(fresh.proposePartnership.partnership.id) }
    });
    expect(freshRow.status).toBe('PROPOSED');
    expect(await expireProposals()).toEqual([]);
    expect(await db.auditLog.count({ where: { entityId: rawId(id), action: 'partnership.expire' } })).toBe(1);
  });

  it('an overdue proposal does not block the pair from proposing again', async () => {
    const first = await propose(b, { kind: 'INFORMAL' });
    expect(first.proposePartnership.__typename).toBe('ProposePartnershipSuccess');
    const firstId = rawId(first.proposePartnership.partnership.id);
    await db.partnership.update({ where: { id: firstId }, data: { expiresAt: past() } });
    const second = await propose(b, { kind: 'INFORMAL' });
    expect(second.proposePartnership.__typename).toBe('ProposePartnershipSuccess');
    expect((await db.partnership.findUniqueOrThrow({ where: { id: firstId } })).status).toBe('EXPIRED');
  });

  it('a GraphQL client cannot pass an unknown mutation argument for the deadline', async () => {
    const result = await execute(
      PROPOSE,
      {
        input: {
          orgAId: globalId('Organization', a),
          orgBId: globalId('Organization', b),
          kind: 'PROJECT',
          expiresAt: '2099-01-01T00:00:00Z'
        }
      },
      sideA
    );
    expect(result.errors?.[0]?.message).toMatch(/expiresAt/);
  });
});
