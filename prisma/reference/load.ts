/**
 * Loads the reference vocabulary (countries, themes) idempotently: inserts what is missing, updates what
 * changed, leaves everything else (and every row that references it) alone. One transaction; every created
 * or changed row gets an outbox entry so the graph projection follows. Used by seeds and test templates.
 */
import type { Prisma, PrismaClient } from '../../src/lib/server/db/generated/client';
import { countries, type CountryRow } from './countries';
import { themeRows, type ThemeRow } from './themes';

export interface ReferenceLoadResult {
  countries: { created: number; updated: number };
  themes: { created: number; updated: number };
}

type Tx = Prisma.TransactionClient;

export async function upsertReferenceData(db: PrismaClient): Promise<ReferenceLoadResult> {
  return db.$transaction(async (tx) => ({ countries: await syncCountries(tx), themes: await syncThemes(tx) }), {
    timeout: 60_000
  });
}

async function syncCountries(tx: Tx) {
  const existing = new Map((await tx.country.findMany()).map((c) => [c.code, c]));
  const created = countries.filter((c) => !existing.has(c.code));
  const updated = countries.filter((c) => {
    const row = existing.get(c.code);
    return row && !sameFields(row, c, ['nameEn', 'nameDe', 'region', 'isEurope']);
  });
  if (created.length > 0) await tx.country.createMany({ data: [...created], skipDuplicates: true });
  for (const { code, ...fields } of updated) await tx.country.update({ where: { code }, data: fields });
  await writeOutbox(
    tx,
    'Country',
    [...created, ...updated].map((c) => ({ id: c.code, payload: c }))
  );
  return { created: created.length, updated: updated.length };
}

async function syncThemes(tx: Tx) {
  const rows = themeRows();
  const existing = new Map(
    (await tx.theme.findMany({ where: { slug: { in: rows.map((r) => r.slug) } } })).map((t) => [t.slug, t])
  );
  // A theme created by hand before it became reference data keeps its id: children point at that id.
  const idBySlug = new Map(rows.map((r) => [r.slug, existing.get(r.slug)?.id ?? r.id]));
  const wanted: ThemeRow[] = rows.map((r) => ({
    ...r,
    id: idBySlug.get(r.slug)!,
    parentId: r.parentId === null ? null : idBySlug.get(r.parentId)!
  }));
  const created = wanted.filter((t) => !existing.has(t.slug));
  const updated = wanted.filter((t) => {
    const row = existing.get(t.slug);
    return row && !sameFields(row, t, ['nameEn', 'nameDe', 'parentId', 'sortOrder']);
  });
  // Parents come first in one statement: PostgreSQL checks the parent foreign key at the end of it.
  if (created.length > 0) await tx.theme.createMany({ data: created, skipDuplicates: true });
  for (const { id, slug: _slug, ...fields } of updated) await tx.theme.update({ where: { id }, data: fields });
  await writeOutbox(
    tx,
    'Theme',
    [...created, ...updated].map((t) => ({ id: t.id, payload: t }))
  );
  return { created: created.length, updated: updated.length };
}

function sameFields<T extends object>(a: T, b: T, keys: (keyof T)[]): boolean {
  return keys.every((k) => a[k] === b[k]);
}

async function writeOutbox(
  tx: Tx,
  aggregate: 'Country' | 'Theme',
  changes: { id: string; payload: CountryRow | ThemeRow }[]
): Promise<void> {
  if (changes.length === 0) return;
  await tx.outbox.createMany({
    data: changes.map((c) => ({ aggregate, aggregateId: c.id, op: 'upsert' as const, payload: { ...c.payload } }))
  });
}
