import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { organizationPath } from './organization-json-ld';

/**
 * /sitemap.xml: every public, non-archived profile. The sitemaps protocol allows 50,000 URLs per file, so a
 * larger directory gets a sitemap index pointing at `/sitemap.xml?page=N`. Rows are read in keyset chunks and
 * written as they arrive, so a big directory is never held in memory as one string.
 */
export const URLS_PER_SITEMAP = 50_000;
const CHUNK = 5_000;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

const LIVE = { archivedAt: null };

export async function sitemapPageCount(db: PrismaClient = getDb()): Promise<number> {
  return Math.max(1, Math.ceil((await db.organization.count({ where: LIVE })) / URLS_PER_SITEMAP));
}

export function sitemapIndex(origin: string, pages: number): string {
  const entries = Array.from(
    { length: pages },
    (_, i) => `  <sitemap><loc>${xml(new URL(`/sitemap.xml?page=${i + 1}`, origin).href)}</loc></sitemap>\n`
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</sitemapindex>\n`;
}

/** Page `page` (1-based) of the profiles, ordered by id so pages never overlap or skip a row. */
export async function* sitemapUrlset(origin: string, page: number, db: PrismaClient = getDb()): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
  let written = 0;
  let after: string | undefined;
  while (written < URLS_PER_SITEMAP) {
    const rows = await db.organization.findMany({
      where: after === undefined ? LIVE : { ...LIVE, id: { gt: after } },
      // Only the first chunk of a page skips the earlier pages; later chunks continue from the last id.
      skip: after === undefined ? (page - 1) * URLS_PER_SITEMAP : 0,
      take: Math.min(CHUNK, URLS_PER_SITEMAP - written),
      orderBy: { id: 'asc' },
      select: { id: true, slug: true, updatedAt: true }
    });
    if (rows.length === 0) break;
    yield rows
      .map(
        (r) =>
          `  <url><loc>${xml(new URL(organizationPath(r.slug), origin).href)}</loc>` +
          `<lastmod>${r.updatedAt.toISOString().slice(0, 10)}</lastmod></url>\n`
      )
      .join('');
    written += rows.length;
    after = rows[rows.length - 1]!.id;
    if (rows.length < CHUNK) break;
  }
  yield '</urlset>\n';
}
