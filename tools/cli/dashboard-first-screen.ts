/**
 * npx tsx tools/cli/dashboard-first-screen.ts [--build <dir>] [--path /dashboard] [--requests 3] [--wait <s>] [--verbose]
 *
 * What a visitor's first look at the dashboard costs (issue 13, item 4; decision 0052): starts `node build` (or
 * the build in --build) fresh against the stores in DATABASE_URL / NEO4J_URI (e.g. the bench's, after
 * `npm run bench -- --setup-only`), waits for /readyz (and --wait seconds more: the start's warm-up runs in the
 * first seconds), then asks the page --requests times one after the other and prints each request's time, and
 * the first screen's bytes on the wire with `Accept-Encoding: br, gzip` (tools/bench/first-screen.ts). Reads
 * only; the app itself writes what it always writes (rate-limit rows, its warm-up).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { measureFirstScreen } from '../bench/first-screen';
import { startAppServer } from '../process/app-server';
import { freePort } from '../process/ports';

const RAISED = '100000000';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      build: { type: 'string' },
      path: { type: 'string', default: '/dashboard' },
      requests: { type: 'string', default: '3' },
      wait: { type: 'string', default: '0' },
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
    await new Promise((r) => setTimeout(r, Number(values.wait) * 1000));
    const url = `${app.url}${values.path}`;
    for (let i = 1; i <= Number(values.requests); i += 1) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
      const html = await res.text();
      console.log(`request ${i}: ${res.status} ${Math.round(performance.now() - t0)} ms, ${html.length} chars HTML`);
    }
    const screen = await measureFirstScreen(url);
    if (values.verbose) for (const f of screen.files) console.log(`  ${f.path}: ${f.bytes} B`);
    const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    console.log(
      `first screen on the wire: HTML ${kB(screen.htmlBytes)} (${screen.htmlEncoding}; ` +
        `${kB(Buffer.byteLength(screen.html))} decoded) + JS ${kB(screen.jsBytes)} + CSS ${kB(screen.cssBytes)} ` +
        `(${screen.files.length} files) = ${kB(screen.total)}`
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
