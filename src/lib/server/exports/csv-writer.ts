import { formulaExempt } from '../imports/cells';

/**
 * Writing CSV cells. RFC 4180 quoting, `\n` line ends, and the OWASP CSV-injection defence: a cell that starts
 * with a character spreadsheets evaluate (= + - @ tab CR) is written with a leading apostrophe, which makes
 * Excel, LibreOffice and Google Sheets show it as text.
 */
// Same rule as the importer's check (leading spaces included: some spreadsheets skip them).
const FORMULA_START = /^ *[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/;

export function csvCell(value: string | number | null | undefined, column = ''): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !formulaExempt(column, text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line; `columns` (the header names) lets phone numbers keep their "+" (see formulaExempt). */
export function csvLine(cells: readonly (string | number | null | undefined)[], columns?: readonly string[]): string {
  return `${cells.map((cell, i) => csvCell(cell, columns?.[i])).join(',')}\n`;
}

/** `;`-joined multi-value cell (themes, countries, levels, languages). */
export function joinList(values: readonly string[] | null | undefined): string {
  return (values ?? []).join(';');
}

/** Code-unit order: the same in every locale and runtime, so exports are byte-for-byte reproducible. */
export function byKey<T extends { key: string }>(a: T, b: T): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
