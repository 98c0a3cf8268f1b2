/**
 * Response compression for what the app renders itself (pages, /graphql, CSV exports). Static assets under
 * /_app are served before `handle` by adapter-node, precompressed at build time.
 *
 * Brotli when the client accepts it (smaller HTML and JSON), else gzip, else the body as it is. Node's zlib does
 * the work, streaming: a page SvelteKit streams is still sent as it renders. Brotli runs at quality 4 — the
 * default (11) costs tens of milliseconds per 100 kB, quality 4 is still smaller than gzip and about as fast.
 */
import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Types worth compressing; images, archives and already-encoded bodies are not. */
const COMPRESSIBLE =
  /^(text\/(html|csv|plain|css|javascript)|application\/(json|graphql-response\+json|javascript|xml)|image\/svg\+xml)\b/i;

/** Below this a compressed body is barely smaller, and the framing can make it larger. */
const MIN_BYTES = 1024;

/**
 * The encoding to answer with, from an Accept-Encoding header: br, then gzip; an explicit `q=0` refuses one.
 * `*` accepts either. Null: send the body as it is.
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name: Encoding) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

function shouldCompress(response: Response): boolean {
  if (!response.body || response.headers.has('content-encoding')) return false;
  if (response.status === 204 || response.status === 304 || response.status < 200) return false;
  // A stream of events (GraphQL subscriptions over SSE) must reach the client as each event is written.
  const type = response.headers.get('content-type') ?? '';
  if (!COMPRESSIBLE.test(type)) return false;
  const length = response.headers.get('content-length');
  return length === null || Number(length) >= MIN_BYTES;
}

function compressor(encoding: Encoding) {
  return encoding === 'br'
    ? createBrotliCompress({
        params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT }
      })
    : createGzip({ level: 6 });
}

/**
 * The response, compressed for this request when worthwhile. Headers stay as they were except Content-Encoding
 * (set), Content-Length (dropped: the length changes) and Vary (gains Accept-Encoding, so caches keep both).
 */
export function withCompression(event: { request: Request; isSubRequest?: boolean }, response: Response): Response {
  // A load function's fetch of /graphql is answered in process and read as it is: never encode it.
  if (event.isSubRequest || !shouldCompress(response)) return response;
  const { request } = event;
  const encoding = request.method === 'HEAD' ? null : chooseEncoding(request.headers.get('accept-encoding'));
  // A copy of the headers: a response's own may be immutable (one made by fetch, Response.redirect …).
  const headers = new Headers(response.headers);
  const vary = headers.get('vary');
  if (!/\baccept-encoding\b|^\s*\*\s*$/i.test(vary ?? '')) {
    headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  }
  let body: ReadableStream<Uint8Array> | null = response.body;
  if (encoding) {
    const compress = compressor(encoding);
    // pipeline, not pipe: a failing source (a render error mid-stream) destroys the compressor, which ends the
    // client's stream with an error instead of leaving it open.
    pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), compress, () => {});
    body = Readable.toWeb(compress) as unknown as ReadableStream<Uint8Array>;
    headers.set('content-encoding', encoding);
    headers.delete('content-length');
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
