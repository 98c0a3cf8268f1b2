/** Translated labels for the organisation form's fields and enum values (Paraglide messages by value). */
import { m } from '$lib/i18n/generated/messages.js';

const FIELD_LABELS: Record<string, () => string> = {
  slug: m.edit_field_slug,
  name: m.edit_field_name,
  type: m.edit_field_type,
  description: m.edit_field_description,
  website: m.edit_field_website,
  foundedYear: m.edit_field_founded,
  hqCity: m.edit_field_hq_city,
  hqCountry: m.edit_field_hq_country,
  countries: m.edit_field_countries,
  levels: m.edit_field_levels,
  themes: m.edit_field_themes,
  languages: m.edit_field_languages,
  contactEmail: m.edit_field_contact_email,
  contactEmailVisibility: m.edit_field_contact_email_visibility,
  contactPhone: m.edit_field_contact_phone,
  contactPhoneVisibility: m.edit_field_contact_phone_visibility
};

/** The label a field has on the form; the API's own field name for anything else. */
export const fieldLabel = (field: string): string => FIELD_LABELS[field]?.() ?? field;

const TYPE_LABELS: Record<string, () => string> = {
  NGO: m.edit_type_ngo,
  GRASSROOTS: m.edit_type_grassroots,
  NETWORK: m.edit_type_network,
  RESEARCH: m.edit_type_research,
  FUNDER: m.edit_type_funder,
  PUBLIC_BODY: m.edit_type_public_body,
  OTHER: m.edit_type_other
};
export const typeLabel = (type: string): string => TYPE_LABELS[type]?.() ?? type;

const LEVEL_LABELS: Record<string, () => string> = {
  LOCAL: m.edit_level_local,
  REGIONAL: m.edit_level_regional,
  NATIONAL: m.edit_level_national,
  EUROPEAN: m.edit_level_european,
  INTERNATIONAL: m.edit_level_international
};
export const levelLabel = (level: string): string => LEVEL_LABELS[level]?.() ?? level;

const VISIBILITY_LABELS: Record<string, () => string> = {
  PUBLIC: m.edit_visibility_public,
  MEMBERS: m.edit_visibility_members,
  PRIVATE: m.edit_visibility_private
};
export const visibilityLabel = (visibility: string): string => VISIBILITY_LABELS[visibility]?.() ?? visibility;
