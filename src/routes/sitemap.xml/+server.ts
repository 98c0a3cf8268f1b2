import { error } from '@sveltejs/kit';
import { sitemapIndex, sitemapPageCount, sitemapUrlset } from '$lib/server/linked-data/sitemap';
import type { RequestHandler } from './$types';

const HEADERS = {
  'content-type': 'application/xml; charset=utf-8',
  // Public data, the same for everyone: caches may keep it for an hour.
  'cache-control': 'public, max-age=3600'
};

/** GET /sitemap.xml (one file, or an index when there are more than 50,000 profiles) and /sitemap.xml?page=N. */
export const GET: RequestHandler = async ({ url }) => {
  const pages = await sitemapPageCount();
  const pageParam = url.searchParams.get('page');
  if (pageParam === null && pages > 1) return new Response(sitemapIndex(url.origin, pages), { headers: HEADERS });
  const page = pageParam === null ? 1 : Number(pageParam);
  if (!Number.isInteger(page) || page < 1 || page > pages) {
    error(404, `page: must be a whole number from 1 to ${pages} (got "${pageParam}")`);
  }
  const chunks = sitemapUrlset(url.origin, page);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new TextEncoder().encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    }
  });
  return new Response(body, { headers: HEADERS });
};
