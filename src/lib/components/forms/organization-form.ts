/**
 * The organisation form's data: what the form posts (field names = the API's input names, so an API error path
 * points straight at its control), how a post becomes a Create/UpdateOrganizationInput, and how a stored profile
 * fills the form. Deliberately no validation here: the API's answer is what the editor sees.
 */
import type {
  CreateOrganizationInput,
  OrganizationType,
  UpdateOrganizationInput,
  Visibility,
  WorkLevel
} from '$lib/graphql/generated/graphql';

/** One theme of the vocabulary as the form shows it, with its sub-themes. */
export interface ThemeChoice {
  slug: string;
  name: string;
  children: ThemeChoice[];
}

export const VISIBILITIES: readonly Visibility[] = ['PUBLIC', 'MEMBERS', 'PRIVATE'];

/**
 * Languages offered as checkboxes (ISO 639-1): Europe's official and regional languages and the languages most
 * spoken by people arriving in Europe. A stored code outside this list stays ticked (see CheckboxGroup).
 */
export const OFFERED_LANGUAGES: readonly string[] = [
  'am',
  'ar',
  'bg',
  'bs',
  'ca',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'eu',
  'fa',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'hy',
  'is',
  'it',
  'ka',
  'ku',
  'lb',
  'lt',
  'lv',
  'mk',
  'mt',
  'nl',
  'no',
  'pl',
  'ps',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'so',
  'sq',
  'sr',
  'sv',
  'ti',
  'tr',
  'uk',
  'ur'
];

/** Every control of the form, by the input field it sets; list fields post one value per ticked box. */
export const SCALAR_FIELDS = [
  'slug',
  'name',
  'type',
  'description',
  'website',
  'foundedYear',
  'hqCity',
  'hqCountry',
  'contactEmail',
  'contactEmailVisibility',
  'contactPhone',
  'contactPhoneVisibility'
] as const;
export const LIST_FIELDS = ['countries', 'themes', 'levels', 'languages'] as const;
export const ORGANIZATION_FORM_FIELDS: readonly string[] = [...SCALAR_FIELDS, ...LIST_FIELDS];

type ScalarField = (typeof SCALAR_FIELDS)[number];
type ListField = (typeof LIST_FIELDS)[number];

/** The form's state as text, exactly as typed: sent back to the page on failure so nothing is lost. */
export type OrganizationFormValues = Record<ScalarField, string> & Record<ListField, string[]>;

export function readOrganizationForm(form: FormData): OrganizationFormValues {
  const values = {} as OrganizationFormValues;
  for (const field of SCALAR_FIELDS) values[field] = String(form.get(field) ?? '').trim();
  for (const field of LIST_FIELDS) values[field] = form.getAll(field).map(String).filter(Boolean);
  return values;
}

/**
 * A year field holds text; whole numbers go to the API as Int, anything else as the text itself, which GraphQL
 * refuses with a message naming `foundedYear` (shown beside the field) instead of us guessing.
 */
function yearValue(text: string): number | null {
  if (text === '') return null;
  return /^-?\d{1,9}$/.test(text) ? Number(text) : (text as unknown as number);
}

/** Enum controls post their value as text; an unknown one is refused by GraphQL the same way. */
const enumValue = <T extends string>(text: string): T | null => (text === '' ? null : (text as T));
const textOrNull = (text: string): string | null => (text === '' ? null : text);

function profileInput(values: OrganizationFormValues) {
  return {
    name: values.name,
    type: values.type as OrganizationType,
    description: textOrNull(values.description),
    website: textOrNull(values.website),
    foundedYear: yearValue(values.foundedYear),
    hqCity: textOrNull(values.hqCity),
    hqCountry: textOrNull(values.hqCountry),
    countries: values.countries,
    themes: values.themes,
    levels: values.levels as WorkLevel[],
    languages: values.languages,
    contactEmail: textOrNull(values.contactEmail),
    contactEmailVisibility: enumValue<Visibility>(values.contactEmailVisibility),
    contactPhone: textOrNull(values.contactPhone),
    contactPhoneVisibility: enumValue<Visibility>(values.contactPhoneVisibility)
  };
}

/** Empty fields are left out on create, so the API's defaults (e.g. contact visibility MEMBERS) apply. */
export function createInput(values: OrganizationFormValues): CreateOrganizationInput {
  const input: Record<string, unknown> = { ...profileInput(values), slug: textOrNull(values.slug) };
  for (const [key, value] of Object.entries(input)) if (value === null) delete input[key];
  return input as CreateOrganizationInput;
}

/**
 * On update every field is sent: an emptied field is null, which the API reads as "clear it". The slug is not
 * part of the edit form (changing it would break links to the profile).
 */
export function updateInput(id: string, values: OrganizationFormValues): UpdateOrganizationInput {
  return { id, ...profileInput(values) };
}

/** The stored profile as form values (the edit page's starting point). */
export function organizationFormValues(org: {
  slug: string;
  name: string;
  type: string;
  description?: string | null;
  website?: string | null;
  foundedYear?: number | null;
  hqCity?: string | null;
  hqCountry?: { code: string } | null;
  countries: { code: string }[];
  themes: { slug: string }[];
  levels: string[];
  languages: string[];
  contactEmail?: string | null;
  contactEmailVisibility: string;
  contactPhone?: string | null;
  contactPhoneVisibility: string;
}): OrganizationFormValues {
  return {
    slug: org.slug,
    name: org.name,
    type: org.type,
    description: org.description ?? '',
    website: org.website ?? '',
    foundedYear: org.foundedYear == null ? '' : String(org.foundedYear),
    hqCity: org.hqCity ?? '',
    hqCountry: org.hqCountry?.code ?? '',
    countries: org.countries.map((c) => c.code),
    themes: org.themes.map((t) => t.slug),
    levels: org.levels,
    languages: org.languages,
    contactEmail: org.contactEmail ?? '',
    contactEmailVisibility: org.contactEmailVisibility,
    contactPhone: org.contactPhone ?? '',
    contactPhoneVisibility: org.contactPhoneVisibility
  };
}

/** A blank form for a new organisation; contact details default to members-only, as in the API. */
export function emptyOrganizationFormValues(): OrganizationFormValues {
  return {
    slug: '',
    name: '',
    type: 'NGO',
    description: '',
    website: '',
    foundedYear: '',
    hqCity: '',
    hqCountry: '',
    countries: [],
    themes: [],
    levels: [],
    languages: [],
    contactEmail: '',
    contactEmailVisibility: 'MEMBERS',
    contactPhone: '',
    contactPhoneVisibility: 'MEMBERS'
  };
}

/** What the new and edit pages load for the form. */
export interface OrganizationFormData {
  values: OrganizationFormValues;
  themes: ThemeChoice[];
  countries: { code: string; name: string }[];
  lang: string;
}

/** What a refused save sends back: the typed values and the API's errors (decision 0011). */
export interface OrganizationFormFailure {
  values?: OrganizationFormValues;
  errors?: Record<string, string>;
  unplaced?: { field: string; message: string }[];
}

/** The form's props: the typed values after a refused save, otherwise the loaded ones. */
export function organizationFormProps(data: OrganizationFormData, form: OrganizationFormFailure | null | undefined) {
  return {
    values: form?.values ?? data.values,
    errors: form?.errors,
    unplaced: form?.unplaced,
    themes: data.themes,
    countries: data.countries,
    lang: data.lang
  };
}
