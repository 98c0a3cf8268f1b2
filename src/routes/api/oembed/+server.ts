import { json } from '@sveltejs/kit';
import { parseOembedRequest, type EmbedTarget } from '$lib/server/embed/oembed';
import { publicOrganization } from '$lib/server/linked-data/public-organization';
import { iframeSnippet, networkEmbedUrl, viewEmbedUrl } from '$lib/embed/snippet';
import { m } from '$lib/i18n/generated/messages.js';
import type { RequestHandler } from './$types';

type Embed = { src: string; title: string } | { missing: string };

/** The frame's address and title; a network needs its organisation to exist (and says so when it does not). */
async function embedOf(target: EmbedTarget, origin: string): Promise<Embed> {
  if (target.view !== 'network') {
    const title = target.view === 'map' ? m.s23o_map_title() : m.s23o_coalition_title();
    return { src: viewEmbedUrl(target.view, target.search, origin), title };
  }
  const org = await publicOrganization(target.slug);
  if (!org) return { missing: `url: no organisation with the slug "${target.slug}"` };
  return { src: networkEmbedUrl(org.slug, origin), title: m.opendata_embed_network_title({ name: org.name }) };
}

/** GET /api/oembed?url=<embeddable page URL>[&maxwidth=&maxheight=&format=json]: a "rich" oEmbed answer. */
export const GET: RequestHandler = async ({ url }) => {
  const request = parseOembedRequest(url.searchParams, url.origin);
  if (!request.ok) {
    return json(
      { error: { field: request.field, message: `${request.field}: ${request.message}` } },
      { status: request.status }
    );
  }
  const embed = await embedOf(request.target, url.origin);
  if ('missing' in embed) return json({ error: { field: 'url', message: embed.missing } }, { status: 404 });
  return json(
    {
      version: '1.0',
      type: 'rich',
      provider_name: m.site_name(),
      provider_url: new URL('/', url.origin).href,
      title: embed.title,
      html: iframeSnippet(embed.src, embed.title, request.width, request.height),
      width: request.width,
      height: request.height
    },
    // Public data, the same for everyone.
    { headers: { 'cache-control': 'public, max-age=300' } }
  );
};
