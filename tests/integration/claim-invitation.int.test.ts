/**
 * Issue 15 part 3: a proposal's other side has no members, so its proposer may have an invitation to claim the
 * profile mailed to the organisation's public contact address — received here by a real SMTP server — at most once
 * a month per organisation (enforced in PostgreSQL), never to a members-only contact and never for an archived one.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { getDb } from '../../src/lib/server/platform/db';
import { getMailer, setMailer } from '../../src/lib/server/mail/mailer';
import { sendClaimInvitation } from '../../src/lib/server/partnerships/claim-invitation';
import { createViewer, executeOk, globalId } from '../factories/graphql';
import { createOrganization, createPartnership } from '../factories/organizations';
import { mailOverTestSmtp } from '../setup/mail-over-smtp';

const db = getDb();
const smtp = mailOverTestSmtp();
const ARRIVAL = { timeout: 60_000, interval: 100 };

async function arrived(email: string, count = 1): Promise<ParsedMail[]> {
  await settleBackgroundWork();
  await expect.poll(() => smtp().to(email).length, ARRIVAL).toBe(count);
  return smtp().to(email);
}

/** A proposal from a member's organisation to `invited`; returns the proposer and the partnership id. */
async function proposalTo(invited: { id: string }) {
  const proposing = await createOrganization(db, { name: 'Proposing Collective' });
  const proposer = await createViewer(db, { organizationIds: [proposing.id] });
  const partnership = await createPartnership(db, proposing, invited, {
    status: 'PROPOSED',
    proposedById: proposer.userId
  });
  return { proposer, id: partnership.id };
}

/** The refusal as a reader sees it: the summary and every field's message. */
const messageOf = (outcome: Awaited<ReturnType<typeof sendClaimInvitation>>) =>
  outcome.ok ? '' : JSON.stringify(outcome.failure);

describe('an invitation to claim the profile of a proposal’s unreached side', () => {
  it('is mailed once in the organisation’s language, and a second one within the month is refused', async () => {
    const invited = await createOrganization(db, {
      name: 'Unclaimed Verein',
      languages: ['de'],
      contactEmail: 'kontakt@unclaimed.test',
      contactEmailVisibility: 'PUBLIC'
    });
    const { proposer, id } = await proposalTo(invited);

    expect(await sendClaimInvitation(proposer, id)).toEqual({
      ok: true,
      value: { sentTo: 'kontakt@unclaimed.test', language: 'de' }
    });
    const [mail] = await arrived('kontakt@unclaimed.test');
    expect(mail!.subject).toBe('Unclaimed Verein wurde auf Coalition Atlas eine Partnerschaft vorgeschlagen');
    expect(mail!.text).toContain('Proposing Collective hat Unclaimed Verein');
    // The existing claim flow: the account page's request to manage, prefilled with this organisation.
    expect(mail!.text).toContain(`/account?claim=${invited.slug}#membership-organization`);
    expect(mail!.html).toBe(false);
    expect(mail!.headers.get('content-language')).toBe('de');

    // Another proposer, another proposal, same organisation: still within the month.
    const again = await proposalTo(invited);
    const refused = await sendClaimInvitation(again.proposer, again.id);
    expect(refused.ok).toBe(false);
    expect(messageOf(refused)).toContain('was sent within the last month');
    await settleBackgroundWork();
    expect(smtp().to('kontakt@unclaimed.test')).toHaveLength(1);

    // A month later the limit has passed: the database row, not the process, decides.
    await db.claimInvitation.update({
      where: { organizationId: invited.id },
      data: { lastSentAt: new Date(Date.now() - 32 * 24 * 3600 * 1000) }
    });
    expect((await sendClaimInvitation(again.proposer, again.id)).ok).toBe(true);
    await arrived('kontakt@unclaimed.test', 2);
  });

  it('falls back to the site’s default language (English) when the organisation records none it is written in', async () => {
    const invited = await createOrganization(db, {
      name: 'Unclaimed Group',
      languages: ['pl'],
      contactEmail: 'hello@unclaimed-group.test',
      contactEmailVisibility: 'PUBLIC'
    });
    const { proposer, id } = await proposalTo(invited);
    expect((await sendClaimInvitation(proposer, id)).ok).toBe(true);
    const [mail] = await arrived('hello@unclaimed-group.test');
    expect(mail!.subject).toBe('Unclaimed Group was proposed a partnership on Coalition Atlas');
    expect(mail!.headers.get('content-language')).toBe('en');
  });

  it('sends nothing when no public contact address is recorded, and never names a members-only one', async () => {
    const none = await createOrganization(db, { name: 'No Address', contactEmail: null });
    const hidden = await createOrganization(db, {
      name: 'Hidden Address',
      contactEmail: 'secret@hidden.test',
      contactEmailVisibility: 'MEMBERS'
    });
    for (const invited of [none, hidden]) {
      const { proposer, id } = await proposalTo(invited);
      const outcome = await sendClaimInvitation(proposer, id);
      expect(outcome).toMatchObject({ ok: false, failure: { kind: 'validation' } });
      expect(messageOf(outcome)).toContain('has no public contact address on record');
      expect(messageOf(outcome)).not.toContain('secret@hidden.test');
    }
    await settleBackgroundWork();
    expect(smtp().to('secret@hidden.test')).toHaveLength(0);
    expect(await db.claimInvitation.count({ where: { organizationId: { in: [none.id, hidden.id] } } })).toBe(0);
  });

  it('sends nothing for an archived organisation, one with members, or to someone who did not propose', async () => {
    const archived = await createOrganization(db, {
      contactEmail: 'archived@unclaimed.test',
      contactEmailVisibility: 'PUBLIC',
      archivedAt: new Date()
    });
    const fromArchived = await proposalTo(archived);
    expect(messageOf(await sendClaimInvitation(fromArchived.proposer, fromArchived.id))).toContain('archived');

    const managed = await createOrganization(db, {
      contactEmail: 'managed@org.test',
      contactEmailVisibility: 'PUBLIC'
    });
    await createViewer(db, { organizationIds: [managed.id] });
    const toManaged = await proposalTo(managed);
    expect(messageOf(await sendClaimInvitation(toManaged.proposer, toManaged.id))).toContain('has members');

    const open = await createOrganization(db, { contactEmail: 'open@org.test', contactEmailVisibility: 'PUBLIC' });
    const proposal = await proposalTo(open);
    const outsider = await createViewer(db, {});
    expect(await sendClaimInvitation(outsider, proposal.id)).toMatchObject({
      ok: false,
      failure: { kind: 'not-found' }
    });

    await settleBackgroundWork();
    for (const address of ['archived@unclaimed.test', 'managed@org.test', 'open@org.test']) {
      expect(smtp().to(address)).toHaveLength(0);
    }
  });

  it('is offered through the API: the proposer sends it, and the ValidationError names partnershipId', async () => {
    const SEND = `mutation($partnershipId: ID!) { sendClaimInvitation(partnershipId: $partnershipId) {
      __typename ... on SendClaimInvitationSuccess { invitation { sentTo language } }
      ... on ValidationError { fieldErrors { field message } } } }`;
    const invited = await createOrganization(db, {
      contactEmail: 'api@unclaimed.test',
      contactEmailVisibility: 'PUBLIC'
    });
    const { proposer, id } = await proposalTo(invited);
    const partnershipId = globalId('Partnership', id);
    const sent = await executeOk(SEND, { partnershipId }, proposer);
    expect(sent.sendClaimInvitation).toEqual({
      __typename: 'SendClaimInvitationSuccess',
      invitation: { sentTo: 'api@unclaimed.test', language: 'en' }
    });
    await arrived('api@unclaimed.test');
    const again = await executeOk(SEND, { partnershipId }, proposer);
    expect(again.sendClaimInvitation).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'partnershipId', message: expect.stringContaining('within the last month') }]
    });
  });

  it('gives the month back when the mail cannot be handed over, so the next try sends', async () => {
    const invited = await createOrganization(db, {
      name: 'Offline Mail Association',
      contactEmail: 'hello@offline-mail.test',
      contactEmailVisibility: 'PUBLIC'
    });
    const { proposer, id } = await proposalTo(invited);
    const working = getMailer();
    setMailer({ send: () => Promise.reject(new Error('mail server down')) });
    try {
      await expect(sendClaimInvitation(proposer, id)).rejects.toThrow('mail server down');
    } finally {
      setMailer(working);
    }
    expect(await db.claimInvitation.count({ where: { organizationId: invited.id } })).toBe(0);
    expect(await sendClaimInvitation(proposer, id)).toMatchObject({ ok: true });
    expect(await arrived('hello@offline-mail.test')).toHaveLength(1);
  });
});
