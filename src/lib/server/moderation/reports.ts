import { z } from 'zod';
import { isAdmin, type Viewer } from '../access/viewer';
import { requireWriter } from '../access/policy';
import { runWrite } from '../platform/write-with-outbox';
import { fieldErrorsOf } from '../validation/field-errors';
import { FailureSignal, forbidden, invalid, type Outcome } from '../validation/outcome';

/**
 * An admin decides an abuse report (decision 0043): RESOLVED (acted on) or DISMISSED (no action needed), always
 * with a note saying why. The moderation queue then hides it; the report keeps the decision, and the audit log who
 * made it and when.
 */
const resolveSchema = z.object({
  id: z.string({ error: 'is required' }).trim().min(1, 'is required'),
  resolution: z.enum(['RESOLVED', 'DISMISSED'], { error: 'must be RESOLVED or DISMISSED' }),
  note: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'must say what was done or why nothing was')
    .max(1000, 'must be at most 1000 characters')
});

export type ResolveReportInput = z.input<typeof resolveSchema>;

export async function resolveAbuseReport(
  viewer: Viewer,
  input: ResolveReportInput
): Promise<Outcome<{ id: string; resolution: 'RESOLVED' | 'DISMISSED' }>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  if (!isAdmin(viewer) || viewer.kind !== 'user') return forbidden('Only admins decide abuse reports.');
  const parsed = resolveSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { id, resolution, note } = parsed.data;
  return runWrite(async (tx) => {
    const before = await tx.introductionReport.findUnique({ where: { id } });
    if (!before) throw new FailureSignal({ kind: 'not-found', field: 'id', message: 'No abuse report has this id.' });
    // Guarded by "still open" in the same statement: two admins deciding at once record one decision.
    const decided = await tx.introductionReport.updateMany({
      where: { id, resolvedAt: null },
      data: { resolution, resolutionNote: note, resolvedAt: new Date(), resolvedById: viewer.userId }
    });
    if (decided.count === 0) {
      throw new FailureSignal({
        kind: 'validation',
        message: 'Invalid input: id',
        fieldErrors: [{ field: 'id', message: 'is already decided' }]
      });
    }
    return {
      value: { id, resolution },
      changes: [],
      audit: [
        {
          actorId: viewer.userId,
          action: resolution === 'RESOLVED' ? 'abuse-report.resolve' : 'abuse-report.dismiss',
          entityType: 'IntroductionReport',
          entityId: id,
          before: { resolution: null },
          after: { resolution, note }
        }
      ]
    };
  });
}
