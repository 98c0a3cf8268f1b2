/**
 * Cell-level rules shared by every import kind: formula payloads, empty cells, `;`-lists and the strict
 * scalar formats (dates, years, amounts, codes). Each parser either returns a value or throws a CellError whose
 * message is the reason shown in the per-row report.
 */

export class CellError extends Error {}

/**
 * Characters that make a spreadsheet evaluate a cell (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab, CR.
 * Checked on the raw cell and after leading spaces, because some spreadsheets ignore those. No imported field
 * legitimately starts with one: amounts must be positive and dates/years have no sign.
 */
const FORMULA_START = /^ *[=+\-@\t\r]/;

/**
 * The one exception: a phone number in international format ("+49 30 1234567") in contact_phone. Digits, spaces
 * and ( ) . / - cannot name a function or a DDE target, so a spreadsheet can at worst show it as a number or an
 * error — nothing runs. The exporter leaves the same cells unescaped (exports/csv-writer.ts).
 */
const PHONE_SHAPED = /^\+[0-9][0-9 ()./-]*$/;
export function formulaExempt(column: string, raw: string): boolean {
  return column === 'contact_phone' && PHONE_SHAPED.test(raw.trim());
}

export function formulaReason(raw: string, column = ''): string | null {
  if (!FORMULA_START.test(raw) || formulaExempt(column, raw)) return null;
  const first = raw.replace(/^ */, '')[0];
  const shown = first === '\t' ? 'a tab' : first === '\r' ? 'a carriage return' : `"${first}"`;
  return `starts with ${shown}, which spreadsheets run as a formula (CSV injection); remove the leading character`;
}

/** Empty or whitespace-only cells are "no value". */
export function blank(raw: string | undefined): boolean {
  return raw === undefined || raw.trim() === '';
}

export function text(raw: string | undefined): string | null {
  return blank(raw) ? null : raw!.trim();
}

/** `a; b ;c` → ['a', 'b', 'c']; empty items are dropped, duplicates kept out. */
export function list(raw: string | undefined): string[] {
  if (blank(raw)) return [];
  const seen = new Set<string>();
  for (const item of raw!.split(';')) {
    const value = item.trim();
    if (value !== '') seen.add(value);
  }
  return [...seen];
}

/** An ISO 8601 timestamp with a time zone (what the exporter writes for archived_at). */
export function isoTimestamp(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new CellError(`"${value}" is not a timestamp like 2024-05-31T12:00:00.000Z`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new CellError(`"${value}" is not a real point in time`);
  return date;
}

/** @db.Date values come back as UTC midnight: YYYY-MM-DD, or '' for null. */
export function formatDate(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : '';
}

/**
 * Enum cells are written in upper case; "grassroots", "Public body" and "public-body" are accepted too. The shared
 * schema then checks the value against the enum and names the allowed ones.
 */
export function enumCell(raw: string | undefined): string | undefined {
  return blank(raw)
    ? undefined
    : raw!
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_');
}

export function enumList(raw: string | undefined): string[] {
  return list(raw).map((v) => v.toUpperCase().replace(/[\s-]+/g, '_'));
}

/** A whole number cell (years); range rules belong to the shared schema. */
export function wholeNumber(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new CellError(`"${value}" is not a whole number`);
  return Number(value);
}

/** The slug the importer gives a row whose slug cell is empty: its name, transliterated to ASCII. */
export function slugify(name: string, fallback = 'organisation'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 72)
    .replace(/-+$/g, '');
  return slug.length >= 2 ? slug : fallback;
}
