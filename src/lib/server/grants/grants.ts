import { getDb } from '../platform/db';
import type { Grant, Prisma } from '../db/generated/client';
import { isAdmin, type Viewer } from '../access/viewer';
import { actorId, canEditOrganization, requireWriter } from '../access/policy';
import { uniqueViolationFields } from '../platform/unique-violation';
import { runWrite } from '../platform/write-with-outbox';
import { fieldErrorsOf } from '../validation/field-errors';
import { grantSchema, type GrantInput } from '../validation/grant';
import { FailureSignal, forbidden, invalid, notFound, type Outcome } from '../validation/outcome';
import { loadReferenceData } from '../validation/reference';
import { appWriteProvenance } from '../provenance/app-write';

const toDate = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : value);
const TAKEN = { field: 'externalId', message: 'is already used by another grant' };
const EXTERNAL_ID_REFUSED = {
  field: 'externalId',
  message: 'is set only by imports or an admin (identifier scheme values cannot be claimed)'
};

async function grantSnapshot(tx: Prisma.TransactionClient, id: string) {
  const row = await tx.grant.findUnique({
    where: { id },
    include: { themes: { select: { theme: { select: { slug: true } } } }, countries: { select: { countryCode: true } } }
  });
  if (!row) return null;
  const { themes, countries, ...rest } = row;
  return {
    ...rest,
    themes: themes.map((t) => t.theme.slug).sort(),
    countries: countries.map((c) => c.countryCode).sort()
  };
}

/** A funder's editors (or an admin) record a grant it awarded. */
export async function recordGrant(viewer: Viewer, input: GrantInput): Promise<Outcome<Grant>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  // A 360Giving identifier is what grant imports match on: a member who could set one could squat a real grant's
  // future key and have the import update their row (issue #14). Only imports and admins set it.
  if (input.externalId != null && !isAdmin(viewer)) return invalid([EXTERNAL_ID_REFUSED]);
  const db = getDb();
  const ref = await loadReferenceData(db);
  const parsed = grantSchema(ref).safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const values = parsed.data;

  const [orgs, clash] = await Promise.all([
    db.organization.findMany({ where: { id: { in: [values.funderId, values.recipientId] } }, select: { id: true } }),
    values.externalId ? db.grant.findUnique({ where: { externalId: values.externalId }, select: { id: true } }) : null
  ]);
  if (!orgs.some((o) => o.id === values.funderId))
    return notFound('funderId', `No organisation with id ${values.funderId}.`);
  if (!orgs.some((o) => o.id === values.recipientId)) {
    return notFound('recipientId', `No organisation with id ${values.recipientId}.`);
  }
  if (!canEditOrganization(viewer, values.funderId)) {
    return forbidden('Only the funder (funderId) can record its grants.');
  }
  if (clash) return invalid([TAKEN]);

  return runWrite(async (tx) => {
    const grant = await tx.grant
      .create({
        data: {
          funderId: values.funderId,
          recipientId: values.recipientId,
          title: values.title,
          description: values.description,
          amountAwarded: values.amountAwarded,
          currency: values.currency,
          awardDate: new Date(`${values.awardDate}T00:00:00Z`),
          plannedStartDate: toDate(values.plannedStartDate),
          plannedEndDate: toDate(values.plannedEndDate),
          grantProgramme: values.grantProgramme,
          visibility: values.visibility,
          externalId: values.externalId,
          source: values.source,
          sourceKind: appWriteProvenance(viewer).sourceKind,
          themes: { create: values.themes.map((slug) => ({ themeId: ref.themes.get(slug)! })) },
          countries: { create: values.countries.map((countryCode) => ({ countryCode })) }
        }
      })
      .catch((error: unknown) => {
        if (uniqueViolationFields(error)) {
          throw new FailureSignal({ kind: 'validation', message: 'Invalid input: externalId', fieldErrors: [TAKEN] });
        }
        throw error;
      });
    return {
      value: grant,
      changes: [{ aggregate: 'Grant', aggregateId: grant.id, op: 'upsert' }],
      audit: [
        {
          actorId: actorId(viewer),
          action: 'grant.record',
          entityType: 'Grant',
          entityId: grant.id,
          before: null,
          after: await grantSnapshot(tx, grant.id)
        }
      ]
    };
  });
}
