import { z } from 'zod';
import { httpUrl, slug, text as textRule } from '../validation/rules';
import { assignSlugs } from './auto-slugs';
import { bulkInsert, bulkUpdate, type BulkColumn, type BulkRow } from './bulk-sql';
import { isoTimestamp, slugify, text } from './cells';
import { COLUMNS } from './columns';
import type { CsvRow } from './csv-source';
import { appearsTwice } from './file-keys';
import { newId } from './ids';
import { progressEvery, type KindImporter, type PrepareContext } from './kind';
import { loadNetworks, loadOrganizations } from './references';
import { RowChecker } from './row-check';
import type { SqlSession } from './sql-session';

/**
 * Networks / coalitions. There is no network mutation with shared rules yet, so the row schema lives here, built
 * from the shared field rules (slug, text, URL) so the limits stay the same as elsewhere.
 */
const networkRowSchema = z.object({
  externalId: textRule(200),
  slug,
  name: textRule(200, 2),
  description: textRule(5000).nullish(),
  website: httpUrl.nullish()
});
type NetworkValues = z.output<typeof networkRowSchema>;

const COLUMN_OF: Record<string, string> = {
  externalId: 'external_id',
  slug: 'slug',
  name: 'name',
  description: 'description',
  website: 'website'
};

const TABLE_COLUMNS: readonly (BulkColumn & { from: string })[] = [
  { name: 'slug', type: 'text', from: 'slug' },
  { name: 'name', type: 'text', from: 'name' },
  { name: 'description', type: 'text', from: 'description' },
  { name: 'website', type: 'text', from: 'website' },
  { name: 'organizationId', type: 'text', from: 'secretariat' },
  { name: 'archivedAt', type: 'timestamp(3)', from: 'archived_at' }
];

const NOW = `(now() AT TIME ZONE 'UTC')`;

interface NetworkRow {
  line: number;
  id: string;
  isNew: boolean;
  slug?: string;
  values: NetworkValues;
  organizationId: string | null;
  archivedAt: Date | null;
}

export interface PreparedNetworks {
  rows: NetworkRow[];
  present: ReadonlySet<string>;
}

async function prepare(rows: CsvRow[], ctx: PrepareContext): Promise<PreparedNetworks> {
  const tick = progressEvery(ctx.onRows, rows.length);
  const secretariats = await loadOrganizations(
    ctx.db,
    rows.flatMap((r) => (text(r.cells.secretariat) ? [text(r.cells.secretariat)!] : []))
  );
  const valid: {
    row: CsvRow;
    values: NetworkValues;
    explicitSlug: string | null;
    organizationId: string | null;
    archivedAt: Date | null;
  }[] = [];
  const firstLineOf = {
    key: new Map<string, number>(),
    slug: new Map<string, number>(),
    secretariat: new Map<string, number>()
  };

  rows.forEach((row, i) => {
    tick(i);
    const check = new RowChecker(row, ctx.issues);
    const c = row.cells;
    check.required('external_id');
    check.required('name');
    const externalId = text(c.external_id);
    const explicitSlug = text(c.slug);
    const archivedAt = check.parse('archived_at', isoTimestamp) ?? null;
    const secretariatRef = text(c.secretariat);
    const secretariat = secretariatRef ? secretariats.resolve(secretariatRef) : undefined;
    if (secretariatRef && !secretariat) {
      check.fail(
        'secretariat',
        `no organisation with external id or slug "${secretariatRef}" — import organizations first`
      );
    }
    const once = (what: keyof typeof firstLineOf, column: string, value: string | null | undefined, label = value) => {
      if (!value) return;
      const first = firstLineOf[what].get(value);
      if (first !== undefined) check.fail(column, `"${label}" appears twice in the file (first on line ${first})`);
      else firstLineOf[what].set(value, row.line);
    };
    once('key', 'external_id', externalId);
    once('slug', 'slug', explicitSlug);
    once('secretariat', 'secretariat', secretariat?.id, secretariatRef);
    const values = check.schema(
      networkRowSchema,
      {
        externalId: externalId ?? undefined,
        slug: explicitSlug ?? 'pending-slug',
        name: text(c.name) ?? undefined,
        description: text(c.description),
        website: text(c.website)
      },
      COLUMN_OF
    );
    if (values) valid.push({ row, values, explicitSlug, organizationId: secretariat?.id ?? null, archivedAt });
  });

  const existing = await loadNetworks(
    ctx.db,
    valid.map((v) => v.values.externalId),
    valid.flatMap((v) => (v.explicitSlug ? [v.explicitSlug] : []))
  );
  // The secretariat is unique per network: an organisation already running another network cannot take a second.
  const secretariatIds = valid.flatMap((v) => (v.organizationId ? [v.organizationId] : []));
  const runBy = new Map(
    (
      await ctx.db.$queryRawUnsafe<{ id: string; name: string; organizationId: string }[]>(
        `SELECT id, name, "organizationId" FROM "Network" WHERE "organizationId" = ANY($1::text[])`,
        secretariatIds
      )
    ).map((n) => [n.organizationId, n])
  );

  const prepared: NetworkRow[] = [];
  const usedInFile = new Set<string>();
  const needSlug: { key: number; base: string }[] = [];
  for (const { row, values, explicitSlug, organizationId, archivedAt } of valid) {
    const match = existing.byKey(values.externalId);
    if (explicitSlug) {
      const owner = existing.slugOwner(explicitSlug);
      if (owner && owner.id !== match?.id) {
        ctx.issues.add(row.line, 'slug', `"${explicitSlug}" is already the slug of network "${owner.name}"`);
        continue;
      }
    }
    const other = organizationId ? runBy.get(organizationId) : undefined;
    if (other && other.id !== match?.id) {
      ctx.issues.add(
        row.line,
        'secretariat',
        `this organisation is already the secretariat of network "${other.name}"`
      );
      continue;
    }
    const kept = explicitSlug ?? match?.slug;
    if (kept) usedInFile.add(kept);
    else needSlug.push({ key: prepared.length, base: slugify(values.name, 'network') });
    prepared.push({
      line: row.line,
      id: match?.id ?? newId(),
      isNew: !match,
      slug: kept,
      values,
      organizationId,
      archivedAt
    });
  }
  for (const [index, s] of await assignSlugs(ctx.db, 'Network', needSlug, usedInFile)) prepared[index]!.slug = s;
  return { rows: prepared, present: ctx.present };
}

function tableRow(r: NetworkRow): BulkRow {
  return {
    id: r.id,
    externalId: r.values.externalId,
    slug: r.slug,
    name: r.values.name,
    description: r.values.description ?? null,
    website: r.values.website ?? null,
    organizationId: r.organizationId,
    archivedAt: r.archivedAt?.toISOString() ?? null
  };
}

async function write(tx: SqlSession, p: PreparedNetworks, ctx: { onRows?: (n: number) => void }) {
  let done = 0;
  const onChunk = (n: number) => ctx.onRows?.((done += n));
  const inserts = p.rows.filter((r) => r.isNew);
  const updates = p.rows.filter((r) => !r.isNew);
  const updateColumns = TABLE_COLUMNS.filter((c) => c.name === 'slug' || p.present.has(c.from));
  // Updates first: a network handing its secretariat to another in the same file frees the unique slot.
  await bulkUpdate(tx, 'Network', 'id', updateColumns, updates.map(tableRow), { extra: { updatedAt: NOW }, onChunk });
  await bulkInsert(
    tx,
    'Network',
    [{ name: 'id', type: 'text' }, { name: 'externalId', type: 'text' }, ...TABLE_COLUMNS],
    inserts.map(tableRow),
    {
      extra: { createdAt: NOW, updatedAt: NOW },
      onChunk
    }
  );
  const changes = p.rows.map((r) => ({ aggregate: 'Network' as const, aggregateId: r.id, op: 'upsert' as const }));
  return { created: inserts.length, updated: updates.length, changes };
}

export const networksImporter: KindImporter<PreparedNetworks> = {
  columns: COLUMNS.networks,
  tables: ['Network'],
  uniqueInFile: [
    { name: 'key', columns: ['external_id'], reportOn: 'external_id', describe: appearsTwice },
    { name: 'slug', columns: ['slug'], reportOn: 'slug', describe: appearsTwice },
    { name: 'secretariat', columns: ['secretariat'], reportOn: 'secretariat', describe: appearsTwice }
  ],
  prepare,
  write
};
