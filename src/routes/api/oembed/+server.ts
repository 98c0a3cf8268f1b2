import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/platform/db';
import { parseOembedRequest } from '$lib/server/embed/oembed';
import { publicOrganization } from '$lib/server/linked-data/public-organization';
import { iframeSnippet, networkEmbedUrl } from '$lib/embed/snippet';
import { m } from '$lib/i18n/generated/messages.js';
import type { RequestHandler } from './$types';

/** GET /api/oembed?url=<profile or embed URL>[&maxwidth=&maxheight=&format=json]: a "rich" oEmbed answer. */
export const GET: RequestHandler = async ({ url }) => {
  const request = parseOembedRequest(url.searchParams, url.origin);
  if (!request.ok) {
    return json(
      { error: { field: request.field, message: `${request.field}: ${request.message}` } },
      { status: request.status }
    );
  }
  const org = await publicOrganization(getDb(), request.slug);
  if (!org) {
    return json(
      { error: { field: 'url', message: `url: no organisation with the slug "${request.slug}"` } },
      { status: 404 }
    );
  }
  const title = m.opendata_embed_network_title({ name: org.name });
  return json(
    {
      version: '1.0',
      type: 'rich',
      provider_name: m.site_name(),
      provider_url: new URL('/', url.origin).href,
      title,
      html: iframeSnippet(networkEmbedUrl(org.slug, url.origin), title, request.width, request.height),
      width: request.width,
      height: request.height
    },
    // Public data, the same for everyone.
    { headers: { 'cache-control': 'public, max-age=300' } }
  );
};
