/**
 * The iframe snippet for an embeddable view: the same markup for the profile's "Embed" box and the oEmbed
 * answer (/api/oembed), with every attribute value escaped.
 */
export const EMBED_WIDTH = 600;
export const EMBED_HEIGHT = 480;

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const attribute = (value: string) => value.replace(/[&"<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

export function networkEmbedUrl(slug: string, origin: string): string {
  return new URL(`/embed/organizations/${encodeURIComponent(slug)}/network`, origin).href;
}

/** The embeddable map of a directory filter or a coalition request, from that page's own URL parameters. */
export function viewEmbedUrl(view: 'map' | 'coalition', search: string, origin: string): string {
  const url = new URL(`/embed/${view}`, origin);
  url.search = search;
  return url.href;
}

/** The oEmbed discovery link (`<link rel="alternate" type="application/json+oembed">`) of an embeddable page. */
export function oembedHref(pageUrl: string): string {
  return `/api/oembed?url=${encodeURIComponent(pageUrl)}`;
}

export function iframeSnippet(src: string, title: string, width = EMBED_WIDTH, height = EMBED_HEIGHT): string {
  return (
    `<iframe src="${attribute(src)}" width="${width}" height="${height}" title="${attribute(title)}" ` +
    `loading="lazy" style="border:0;max-width:100%"></iframe>`
  );
}
