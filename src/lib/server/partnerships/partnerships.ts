import { getDb } from '../db';
import type { Partnership, Prisma } from '../db/generated/client';
import { visibilityOf, type Viewer } from '../auth/viewer';
import { actorId, canEditOrganization, requireWriter } from '../directory/authorize';
import { uniqueViolationFields } from '../directory/unique-violation';
import { visiblePartnershipWhere } from '../directory/visibility-sql';
import { runWrite } from '../directory/write';
import { fieldErrorsOf } from '../validation/field-errors';
import { FailureSignal, forbidden, invalid, notFound, type Outcome } from '../validation/outcome';
import {
  partnershipDecisionSchema,
  partnershipEndSchema,
  partnershipProposalSchema,
  type PartnershipProposalInput
} from '../validation/partnership';
import { loadReferenceData } from '../validation/reference';

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

  return runWrite(async (tx) => {
    const partnership = await tx.partnership
      .create({
        data: {
          orgAId: orgA.id,
          orgBId: orgB.id,
          kind: values.kind,
          title: values.title,
          description: values.description,
          startDate: toDate(values.startDate),
          endDate: toDate(values.endDate),
          visibility: values.visibility,
          status: 'PROPOSED',
          proposedById: actorId(viewer),
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
}

type Transition = 'confirm' | 'decline' | 'end';

/** Loads the partnership if the viewer may see it (an invisible one is "not found", never "forbidden"). */
export async function visiblePartnership(viewer: Viewer, id: string) {
  return getDb().partnership.findFirst({ where: { AND: [{ id }, visiblePartnershipWhere(visibilityOf(viewer))] } });
}

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

  if (action === 'end') {
    if (!canEditOrganization(viewer, existing.orgAId) && !canEditOrganization(viewer, existing.orgBId)) {
      return forbidden('Only a member of one of the two organisations can end this partnership.');
    }
    if (existing.status !== 'CONFIRMED') {
      return invalid([{ field: 'id', message: `is ${existing.status}: only a CONFIRMED partnership can be ended` }]);
    }
  } else {
    if (!canEditOrganization(viewer, existing.orgBId)) {
      return forbidden(`Only the invited organisation (orgB) can ${action} this partnership.`);
    }
    if (existing.status !== 'PROPOSED') {
      return invalid([
        { field: 'id', message: `is ${existing.status}: only a PROPOSED partnership can be ${action}d` }
      ]);
    }
  }

  const end = endDate ?? isoDay(new Date());
  if (action === 'end' && existing.startDate && end < isoDay(existing.startDate)) {
    return invalid([
      { field: 'endDate', message: `must be on or after the start date (${isoDay(existing.startDate)})` }
    ]);
  }

  const data: Prisma.PartnershipUncheckedUpdateInput =
    action === 'confirm'
      ? { status: 'CONFIRMED', confirmedById: actorId(viewer), confirmedAt: new Date() }
      : action === 'decline'
        ? { status: 'DECLINED' }
        : { status: 'ENDED', endDate: new Date(`${end}T00:00:00Z`) };

  return runWrite(async (tx) => {
    const before = await partnershipSnapshot(tx, id);
    const partnership = await tx.partnership.update({ where: { id }, data });
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
}

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

export async function endPartnership(
  viewer: Viewer,
  input: { id: string; endDate?: string | null }
): Promise<Outcome<Partnership>> {
  const parsed = partnershipEndSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return transition(viewer, 'end', parsed.data.id, parsed.data.endDate);
}
