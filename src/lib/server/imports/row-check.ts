import type { z } from 'zod';
import { blank } from './cells';
import type { CsvRow } from './csv-source';
import type { IssueCollector } from './report';

/**
 * Runs the shared field rules (src/lib/server/validation, the same zod schemas the GraphQL mutations use) on one
 * CSV row and reports every failure against the CSV column it came from, with the offending value.
 */

function shown(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export class RowChecker {
  /** Columns of this row already reported (formula payloads, missing required values, unknown references). */
  private readonly reported: Set<string>;

  constructor(
    private readonly row: CsvRow,
    private readonly issues: IssueCollector
  ) {
    this.reported = new Set(row.bad);
  }

  get ok(): boolean {
    return this.reported.size === 0;
  }

  cell(column: string): string | undefined {
    return this.row.cells[column];
  }

  fail(column: string | undefined, reason: string): void {
    if (column !== undefined) {
      if (this.reported.has(column)) return;
      this.reported.add(column);
    } else {
      this.reported.add('');
    }
    this.issues.add(this.row.line, column, reason);
  }

  /** A required column with an empty cell is reported once, as "is required". */
  required(column: string): boolean {
    if (this.reported.has(column)) return false;
    if (blank(this.row.cells[column])) {
      this.fail(column, 'a value is required');
      return false;
    }
    return true;
  }

  /** Parses a cell with `parse`, reporting its CellError (or any Error) against the column. */
  parse<T>(column: string, parse: (value: string) => T): T | undefined {
    const raw = this.row.cells[column];
    if (this.reported.has(column) || blank(raw)) return undefined;
    try {
      return parse(raw!.trim());
    } catch (error) {
      this.fail(column, (error as Error).message);
      return undefined;
    }
  }

  /**
   * Validates `input` with a shared schema; `columnOf` maps schema fields to CSV columns. Returns the parsed
   * values, or null after reporting. Fields whose column was already reported are not reported again.
   */
  schema<T>(schema: z.ZodType<T>, input: Record<string, unknown>, columnOf: Record<string, string>): T | null {
    const result = schema.safeParse(input);
    if (result.success) return this.ok ? result.data : null;
    for (const issue of result.error.issues) {
      const [field, index] = issue.path;
      const column = columnOf[String(field)];
      if (column === undefined) {
        this.fail(undefined, `${String(field ?? 'row')}: ${issue.message}`);
        continue;
      }
      const value = typeof index === 'number' ? (input[String(field)] as unknown[])[index] : input[String(field)];
      if (this.reported.has(column)) continue;
      // Several bad items in one list cell are all worth naming; report each, then mark the column.
      if (typeof index === 'number') this.issues.add(this.row.line, column, `"${shown(value)}" ${issue.message}`);
      else
        this.fail(column, value === undefined || value === null ? issue.message : `"${shown(value)}" ${issue.message}`);
    }
    for (const issue of result.error.issues) {
      const column = columnOf[String(issue.path[0])];
      if (column) this.reported.add(column);
    }
    return null;
  }
}
