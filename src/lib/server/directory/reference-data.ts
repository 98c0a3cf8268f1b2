import type { Country, PrismaClient, Theme } from '../db/generated/client';

/**
 * The reference vocabulary (themes, countries) kept in memory per database client, shared by all requests
 * (issue 13: two reference queries per request put a round-trip wave in front of every directory search).
 *
 * It changes only when `db:deploy` loads a new version (prisma/reference/load.ts), never from the app. So:
 * - an index is reused for REFRESH_AFTER_MS, then read again on the next use (a renamed theme shows within that);
 * - a lookup that misses (a theme id on a row, a slug in a filter, a country code the index lacks) may reload at
 *   once, so a theme or country added by a deploy is never reported unknown or dropped from a list — at most one
 *   miss-caused reload per MISS_RELOAD_AFTER_MS, so a stream of junk slugs cannot turn into a query per request.
 * Keyed by client, so tests and tools with several databases never see another's vocabulary.
 */
export interface ThemeIndex {
  all: Theme[];
  byId: Map<string, Theme>;
  bySlug: Map<string, Theme>;
  children: Map<string | null, Theme[]>;
}
export interface CountryIndex {
  all: Country[];
  byCode: Map<string, Country>;
}

/** What a caller is about to look up: if the index lacks any of it, a reload may find it. */
export interface ThemeNeeds {
  ids?: readonly string[];
  slugs?: readonly string[];
}

export const REFRESH_AFTER_MS = 60_000;
export const MISS_RELOAD_AFTER_MS = 5_000;

interface Cached<T> {
  loadedAt: number;
  value: Promise<T>;
}

class ReferenceCache<T> {
  private readonly byClient = new WeakMap<PrismaClient, Cached<T>>();
  /** When a miss last caused a reload, per client: junk lookups reload at most once per MISS_RELOAD_AFTER_MS. */
  private readonly missReloadAt = new WeakMap<PrismaClient, number>();

  constructor(private readonly load: (db: PrismaClient) => Promise<T>) {}

  async get(db: PrismaClient, lacks: (index: T) => boolean): Promise<T> {
    const now = Date.now();
    let cached = this.byClient.get(db);
    if (!cached || now - cached.loadedAt > REFRESH_AFTER_MS) cached = this.reload(db, now);
    const index = await cached.value;
    if (!lacks(index) || cached.loadedAt === now) return index;
    if (now - (this.missReloadAt.get(db) ?? -Infinity) < MISS_RELOAD_AFTER_MS) return index;
    this.missReloadAt.set(db, now);
    return this.reload(db, now).value;
  }

  private reload(db: PrismaClient, now: number): Cached<T> {
    const cached: Cached<T> = { loadedAt: now, value: this.load(db) };
    this.byClient.set(db, cached);
    // A failed read is not kept: the next use tries again.
    cached.value.catch(() => {
      if (this.byClient.get(db) === cached) this.byClient.delete(db);
    });
    return cached;
  }
}

const themes = new ReferenceCache<ThemeIndex>(async (db) => {
  const all = await db.theme.findMany({ orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }] });
  const children = new Map<string | null, Theme[]>();
  for (const theme of all) {
    const siblings = children.get(theme.parentId) ?? [];
    siblings.push(theme);
    children.set(theme.parentId, siblings);
  }
  return { all, byId: new Map(all.map((t) => [t.id, t])), bySlug: new Map(all.map((t) => [t.slug, t])), children };
});

const countries = new ReferenceCache<CountryIndex>(async (db) => {
  const all = await db.country.findMany({ orderBy: { nameEn: 'asc' } });
  return { all, byCode: new Map(all.map((c) => [c.code, c])) };
});

export function themeIndex(db: PrismaClient, needs: ThemeNeeds = {}): Promise<ThemeIndex> {
  return themes.get(
    db,
    (index) =>
      (needs.ids ?? []).some((id) => !index.byId.has(id)) || (needs.slugs ?? []).some((s) => !index.bySlug.has(s))
  );
}

export function countryIndex(db: PrismaClient, codes: readonly string[] = []): Promise<CountryIndex> {
  return countries.get(db, (index) => codes.some((code) => !index.byCode.has(code)));
}
