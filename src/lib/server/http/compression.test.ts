import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseEncoding, withCompression } from './compression';

const html = `<!doctype html><html><body>${'<p>Atlas</p>'.repeat(500)}</body></html>`;
const page = (body = html, headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' }) =>
  new Response(body, { headers });
const request = (acceptEncoding?: string, method = 'GET') =>
  new Request('http://atlas.test/directory', {
    method,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
  });

describe('chooseEncoding', () => {
  it.each([
    [null, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0', null],
    ['br;q=0, *', 'gzip'],
    ['GZIP;Q=0.5', 'gzip']
  ])('%j → %j', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('withCompression', () => {
  it('encodes HTML with brotli and gzip so that it decodes to the same bytes', async () => {
    const br = withCompression({ request: request('br') }, page());
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(html);

    const gz = withCompression({ request: request('gzip') }, page());
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(html);
  });

  it('keeps status and headers, drops Content-Length and extends Vary', async () => {
    const response = new Response(html, {
      status: 404,
      headers: { 'content-type': 'application/json', 'content-length': String(html.length), vary: 'Cookie', 'x-a': '1' }
    });
    const out = withCompression({ request: request('gzip') }, response);
    expect(out.status).toBe(404);
    expect(out.headers.get('content-length')).toBeNull();
    expect(out.headers.get('vary')).toBe('Cookie, Accept-Encoding');
    expect(out.headers.get('x-a')).toBe('1');
    expect(gunzipSync(Buffer.from(await out.arrayBuffer())).toString()).toBe(html);
  });

  it('leaves alone what should not be encoded', () => {
    const untouched = [
      [request('gzip'), page(html, { 'content-type': 'image/png' })],
      [request('gzip'), page(html, { 'content-type': 'text/event-stream' })],
      [request('gzip'), page('<p>small</p>', { 'content-type': 'text/html', 'content-length': '12' })],
      [request('gzip'), page(html, { 'content-type': 'text/html', 'content-encoding': 'br' })]
    ] as const;
    for (const [req, res] of untouched) expect(withCompression({ request: req }, res)).toBe(res);
    const sub = page();
    expect(withCompression({ request: request('gzip'), isSubRequest: true }, sub)).toBe(sub);
    expect(withCompression({ request: request('gzip', 'HEAD') }, page()).headers.get('content-encoding')).toBeNull();
    expect(withCompression({ request: request() }, page()).headers.get('content-encoding')).toBeNull();
  });

  it('round-trips any text body under either encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 0, maxLength: 4000 }),
        fc.constantFrom('br', 'gzip'),
        async (text, enc) => {
          const out = withCompression({ request: request(enc) }, page(text, { 'content-type': 'text/csv' }));
          const bytes = Buffer.from(await out.arrayBuffer());
          const encoding = out.headers.get('content-encoding');
          const decoded =
            encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;
          expect(decoded.toString()).toBe(text);
        }
      ),
      { numRuns: 40 }
    );
  });
});
