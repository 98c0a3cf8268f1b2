import { EMBED_HEIGHT, EMBED_WIDTH } from '$lib/embed/snippet';

/**
 * Reading an oEmbed request (https://oembed.com, section 2.2): `url` must be a profile or network embed page of
 * this site; `maxwidth`/`maxheight` shrink the frame; only the JSON format is offered. The answer's status follows
 * the spec: 404 for a URL we cannot embed, 501 for another format, 400 for a malformed parameter.
 */
export type OembedRequest =
  | { ok: true; slug: string; width: number; height: number }
  | { ok: false; status: 400 | 404 | 501; field: string; message: string };

const EMBEDDABLE = /^\/(?:embed\/)?organizations\/([^/]+)(?:\/network)?\/?$/;

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
  const match = EMBEDDABLE.exec(target.pathname);
  if (!match) {
    return { ok: false, status: 404, field: 'url', message: 'is not an organisation profile or network embed' };
  }
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return { ok: false, status: 400, field: 'url', message: 'has a malformed organisation slug' };
  }
  const width = size(params.get('maxwidth'), EMBED_WIDTH);
  if (width === null) return { ok: false, status: 400, field: 'maxwidth', message: 'must be a positive whole number' };
  const height = size(params.get('maxheight'), EMBED_HEIGHT);
  if (height === null) {
    return { ok: false, status: 400, field: 'maxheight', message: 'must be a positive whole number' };
  }
  return { ok: true, slug, width, height };
}
