import { grantSchema, type GrantValues } from '../validation/grant';
import { bulkInsert, bulkReplaceLinks, bulkUpdate, type BulkColumn, type BulkRow } from './bulk-sql';
import { enumCell, list, text } from './cells';
import { COLUMNS, INTERNAL_REF_PREFIX } from './columns';
import type { CsvRow } from './csv-source';
import { appearsTwice } from './file-keys';
import { newId } from './ids';
import { progressEvery, type KindImporter, type PrepareContext } from './kind';
import { loadOrganizations } from './references';
import { RowChecker } from './row-check';
import type { SqlSession } from './sql-session';

/**
 * Grants in 360Giving's flat column titles. The funder and the recipient are organisations already imported,
 * referenced by external id (360Giving org-ids fit there) or slug. "Funding Org:Name" and "Recipient Org:Name"
 * are informational: the exporter fills them, the importer ignores them (the organisation file owns names).
 */
const COLUMN_OF: Record<string, string> = {
  externalId: 'Identifier',
  title: 'Title',
  description: 'Description',
  currency: 'Currency',
  amountAwarded: 'Amount Awarded',
  awardDate: 'Award Date',
  plannedStartDate: 'Planned Dates:Start Date',
  plannedEndDate: 'Planned Dates:End Date',
  recipientId: 'Recipient Org:Identifier',
  funderId: 'Funding Org:Identifier',
  grantProgramme: 'Grant Programme:Title',
  countries: 'Beneficiary Location:Country Code',
  themes: 'Themes',
  visibility: 'Visibility',
  source: 'Data Source'
};

const TABLE_COLUMNS: readonly (BulkColumn & { from: string })[] = [
  { name: 'title', type: 'text', from: 'Title' },
  { name: 'description', type: 'text', from: 'Description' },
  { name: 'currency', type: 'text', from: 'Currency' },
  { name: 'amountAwarded', type: 'numeric', from: 'Amount Awarded' },
  { name: 'awardDate', type: 'date', from: 'Award Date' },
  { name: 'plannedStartDate', type: 'date', from: 'Planned Dates:Start Date' },
  { name: 'plannedEndDate', type: 'date', from: 'Planned Dates:End Date' },
  { name: 'recipientId', type: 'text', from: 'Recipient Org:Identifier' },
  { name: 'funderId', type: 'text', from: 'Funding Org:Identifier' },
  { name: 'grantProgramme', type: 'text', from: 'Grant Programme:Title' },
  { name: 'visibility', type: 'text', cast: '"Visibility"', from: 'Visibility' },
  { name: 'source', type: 'text', from: 'Data Source' }
];

const NOW = `(now() AT TIME ZONE 'UTC')`;

interface ExistingGrant {
  id: string;
  externalId: string | null;
  externalIdSource: string | null;
  title: string;
}

interface GrantRow {
  id: string;
  isNew: boolean;
  externalId: string;
  values: GrantValues;
}

export interface PreparedGrants {
  rows: GrantRow[];
  present: ReadonlySet<string>;
  themeIds: Map<string, string>;
}

async function prepare(rows: CsvRow[], ctx: PrepareContext): Promise<PreparedGrants> {
  const schema = grantSchema(ctx.ref);
  const tick = progressEvery(ctx.onRows, rows.length);
  const refs = new Set<string>();
  for (const r of rows) {
    for (const col of ['Funding Org:Identifier', 'Recipient Org:Identifier'])
      if (text(r.cells[col])) refs.add(text(r.cells[col])!);
  }
  const orgs = await loadOrganizations(ctx.db, [...refs]);
  const valid: { line: number; values: GrantValues; externalId: string }[] = [];
  const firstLineOfKey = new Map<string, number>();

  rows.forEach((row, i) => {
    tick(i);
    const check = new RowChecker(row, ctx.issues);
    const c = row.cells;
    for (const col of ['Identifier', 'Title', 'Currency', 'Amount Awarded', 'Award Date']) check.required(col);
    const resolve = (column: string, placeholder: string) => {
      if (!check.required(column)) return placeholder;
      const ref = text(c[column])!;
      const org = orgs.resolve(ref);
      if (!org) check.fail(column, `no organisation with external id or slug "${ref}" — import organizations first`);
      return org?.id ?? placeholder;
    };
    const externalId = text(c.Identifier);
    if (externalId) {
      const first = firstLineOfKey.get(externalId);
      if (first !== undefined)
        check.fail('Identifier', `"${externalId}" appears twice in the file (first on line ${first})`);
      else firstLineOfKey.set(externalId, row.line);
    }
    const values = check.schema(
      schema,
      {
        externalId: externalId ?? undefined,
        funderId: resolve('Funding Org:Identifier', 'unresolved-funder'),
        recipientId: resolve('Recipient Org:Identifier', 'unresolved-recipient'),
        title: text(c.Title) ?? undefined,
        description: text(c.Description),
        amountAwarded: text(c['Amount Awarded']) ?? undefined,
        currency: text(c.Currency) ?? undefined,
        awardDate: text(c['Award Date']) ?? undefined,
        plannedStartDate: text(c['Planned Dates:Start Date']),
        plannedEndDate: text(c['Planned Dates:End Date']),
        grantProgramme: text(c['Grant Programme:Title']),
        themes: list(c.Themes),
        countries: list(c['Beneficiary Location:Country Code']),
        visibility: enumCell(c.Visibility),
        source: text(c['Data Source']) ?? ctx.source
      },
      COLUMN_OF
    );
    if (values && externalId) valid.push({ line: row.line, values, externalId });
  });
  if (valid.length === 0) return { rows: [], present: ctx.present, themeIds: ctx.ref.themes };

  const keys = valid.map((v) => v.externalId);
  const existing = await ctx.db.$queryRawUnsafe<ExistingGrant[]>(
    `SELECT id, "externalId", "externalIdSource", title FROM "Grant"
     WHERE "externalId" = ANY($1::text[]) OR id = ANY($2::text[])`,
    keys,
    keys.filter((k) => k.startsWith(INTERNAL_REF_PREFIX)).map((k) => k.slice(INTERNAL_REF_PREFIX.length))
  );
  const byKey = new Map(existing.map((g) => [g.externalId ?? `${INTERNAL_REF_PREFIX}${g.id}`, g]));
  const prepared: GrantRow[] = [];
  for (const { line, values, externalId } of valid) {
    const match = byKey.get(externalId);
    // An identifier set in the app (not by an import) may be a squatter's claim on a real grant's 360Giving id:
    // never taken over without an admin's --adopt, and always named in the report (as for organisations).
    // A row keyed by our own internal id (an export of an app grant) names no identifier anyone could claim.
    if (match && match.externalId === externalId && match.externalIdSource !== 'IMPORT') {
      if (!ctx.adopt.has(externalId)) {
        ctx.issues.add(
          line,
          'Identifier',
          `"${externalId}" is the identifier of the grant "${match.title}", set in the app, not by an import: ` +
            `confirm that this import may take it over with --adopt ${externalId}`
        );
        continue;
      }
      ctx.adopted.push({ line, externalId, name: match.title });
    }
    prepared.push({ id: match?.id ?? newId(), isNew: !match, externalId, values });
  }
  return { rows: prepared, present: ctx.present, themeIds: ctx.ref.themes };
}

function tableRow(r: GrantRow): BulkRow {
  const v = r.values;
  return {
    id: r.id,
    externalId: r.externalId,
    title: v.title,
    description: v.description ?? null,
    currency: v.currency,
    amountAwarded: v.amountAwarded,
    awardDate: v.awardDate,
    plannedStartDate: v.plannedStartDate ?? null,
    plannedEndDate: v.plannedEndDate ?? null,
    recipientId: v.recipientId,
    funderId: v.funderId,
    grantProgramme: v.grantProgramme ?? null,
    visibility: v.visibility,
    source: v.source ?? null
  };
}

async function write(tx: SqlSession, p: PreparedGrants, ctx: { onRows?: (n: number) => void }) {
  let done = 0;
  const onChunk = (n: number) => ctx.onRows?.((done += n));
  const inserts = p.rows.filter((r) => r.isNew);
  const updates = p.rows.filter((r) => !r.isNew);
  const updateColumns = TABLE_COLUMNS.filter(
    (c) => p.present.has(c.from) || (c.name === 'source' && updates.some((u) => u.values.source))
  );
  await bulkInsert(
    tx,
    'Grant',
    [{ name: 'id', type: 'text' }, { name: 'externalId', type: 'text' }, ...TABLE_COLUMNS],
    inserts.map(tableRow),
    {
      extra: { createdAt: NOW, updatedAt: NOW, externalIdSource: `'IMPORT'`, sourceKind: `'IMPORT'::"SourceKind"` },
      onChunk
    }
  );
  // A row keyed by our internal id (an exported app grant) leaves its identifier empty: no source to record.
  await bulkUpdate(tx, 'Grant', 'id', updateColumns, updates.map(tableRow), {
    extra: {
      updatedAt: NOW,
      externalIdSource: `CASE WHEN t."externalId" IS NULL THEN NULL ELSE 'IMPORT' END`,
      sourceKind: `'IMPORT'::"SourceKind"`
    },
    onChunk
  });

  const themed = p.present.has('Themes') ? p.rows : inserts;
  const placed = p.present.has('Beneficiary Location:Country Code') ? p.rows : inserts;
  await bulkReplaceLinks(
    tx,
    'GrantTheme',
    'grantId',
    'themeId',
    themed.map((r) => r.id),
    themed.flatMap((r) => r.values.themes.map((slug) => ({ grantId: r.id, themeId: p.themeIds.get(slug) })))
  );
  await bulkReplaceLinks(
    tx,
    'GrantCountry',
    'grantId',
    'countryCode',
    placed.map((r) => r.id),
    placed.flatMap((r) => r.values.countries.map((countryCode) => ({ grantId: r.id, countryCode })))
  );
  const changes = p.rows.map((r) => ({ aggregate: 'Grant' as const, aggregateId: r.id, op: 'upsert' as const }));
  return { created: inserts.length, updated: updates.length, changes };
}

export const grantsImporter: KindImporter<PreparedGrants> = {
  columns: COLUMNS.grants,
  tables: ['Grant', 'GrantTheme', 'GrantCountry'],
  uniqueInFile: [{ name: 'key', columns: ['Identifier'], reportOn: 'Identifier', describe: appearsTwice }],
  prepare,
  write
};
