/**
 * A page's first screen on the wire (decision 0052): the HTML as sent with `Accept-Encoding: br, gzip`, and the
 * JavaScript and CSS the browser fetches before the page can start — the stylesheets and entry modules the HTML
 * names, the route nodes it starts (`node_ids`) and their static imports, transitively; dynamic imports (sections
 * loaded when scrolled to) are not counted. Bytes are the encoded bodies, as they cross the network.
 */
import { request } from 'node:http';

export interface FirstScreen {
  /** The HTML, decoded. */
  html: string;
  htmlBytes: number;
  htmlEncoding: string;
  jsBytes: number;
  cssBytes: number;
  files: { path: string; bytes: number }[];
  total: number;
}

interface Fetched {
  status: number;
  bytes: number;
  encoding: string;
  body: string;
}

/** The body's length as sent (still encoded; node:http does not decode), and the body decoded by fetch. */
async function fetchEncoded(url: string): Promise<Fetched> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
  const body = await res.text();
  const encoding = res.headers.get('content-encoding') ?? 'identity';
  const bytes =
    encoding === 'identity'
      ? Buffer.byteLength(body)
      : await new Promise<number>((resolve, reject) => {
          const req = request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (raw) => {
            let n = 0;
            raw.on('data', (chunk: Buffer) => (n += chunk.length));
            raw.on('end', () => resolve(n));
            raw.on('error', reject);
          });
          req.on('error', reject);
          req.end();
        });
  return { status: res.status, bytes, encoding, body };
}

export async function measureFirstScreen(pageUrl: string): Promise<FirstScreen> {
  const page = await fetchEncoded(pageUrl);
  if (page.status !== 200) throw new Error(`${pageUrl}: ${page.status}`);
  const html = page.body;
  const links = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /rel="(modulepreload|stylesheet)"/.test(tag))
    .flatMap((tag) => /href="([^"]+)"/.exec(tag)?.[1] ?? []);
  const entries = [...html.matchAll(/import\("([^"]+\/entry\/[^"]+\.js)"\)/g)].map((m) => m[1]!);
  const nodeIds = JSON.parse(/node_ids:\s*(\[[\d,\s]*\])/.exec(html)?.[1] ?? '[]') as number[];

  const files: FirstScreen['files'] = [];
  let jsBytes = 0;
  let cssBytes = 0;
  const seen = new Set<string>();
  const queue = [...links, ...entries].map((href) => new URL(href, pageUrl).href);
  while (queue.length > 0) {
    const href = queue.shift()!;
    if (seen.has(href)) continue;
    seen.add(href);
    const asset = await fetchEncoded(href);
    if (asset.status !== 200) throw new Error(`${href}: ${asset.status}`);
    files.push({ path: new URL(href).pathname, bytes: asset.bytes });
    if (href.endsWith('.css')) {
      cssBytes += asset.bytes;
      continue;
    }
    jsBytes += asset.bytes;
    // Static imports load before a module runs; of the dynamic ones, only the route nodes the page starts with.
    for (const m of asset.body.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g))
      queue.push(new URL(m[1]!, href).href);
    for (const m of asset.body.matchAll(/import\(["`](\.{1,2}\/nodes\/(\d+)\.[^"`]+\.js)["`]\)/g)) {
      if (nodeIds.includes(Number(m[2]))) queue.push(new URL(m[1]!, href).href);
    }
  }
  return {
    html,
    htmlBytes: page.bytes,
    htmlEncoding: page.encoding,
    jsBytes,
    cssBytes,
    files,
    total: page.bytes + jsBytes + cssBytes
  };
}
