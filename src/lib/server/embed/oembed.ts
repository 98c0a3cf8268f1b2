import { EMBED_HEIGHT, EMBED_WIDTH } from '$lib/embed/snippet';

/**
 * Reading an oEmbed request (https://oembed.com, section 2.2): `url` must be a page of this site with an
 * embeddable view — a profile or its network embed, the directory's map or its embed, the coalition builder or its
 * embed (the map and coalition keep the page's own parameters); `maxwidth`/`maxheight` shrink the frame; only the JSON format is offered. The answer's status follows
 * the spec: 404 for a URL we cannot embed, 501 for another format, 400 for a malformed parameter.
 */
export type OembedRequest =
  | { ok: true; target: EmbedTarget; width: number; height: number }
  | { ok: false; status: 400 | 404 | 501; field: string; message: string };

export type EmbedTarget = { view: 'network'; slug: string } | { view: 'map' | 'coalition'; search: string };

const NETWORK = /^\/(?:embed\/)?organizations\/([^/]+)(?:\/network)?\/?$/;
const VIEWS: Record<string, 'map' | 'coalition'> = {
  '/directory/map': 'map',
  '/embed/map': 'map',
  '/coalitions': 'coalition',
  '/embed/coalition': 'coalition'
};

/** The view a URL of this site can be embedded as, or a reason why not. */
function embedTarget(target: URL): EmbedTarget | { field: string; message: string; status: 400 | 404 } {
  const view = VIEWS[target.pathname.replace(/\/$/, '')];
  if (view) return { view, search: target.search.replace(/^\?/, '') };
  const match = NETWORK.exec(target.pathname);
  if (!match) {
    return { status: 404, field: 'url', message: 'is not an organisation profile, a directory map or a coalition' };
  }
  try {
    return { view: 'network', slug: decodeURIComponent(match[1]!) };
  } catch {
    return { status: 400, field: 'url', message: 'has a malformed organisation slug' };
  }
}

function size(raw: string | null, fallback: number): number | null {
  if (raw === null) return fallback;
  if (!/^[1-9][0-9]{0,4}$/.test(raw)) return null;
  return Math.min(fallback, Number(raw));
}

export function parseOembedRequest(params: URLSearchParams, origin: string): OembedRequest {
  const format = params.get('format');
  if (format !== null && format !== 'json') {
    return { ok: false, status: 501, field: 'format', message: `only "json" is offered (got "${format}")` };
  }
  const raw = params.get('url');
  if (!raw) return { ok: false, status: 400, field: 'url', message: 'is required' };
  let target: URL;
  try {
    target = new URL(raw);
  } catch {
    return { ok: false, status: 400, field: 'url', message: `is not an absolute URL (got "${raw}")` };
  }
  if (target.origin !== origin) {
    return { ok: false, status: 404, field: 'url', message: `is not a page of ${origin}` };
  }
  const embed = embedTarget(target);
  if ('status' in embed) return { ok: false, ...embed };
  const width = size(params.get('maxwidth'), EMBED_WIDTH);
  if (width === null) return { ok: false, status: 400, field: 'maxwidth', message: 'must be a positive whole number' };
  const height = size(params.get('maxheight'), EMBED_HEIGHT);
  if (height === null) {
    return { ok: false, status: 400, field: 'maxheight', message: 'must be a positive whole number' };
  }
  return { ok: true, target: embed, width, height };
}
