import { organizationCreateSchema, type OrganizationCreate } from '../validation/organization';
import { assignSlugs } from './auto-slugs';
import { bulkInsert, bulkReplaceLinks, bulkUpdate, type BulkColumn, type BulkRow } from './bulk-sql';
import { enumCell, enumList, isoTimestamp, list, slugify, text, wholeNumber } from './cells';
import { COLUMNS } from './columns';
import type { CsvRow } from './csv-source';
import { appearsTwice } from './file-keys';
import { newId } from './ids';
import { progressEvery, type KindImporter, type PrepareContext } from './kind';
import { loadOrganizations } from './references';
import { RowChecker } from './row-check';
import type { SqlSession } from './sql-session';

/** Schema field → CSV column, for reporting the shared rules' failures against the column. */
const COLUMN_OF: Record<string, string> = {
  externalId: 'external_id',
  slug: 'slug',
  name: 'name',
  type: 'type',
  description: 'description',
  website: 'website',
  foundedYear: 'founded_year',
  hqCountry: 'hq_country',
  hqCity: 'hq_city',
  countries: 'countries',
  levels: 'levels',
  themes: 'themes',
  languages: 'languages',
  staffSize: 'staff_size',
  budgetBand: 'budget_band',
  contactEmail: 'contact_email',
  contactEmailVisibility: 'contact_email_visibility',
  contactPhone: 'contact_phone',
  contactPhoneVisibility: 'contact_phone_visibility',
  logoUrl: 'logo_url'
};

/** Table columns, with the CSV column that feeds each (absent from the header → unchanged on update). */
/** Organization columns as recorded in ownerEditedFields (by the app's update) → the CSV column that sets them. */
const COLUMN_OF_FIELD: Record<string, string> = { ...COLUMN_OF, hqCountryCode: 'hq_country' };

const COLUMN_ORDER = COLUMNS.organizations.map((c) => c.name);

const TABLE_COLUMNS: readonly (BulkColumn & { from: string })[] = [
  { name: 'slug', type: 'text', from: 'slug' },
  { name: 'name', type: 'text', from: 'name' },
  { name: 'type', type: 'text', cast: '"OrganizationType"', from: 'type' },
  { name: 'description', type: 'text', from: 'description' },
  { name: 'website', type: 'text', from: 'website' },
  { name: 'foundedYear', type: 'integer', from: 'founded_year' },
  { name: 'hqCountryCode', type: 'text', from: 'hq_country' },
  { name: 'hqCity', type: 'text', from: 'hq_city' },
  { name: 'levels', type: 'text[]', cast: '"WorkLevel"[]', from: 'levels' },
  { name: 'languages', type: 'text[]', from: 'languages' },
  { name: 'staffSize', type: 'text', cast: '"StaffSizeBand"', from: 'staff_size' },
  { name: 'budgetBand', type: 'text', cast: '"BudgetBand"', from: 'budget_band' },
  { name: 'contactEmail', type: 'text', from: 'contact_email' },
  { name: 'contactEmailVisibility', type: 'text', cast: '"Visibility"', from: 'contact_email_visibility' },
  { name: 'contactPhone', type: 'text', from: 'contact_phone' },
  { name: 'contactPhoneVisibility', type: 'text', cast: '"Visibility"', from: 'contact_phone_visibility' },
  { name: 'logoUrl', type: 'text', from: 'logo_url' },
  { name: 'archivedAt', type: 'timestamp(3)', from: 'archived_at' }
];

const NOW = `(now() AT TIME ZONE 'UTC')`;

interface OrgRow {
  line: number;
  id: string;
  isNew: boolean;
  externalId: string;
  /** undefined until slugs are assigned (empty cell on a new row). */
  slug?: string;
  values: OrganizationCreate;
  archivedAt: Date | null;
}

export interface PreparedOrganizations {
  rows: OrgRow[];
  present: ReadonlySet<string>;
  themeIds: Map<string, string>;
}

async function prepare(rows: CsvRow[], ctx: PrepareContext): Promise<PreparedOrganizations> {
  const schema = organizationCreateSchema(ctx.ref);
  const tick = progressEvery(ctx.onRows, rows.length);
  const valid: { row: CsvRow; values: OrganizationCreate; archivedAt: Date | null; explicitSlug: string | null }[] = [];
  const firstLineOfKey = new Map<string, number>();
  const firstLineOfSlug = new Map<string, number>();

  rows.forEach((row, i) => {
    tick(i);
    const check = new RowChecker(row, ctx.issues);
    const c = row.cells;
    check.required('external_id');
    check.required('name');
    check.required('type');
    const externalId = text(c.external_id);
    const explicitSlug = text(c.slug);
    const foundedYear = check.parse('founded_year', wholeNumber);
    const archivedAt = check.parse('archived_at', isoTimestamp) ?? null;
    const input = {
      externalId: externalId ?? undefined,
      // A placeholder keeps the slug rule quiet for rows that get an automatic slug below.
      slug: explicitSlug ?? 'pending-slug',
      name: text(c.name) ?? undefined,
      type: enumCell(c.type),
      description: text(c.description),
      website: text(c.website),
      foundedYear: foundedYear ?? null,
      hqCountry: text(c.hq_country),
      hqCity: text(c.hq_city),
      countries: list(c.countries),
      levels: enumList(c.levels),
      themes: list(c.themes),
      languages: list(c.languages),
      staffSize: enumCell(c.staff_size) ?? null,
      budgetBand: enumCell(c.budget_band) ?? null,
      contactEmail: text(c.contact_email),
      contactEmailVisibility: enumCell(c.contact_email_visibility),
      contactPhone: text(c.contact_phone),
      contactPhoneVisibility: enumCell(c.contact_phone_visibility),
      logoUrl: text(c.logo_url)
    };
    if (externalId) {
      const first = firstLineOfKey.get(externalId);
      if (first !== undefined)
        check.fail('external_id', `"${externalId}" appears twice in the file (first on line ${first})`);
      else firstLineOfKey.set(externalId, row.line);
    }
    if (explicitSlug) {
      const first = firstLineOfSlug.get(explicitSlug);
      if (first !== undefined)
        check.fail('slug', `"${explicitSlug}" appears twice in the file (first on line ${first})`);
      else firstLineOfSlug.set(explicitSlug, row.line);
    }
    const values = check.schema(schema, input, COLUMN_OF);
    if (values) valid.push({ row, values, archivedAt, explicitSlug });
  });

  // Matching against the database: one query for every key and explicit slug in the file.
  const existing = await loadOrganizations(
    ctx.db,
    valid.map((v) => v.values.externalId!),
    valid.flatMap((v) => (v.explicitSlug ? [v.explicitSlug] : []))
  );
  const prepared: OrgRow[] = [];
  const usedInFile = new Set<string>();
  const needSlug: { key: number; base: string }[] = [];
  for (const { row, values, archivedAt, explicitSlug } of valid) {
    const externalId = values.externalId!;
    const match = existing.byKey(externalId);
    // An external id set in the app (not by an import) may be a squatter's claim on a real organisation's key:
    // never taken over without an admin's --adopt, and always named in the report.
    if (match && match.externalId === externalId && match.externalIdSource !== 'IMPORT') {
      if (!ctx.adopt.has(externalId)) {
        ctx.issues.add(
          row.line,
          'external_id',
          `"${externalId}" is the external id of "${match.name}", set in the app, not by an import: ` +
            `confirm that this import may take it over with --adopt ${externalId}`
        );
        continue;
      }
      ctx.adopted.push({ line: row.line, externalId, name: match.name });
    }
    const overwritten = (match?.ownerEditedFields ?? [])
      .map((field) => COLUMN_OF_FIELD[field])
      .filter((column): column is string => column !== undefined && ctx.present.has(column))
      .sort((a, b) => COLUMN_ORDER.indexOf(a) - COLUMN_ORDER.indexOf(b)); // as the format lists them
    if (match && overwritten.length > 0)
      ctx.ownerEdits.push({ line: row.line, name: match.name, columns: overwritten });
    const slug: string | undefined = explicitSlug ?? match?.slug;
    if (explicitSlug) {
      const owner = existing.slugOwner(explicitSlug);
      if (owner && owner.id !== match?.id) {
        ctx.issues.add(
          row.line,
          'slug',
          `"${explicitSlug}" is already the slug of "${owner.name}" (${owner.externalId ?? 'created in the app'})`
        );
        continue;
      }
    }
    if (slug) usedInFile.add(slug);
    else needSlug.push({ key: prepared.length, base: slugify(values.name) });
    prepared.push({ line: row.line, id: match?.id ?? newId(), isNew: !match, externalId, slug, values, archivedAt });
  }
  for (const [index, slug] of await assignSlugs(ctx.db, 'Organization', needSlug, usedInFile)) {
    prepared[index]!.slug = slug;
  }
  return { rows: prepared, present: ctx.present, themeIds: ctx.ref.themes };
}

function tableRow(r: OrgRow): BulkRow {
  const v = r.values;
  return {
    id: r.id,
    externalId: r.externalId,
    slug: r.slug,
    name: v.name,
    type: v.type,
    description: v.description ?? null,
    website: v.website ?? null,
    foundedYear: v.foundedYear ?? null,
    hqCountryCode: v.hqCountry ?? null,
    hqCity: v.hqCity ?? null,
    levels: v.levels,
    languages: v.languages,
    staffSize: v.staffSize ?? null,
    budgetBand: v.budgetBand ?? null,
    contactEmail: v.contactEmail ?? null,
    contactEmailVisibility: v.contactEmailVisibility,
    contactPhone: v.contactPhone ?? null,
    contactPhoneVisibility: v.contactPhoneVisibility,
    logoUrl: v.logoUrl ?? null,
    archivedAt: r.archivedAt?.toISOString() ?? null
  };
}

async function write(tx: SqlSession, p: PreparedOrganizations, ctx: { onRows?: (n: number) => void }) {
  let done = 0;
  const onChunk = (n: number) => ctx.onRows?.((done += n));
  const inserts = p.rows.filter((r) => r.isNew);
  const updates = p.rows.filter((r) => !r.isNew);
  // The slug is always known (kept or assigned), so it is always written.
  const updateColumns = TABLE_COLUMNS.filter((c) => c.name === 'slug' || p.present.has(c.from));

  await bulkInsert(
    tx,
    'Organization',
    [{ name: 'id', type: 'text' }, { name: 'externalId', type: 'text' }, ...TABLE_COLUMNS],
    inserts.map(tableRow),
    {
      extra: { createdAt: NOW, updatedAt: NOW, externalIdSource: `'IMPORT'`, sourceKind: `'IMPORT'::"SourceKind"` },
      onChunk
    }
  );
  await bulkUpdate(tx, 'Organization', 'id', updateColumns, updates.map(tableRow), {
    extra: { updatedAt: NOW, externalIdSource: `'IMPORT'`, sourceKind: `'IMPORT'::"SourceKind"` },
    onChunk
  });

  // Link tables: new rows get theirs; updated rows get theirs replaced when the column is in the file.
  const themeRows = (rows: OrgRow[]) =>
    rows.flatMap((r) => r.values.themes.map((slug) => ({ organizationId: r.id, themeId: p.themeIds.get(slug) })));
  const countryRows = (rows: OrgRow[]) =>
    rows.flatMap((r) => r.values.countries.map((countryCode) => ({ organizationId: r.id, countryCode })));
  const themed = p.present.has('themes') ? p.rows : inserts;
  const placed = p.present.has('countries') ? p.rows : inserts;
  await bulkReplaceLinks(
    tx,
    'OrganizationTheme',
    'organizationId',
    'themeId',
    themed.map((r) => r.id),
    themeRows(themed)
  );
  await bulkReplaceLinks(
    tx,
    'OrganizationCountry',
    'organizationId',
    'countryCode',
    placed.map((r) => r.id),
    countryRows(placed)
  );

  const changes = p.rows.map((r) => ({ aggregate: 'Organization' as const, aggregateId: r.id, op: 'upsert' as const }));
  return { created: inserts.length, updated: updates.length, changes };
}

export const organizationsImporter: KindImporter<PreparedOrganizations> = {
  columns: COLUMNS.organizations,
  tables: ['Organization', 'OrganizationTheme', 'OrganizationCountry'],
  uniqueInFile: [
    { name: 'key', columns: ['external_id'], reportOn: 'external_id', describe: appearsTwice },
    { name: 'slug', columns: ['slug'], reportOn: 'slug', describe: appearsTwice }
  ],
  prepare,
  write
};
