import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { formulaReason } from './cells';
import type { Column } from './columns';
import { FileRejected, type IssueCollector } from './report';
import { utf8Decode } from './utf8-decode';

/**
 * Where a CSV comes from: a file on disk, text already in memory (tests, the demo seed), or raw bytes (uploads;
 * checked as UTF-8 like a file).
 */
export type CsvInput = { path: string } | { text: string; name?: string } | { bytes: Uint8Array; name?: string };

/** One data row: its physical line, its cells by header name, and the columns already reported as bad. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
  /** Columns with a formula payload: reported once here, skipped by the field validation. */
  bad?: Set<string>;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
  onBytes?: (read: number, total: number) => void;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function tooLarge(size: number | null, max: number): FileRejected {
  return new FileRejected([
    {
      line: 1,
      reason:
        `the file is ${size === null ? 'larger than' : megabytes(size) + ', over'} the import limit of ${megabytes(max)}; ` +
        'split it into several files or raise the limit (--max-mb / IMPORT_MAX_MB)'
    }
  ]);
}

async function openInput(input: CsvInput, maxBytes: number): Promise<{ stream: Readable; size: number }> {
  if ('path' in input) {
    const { size } = await stat(input.path).catch((error: NodeJS.ErrnoException) => {
      throw new FileRejected([
        { line: 1, reason: `cannot read ${input.path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}` }
      ]);
    });
    if (size > maxBytes) throw tooLarge(size, maxBytes);
    return { stream: createReadStream(input.path), size };
  }
  if ('bytes' in input) {
    if (input.bytes.length > maxBytes) throw tooLarge(input.bytes.length, maxBytes);
    return { stream: Readable.from([Buffer.from(input.bytes)]), size: input.bytes.length };
  }
  const size = Buffer.byteLength(input.text);
  if (size > maxBytes) throw tooLarge(size, maxBytes);
  return { stream: Readable.from([input.text]), size };
}

/** The line a record starts on: csv-parse reports the line it ends on, quoted cells may span several. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\n|\r)$/, '');
  const breaks = body.match(/\r\n|\n|\r/g)?.length ?? 0;
  return endLine - breaks;
}

/**
 * Checks the header against the kind's columns: every required column present, nothing unknown, no repeats.
 * Names are compared after trimming spaces (spreadsheets add them) but otherwise exactly.
 */
export function checkHeader(header: string[], columns: readonly Column[]): string[] {
  const known = new Set(columns.map((c) => c.name));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') problems.push('a column has an empty name');
    else if (!known.has(name)) problems.push(`unknown column "${name}"`);
    else if (seen.has(name)) problems.push(`column "${name}" appears twice`);
    seen.add(name);
  }
  const missing = columns.filter((c) => c.required && !seen.has(c.name)).map((c) => `"${c.name}"`);
  if (missing.length > 0)
    problems.push(`missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return problems;
}

function expectedColumns(columns: readonly Column[]): string {
  const required = columns.filter((c) => c.required).map((c) => c.name);
  const optional = columns.filter((c) => !c.required).map((c) => c.name);
  return `expected columns: required ${required.join(', ')}${optional.length ? `; optional ${optional.join(', ')}` : ''}`;
}

/**
 * A batch ends at whichever comes first: enough rows for set-based SQL to pay off, or enough bytes of CSV that
 * its copies (cells, validated values, the JSON parameter of a bulk statement) stay a few tens of MB even when
 * every row carries a 5,000-character description.
 */
export const DEFAULT_BATCH_ROWS = 5_000;
export const DEFAULT_BATCH_BYTES = 4 * 1024 * 1024;

export interface CsvBatch {
  header: string[];
  rows: CsvRow[];
  /** Data records read so far (including those reported as malformed and left out of `rows`). */
  recordCount: number;
}

/**
 * Streams and parses the file, checking size, header, cell counts and formula payloads on the way, and yields
 * the rows in batches of `batchRows` rows or `batchBytes` characters (at least one batch, possibly empty, once the header is read), so a caller
 * never holds more than one batch of parsed rows. Problems that make the rest unreadable throw FileRejected;
 * row problems go to `issues` and reading goes on, so the report covers the whole file.
 */
export async function* csvBatches(
  input: CsvInput,
  columns: readonly Column[],
  issues: IssueCollector,
  options: ReadOptions & { batchRows?: number; batchBytes?: number } = {}
): AsyncGenerator<CsvBatch> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  const { stream, size } = await openInput(input, maxBytes);

  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      read += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      // A stream can grow after stat() (or lie about its size): enforce the limit on what is actually read.
      if (read > maxBytes) return callback(tooLarge(null, maxBytes));
      options.onBytes?.(read, size);
      callback(null, chunk);
    }
  });
  // Strict UTF-8: an invalid byte rejects the file naming its line and byte offset, instead of becoming U+FFFD.
  const decode = utf8Decode();
  const parser = stream
    .pipe(counter)
    .pipe(decode)
    .pipe(
      parse({
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        // Files from Windows spreadsheets and hand edits mix line endings; accept all three.
        record_delimiter: ['\r\n', '\n', '\r'],
        info: true,
        raw: true
      })
    );
  stream.on('error', (error) => counter.destroy(error));
  counter.on('error', (error) => decode.destroy(error));
  decode.on('error', (error) => parser.destroy(error));

  let header: string[] | null = null;
  let rows: CsvRow[] = [];
  let rowBytes = 0;
  let recordCount = 0;
  let yielded = false;
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
      raw: string;
    }>) {
      const line = startLine(info.lines, raw);
      if (header === null) {
        header = record.map((name) => name.trim());
        const problems = checkHeader(header, columns);
        if (problems.length > 0) {
          throw new FileRejected([{ line, reason: `${problems.join('; ')} — ${expectedColumns(columns)}` }]);
        }
        continue;
      }
      if (record.length === 1 && record[0]!.trim() === '') continue; // a line of spaces only
      recordCount += 1;
      if (record.length !== header.length) {
        issues.add(line, undefined, `the row has ${record.length} cells but the header has ${header.length} columns`);
        continue;
      }
      const row: CsvRow = { line, cells: {} };
      for (let i = 0; i < header.length; i += 1) {
        const name = header[i]!;
        const value = record[i]!;
        const formula = formulaReason(value, name);
        if (formula) {
          issues.add(line, name, formula);
          (row.bad ??= new Set()).add(name);
          row.cells[name] = '';
        } else {
          row.cells[name] = value;
        }
      }
      rows.push(row);
      rowBytes += raw.length;
      if (rows.length >= batchRows || rowBytes >= batchBytes) {
        yield { header, rows, recordCount };
        yielded = true;
        rows = [];
        rowBytes = 0;
      }
    }
  } catch (error) {
    if (error instanceof FileRejected) throw error;
    const csvError = error as { code?: string; lines?: number; message: string };
    if (csvError.code?.startsWith('CSV_')) {
      throw new FileRejected([{ line: csvError.lines ?? 1, reason: `the file is not valid CSV: ${csvError.message}` }]);
    }
    throw error;
  } finally {
    stream.destroy();
  }
  if (header === null) {
    throw new FileRejected([{ line: 1, reason: `the file is empty — ${expectedColumns(columns)}` }]);
  }
  if (rows.length > 0 || !yielded) yield { header, rows, recordCount };
}

/** The whole file at once, for callers that know it is small (tests of the parsing rules). */
export async function readCsv(
  input: CsvInput,
  columns: readonly Column[],
  issues: IssueCollector,
  options: ReadOptions = {}
): Promise<CsvBatch> {
  const all: CsvBatch = { header: [], rows: [], recordCount: 0 };
  for await (const batch of csvBatches(input, columns, issues, options)) {
    all.header = batch.header;
    all.rows.push(...batch.rows);
    all.recordCount = batch.recordCount;
  }
  return all;
}
