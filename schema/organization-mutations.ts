import { archiveOrganization, createOrganization, updateOrganization } from '../src/lib/server/directory/organizations';
import type { OrganizationCreateInput } from '../src/lib/server/validation/organization';
import { builder, type AtlasTypes } from './builder';
import { BudgetBandEnum, OrganizationTypeEnum, StaffSizeBandEnum, VisibilityEnum, WorkLevelEnum } from './enums';
import { mutationResults, validationError } from './errors';
import { decodeIds, withoutNulls } from './ids';
import { OrganizationRef } from './refs';
import { isAdmin, type Viewer } from '../src/lib/server/access/viewer';

/**
 * External ids are identifier-scheme values (a charity number, a 360Giving org-id) that imports match on: a member
 * who could set one could squat a real organisation's future import key (issue #14). Only imports and admins set
 * them; a member's create or update naming the field (even as null) is refused, naming it.
 */
function externalIdRefused(viewer: Viewer, input: { externalId?: string | null }) {
  if (input.externalId === undefined || isAdmin(viewer)) return null;
  return validationError([
    { field: 'externalId', message: 'is set only by imports or an admin (identifier scheme values cannot be claimed)' }
  ]);
}

/** The profile fields both inputs share; `required` only differs for name and type. */
function profileFields(t: PothosSchemaTypes.InputFieldBuilder<AtlasTypes, 'InputObject'>, creating: boolean) {
  return {
    slug: t.string({
      required: false,
      description: creating
        ? 'Lower-case letters, digits and hyphens; derived from the name when left out.'
        : 'Lower-case letters, digits and hyphens.'
    }),
    name: t.string({ required: creating }),
    type: t.field({ type: OrganizationTypeEnum, required: creating }),
    description: t.string({ required: false }),
    website: t.string({ required: false, description: 'An absolute http(s) URL.' }),
    foundedYear: t.int({ required: false }),
    hqCountry: t.string({ required: false, description: 'ISO 3166-1 alpha-2 code of the headquarters.' }),
    hqCity: t.string({ required: false }),
    countries: t.stringList({ required: false, description: 'ISO 3166-1 alpha-2 codes of the countries of work.' }),
    levels: t.field({ type: [WorkLevelEnum], required: false }),
    themes: t.stringList({ required: false, description: 'Theme slugs (see `themes`).' }),
    languages: t.stringList({ required: false, description: 'ISO 639-1 codes.' }),
    staffSize: t.field({ type: StaffSizeBandEnum, required: false }),
    budgetBand: t.field({ type: BudgetBandEnum, required: false }),
    contactEmail: t.string({ required: false }),
    contactEmailVisibility: t.field({ type: VisibilityEnum, required: false, description: 'Default MEMBERS.' }),
    contactPhone: t.string({ required: false }),
    contactPhoneVisibility: t.field({ type: VisibilityEnum, required: false, description: 'Default MEMBERS.' }),
    logoUrl: t.string({ required: false }),
    externalId: t.string({
      required: false,
      description: 'Identifier-scheme value imports match on. Admins only; imports set it otherwise.'
    })
  };
}

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  fields: (t) => profileFields(t, true)
});

const UpdateOrganizationInput = builder.inputType('UpdateOrganizationInput', {
  description: 'Fields left out stay unchanged; null clears an optional field. Lists replace the stored list.',
  fields: (t) => ({ id: t.id({ required: true }), ...profileFields(t, false) })
});

/** On update, a null list means "clear it" (an empty list); scalar nulls clear the field. */
function nullListsEmptied<T extends Record<string, unknown>>(input: T): T {
  const out: Record<string, unknown> = { ...input };
  for (const key of ['countries', 'levels', 'themes', 'languages']) if (out[key] === null) out[key] = [];
  return out as T;
}

const [create, update, archive] = mutationResults('organization', OrganizationRef, [
  ['CreateOrganization', 'The organisation was created.'],
  ['UpdateOrganization', 'The profile was updated.'],
  ['ArchiveOrganization', 'The organisation was archived.']
]);

builder.mutationFields((t) => ({
  createOrganization: t.field({
    type: create.union,
    description: 'Adds an organisation. Any signed-in user may; the creator becomes an owner of the profile.',
    args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      externalIdRefused(ctx.viewer, input) ??
      create.toResult(await createOrganization(ctx.viewer, withoutNulls(input) as OrganizationCreateInput))
  }),
  updateOrganization: t.field({
    type: update.union,
    description: 'Edits a profile. Members of the organisation and admins only.',
    args: { input: t.arg({ type: UpdateOrganizationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { ids, errors } = decodeIds({ id: String(input.id) }, { id: 'Organization' });
      if (errors.length > 0) return validationError(errors);
      const refused = externalIdRefused(ctx.viewer, input);
      if (refused) return refused;
      return update.toResult(
        await updateOrganization(ctx.viewer, {
          ...nullListsEmptied(input),
          id: ids.id
        })
      );
    }
  }),
  archiveOrganization: t.field({
    type: archive.union,
    description: 'Hides an organisation from the directory and partner lists, keeping its history.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      return archive.withIds({ id }, { id: 'Organization' }, (ids) => archiveOrganization(ctx.viewer, ids.id));
    }
  })
}));
