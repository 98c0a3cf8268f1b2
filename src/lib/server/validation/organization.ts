import { z } from 'zod';
import { BudgetBand, OrganizationType, StaffSizeBand, Visibility, WorkLevel } from '../db/generated/enums';
import type { ReferenceData } from './reference';
import {
  countryCode,
  email,
  foundedYear,
  httpUrl,
  id,
  languageCode,
  phone,
  slug,
  text,
  themeSlug,
  uniqueList
} from './rules';

/** The profile fields an organisation's editors set. Nullable ones can be cleared with null. */
function profileFields(ref: ReferenceData) {
  return {
    slug,
    name: text(200, 2),
    type: z.enum(OrganizationType, 'must be one of ' + Object.keys(OrganizationType).join(', ')),
    description: text(5000).nullish(),
    website: httpUrl.nullish(),
    foundedYear: foundedYear().nullish(),
    hqCountry: countryCode(ref).nullish(),
    hqCity: text(120).nullish(),
    countries: uniqueList(countryCode(ref), 80),
    levels: uniqueList(z.enum(WorkLevel), 5),
    themes: uniqueList(themeSlug(ref), 40),
    languages: uniqueList(languageCode, 30),
    staffSize: z.enum(StaffSizeBand).nullish(),
    budgetBand: z.enum(BudgetBand).nullish(),
    contactEmail: email.nullish(),
    contactEmailVisibility: z.enum(Visibility),
    contactPhone: phone.nullish(),
    contactPhoneVisibility: z.enum(Visibility),
    logoUrl: httpUrl.nullish(),
    externalId: text(200).nullish()
  };
}

export function organizationCreateSchema(ref: ReferenceData) {
  const f = profileFields(ref);
  return z.object({
    ...f,
    countries: f.countries.default([]),
    levels: f.levels.default([]),
    themes: f.themes.default([]),
    languages: f.languages.default([]),
    contactEmailVisibility: f.contactEmailVisibility.default('MEMBERS'),
    contactPhoneVisibility: f.contactPhoneVisibility.default('MEMBERS')
  });
}

/** Every field optional: absent (undefined) leaves it unchanged, null clears a nullable field. */
export function organizationUpdateSchema(ref: ReferenceData) {
  return z.object({ id, ...z.object(profileFields(ref)).partial().shape });
}

export type OrganizationCreateInput = z.input<ReturnType<typeof organizationCreateSchema>>;
export type OrganizationCreate = z.output<ReturnType<typeof organizationCreateSchema>>;
export type OrganizationUpdateInput = z.input<ReturnType<typeof organizationUpdateSchema>>;
export type OrganizationUpdate = z.output<ReturnType<typeof organizationUpdateSchema>>;

/**
 * What the update service accepts: the schema's input, with null allowed in every field but `id`. A GraphQL input
 * cannot say which optional fields may be cleared, so a null reaches the service and the schema refuses it where
 * the field cannot be cleared (a name, a type), naming the field.
 */
export type OrganizationUpdateRequest = {
  [K in keyof OrganizationUpdateInput]: K extends 'id' ? OrganizationUpdateInput[K] : OrganizationUpdateInput[K] | null;
};
