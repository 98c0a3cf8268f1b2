import { getDb } from '../platform/db';
import { env } from '../env';
import { getMailer } from '../mail/mailer';
import { proposalReceivedMessage } from '../mail/partnership-messages';

/** The people a proposal reaches: the invited side's approved members with an active account. */
export async function invitedSideRecipients(organizationId: string): Promise<{ email: string }[]> {
  return getDb().user.findMany({
    where: { disabledAt: null, memberships: { some: { organizationId, status: 'APPROVED' } } },
    select: { email: true },
    orderBy: { email: 'asc' }
  });
}

/**
 * Mails the invited side's members that a proposal arrived, with the proposer's message and a link to answer.
 * Runs as background work after the proposal is committed (a slow mail server never holds the form up); the
 * proposal itself, and its visibility to the two sides only, are unchanged by mail. Returns how many were mailed.
 */
export async function mailProposalReceived(partnershipId: string, origin?: string): Promise<number> {
  const p = await getDb().partnership.findUnique({
    where: { id: partnershipId },
    include: { orgA: { select: { name: true } }, orgB: { select: { name: true, slug: true } } }
  });
  if (!p || p.status !== 'PROPOSED') return 0;
  const recipients = await invitedSideRecipients(p.orgBId);
  const base = env().ORIGIN ?? origin ?? `http://localhost:${env().PORT}`;
  const link = new URL(`/organizations/${p.orgB.slug}/partnerships/${p.id}`, base).toString();
  const mailer = getMailer();
  for (const { email } of recipients) {
    await mailer.send(
      proposalReceivedMessage(email, {
        from: p.orgA.name,
        to: p.orgB.name,
        title: p.title,
        message: p.message,
        link,
        expiresAt: p.expiresAt
      })
    );
  }
  return recipients.length;
}
