import type { PrismaClient } from '../../src/lib/server/db/generated/client';

let counter = 0;

/** Unique within the process (counter) and across processes (random part): safe for slugs and external ids. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A word no other test's word resembles, for free-text searches: `prefix` and ten random letters. Not a timestamp:
 * two words made milliseconds apart shared most of their digits, and the directory's fuzzy (trigram) search
 * rightly found the other test's organisation too ("Pubwort1796674222291" matched "Feedwort1796674222129").
 */
export function uniqueWord(prefix: string): string {
  const letters = Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26)));
  return `${prefix}${letters.join('')}`;
}

/** Resolves reference-theme slugs to ids, failing loudly on a typo instead of silently dropping the theme. */
export async function themeIdsBySlug(db: PrismaClient, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const themes = await db.theme.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const bySlug = new Map(themes.map((t) => [t.slug, t.id]));
  return slugs.map((slug) => {
    const id = bySlug.get(slug);
    if (!id) throw new Error(`factory: no theme with slug "${slug}" in the reference data`);
    return id;
  });
}
