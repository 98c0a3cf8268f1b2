import { getDb } from '../platform/db';
import type { Viewer } from '../access/viewer';
import { actorId, canEditOrganization, requireWriter } from '../access/policy';
import { MAIL_LANGUAGES, type MailLanguage } from '../notifications/kinds';
import { atlasOrigin } from '../notifications/render';
import { claimInvitationMessage } from '../mail/messages';
import { sendMail } from '../mail/send';
import { invalid, notFound, type Outcome } from '../validation/outcome';

/**
 * Issue 15 part 3: a PROPOSED partnership whose invited side has nobody on the Atlas reaches no one. Its proposer
 * may then have an invitation to claim that profile mailed to the organisation's PUBLIC contact address — never a
 * members-only or private one (the proposer may not see it, and the organisation did not publish it for this).
 * At most once a month per organisation, whoever asks: the limit is a conditional upsert on ClaimInvitation in one
 * statement, so two concurrent requests cannot both pass. The mail goes through the mail queue after the row is
 * written; it names only the proposing organisation, which the proposer chose to reveal by proposing.
 */
export const CLAIM_INVITATION_INTERVAL = '1 month';

export async function sendClaimInvitation(
  viewer: Viewer,
  partnershipId: string
): Promise<Outcome<{ sentTo: string; language: MailLanguage }>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  const db = getDb();
  const partnership = await db.partnership.findUnique({
    where: { id: partnershipId },
    select: {
      status: true,
      orgAId: true,
      orgA: { select: { name: true, archivedAt: true } },
      orgB: {
        select: {
          id: true,
          slug: true,
          name: true,
          archivedAt: true,
          languages: true,
          contactEmail: true,
          contactEmailVisibility: true
        }
      }
    }
  });
  // Only the proposing side's members may ask; to anyone else the partnership is as unknown as a missing one.
  if (!partnership || !canEditOrganization(viewer, partnership.orgAId)) {
    return notFound('partnershipId', `No partnership with id ${partnershipId} that you proposed.`);
  }
  const { orgA, orgB } = partnership;
  if (partnership.status !== 'PROPOSED') {
    return invalid([
      { field: 'partnershipId', message: `is ${partnership.status}: only an open proposal needs an invitation` }
    ]);
  }
  if (orgA.archivedAt || orgB.archivedAt) {
    return invalid([
      { field: 'partnershipId', message: 'one of its organisations is archived: no invitation is sent' }
    ]);
  }
  const members = await db.membership.count({
    where: { organizationId: orgB.id, status: 'APPROVED', user: { disabledAt: null } }
  });
  if (members > 0) {
    return invalid([
      { field: 'partnershipId', message: `${orgB.name} has members on the Atlas: they were notified already` }
    ]);
  }
  // A contact address not published to everyone is treated as absent, and never named in the answer.
  const to = orgB.contactEmailVisibility === 'PUBLIC' ? orgB.contactEmail : null;
  if (!to) {
    return invalid([
      {
        field: 'partnershipId',
        message: `${orgB.name} has no public contact address on record: no invitation can be sent`
      }
    ]);
  }

  const sentBy = actorId(viewer);
  const claimed = await db.$queryRaw<{ organizationId: string; lastSentAt: Date }[]>`
    INSERT INTO "ClaimInvitation" ("organizationId", "lastSentAt", "lastSentById")
    VALUES (${orgB.id}, now(), ${sentBy})
    ON CONFLICT ("organizationId") DO UPDATE SET "lastSentAt" = now(), "lastSentById" = EXCLUDED."lastSentById"
      WHERE "ClaimInvitation"."lastSentAt" <= now() - ${CLAIM_INVITATION_INTERVAL}::interval
    RETURNING "organizationId", "lastSentAt"`;
  if (claimed.length === 0) {
    return invalid([
      {
        field: 'partnershipId',
        message: `an invitation to claim ${orgB.name} was sent within the last month: at most one a month is sent`
      }
    ]);
  }

  const language: MailLanguage =
    orgB.languages
      .map((l) => l.toLowerCase())
      .find((l): l is MailLanguage => (MAIL_LANGUAGES as readonly string[]).includes(l)) ?? 'en';
  try {
    await sendMail(
      claimInvitationMessage(to, {
        organization: orgB.name,
        proposer: orgA.name,
        link: `${atlasOrigin()}/account?claim=${encodeURIComponent(orgB.slug)}#membership-organization`,
        locale: language
      })
    );
  } catch (error) {
    // Not handed over (queue or mail server down): give the month back, or nobody could invite them for a month
    // although nothing was sent. Only this send's row goes; a later successful send's row is left alone.
    await db.$executeRaw`
      DELETE FROM "ClaimInvitation" WHERE "organizationId" = ${orgB.id} AND "lastSentAt" = ${claimed[0]!.lastSentAt}`;
    throw error;
  }
  return { ok: true, value: { sentTo: to, language } };
}
