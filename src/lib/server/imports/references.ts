import { INTERNAL_REF_PREFIX } from './columns';
import type { SqlSession } from './sql-session';

/**
 * Resolving the references a file makes to rows already in the database (organisations, networks), in one query
 * per kind however many rows the file has.
 *
 * A reference is matched, in this order, against: the external id; `atlas:<id>` for rows created in the app (what
 * the exporter writes for them); the slug. The first match wins, so an external id that happens to equal another
 * row's slug still means the row with that external id.
 */
export interface ExistingRow {
  id: string;
  externalId: string | null;
  /** 'IMPORT' when an import set externalId, null when it was set in the app (Organization only). */
  externalIdSource?: string | null;
  /** Fields the organisation's own members edited in the app (Organization only; decision 0029). */
  ownerEditedFields?: string[];
  slug: string;
  name: string;
}

export class RefIndex {
  private readonly byExternalId = new Map<string, ExistingRow>();
  private readonly byId = new Map<string, ExistingRow>();
  private readonly bySlug = new Map<string, ExistingRow>();

  constructor(rows: readonly ExistingRow[]) {
    for (const row of rows) {
      if (row.externalId !== null) this.byExternalId.set(row.externalId, row);
      this.byId.set(row.id, row);
      this.bySlug.set(row.slug, row);
    }
  }

  resolve(ref: string): ExistingRow | undefined {
    return (
      this.byExternalId.get(ref) ??
      (ref.startsWith(INTERNAL_REF_PREFIX) ? this.byId.get(ref.slice(INTERNAL_REF_PREFIX.length)) : undefined) ??
      this.bySlug.get(ref)
    );
  }

  /** The row a file row with this key (external id or atlas:<id>) updates — never matched by slug. */
  byKey(key: string): ExistingRow | undefined {
    const byExternal = this.byExternalId.get(key);
    if (byExternal) return byExternal;
    if (!key.startsWith(INTERNAL_REF_PREFIX)) return undefined;
    const byId = this.byId.get(key.slice(INTERNAL_REF_PREFIX.length));
    return byId && byId.externalId === null ? byId : undefined;
  }

  slugOwner(slug: string): ExistingRow | undefined {
    return this.bySlug.get(slug);
  }
}

function internalIds(refs: readonly string[]): string[] {
  return refs.filter((r) => r.startsWith(INTERNAL_REF_PREFIX)).map((r) => r.slice(INTERNAL_REF_PREFIX.length));
}

/** Organisations matching any of `refs` (as external id, atlas:<id> or slug) or owning any of `slugs`. */
export async function loadOrganizations(db: SqlSession, refs: readonly string[], slugs: readonly string[] = []) {
  const rows = await db.$queryRawUnsafe<ExistingRow[]>(
    `SELECT id, "externalId", "externalIdSource", "ownerEditedFields", slug, name FROM "Organization"
      WHERE "externalId" = ANY($1::text[]) OR slug = ANY($2::text[]) OR id = ANY($3::text[])`,
    [...refs],
    [...refs, ...slugs],
    internalIds(refs)
  );
  return new RefIndex(rows);
}

export async function loadNetworks(db: SqlSession, refs: readonly string[], slugs: readonly string[] = []) {
  const rows = await db.$queryRawUnsafe<ExistingRow[]>(
    `SELECT id, "externalId", slug, name FROM "Network"
      WHERE "externalId" = ANY($1::text[]) OR slug = ANY($2::text[]) OR id = ANY($3::text[])`,
    [...refs],
    [...refs, ...slugs],
    internalIds(refs)
  );
  return new RefIndex(rows);
}

/** Slugs among `candidates` already used in `table` ("Organization" or "Network"). */
export async function takenSlugs(db: SqlSession, table: 'Organization' | 'Network', candidates: readonly string[]) {
  if (candidates.length === 0) return new Set<string>();
  const rows = await db.$queryRawUnsafe<{ slug: string }[]>(
    `SELECT slug FROM "${table}" WHERE slug = ANY($1::text[])`,
    [...candidates]
  );
  return new Set(rows.map((r) => r.slug));
}
