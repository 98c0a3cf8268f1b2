import { getDb } from '../platform/db';
import type { Partnership, Prisma } from '../db/generated/client';
import { visibilityOf, type Viewer } from '../access/viewer';
import { actorId, canEditOrganization, requirePartnershipSide, requireWriter } from '../access/policy';
import { uniqueViolationFields } from '../platform/unique-violation';
import { visiblePartnershipWhere } from '../access/visibility-prisma';
import { runWrite } from '../platform/write-with-outbox';
import type { VisibilityLevel } from '../analytics/levels';
import { fieldErrorsOf, summarize, type FieldError } from '../validation/field-errors';
import { FailureSignal, forbidden, invalid, notFound, type Outcome } from '../validation/outcome';
import {
  partnershipDecisionSchema,
  partnershipEndSchema,
  partnershipProposalSchema,
  type PartnershipProposalInput
} from '../validation/partnership';
import { loadReferenceData } from '../validation/reference';
import { runInBackground } from '../background-work';
import { lockedPartnership } from './lock';
import { expireProposals, isExpired, proposalExpiresAt } from './proposal-expiry';
import { noticePartnershipEvent } from '../notifications/partnership-notices';
import { mailAfterCommit } from '../notifications/record';
import { forgetCachedAnalytics } from './stale-analytics';
import { levelsSeeing } from './visibility-rank';
import { appWriteProvenance } from '../provenance/app-write';

const toDate = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : value);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The partnership as the audit log records it (before/after): its row plus its theme slugs. */
export async function partnershipSnapshot(tx: Prisma.TransactionClient, id: string) {
  const row = await tx.partnership.findUnique({
    where: { id },
    include: { themes: { select: { theme: { select: { slug: true } } } } }
  });
  if (!row) return null;
  const { themes, ...rest } = row;
  return { ...rest, themes: themes.map((t) => t.theme.slug).sort() };
}

/** orgA proposes a partnership to orgB; it stays PROPOSED (seen only by the two sides) until orgB confirms. */
export async function proposePartnership(
  viewer: Viewer,
  input: PartnershipProposalInput
): Promise<Outcome<Partnership>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  const db = getDb();
  const ref = await loadReferenceData(db);
  const parsed = partnershipProposalSchema(ref).safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const values = parsed.data;

  const orgs = await db.organization.findMany({
    where: { id: { in: [values.orgAId, values.orgBId] } },
    select: { id: true, name: true, archivedAt: true }
  });
  const orgA = orgs.find((o) => o.id === values.orgAId);
  const orgB = orgs.find((o) => o.id === values.orgBId);
  if (!orgA) return notFound('orgAId', `No organisation with id ${values.orgAId}.`);
  if (!orgB) return notFound('orgBId', `No organisation with id ${values.orgBId}.`);
  if (!canEditOrganization(viewer, orgA.id)) {
    return forbidden('You may only propose partnerships on behalf of an organisation you belong to (orgAId).');
  }
  const archived = [
    ...(orgA.archivedAt ? [{ field: 'orgAId', message: 'is archived' }] : []),
    ...(orgB.archivedAt ? [{ field: 'orgBId', message: 'is archived' }] : [])
  ];
  if (archived.length > 0) return invalid(archived);

  const pair = [
    { orgAId: orgA.id, orgBId: orgB.id },
    { orgAId: orgB.id, orgBId: orgA.id }
  ];
  // An unanswered proposal past its deadline no longer blocks the pair: write its expiry down first.
  await expireProposals({ where: { kind: values.kind, OR: pair } });
  const open = await db.partnership.findFirst({
    where: {
      kind: values.kind,
      status: { in: ['PROPOSED', 'CONFIRMED'] },
      OR: [
        { orgAId: orgA.id, orgBId: orgB.id },
        { orgAId: orgB.id, orgBId: orgA.id }
      ]
    },
    select: { status: true }
  });
  const duplicate = {
    field: 'orgBId',
    message: `already has an open (PROPOSED or CONFIRMED) ${values.kind} partnership with ${orgA.name}`
  };
  if (open) return invalid([{ ...duplicate, message: `${duplicate.message} (${open.status})` }]);

  let notices: string[] = [];
  const outcome = await runWrite(async (tx) => {
    const partnership = await tx.partnership
      .create({
        data: {
          orgAId: orgA.id,
          orgBId: orgB.id,
          kind: values.kind,
          title: values.title,
          description: values.description,
          message: values.message,
          expiresAt: proposalExpiresAt(),
          startDate: toDate(values.startDate),
          endDate: toDate(values.endDate),
          visibility: values.visibility,
          status: 'PROPOSED',
          proposedById: actorId(viewer),
          sourceKind: appWriteProvenance(viewer).sourceKind,
          themes: { create: values.themes.map((slug) => ({ themeId: ref.themes.get(slug)! })) }
        }
      })
      .catch((error: unknown) => {
        // The partial unique index on the open pair: a concurrent proposal won the race.
        if (uniqueViolationFields(error)) {
          throw new FailureSignal({ kind: 'validation', message: 'Invalid input: orgBId', fieldErrors: [duplicate] });
        }
        throw error;
      });
    notices = await noticePartnershipEvent(tx, 'propose', partnership, actorId(viewer));
    return {
      value: partnership,
      changes: [{ aggregate: 'Partnership', aggregateId: partnership.id, op: 'upsert' }],
      audit: [
        {
          actorId: actorId(viewer),
          action: 'partnership.propose',
          entityType: 'Partnership',
          entityId: partnership.id,
          before: null,
          after: await partnershipSnapshot(tx, partnership.id)
        }
      ]
    };
  });
  if (outcome.ok) {
    // The invited side's members: in their inbox now, by mail through the queue (with the proposer's message).
    mailAfterCommit(notices);
    // Other proposals past their deadline: written down now and then, without holding this answer up.
    runInBackground('proposal expiry', () => expireProposals());
  }
  return outcome;
}

type Transition = 'confirm' | 'decline' | 'end' | 'withdraw';

/** Loads the partnership if the viewer may see it (an invisible one is "not found", never "forbidden"). */
export async function visiblePartnership(viewer: Viewer, id: string) {
  return getDb().partnership.findFirst({ where: { AND: [{ id }, visiblePartnershipWhere(visibilityOf(viewer))] } });
}

/**
 * Confirm, decline or end. Who may act depends only on the two sides (never changed after creation), so it is checked
 * before the transaction; the STATUS is judged on the row locked FOR UPDATE inside it (lock.ts), so of a concurrent
 * confirm and decline exactly one wins and the other gets the typed "is CONFIRMED/DECLINED" error.
 *
 * Confirming or ending changes what the analytics count (CONFIRMED and ENDED partnerships), so the cached analytics
 * of every level that sees the partnership are dropped — in the transaction and again after the projection, as
 * setPartnershipVisibility does (stale-analytics.ts explains the generation bump).
 */
async function transition(
  viewer: Viewer,
  action: Transition,
  id: string,
  endDate?: string | null
): Promise<Outcome<Partnership>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  const existing = await visiblePartnership(viewer, id);
  if (!existing) return notFound('id', `No partnership with id ${id}.`);

  // The side rule lives in the access policy (Partnership.viewerCan reads the same); the status is judged below.
  const wrongSide = requirePartnershipSide(viewer, action, existing);
  if (wrongSide) return wrongSide;

  const end = endDate ?? isoDay(new Date());
  const data: Prisma.PartnershipUncheckedUpdateInput =
    action === 'confirm'
      ? { status: 'CONFIRMED', confirmedById: actorId(viewer), confirmedAt: new Date() }
      : action === 'decline'
        ? { status: 'DECLINED' }
        : action === 'withdraw'
          ? { status: 'WITHDRAWN' }
          : { status: 'ENDED', endDate: new Date(`${end}T00:00:00Z`) };

  let invalidated: VisibilityLevel[] = [];
  let notices: string[] = [];
  const outcome = await runWrite(async (tx) => {
    const current = await lockedPartnership(tx, id);
    const problem = transitionProblem(action, current, end);
    if (problem) {
      throw new FailureSignal({ kind: 'validation', message: summarize([problem]), fieldErrors: [problem] });
    }
    const before = await partnershipSnapshot(tx, id);
    const partnership = await tx.partnership.update({
      where: { id },
      data: { ...data, sourceKind: appWriteProvenance(viewer).sourceKind }
    });
    // Only confirming and ending change what analytics count (CONFIRMED and ENDED partnerships).
    invalidated = action === 'confirm' || action === 'end' ? levelsSeeing(current.visibility) : [];
    await forgetCachedAnalytics(tx, invalidated);
    if (action !== 'withdraw') notices = await noticePartnershipEvent(tx, action, partnership, actorId(viewer));
    return {
      value: partnership,
      changes: [{ aggregate: 'Partnership', aggregateId: id, op: 'upsert' }],
      audit: [
        {
          actorId: actorId(viewer),
          action: `partnership.${action}`,
          entityType: 'Partnership',
          entityId: id,
          before,
          after: await partnershipSnapshot(tx, id)
        }
      ]
    };
  });
  if (outcome.ok) {
    await forgetCachedAnalytics(getDb(), invalidated);
    mailAfterCommit(notices);
  }
  return outcome;
}

/** Why `action` may not be applied to the partnership as it now is (locked), or null when it may. */
function transitionProblem(action: Transition, current: Partnership, end: string): FieldError | null {
  if (action === 'end') {
    if (current.status !== 'CONFIRMED') {
      return { field: 'id', message: `is ${current.status}: only a CONFIRMED partnership can be ended` };
    }
    if (current.startDate && end < isoDay(current.startDate)) {
      return { field: 'endDate', message: `must be on or after the start date (${isoDay(current.startDate)})` };
    }
    return null;
  }
  if (current.status !== 'PROPOSED') {
    return { field: 'id', message: `is ${current.status}: only a PROPOSED partnership can be ${pastTense[action]}` };
  }
  if (isExpired(current)) {
    return {
      field: 'id',
      message:
        `has expired (on ${current.expiresAt!.toISOString().slice(0, 10)}, unanswered): it can no longer be ` +
        `${pastTense[action]}; the proposing side may propose again`
    };
  }
  return null;
}

const pastTense = { confirm: 'confirmed', decline: 'declined', withdraw: 'withdrawn' } as const;

export async function confirmPartnership(viewer: Viewer, input: { id: string }): Promise<Outcome<Partnership>> {
  const parsed = partnershipDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return transition(viewer, 'confirm', parsed.data.id);
}

export async function declinePartnership(viewer: Viewer, input: { id: string }): Promise<Outcome<Partnership>> {
  const parsed = partnershipDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return transition(viewer, 'decline', parsed.data.id);
}

/** The proposing side takes back its proposal while it is still PROPOSED (and not expired). */
export async function withdrawPartnership(viewer: Viewer, input: { id: string }): Promise<Outcome<Partnership>> {
  const parsed = partnershipDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return transition(viewer, 'withdraw', parsed.data.id);
}

export async function endPartnership(
  viewer: Viewer,
  input: { id: string; endDate?: string | null }
): Promise<Outcome<Partnership>> {
  const parsed = partnershipEndSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return transition(viewer, 'end', parsed.data.id, parsed.data.endDate);
}
