import { text } from './cells';
import type { CsvRow } from './csv-source';
import type { IssueCollector } from './report';
import type { SqlSession } from './sql-session';

/**
 * A value that must appear once per file (an external id, a slug, a membership pair). Each importer checks this
 * within the batch it prepares; this rule carries the check across batches.
 */
export interface UniqueInFile {
  /** A name for the rule, unique within the kind. */
  name: string;
  /** The cells that together make the value; rows with any of them empty are not checked. */
  columns: readonly string[];
  /** The column a repeat is reported on. */
  reportOn: string;
  describe: (values: readonly string[], firstLine: number) => string;
}

export const appearsTwice = (values: readonly string[], firstLine: number) =>
  `"${values.join(' / ')}" appears twice in the file (first on line ${firstLine})`;

/**
 * The values of earlier batches, kept in a temporary table of the import's transaction instead of the process's
 * heap: a file of two million partnerships would otherwise keep two million keys in memory. The table goes with
 * the transaction (ON COMMIT DROP, and a rollback undoes its creation).
 */
export class FileKeys {
  private constructor(private readonly tx: SqlSession) {}

  static async open(tx: SqlSession): Promise<FileKeys> {
    await tx.$executeRawUnsafe(
      `CREATE TEMPORARY TABLE import_file_keys (rule text, value text, line integer, PRIMARY KEY (rule, value)) ON COMMIT DROP`
    );
    return new FileKeys(tx);
  }

  /**
   * Reports the rows of this batch whose value an earlier batch already had, returns the others, and records
   * this batch's values (the first line of each) for the batches after it.
   */
  async dropRepeats(rows: CsvRow[], rules: readonly UniqueInFile[], issues: IssueCollector): Promise<CsvRow[]> {
    const repeated = new Set<CsvRow>();
    for (const rule of rules) {
      const entries: { row: CsvRow; parts: string[]; value: string }[] = [];
      for (const row of rows) {
        const parts = rule.columns.map((column) => text(row.cells[column]));
        if (parts.some((part) => !part)) continue;
        entries.push({ row, parts: parts as string[], value: JSON.stringify(parts) });
      }
      if (entries.length === 0) continue;
      const values = entries.map((e) => e.value);
      const earlier = await this.tx.$queryRawUnsafe<{ value: string; line: number }[]>(
        `SELECT value, line FROM import_file_keys WHERE rule = $1 AND value = ANY($2::text[])`,
        rule.name,
        values
      );
      const firstLine = new Map(earlier.map((e) => [e.value, e.line]));
      for (const entry of entries) {
        const first = firstLine.get(entry.value);
        if (first === undefined) continue;
        issues.add(entry.row.line, rule.reportOn, rule.describe(entry.parts, first));
        repeated.add(entry.row);
      }
      await this.tx.$executeRawUnsafe(
        `INSERT INTO import_file_keys (rule, value, line)
         SELECT $1, value, min(line) FROM unnest($2::text[], $3::integer[]) AS k(value, line) GROUP BY value
         ON CONFLICT DO NOTHING`,
        rule.name,
        values,
        entries.map((e) => e.row.line)
      );
    }
    return repeated.size === 0 ? rows : rows.filter((row) => !repeated.has(row));
  }
}
