import { anonymous } from '$lib/server/access/viewer';
import { canonicalDirectoryParams } from '$lib/server/saved-searches/directory-filter';
import { searchFeed } from '$lib/server/saved-searches/feed';
import { scopeOf } from '$lib/server/saved-searches/search-scope';
import type { RequestHandler } from './$types';

/**
 * GET /directory/feed.atom?<the directory's parameters>: the public Atom feed of a directory filter. Always as an
 * anonymous visitor sees it, whoever asks (a feed reader shares its subscriptions; cookies would make it private).
 * A value the directory cannot use is a 400 naming the parameter.
 */
export const GET: RequestHandler = async ({ url }) => {
  const saved = canonicalDirectoryParams(url.search);
  if (!saved.ok) {
    return new Response(
      `${saved.fieldErrors.map((e) => `${e.field.replace(/^params\./, '')}: ${e.message}`).join('\n')}\n`,
      {
        status: 400,
        headers: { 'content-type': 'text/plain; charset=utf-8' }
      }
    );
  }
  const query = saved.params ? `?${saved.params}` : '';
  const xml = await searchFeed({
    viewer: anonymous,
    scope: scopeOf({ kind: 'DIRECTORY', params: saved.params }),
    title: saved.params
      ? `Coalition Atlas — ${decodeURIComponent(saved.params.replaceAll('+', ' '))}`
      : 'Coalition Atlas',
    id: `urn:coalition-atlas:directory-feed:${query || '?'}`,
    self: new URL(`/directory/feed.atom${query}`, url.origin).toString(),
    alternate: new URL(`/directory${query}`, url.origin).toString(),
    origin: url.origin
  });
  return new Response(xml, {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' }
  });
};
