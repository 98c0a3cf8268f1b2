import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import type { CsvRow } from '../imports/csv-source';
import { grantsImporter } from '../imports/grants';
import { enqueueImportChanges } from '../imports/outbox-bulk';
import { IssueCollector, type ImportIssue, type ImportReport } from '../imports/report';
import { REBUILD_THRESHOLD } from '../imports/import-csv';
import { loadReferenceData } from '../validation/reference';
import { readFlatCsv } from './flat-csv';
import { resolveOrganizations, type MatchedOrganization, type NamedOrganization } from './organizations';
import type { GivingGrant, GivingPackage } from './package-types';
import { themeOfClassification } from './theme-mapping';
import { validatePackage } from './validate';

/**
 * Imports a 360Giving file — a JSON package or the flat CSV — all or nothing: the file is validated against the
 * standard's schema, then organisations are matched or created and the grants checked by the grants importer's
 * own rules (src/lib/server/imports/grants.ts), inside one transaction. Any problem rolls the whole transaction
 * back. A dry run does all of it and always rolls back, so its report (organisations created and matched,
 * grants created and updated) is exactly what applying the same file would do to the database as it is now.
 */
export type GivingFormat = 'json' | 'csv';
export type GivingPhase = 'read' | 'validate' | 'write';

export interface GivingImportOptions {
  db?: PrismaClient;
  dryRun?: boolean;
  /** The file's name: recorded as the source of everything the import writes. */
  fileName: string;
  onProgress?: (phase: GivingPhase, done: number, total: number) => void;
}

export interface GivingImportReport {
  format: GivingFormat | null;
  ok: boolean;
  dryRun: boolean;
  /** What `line` counts in issues: the CSV's physical lines, or the grant's position (1 = first) in a JSON file. */
  unit: 'line' | 'grant';
  grants: { rows: number; created: number; updated: number };
  organizations: {
    created: { line: number; identifier: string; name: string }[];
    matched: MatchedOrganization[];
  };
  licence: string | null;
  issues: ImportIssue[];
  errorCount: number;
  /** Classifications with no entry in classification-themes.json: the grant is imported without that theme. */
  unmappedClassifications: { line: number; vocabulary: string; code: string; title: string }[];
  unknownColumns: string[];
  /** As for the CSV imports: outbox rows written, and whether rebuilding the graph would be faster. */
  projection: ImportReport['projection'];
}

/** Carries a finished report out of the transaction it must roll back. */
class RollBack extends Error {
  constructor(readonly report: GivingImportReport) {
    super('roll back');
  }
}

function formatOf(fileName: string, text: string): GivingFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

function readPackage(
  text: string,
  format: GivingFormat,
  issues: IssueCollector
): { data: unknown; lines: number[]; unknownColumns: string[] } | null {
  try {
    if (format === 'json') {
      const data = JSON.parse(text) as { grants?: unknown };
      const count = Array.isArray(data?.grants) ? data.grants.length : 0;
      return { data, lines: Array.from({ length: count }, (_, i) => i + 1), unknownColumns: [] };
    }
    const flat = readFlatCsv(text);
    return { data: { grants: flat.grants }, lines: flat.lines, unknownColumns: flat.unknownColumns };
  } catch (error) {
    const where = (error as { lines?: number }).lines ?? 1;
    issues.add(where, undefined, `not readable as ${format === 'json' ? 'JSON' : 'CSV'}: ${(error as Error).message}`);
    return null;
  }
}

/** The grants CSV row (360Giving flat titles, as grants.ts reads them) for one grant of the package. */
function grantRow(g: GivingGrant, line: number, orgIdOf: Map<string, string>, source: string): CsvRow {
  const themes = new Set<string>();
  for (const c of g.classifications ?? []) {
    const theme = themeOfClassification(c);
    if (theme) themes.add(theme);
  }
  const countries = [...new Set((g.beneficiaryLocation ?? []).flatMap((l) => (l.countryCode ? [l.countryCode] : [])))];
  const internal = (org: { id: string } | undefined) => {
    const id = org ? orgIdOf.get(org.id) : undefined;
    return id ? `atlas:${id}` : '';
  };
  return {
    line,
    cells: {
      Identifier: g.id,
      Title: g.title,
      Description: g.description ?? '',
      Currency: g.currency,
      'Amount Awarded': String(g.amountAwarded),
      'Award Date': g.awardDate,
      'Planned Dates:Start Date': g.plannedDates?.[0]?.startDate ?? '',
      'Planned Dates:End Date': g.plannedDates?.[0]?.endDate ?? '',
      'Recipient Org:Identifier': internal(g.recipientOrganization[0]),
      'Funding Org:Identifier': internal(g.fundingOrganization[0]),
      'Grant Programme:Title': g.grantProgramme?.[0]?.title ?? '',
      'Beneficiary Location:Country Code': countries.join(';'),
      Themes: [...themes].join(';'),
      'Data Source': g.dataSource ?? source
    }
  };
}

/** Columns a 360Giving import sets on grants it updates: all but the Atlas's own Visibility (an admin's choice). */
const PRESENT_COLUMNS = new Set([
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Award Date',
  'Planned Dates:Start Date',
  'Planned Dates:End Date',
  'Recipient Org:Identifier',
  'Funding Org:Identifier',
  'Grant Programme:Title',
  'Beneficiary Location:Country Code',
  'Themes',
  'Data Source'
]);

export async function importGiving360(
  input: { text: string } | { bytes: Uint8Array },
  options: GivingImportOptions
): Promise<GivingImportReport> {
  const db = options.db ?? getDb();
  const issues = new IssueCollector();
  const report: GivingImportReport = {
    format: null,
    ok: false,
    dryRun: options.dryRun ?? false,
    unit: 'line',
    grants: { rows: 0, created: 0, updated: 0 },
    organizations: { created: [], matched: [] },
    licence: null,
    issues: [],
    errorCount: 0,
    unmappedClassifications: [],
    unknownColumns: [],
    projection: { outboxRows: 0, rebuildRecommended: false }
  };
  const finish = (ok: boolean) => {
    report.ok = ok && issues.empty;
    report.issues = issues.sorted();
    report.errorCount = issues.count;
    if (!report.ok || report.dryRun) report.projection = { outboxRows: 0, rebuildRecommended: false };
    if (!report.ok) {
      report.grants = { ...report.grants, created: 0, updated: 0 };
    }
    return report;
  };

  let text: string;
  if ('text' in input) text = input.text;
  else {
    try {
      // fatal: a byte that is not UTF-8 rejects the file rather than becoming U+FFFD in a name; the BOM is dropped.
      text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
    } catch {
      issues.add(1, undefined, 'the file is not valid UTF-8: save it as UTF-8 and upload it again');
      return finish(false);
    }
  }
  const format = formatOf(options.fileName, text);
  report.format = format;
  report.unit = format === 'json' ? 'grant' : 'line';
  options.onProgress?.('read', 1, 1);
  const read = readPackage(text, format, issues);
  if (!read) return finish(false);
  report.unknownColumns = read.unknownColumns;

  for (const problem of validatePackage(read.data)) {
    const line = problem.grant === null ? 1 : (read.lines[problem.grant] ?? problem.grant + 1);
    issues.add(line, problem.path, problem.reason);
  }
  const pkg = read.data as GivingPackage;
  report.grants.rows = Array.isArray(pkg?.grants) ? pkg.grants.length : 0;
  if (!issues.empty) return finish(false);
  report.licence = pkg.license ?? null;
  const lineOf = (i: number) => read.lines[i] ?? i + 1;

  pkg.grants.forEach((g, i) => {
    for (const c of g.classifications ?? []) {
      if (!themeOfClassification(c)) {
        report.unmappedClassifications.push({
          line: lineOf(i),
          vocabulary: c.vocabulary ?? '',
          code: c.code ?? '',
          title: c.title ?? ''
        });
      }
    }
  });
  const named: NamedOrganization[] = pkg.grants.flatMap((g, i) => [
    {
      ...g.fundingOrganization[0]!,
      identifier: g.fundingOrganization[0]!.id,
      funder: true,
      line: lineOf(i),
      column: 'Funding Org'
    },
    {
      ...g.recipientOrganization[0]!,
      identifier: g.recipientOrganization[0]!.id,
      funder: false,
      line: lineOf(i),
      column: 'Recipient Org'
    }
  ]);

  try {
    await db.$transaction(
      async (tx) => {
        const ref = await loadReferenceData(tx);
        const provenance = { source: options.fileName, licence: report.licence };
        const orgs = await resolveOrganizations(tx, named, ref, issues, provenance);
        report.organizations = { created: orgs.created, matched: orgs.matched };
        if (!issues.empty) throw new RollBack(finish(false));
        const rows = pkg.grants.map((g, i) => grantRow(g, lineOf(i), orgs.idOf, options.fileName));
        const prepared = await grantsImporter.prepare(rows, {
          db: tx as unknown as PrismaClient,
          ref,
          issues,
          present: PRESENT_COLUMNS,
          source: options.fileName,
          adopt: new Set(),
          adopted: [],
          ownerEdits: [],
          onRows: (done) => options.onProgress?.('validate', done, rows.length)
        });
        if (!issues.empty) throw new RollBack(finish(false));
        const written = await grantsImporter.write(tx, prepared, {
          onRows: (done) => options.onProgress?.('write', done, rows.length)
        });
        const grantIds = prepared.rows.map((r) => r.id);
        await tx.$executeRawUnsafe(
          `UPDATE "Grant" SET "sourceKind" = 'IMPORT', licence = $2
            WHERE id = ANY($1::text[]) AND ("sourceKind", licence) IS DISTINCT FROM ('IMPORT'::"SourceKind", $2)`,
          grantIds,
          report.licence
        );
        const changes = [...orgs.changes, ...written.changes];
        await enqueueImportChanges(tx, changes);
        report.projection = { outboxRows: changes.length, rebuildRecommended: changes.length > REBUILD_THRESHOLD };
        report.grants = { rows: rows.length, created: written.created, updated: written.updated };
        if (report.dryRun) throw new RollBack(finish(true));
      },
      { timeout: 30 * 60_000, maxWait: 60_000 }
    );
  } catch (error) {
    if (error instanceof RollBack) return error.report;
    throw error;
  }
  return finish(true);
}
