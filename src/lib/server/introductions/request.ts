import { getDb } from '../platform/db';
import type { Introduction } from '../db/generated/client';
import type { Viewer } from '../access/viewer';
import { actorId, canEditOrganization, requireWriter } from '../access/policy';
import { runWrite } from '../platform/write-with-outbox';
import { fieldErrorsOf, summarize } from '../validation/field-errors';
import { FailureSignal, forbidden, invalid, notFound, type Outcome } from '../validation/outcome';
import { ANSWERING_MEMBERSHIP } from './target';
import { introductionRequestSchema, type IntroductionRequestInput } from '../validation/introduction';
import { noticeIntroductionRequested } from '../notifications/introduction-notices';
import { mailAfterCommit } from '../notifications/record';
import { introductionExpiresAt, introductionLimitErrors } from './limits';

/**
 * A member asks, for one of their organisations (fromOrganizationId), to be introduced to another. Refused, with
 * the field named, when the input is bad, the asked organisation has nobody who could answer, the pair was asked
 * within the answer period, or a spam limit is reached (limits.ts). The asked side's members are notified in the
 * same transaction (inbox now, mail through the queue).
 */
export async function requestIntroduction(
  viewer: Viewer,
  input: IntroductionRequestInput
): Promise<Outcome<Introduction>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  const parsed = introductionRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const values = parsed.data;
  const db = getDb();
  const orgs = await db.organization.findMany({
    where: { id: { in: [values.fromOrganizationId, values.toOrganizationId] } },
    select: { id: true, name: true, archivedAt: true }
  });
  const from = orgs.find((o) => o.id === values.fromOrganizationId);
  const to = orgs.find((o) => o.id === values.toOrganizationId);
  if (!from) return notFound('fromOrganizationId', `No organisation with id ${values.fromOrganizationId}.`);
  if (!to) return notFound('toOrganizationId', `No organisation with id ${values.toOrganizationId}.`);
  if (!canEditOrganization(viewer, from.id)) {
    return forbidden(
      'You may only ask for introductions on behalf of an organisation you belong to (fromOrganizationId).'
    );
  }
  const archived = [
    ...(from.archivedAt ? [{ field: 'fromOrganizationId', message: 'is archived' }] : []),
    ...(to.archivedAt ? [{ field: 'toOrganizationId', message: 'is archived' }] : [])
  ];
  if (archived.length > 0) return invalid(archived);
  const answerers = await db.membership.count({ where: { organizationId: to.id, ...ANSWERING_MEMBERSHIP } });
  if (answerers === 0) {
    return invalid([
      // A whole sentence: the page shows it on its own (the field has no input to sit beside).
      {
        field: 'toOrganizationId',
        message: `${to.name} has no members on the Atlas yet, so nobody could answer a request.`
      }
    ]);
  }

  const requesterId = actorId(viewer)!;
  let notices: string[] = [];
  const outcome = await runWrite(async (tx) => {
    const refused = await introductionLimitErrors(tx, {
      requesterId,
      fromOrganizationId: from.id,
      toOrganizationId: to.id,
      fromName: from.name
    });
    if (refused.length > 0) {
      throw new FailureSignal({ kind: 'validation', message: summarize(refused), fieldErrors: refused });
    }
    const introduction = await tx.introduction.create({
      data: {
        requesterId,
        fromOrganizationId: from.id,
        toOrganizationId: to.id,
        message: values.message,
        reason: values.reason ?? null,
        expiresAt: introductionExpiresAt()
      }
    });
    notices = await noticeIntroductionRequested(tx, introduction);
    return {
      value: introduction,
      changes: [],
      audit: [
        {
          actorId: requesterId,
          action: 'introduction.request',
          entityType: 'Introduction',
          entityId: introduction.id,
          before: null,
          after: { fromOrganizationId: from.id, toOrganizationId: to.id, status: introduction.status }
        }
      ]
    };
  });
  if (outcome.ok) mailAfterCommit(notices);
  return outcome;
}
