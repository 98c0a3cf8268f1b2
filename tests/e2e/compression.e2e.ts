/**
 * Issue 13: what the app renders goes out compressed when the client accepts it — a page (/directory), an API
 * answer (/graphql) and a CSV export — through the built app (`node build`), so the real wiring in
 * hooks.server.ts is what is checked. fetch decodes the body transparently, so the tests also read the text.
 */
import { inject, describe, expect, it } from 'vitest';

const base = () => inject('baseUrl');

async function get(path: string, acceptEncoding: string, init: RequestInit = {}) {
  const response = await fetch(new URL(path, base()), {
    ...init,
    headers: { ...(init.headers as Record<string, string>), 'accept-encoding': acceptEncoding }
  });
  return { response, text: await response.text() };
}

const graphql = (acceptEncoding: string) =>
  get('/graphql', acceptEncoding, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ organizations(first: 50) { totalCount nodes { slug name description } } }' })
  });

describe('response compression', () => {
  it('sends the directory page with brotli, or gzip when that is all the client takes', async () => {
    const br = await get('/directory', 'br, gzip');
    expect(br.response.status).toBe(200);
    expect(br.response.headers.get('content-encoding')).toBe('br');
    expect(br.response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.text).toContain('</html>');

    const gzip = await get('/directory', 'gzip');
    expect(gzip.response.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.text).toContain('</html>');
  });

  it('compresses /graphql answers and leaves them as they are for a client that accepts no encoding', async () => {
    const gzip = await graphql('gzip, deflate');
    expect(gzip.response.status).toBe(200);
    expect(gzip.response.headers.get('content-encoding')).toBe('gzip');
    const data = JSON.parse(gzip.text) as { data: { organizations: { totalCount: number } } };
    expect(data.data.organizations.totalCount).toBeGreaterThan(0);

    const identity = await graphql('identity');
    expect(identity.response.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(identity.text)).toEqual(data);
  });

  it('compresses a CSV export', async () => {
    const { response, text } = await get('/dashboard/export/countries.csv', 'br');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(text.split('\n').length).toBeGreaterThan(2);
  });
});
