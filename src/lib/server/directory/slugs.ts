import type { PrismaClient } from '../db/generated/client';
import { SLUG } from '../validation/rules';

/** "Flüchtlingsrat Niedersachsen e.V." → "fluchtlingsrat-niedersachsen-e-v" (ASCII, hyphens, ≤ 60 chars). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/**
 * A free slug for a new organisation named `name`: its slugified name, or with -2, -3 … appended when taken.
 * Returns null when the name has nothing to slugify (e.g. only non-Latin letters): the caller must ask for one.
 */
export async function freeOrganizationSlug(db: PrismaClient, name: string): Promise<string | null> {
  const base = slugify(name);
  if (base.length < 2 || !SLUG.test(base)) return null;
  const taken = await db.organization.findMany({
    where: { slug: { startsWith: base } },
    select: { slug: true }
  });
  const used = new Set(taken.map((t) => t.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
