/**
 * npx tsx tools/cli/dashboard-first-screen.ts [--build <dir>] [--path /dashboard] [--requests 3]
 *
 * What a visitor's first look at the dashboard costs (issue 13, item 4; decision 0052): starts `node build` (or
 * the build in --build) fresh against the stores in DATABASE_URL / NEO4J_URI (e.g. the bench's, after
 * `npm run bench -- --setup-only`), waits for /readyz, then asks the page --requests times one after the other
 * and prints each request's time, and the first screen's bytes on the wire with `Accept-Encoding: br, gzip`: the
 * HTML and the JavaScript and CSS it names (modulepreload and stylesheet links, as the browser fetches them
 * before it can start). Reads only; the app itself writes what it always writes (rate-limit rows, its warm-up).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startAppServer } from '../process/app-server';
import { freePort } from '../process/ports';

const RAISED = '100000000';

/** The stylesheets and entry modules the HTML names, and the route nodes (by index) it starts. */
function firstScreenAssets(html: string): string[] & { nodeIds: number[] } {
  const links = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /rel="(modulepreload|stylesheet)"/.test(tag))
    .flatMap((tag) => /href="([^"]+)"/.exec(tag)?.[1] ?? []);
  const entries = [...html.matchAll(/import\("([^"]+\/entry\/[^"]+\.js)"\)/g)].map((m) => m[1]!);
  const nodeIds = JSON.parse(/node_ids:\s*(\[[\d,\s]*\])/.exec(html)?.[1] ?? '[]') as number[];
  return Object.assign([...new Set([...links, ...entries])], { nodeIds });
}

async function wireBytes(
  url: string
): Promise<{ status: number; bytes: number; raw: number; encoding: string; body: string }> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' }, redirect: 'manual' });
  // fetch decodes the body: an encoded one is measured again through node:http, which does not.
  const buffer = Buffer.from(await res.arrayBuffer());
  const raw = buffer.length;
  const encoding = res.headers.get('content-encoding') ?? 'identity';
  let bytes = Number(res.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(bytes) || encoding !== 'identity') bytes = await encodedLength(url);
  return { status: res.status, bytes, raw, encoding, body: buffer.toString('utf8') };
}

/** The body's length as sent (still encoded), with node:http, which does not decode. */
async function encodedLength(url: string): Promise<number> {
  const { request } = await import('node:http');
  return new Promise((resolveLength, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => (n += chunk.length));
      res.on('end', () => resolveLength(n));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      build: { type: 'string' },
      path: { type: 'string', default: '/dashboard' },
      requests: { type: 'string', default: '3' },
      verbose: { type: 'boolean', default: false }
    }
  });
  const root = process.cwd();
  const port = await freePort();
  const app = await startAppServer({
    root,
    buildDir: values.build ? resolve(values.build) : undefined,
    port,
    env: {
      NODE_ENV: 'production',
      API_RATE_LIMIT_PER_MINUTE: RAISED,
      API_RATE_LIMIT_ANONYMOUS_PER_MINUTE: RAISED
    }
  });
  const started = performance.now();
  try {
    for (;;) {
      const ready = await fetch(`${app.url}/readyz`).catch(() => null);
      if (ready?.ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`ready after ${Math.round(performance.now() - started)} ms (load ${loadAverage()})`);
    const url = `${app.url}${values.path}`;
    for (let i = 1; i <= Number(values.requests); i += 1) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
      const html = await res.text();
      console.log(`request ${i}: ${res.status} ${Math.round(performance.now() - t0)} ms, ${html.length} chars HTML`);
    }
    const page = await wireBytes(url);
    const html = await (await fetch(url)).text();
    const assets = firstScreenAssets(html);
    let js = 0;
    let css = 0;
    const seen = new Set<string>();
    const queue = [...assets.map((href) => new URL(href, url).href)];
    while (queue.length > 0) {
      const href = queue.shift()!;
      if (seen.has(href)) continue;
      seen.add(href);
      const { bytes, encoding, status, body } = await wireBytes(href);
      if (values.verbose) console.log(`  ${new URL(href).pathname}: ${status} ${encoding} ${bytes} B`);
      if (href.endsWith('.css')) {
        css += bytes;
        continue;
      }
      js += bytes;
      // Static imports load before the module runs; dynamic ones only the route nodes this page starts with.
      for (const m of body.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) queue.push(new URL(m[1]!, href).href);
      for (const m of body.matchAll(/import\(["`](\.{1,2}\/nodes\/(\d+)\.[^"`]+\.js)["`]\)/g)) {
        if (assets.nodeIds.includes(Number(m[2]))) queue.push(new URL(m[1]!, href).href);
      }
    }
    const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    console.log(
      `first screen on the wire: HTML ${kB(page.bytes)} (${page.encoding}; ${kB(page.raw)} decoded) + JS ${kB(js)} ` +
        `+ CSS ${kB(css)} (${seen.size} files) = ${kB(page.bytes + js + css)}`
    );
    console.log(`load ${loadAverage()}`);
  } finally {
    await app.stop();
  }
}

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
