import { z } from 'zod';
import { PartnershipStatus } from '../db/generated/client';
import { partnershipProposalSchema, type PartnershipProposal } from '../validation/partnership';
import { text as textRule } from '../validation/rules';
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
 * Partnerships between two organisations already in the database. The shared proposal rules (src/lib/server/
 * validation/partnership.ts) check the fields; this file adds what only an import has — the external id, the
 * status (imports record existing partnerships, so CONFIRMED by default) and the provenance.
 */
const importFields = z.object({
  externalId: textRule(200),
  status: z.enum(PartnershipStatus).default('CONFIRMED'),
  source: textRule(200).nullish()
});

const COLUMN_OF: Record<string, string> = {
  externalId: 'external_id',
  orgAId: 'org_a',
  orgBId: 'org_b',
  kind: 'kind',
  status: 'status',
  visibility: 'visibility',
  startDate: 'start_date',
  endDate: 'end_date',
  title: 'title',
  description: 'description',
  themes: 'themes',
  source: 'source'
};

const TABLE_COLUMNS: readonly (BulkColumn & { from: string })[] = [
  { name: 'orgAId', type: 'text', from: 'org_a' },
  { name: 'orgBId', type: 'text', from: 'org_b' },
  { name: 'kind', type: 'text', cast: '"PartnershipKind"', from: 'kind' },
  { name: 'status', type: 'text', cast: '"PartnershipStatus"', from: 'status' },
  { name: 'visibility', type: 'text', cast: '"Visibility"', from: 'visibility' },
  { name: 'startDate', type: 'date', from: 'start_date' },
  { name: 'endDate', type: 'date', from: 'end_date' },
  { name: 'title', type: 'text', from: 'title' },
  { name: 'description', type: 'text', from: 'description' },
  { name: 'source', type: 'text', from: 'source' }
];

const NOW = `(now() AT TIME ZONE 'UTC')`;
const OPEN: ReadonlySet<string> = new Set(['PROPOSED', 'CONFIRMED']);

type Values = PartnershipProposal & z.output<typeof importFields>;

interface PartnershipRow {
  line: number;
  id: string;
  isNew: boolean;
  values: Values;
}

export interface PreparedPartnerships {
  rows: PartnershipRow[];
  present: ReadonlySet<string>;
  themeIds: Map<string, string>;
}

/** The key of the "one open partnership per pair and kind" rule (partial unique index in the database). */
function pairKey(a: string, b: string, kind: string): string {
  return a < b ? `${a}|${b}|${kind}` : `${b}|${a}|${kind}`;
}

async function prepare(rows: CsvRow[], ctx: PrepareContext): Promise<PreparedPartnerships> {
  const schema = partnershipProposalSchema(ctx.ref);
  const tick = progressEvery(ctx.onRows, rows.length);
  const refs = new Set<string>();
  for (const r of rows) for (const col of ['org_a', 'org_b']) if (text(r.cells[col])) refs.add(text(r.cells[col])!);
  const orgs = await loadOrganizations(ctx.db, [...refs]);

  const valid: { row: CsvRow; values: Values; refA: string; refB: string }[] = [];
  const firstLineOfKey = new Map<string, number>();
  const firstLineOfPair = new Map<string, number>();
  rows.forEach((row, i) => {
    tick(i);
    const check = new RowChecker(row, ctx.issues);
    const c = row.cells;
    check.required('external_id');
    check.required('kind');
    const resolve = (column: 'org_a' | 'org_b') => {
      if (!check.required(column)) return undefined;
      const ref = text(c[column])!;
      const org = orgs.resolve(ref);
      if (!org) check.fail(column, `no organisation with external id or slug "${ref}" — import organizations first`);
      return org;
    };
    const a = resolve('org_a');
    const b = resolve('org_b');
    const externalId = text(c.external_id);
    if (externalId) {
      const first = firstLineOfKey.get(externalId);
      if (first !== undefined)
        check.fail('external_id', `"${externalId}" appears twice in the file (first on line ${first})`);
      else firstLineOfKey.set(externalId, row.line);
    }
    const input = {
      externalId: externalId ?? undefined,
      // Distinct placeholders for unresolved sides, so "cannot partner with itself" is only said when true.
      orgAId: a?.id ?? `unresolved-a`,
      orgBId: b?.id ?? `unresolved-b`,
      kind: enumCell(c.kind),
      status: enumCell(c.status),
      visibility: enumCell(c.visibility),
      startDate: text(c.start_date),
      endDate: text(c.end_date),
      title: text(c.title),
      description: text(c.description),
      themes: list(c.themes),
      source: text(c.source) ?? ctx.source
    };
    const shared = check.schema(schema, input, COLUMN_OF);
    const own = check.schema(importFields, input, COLUMN_OF);
    if (!shared || !own) return;
    const values: Values = { ...shared, ...own };
    if (OPEN.has(values.status)) {
      const key = pairKey(values.orgAId, values.orgBId, values.kind);
      const first = firstLineOfPair.get(key);
      if (first !== undefined) {
        check.fail(
          'org_b',
          `line ${first} already has an open (PROPOSED or CONFIRMED) ${values.kind} partnership between these two organisations; only one may be open per pair and kind`
        );
        return;
      }
      firstLineOfPair.set(key, row.line);
    }
    valid.push({ row, values, refA: text(c.org_a)!, refB: text(c.org_b)! });
  });
  if (valid.length === 0) return { rows: [], present: ctx.present, themeIds: ctx.ref.themes };

  // Existing partnerships by key, and open partnerships in the database on the same pairs and kinds.
  const keys = valid.map((v) => v.values.externalId);
  const byKey = new Map<string, string>();
  const existing = await ctx.db.$queryRawUnsafe<{ id: string; externalId: string | null }[]>(
    `SELECT id, "externalId" FROM "Partnership" WHERE "externalId" = ANY($1::text[]) OR id = ANY($2::text[])`,
    keys,
    keys.filter((k) => k.startsWith(INTERNAL_REF_PREFIX)).map((k) => k.slice(INTERNAL_REF_PREFIX.length))
  );
  for (const p of existing) {
    if (p.externalId !== null) byKey.set(p.externalId, p.id);
    else byKey.set(`${INTERNAL_REF_PREFIX}${p.id}`, p.id);
  }
  const open = valid.filter((v) => OPEN.has(v.values.status));
  const clashes = await ctx.db.$queryRawUnsafe<{ id: string; externalId: string | null; key: string }[]>(
    `SELECT p.id, p."externalId", least(p."orgAId", p."orgBId") || '|' || greatest(p."orgAId", p."orgBId") || '|' || p.kind AS key
       FROM "Partnership" p
       JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(lo, hi, kind)
         ON least(p."orgAId", p."orgBId") = k.lo AND greatest(p."orgAId", p."orgBId") = k.hi AND p.kind = k.kind::"PartnershipKind"
      WHERE p.status IN ('PROPOSED', 'CONFIRMED')`,
    open.map((v) => (v.values.orgAId < v.values.orgBId ? v.values.orgAId : v.values.orgBId)),
    open.map((v) => (v.values.orgAId < v.values.orgBId ? v.values.orgBId : v.values.orgAId)),
    open.map((v) => v.values.kind)
  );
  const openInDb = new Map(clashes.map((c) => [c.key, c]));
  const idsInFile = new Set(
    valid.flatMap((v) => (byKey.has(v.values.externalId) ? [byKey.get(v.values.externalId)!] : []))
  );

  const prepared: PartnershipRow[] = [];
  for (const { row, values, refA, refB } of valid) {
    const id = byKey.get(values.externalId);
    const clash = OPEN.has(values.status)
      ? openInDb.get(pairKey(values.orgAId, values.orgBId, values.kind))
      : undefined;
    // A clash with a row the same file also rewrites is settled by the file (checked above among its rows).
    if (clash && clash.id !== id && !idsInFile.has(clash.id)) {
      ctx.issues.add(
        row.line,
        'org_b',
        `"${refA}" and "${refB}" already have an open ${values.kind} partnership in the database (${clash.externalId ?? `${INTERNAL_REF_PREFIX}${clash.id}`}); end it or use its external id`
      );
      continue;
    }
    prepared.push({ line: row.line, id: id ?? newId(), isNew: !id, values });
  }
  return { rows: prepared, present: ctx.present, themeIds: ctx.ref.themes };
}

function tableRow(r: PartnershipRow): BulkRow {
  const v = r.values;
  return {
    id: r.id,
    externalId: v.externalId,
    orgAId: v.orgAId,
    orgBId: v.orgBId,
    kind: v.kind,
    status: v.status,
    visibility: v.visibility,
    startDate: v.startDate ?? null,
    endDate: v.endDate ?? null,
    title: v.title ?? null,
    description: v.description ?? null,
    source: v.source ?? null
  };
}

async function write(tx: SqlSession, p: PreparedPartnerships, ctx: { onRows?: (n: number) => void }) {
  let done = 0;
  const onChunk = (n: number) => ctx.onRows?.((done += n));
  const inserts = p.rows.filter((r) => r.isNew);
  const updates = p.rows.filter((r) => !r.isNew);
  const updateColumns = TABLE_COLUMNS.filter(
    // --source fills empty source cells, so the source is written when the column or the option is there.
    (c) => p.present.has(c.from) || (c.name === 'source' && updates.some((u) => u.values.source))
  );
  // Updates before inserts: a row that ends an open partnership frees its pair for a new one in the same file.
  await bulkUpdate(tx, 'Partnership', 'id', updateColumns, updates.map(tableRow), {
    extra: { updatedAt: NOW, sourceKind: `'IMPORT'::"SourceKind"` },
    onChunk
  });
  await bulkInsert(
    tx,
    'Partnership',
    [{ name: 'id', type: 'text' }, { name: 'externalId', type: 'text' }, ...TABLE_COLUMNS],
    inserts.map(tableRow),
    {
      extra: { createdAt: NOW, updatedAt: NOW, sourceKind: `'IMPORT'::"SourceKind"` },
      onChunk
    }
  );
  const themed = p.present.has('themes') ? p.rows : inserts;
  await bulkReplaceLinks(
    tx,
    'PartnershipTheme',
    'partnershipId',
    'themeId',
    themed.map((r) => r.id),
    themed.flatMap((r) => r.values.themes.map((slug) => ({ partnershipId: r.id, themeId: p.themeIds.get(slug) })))
  );
  const changes = p.rows.map((r) => ({ aggregate: 'Partnership' as const, aggregateId: r.id, op: 'upsert' as const }));
  return { created: inserts.length, updated: updates.length, changes };
}

export const partnershipsImporter: KindImporter<PreparedPartnerships> = {
  columns: COLUMNS.partnerships,
  tables: ['Partnership', 'PartnershipTheme'],
  uniqueInFile: [{ name: 'key', columns: ['external_id'], reportOn: 'external_id', describe: appearsTwice }],
  prepare,
  write
};
