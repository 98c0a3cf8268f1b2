import { getDb } from '../platform/db';
import type { Organization, Prisma } from '../db/generated/client';
import type { Viewer } from '../access/viewer';
import { fieldErrorsOf, type FieldError } from '../validation/field-errors';
import {
  organizationCreateSchema,
  organizationUpdateSchema,
  type OrganizationCreate,
  type OrganizationCreateInput,
  type OrganizationUpdate,
  type OrganizationUpdateRequest
} from '../validation/organization';
import { FailureSignal, forbidden, invalid, notFound, type Outcome } from '../validation/outcome';
import { loadReferenceData, type ReferenceData } from '../validation/reference';
import { actorId, canEditOrganization, requireWriter } from '../access/policy';
import { organizationSnapshot } from './organization-snapshot';
import { freeOrganizationSlug } from './slugs';
import { uniqueViolationFields } from '../platform/unique-violation';
import { runWrite } from '../platform/write-with-outbox';
import { appWriteProvenance, editsAsOwner, withOwnerEdits } from '../provenance/app-write';

type ProfileValues = Partial<Omit<OrganizationCreate, 'themes' | 'countries'>> & {
  themes?: string[];
  countries?: string[];
};

/** Validated profile values → Organization columns. Undefined stays undefined (= unchanged on update). */
function columns(values: ProfileValues): Prisma.OrganizationUncheckedUpdateInput {
  const { themes: _themes, countries: _countries, hqCountry, ...rest } = values;
  const data: Record<string, unknown> = { ...rest };
  if (hqCountry !== undefined) data.hqCountryCode = hqCountry;
  for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
  return data as Prisma.OrganizationUncheckedUpdateInput;
}

/** Slug and external id are unique: say so on the field instead of failing on the constraint. */
async function uniquenessErrors(values: ProfileValues, exceptId?: string): Promise<FieldError[]> {
  const db = getDb();
  const clauses: Prisma.OrganizationWhereInput[] = [];
  if (values.slug) clauses.push({ slug: values.slug });
  if (values.externalId) clauses.push({ externalId: values.externalId });
  if (clauses.length === 0) return [];
  const clashes = await db.organization.findMany({
    where: { OR: clauses, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { slug: true, externalId: true }
  });
  const errors: FieldError[] = [];
  if (values.slug && clashes.some((c) => c.slug === values.slug)) {
    errors.push({ field: 'slug', message: `is already taken by another organisation` });
  }
  if (values.externalId && clashes.some((c) => c.externalId === values.externalId)) {
    errors.push({ field: 'externalId', message: `is already used by another organisation` });
  }
  return errors;
}

/** A concurrent write can still win the race between the check and the insert: report it on the field. */
function raceToFailure(error: unknown): never {
  const fields = uniqueViolationFields(error);
  if (fields) {
    const field = fields.some((f) => f.includes('externalId')) ? 'externalId' : 'slug';
    throw new FailureSignal({
      kind: 'validation',
      message: `Invalid input: ${field}`,
      fieldErrors: [{ field, message: 'is already taken by another organisation' }]
    });
  }
  throw error;
}

async function replaceThemesAndCountries(
  tx: Prisma.TransactionClient,
  organizationId: string,
  values: ProfileValues,
  ref: ReferenceData
): Promise<void> {
  if (values.themes) {
    await tx.organizationTheme.deleteMany({ where: { organizationId } });
    await tx.organizationTheme.createMany({
      data: values.themes.map((slug) => ({ organizationId, themeId: ref.themes.get(slug)! }))
    });
  }
  if (values.countries) {
    await tx.organizationCountry.deleteMany({ where: { organizationId } });
    await tx.organizationCountry.createMany({
      data: values.countries.map((countryCode) => ({ organizationId, countryCode }))
    });
  }
}

export async function createOrganization(
  viewer: Viewer,
  input: OrganizationCreateInput
): Promise<Outcome<Organization>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  const db = getDb();
  const ref = await loadReferenceData(db);

  const withSlug = { ...input };
  if (!withSlug.slug && typeof withSlug.name === 'string') {
    const derived = await freeOrganizationSlug(db, withSlug.name);
    if (!derived) {
      return invalid([
        { field: 'slug', message: 'could not be derived from the name: give one, e.g. "my-organisation"' }
      ]);
    }
    withSlug.slug = derived;
  }
  const parsed = organizationCreateSchema(ref).safeParse(withSlug);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const values = parsed.data;
  const clashes = await uniquenessErrors(values);
  if (clashes.length > 0) return invalid(clashes);

  return runWrite(async (tx) => {
    const provenance = { ...appWriteProvenance(viewer), licence: null };
    // A member's new profile waits for an admin's verification (moderation, issue 15 part 7); an admin's does not.
    const unverifiedSince = viewer.kind === 'user' && viewer.role !== 'ADMIN' ? new Date() : null;
    const org = await tx.organization
      .create({
        data: { ...columns(values), ...provenance, unverifiedSince } as Prisma.OrganizationUncheckedCreateInput
      })
      .catch(raceToFailure);
    await replaceThemesAndCountries(tx, org.id, values, ref);
    const actor = actorId(viewer);
    // The creator becomes the profile's owner, so they can keep editing it once sessions load memberships.
    if (actor && viewer.kind === 'user' && viewer.role !== 'ADMIN') {
      await tx.membership.create({
        data: { userId: actor, organizationId: org.id, role: 'OWNER', status: 'APPROVED', approvedAt: new Date() }
      });
    }
    return {
      value: org,
      changes: [{ aggregate: 'Organization', aggregateId: org.id, op: 'upsert' }],
      audit: [
        {
          actorId: actor,
          action: 'organization.create',
          entityType: 'Organization',
          entityId: org.id,
          before: null,
          after: await organizationSnapshot(tx, org.id)
        }
      ]
    };
  });
}

export async function updateOrganization(
  viewer: Viewer,
  input: OrganizationUpdateRequest
): Promise<Outcome<Organization>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  const db = getDb();
  const ref = await loadReferenceData(db);
  const parsed = organizationUpdateSchema(ref).safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { id, ...values }: OrganizationUpdate = parsed.data;

  const existing = await db.organization.findUnique({ where: { id }, select: { id: true, ownerEditedFields: true } });
  if (!existing) return notFound('id', `No organisation with id ${id}.`);
  if (!canEditOrganization(viewer, id)) return forbidden('You may only edit organisations you belong to.');
  const clashes = await uniquenessErrors(values, id);
  if (clashes.length > 0) return invalid(clashes);

  return runWrite(async (tx) => {
    const before = await organizationSnapshot(tx, id);
    const data = columns(values);
    // Provenance (decision 0029): who wrote it last, and which fields the organisation itself set, so that an
    // import overwriting one of them says so.
    const edited = [
      ...Object.keys(data),
      ...(values.themes !== undefined ? ['themes'] : []),
      ...(values.countries !== undefined ? ['countries'] : [])
    ];
    const provenance = {
      ...appWriteProvenance(viewer),
      licence: null,
      ...(editsAsOwner(viewer, id) ? { ownerEditedFields: withOwnerEdits(existing.ownerEditedFields, edited) } : {})
    };
    const org =
      Object.keys(data).length > 0
        ? await tx.organization.update({ where: { id }, data: { ...data, ...provenance } }).catch(raceToFailure)
        : // Only themes/countries changed: still bump updatedAt, the profile did change.
          await tx.organization.update({ where: { id }, data: { updatedAt: new Date(), ...provenance } });
    await replaceThemesAndCountries(tx, id, values, ref);
    return {
      value: org,
      changes: [{ aggregate: 'Organization', aggregateId: id, op: 'upsert' }],
      audit: [
        {
          actorId: actorId(viewer),
          action: 'organization.update',
          entityType: 'Organization',
          entityId: id,
          before,
          after: await organizationSnapshot(tx, id)
        }
      ]
    };
  });
}

/**
 * Archiving hides an organisation from the directory and from partner lists but keeps its history (partnerships,
 * grants); the graph keeps the node with archived = true.
 */
export async function archiveOrganization(viewer: Viewer, id: string): Promise<Outcome<Organization>> {
  const denied = requireWriter(viewer);
  if (denied) return denied;
  const existing = await getDb().organization.findUnique({ where: { id } });
  if (!existing) return notFound('id', `No organisation with id ${id}.`);
  if (!canEditOrganization(viewer, id)) return forbidden('You may only archive organisations you belong to.');
  if (existing.archivedAt) {
    return invalid([{ field: 'id', message: `is already archived (since ${existing.archivedAt.toISOString()})` }]);
  }

  return runWrite(async (tx) => {
    const org = await tx.organization.update({ where: { id }, data: { archivedAt: new Date() } });
    return {
      value: org,
      changes: [{ aggregate: 'Organization', aggregateId: id, op: 'upsert' }],
      audit: [
        {
          actorId: actorId(viewer),
          action: 'organization.archive',
          entityType: 'Organization',
          entityId: id,
          before: { archivedAt: null },
          after: { archivedAt: org.archivedAt }
        }
      ]
    };
  });
}
