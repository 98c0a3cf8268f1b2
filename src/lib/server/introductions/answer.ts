import type { Prisma } from '../db/generated/client';
import type { Viewer } from '../access/viewer';
import { requireWriter } from '../access/policy';
import { runWrite } from '../platform/write-with-outbox';
import { uniqueViolationFields } from '../platform/unique-violation';
import { fieldErrorsOf } from '../validation/field-errors';
import { FailureSignal, forbidden, invalid, type Outcome } from '../validation/outcome';
import { introductionAnswerSchema, introductionReportSchema } from '../validation/introduction';
import { noticeIntroductionAccepted } from '../notifications/introduction-notices';
import { mailAfterCommit } from '../notifications/record';
import { introductionView, introductionViewInclude, isIntroductionExpired, type IntroductionView } from './views';

const refuse = (field: string, message: string) =>
  new FailureSignal({ kind: 'validation', message: `Invalid input: ${field}`, fieldErrors: [{ field, message }] });

/**
 * The row, locked for the rest of the transaction (a concurrent accept and decline cannot both win), if the viewer
 * is a member of the asked organisation. Anyone else — the asker included — is told it does not exist, so an id
 * reveals nothing.
 */
async function lockedForAskedSide(tx: Prisma.TransactionClient, viewer: Viewer, id: string) {
  await tx.$queryRaw`SELECT id FROM "Introduction" WHERE id = ${id} FOR UPDATE`;
  const row = await tx.introduction.findUnique({ where: { id } });
  if (!row || viewer.kind !== 'user' || !viewer.organizationIds.includes(row.toOrganizationId)) {
    throw new FailureSignal({
      kind: 'not-found',
      field: 'id',
      message: `No introduction request ${id} to your organisations.`
    });
  }
  return row;
}

/** A member of the asked organisation accepts (contact details are exchanged) or declines (the asker reads "not now"). */
export async function answerIntroduction(
  viewer: Viewer,
  input: { id: string; accept: boolean }
): Promise<Outcome<IntroductionView>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  if (viewer.kind !== 'user') return forbidden('Sign in to answer.');
  const parsed = introductionAnswerSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { id, accept } = parsed.data;
  let notices: string[] = [];
  const outcome = await runWrite(async (tx) => {
    const row = await lockedForAskedSide(tx, viewer, id);
    if (row.status !== 'PENDING') throw refuse('id', `was already answered (${row.status})`);
    if (isIntroductionExpired(row)) throw refuse('id', 'has expired: requests wait for an answer for a limited time');
    const updated = await tx.introduction.update({
      where: { id },
      data: { status: accept ? 'ACCEPTED' : 'DECLINED', answeredById: viewer.userId, answeredAt: new Date() },
      include: introductionViewInclude
    });
    if (accept) notices = await noticeIntroductionAccepted(tx, updated, viewer.userId);
    return {
      value: introductionView(viewer, updated)!,
      changes: [],
      audit: [
        {
          actorId: viewer.userId,
          action: accept ? 'introduction.accept' : 'introduction.decline',
          entityType: 'Introduction',
          entityId: id,
          before: { status: row.status },
          after: { status: updated.status }
        }
      ]
    };
  });
  if (outcome.ok) mailAfterCommit(notices);
  return outcome;
}

/**
 * A member of the asked organisation reports a request as abuse (once per person). A request still waiting is
 * declined with it — the asker reads "not now", as after any decline. Admins see the report at /admin/reports.
 */
export async function reportIntroduction(
  viewer: Viewer,
  input: { id: string; note?: string | null }
): Promise<Outcome<IntroductionView>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  if (viewer.kind !== 'user') return forbidden('Sign in to report.');
  const parsed = introductionReportSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { id, note } = parsed.data;
  return runWrite(async (tx) => {
    const row = await lockedForAskedSide(tx, viewer, id);
    await tx.introductionReport
      .create({ data: { introductionId: id, reporterId: viewer.userId, note: note ?? null } })
      .catch((error: unknown) => {
        if (uniqueViolationFields(error)) throw refuse('id', 'was already reported by you');
        throw error;
      });
    const decline = row.status === 'PENDING' && !isIntroductionExpired(row);
    const updated = await tx.introduction.update({
      where: { id },
      data: decline ? { status: 'DECLINED', answeredById: viewer.userId, answeredAt: new Date() } : {},
      include: introductionViewInclude
    });
    return {
      value: introductionView(viewer, updated)!,
      changes: [],
      audit: [
        {
          actorId: viewer.userId,
          action: 'introduction.report',
          entityType: 'Introduction',
          entityId: id,
          before: { status: row.status },
          after: { status: updated.status }
        }
      ]
    };
  });
}
