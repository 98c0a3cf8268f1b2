import { z } from 'zod';
import type { ReferenceData } from './reference';

/**
 * Field rules shared by the GraphQL mutations and the CSV importer. Each rule's message says what is wrong
 * with the value; the field name comes from the path the rule sits at.
 */

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slug = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(80, 'must be at most 80 characters')
  .regex(SLUG, 'must be lower-case letters, digits and single hyphens (e.g. "refugee-law-clinic")');

export const id = z.string().trim().min(1, 'is required').max(64, 'is not a valid id');

export const httpUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL, e.g. https://example.org');

export const email = z.email('must be an email address').max(320, 'must be at most 320 characters');

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()./-]{5,29}$/, 'must be a phone number of digits, spaces and + ( ) - . /');

/** Plain text fields: trimmed, bounded, and free of control characters (other than newlines and tabs). */
export function text(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine(
      // Control characters are exactly what this rule looks for.
      // eslint-disable-next-line no-control-regex
      (value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value),
      'must not contain control characters'
    );
}

/**
 * A value checked for its format, then (only if well-formed) for a further rule — one message per field, and no
 * aborting issue (which would stop the cross-field checks from running, see `always`).
 */
function formatThen(format: RegExp, formatMessage: string, valid: (value: string) => boolean, invalidMessage: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (!format.test(value)) ctx.addIssue({ code: 'custom', message: formatMessage });
    else if (!valid(value)) ctx.addIssue({ code: 'custom', message: invalidMessage });
  };
}

export function countryCode(ref: ReferenceData) {
  return z
    .string()
    .trim()
    .toUpperCase()
    .superRefine(
      formatThen(
        /^[A-Z]{2}$/,
        'must be an ISO 3166-1 alpha-2 country code, e.g. "DE"',
        (code) => ref.countries.has(code),
        'is not a known country code'
      )
    );
}

export function themeSlug(ref: ReferenceData) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => ref.themes.has(value), { message: 'is not a known theme slug' });
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine(
    formatThen(
      /^[a-z]{2}$/,
      'must be an ISO 639-1 language code, e.g. "de"',
      (code) => languageNames.of(code) !== undefined,
      'is not an ISO 639-1 language code'
    )
  );

const currencies = new Set(Intl.supportedValuesOf('currency'));
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine(
    formatThen(
      /^[A-Z]{3}$/,
      'must be an ISO 4217 currency code, e.g. "EUR"',
      (code) => currencies.has(code),
      'is not an ISO 4217 currency code'
    )
  );

/** A money amount as a decimal string: up to 12 integer digits and 2 decimals (the column is numeric(14,2)), > 0. */
export const amount = z
  .string()
  .trim()
  .superRefine(
    formatThen(
      /^\d{1,12}(\.\d{1,2})?$/,
      'must be a decimal number with at most 2 decimals, e.g. "25000.00"',
      (value) => Number(value) > 0,
      'must be greater than 0'
    )
  );

export const isoDate = z.iso.date('must be a date in the form YYYY-MM-DD');

/** Calendar years an organisation can plausibly have been founded in (the column also has a CHECK). */
export function foundedYear(now = new Date()) {
  const max = now.getUTCFullYear();
  return z
    .number('must be a year')
    .int('must be a whole year')
    .min(1500, 'must be 1500 or later')
    .max(max, `must not be in the future (at most ${max})`);
}

/** A list whose duplicates are dropped (order kept): sending "DE" twice is not an error worth reporting. */
export function uniqueList<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .array(item)
    .max(max, `must have at most ${max} entries`)
    .transform((values) => [...new Set(values as string[])]);
}

/**
 * Cross-field checks run even when single fields failed (`when: always`), so one answer lists every problem;
 * they must therefore cope with values that did not pass their own field's rules.
 */
export const always = { when: () => true };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Adds an issue on `endField` when both dates are valid and the end comes before the start. */
export function datesOrdered(
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
  startField: string,
  endField: string
): void {
  if (!value || typeof value !== 'object') return;
  const start = value[startField];
  const end = value[endField];
  if (typeof start === 'string' && typeof end === 'string' && ISO_DAY.test(start) && ISO_DAY.test(end) && end < start) {
    ctx.addIssue({ code: 'custom', path: [endField], message: `must be on or after ${startField} (${start})` });
  }
}
