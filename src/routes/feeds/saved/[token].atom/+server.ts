import { error } from '@sveltejs/kit';
import { activeViewerById } from '$lib/server/auth/account';
import { searchFeed } from '$lib/server/saved-searches/feed';
import { savedSearchHref, scopeOf } from '$lib/server/saved-searches/search-scope';
import { savedSearchByFeedToken } from '$lib/server/saved-searches/service';
import type { RequestHandler } from './$types';

/**
 * GET /feeds/saved/<token>.atom: a saved search's private Atom feed. The unguessable token is the only credential
 * (feed readers send no cookies); it is stored hashed and can be revoked or renewed on /account/saved-searches.
 * The feed shows what the search's owner may see now; a disabled owner's feed is gone like a revoked one.
 */
export const GET: RequestHandler = async ({ params, url }) => {
  const search = await savedSearchByFeedToken(params.token);
  const owner = search ? await activeViewerById(search.userId) : null;
  if (!search || !owner) error(404, 'This feed does not exist or was revoked.');
  const xml = await searchFeed({
    viewer: owner,
    scope: scopeOf(search),
    title: `Coalition Atlas — ${search.name}`,
    id: `urn:coalition-atlas:saved-search:${search.id}`,
    self: url.toString(),
    alternate: savedSearchHref(search, url.origin),
    origin: url.origin
  });
  return new Response(xml, {
    headers: {
      'content-type': 'application/atom+xml; charset=utf-8',
      // Private to its owner: no shared cache may keep it, and search engines must not index the address.
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex'
    }
  });
};
