import type { PrismaClient } from '../db/generated/client';
import { INTERNAL_REF_PREFIX } from '../imports/columns';

/**
 * The key a row is exported under, and referenced by from other files: its external id, or `atlas:<id>` for rows
 * created in the app (the importer resolves both). Stable through export → import → export, because the import
 * stores the exported key as the new row's external id.
 */
export function exportKey(row: { id: string; externalId: string | null }): string {
  return row.externalId ?? `${INTERNAL_REF_PREFIX}${row.id}`;
}

export interface OrgKey {
  key: string;
  name: string;
}

/** id → key (and name) of every organisation: one query, used to write references in the other files. */
export async function organizationKeys(db: PrismaClient): Promise<Map<string, OrgKey>> {
  const rows = await db.organization.findMany({ select: { id: true, externalId: true, name: true } });
  return new Map(rows.map((r) => [r.id, { key: exportKey(r), name: r.name }]));
}

export async function networkKeys(db: PrismaClient): Promise<Map<string, string>> {
  const rows = await db.network.findMany({ select: { id: true, externalId: true } });
  return new Map(rows.map((r) => [r.id, exportKey(r)]));
}

export async function themeSlugs(db: PrismaClient): Promise<Map<string, string>> {
  const rows = await db.theme.findMany({ select: { id: true, slug: true } });
  return new Map(rows.map((r) => [r.id, r.slug]));
}

/** Theme slugs of a row's theme links, sorted so the cell is the same whatever order the rows were linked in. */
export function sortedSlugs(links: readonly { themeId: string }[], slugs: Map<string, string>): string[] {
  return links.map((l) => slugs.get(l.themeId)!).sort();
}
