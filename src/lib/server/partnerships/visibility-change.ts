import { z } from 'zod';
import { getDb } from '../platform/db';
import type { Partnership } from '../db/generated/client';
import { Visibility } from '../db/generated/enums';
import type { Viewer } from '../access/viewer';
import { actorId, mayWidenPartnershipVisibility, requirePartnershipSide, requireWriter } from '../access/policy';
import { runWrite } from '../platform/write-with-outbox';
import { fieldErrorsOf } from '../validation/field-errors';
import { FailureSignal, invalid, notFound, type Outcome } from '../validation/outcome';
import { id } from '../validation/rules';
import { partnershipSnapshot, visiblePartnership } from './partnerships';
import { lockedPartnership } from './lock';
import { forgetCachedAnalytics } from './stale-analytics';
import { isNarrowing, isWidening, levelsLosingSight } from './visibility-rank';
import { noticePartnershipEvent } from '../notifications/partnership-notices';
import { mailAfterCommit } from '../notifications/record';

export const partnershipVisibilitySchema = z.object({ id, visibility: z.enum(Visibility) });
export type PartnershipVisibilityInput = z.input<typeof partnershipVisibilitySchema>;

/**
 * Changes who may see a partnership (PUBLIC / MEMBERS / PRIVATE), at any status.
 *
 * Consent decides who may do it. Making a partnership LESS visible is a side protecting itself: either side may do
 * it alone, at any time (an organisation at risk must not need its partner's agreement to hide a tie). Making it
 * MORE visible exposes the other side too, so it needs someone who speaks for both: a member of both
 * organisations, or an admin — or the proposer (orgA) while its proposal is still PROPOSED, because orgB then
 * confirms with the new visibility in view. Setting the visibility it already has changes and records nothing.
 * Both rules are the access policy's (`requirePartnershipSide`, `mayWidenPartnershipVisibility`).
 *
 * The change is audited (before/after), projected to the graph before this returns (runWrite), and the cached
 * analytics of every level that just lost sight of the partnership are dropped (see stale-analytics.ts).
 */
export async function setPartnershipVisibility(
  viewer: Viewer,
  input: PartnershipVisibilityInput
): Promise<Outcome<Partnership>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  const parsed = partnershipVisibilitySchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { id: partnershipId, visibility: wanted } = parsed.data;

  // An invisible partnership is "not found", never "forbidden": the answer must not confirm that it exists.
  const existing = await visiblePartnership(viewer, partnershipId);
  if (!existing) return notFound('id', `No partnership with id ${partnershipId}.`);
  const wrongSide = requirePartnershipSide(viewer, 'changeVisibility', existing);
  if (wrongSide) return wrongSide;

  let narrowedFrom: Partnership['visibility'] | null = null;
  let notices: string[] = [];
  const outcome = await runWrite(async (tx) => {
    // Lock the row so the consent check below judges the visibility this update replaces (not a stale read).
    const current = await lockedPartnership(tx, partnershipId);
    if (current.visibility === wanted) return { value: current, changes: [], audit: [] };
    if (isWidening(current.visibility, wanted) && !mayWidenPartnershipVisibility(viewer, current)) {
      throw new FailureSignal({
        kind: 'forbidden',
        message:
          `Making this partnership more visible (${current.visibility} → ${wanted}) needs both organisations' ` +
          'consent: a member of both, or an admin. Either side can always make it less visible.'
      });
    }
    const before = await partnershipSnapshot(tx, partnershipId);
    const partnership = await tx.partnership.update({ where: { id: partnershipId }, data: { visibility: wanted } });
    const losing = levelsLosingSight(current.visibility, wanted);
    if (losing.length > 0) narrowedFrom = current.visibility;
    await forgetCachedAnalytics(tx, losing);
    // The other side learns that fewer people see the tie now (its own members who did not act, too).
    if (isNarrowing(current.visibility, wanted)) {
      notices = await noticePartnershipEvent(tx, 'narrow', partnership, actorId(viewer));
    }
    return {
      value: partnership,
      changes: [{ aggregate: 'Partnership', aggregateId: partnershipId, op: 'upsert' }],
      audit: [
        {
          actorId: actorId(viewer),
          action: 'partnership.visibility',
          entityType: 'Partnership',
          entityId: partnershipId,
          before,
          after: await partnershipSnapshot(tx, partnershipId)
        }
      ]
    };
  });
  // Again after the projection: a computation that started between the commit and the graph update read the old
  // graph under the generation the first invalidation set; this bump keeps it from being stored (and deletes it if
  // it already was). (If Neo4j was down, the projector loop applies the change later and the next scheduled refresh
  // recomputes; the directory's SQL paths are correct at once.)
  if (outcome.ok && narrowedFrom) await forgetCachedAnalytics(getDb(), levelsLosingSight(narrowedFrom, wanted));
  if (outcome.ok) mailAfterCommit(notices);
  return outcome;
}
