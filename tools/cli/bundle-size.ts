/**
 * npx tsx tools/cli/bundle-size.ts [--build .svelte-kit/output] [--out docs/bundle-size.md] [--no-write]
 *
 * How much JavaScript a first visit to each page downloads, from the production build (`vite build`): SvelteKit's
 * client entry (start + app) and the route's layout and page nodes with everything they import statically,
 * each file counted once — the same files the server lists as <link rel="modulepreload"> in the page's HTML.
 * Chunks a page loads later with import() (e.g. the network graph's sigma) are not part of a first visit.
 * Sizes are raw and gzip level 9 (what adapter-node's precompressed .gz files use) in kB of 1000 bytes.
 * Writes docs/bundle-size.md and exits 1 when a page is over its budget (issue #5: the directory ≤ 200 kB gz).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Gzipped JavaScript budgets per route id, in bytes. */
export const BUDGETS: Record<string, number> = { '/directory': 200_000 };

export interface Size {
  raw: number;
  gzip: number;
}

export interface RouteBundle {
  route: string;
  /** Client files (relative to the client output folder), each once. */
  js: string[];
  css: string[];
  jsSize: Size;
  cssSize: Size;
}

export interface BuildReport {
  /** The files every page loads: SvelteKit's client entry and its imports. */
  entry: { js: string[]; size: Size };
  routes: RouteBundle[];
}

interface ServerManifest {
  _: {
    client: { start: string; app: string; imports: string[]; stylesheets?: string[] };
    routes: { id: string; page: { layouts: (number | undefined)[]; leaf: number } | null }[];
  };
}

/**
 * A node module's `imports`/`stylesheets` lists, read as text: importing the module would also load the page's
 * server code (database clients and all) just to read two arrays.
 */
function nodeAssets(serverDir: string, index: number): { js: string[]; css: string[] } {
  const source = readFileSync(join(serverDir, 'nodes', `${index}.js`), 'utf8');
  const list = (name: string): string[] => {
    const match = new RegExp(`export const ${name} = (\\[[^\\]]*\\]);`).exec(source);
    if (!match)
      throw new Error(`${join(serverDir, 'nodes', `${index}.js`)} has no "${name}" list: not a SvelteKit 2 build?`);
    return JSON.parse(match[1]!) as string[];
  };
  return { js: list('imports'), css: list('stylesheets') };
}

function unique(files: string[]): string[] {
  return [...new Set(files)];
}

export function measureFiles(clientDir: string, files: string[]): Size {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(clientDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Reads SvelteKit's build output (`.svelte-kit/output`, with `client/` and `server/`) and sizes every page route. */
export async function measureBuild(outputDir: string): Promise<BuildReport> {
  const serverDir = join(outputDir, 'server');
  const clientDir = join(outputDir, 'client');
  const manifestPath = join(serverDir, 'manifest.js');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `No production build at ${resolve(outputDir)} (missing server/manifest.js): run \`npx vite build\` first.`
    );
  }
  // The manifest is plain data (its node and endpoint imports are lazy), so importing it runs no app code.
  // The query string defeats Node's module cache when a long-lived process (a test run) measures a rebuilt app.
  const { manifest } = (await import(`${pathToFileURL(manifestPath).href}?t=${Date.now()}`)) as {
    manifest: ServerManifest;
  };
  const { client, routes } = manifest._;
  const entryJs = unique([client.start, client.app, ...client.imports]);

  const report: RouteBundle[] = [];
  for (const route of routes) {
    if (!route.page) continue;
    const nodes = [...route.page.layouts.filter((n): n is number => n != null), route.page.leaf];
    const assets = nodes.map((n) => nodeAssets(serverDir, n));
    const js = unique([...entryJs, ...assets.flatMap((a) => a.js)]);
    const css = unique([...(client.stylesheets ?? []), ...assets.flatMap((a) => a.css)]);
    report.push({
      route: route.id,
      js,
      css,
      jsSize: measureFiles(clientDir, js),
      cssSize: measureFiles(clientDir, css)
    });
  }
  report.sort((a, b) => a.route.localeCompare(b.route));
  return { entry: { js: entryJs, size: measureFiles(clientDir, entryJs) }, routes: report };
}

/** Routes over their budget, with the numbers. */
export function overBudget(report: BuildReport, budgets: Record<string, number> = BUDGETS): string[] {
  return Object.entries(budgets).flatMap(([route, budget]) => {
    const found = report.routes.find((r) => r.route === route);
    if (!found) return [`${route}: not in the build`];
    return found.jsSize.gzip > budget ? [`${route}: ${kB(found.jsSize.gzip)} gz > budget ${kB(budget)}`] : [];
  });
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function markdownReport(report: BuildReport, budgets: Record<string, number> = BUDGETS): string {
  const rows = report.routes.map((r) => {
    const budget = budgets[r.route];
    const status = budget === undefined ? '' : r.jsSize.gzip <= budget ? `≤ ${kB(budget)} ✓` : `> ${kB(budget)} ✗`;
    return `| \`${r.route}\` | ${r.js.length} | ${kB(r.jsSize.raw)} | **${kB(r.jsSize.gzip)}** | ${kB(r.cssSize.gzip)} | ${status} |`;
  });
  return `# Bundle size

What a first visit to each page downloads, measured from the production build by \`npx tsx tools/cli/bundle-size.ts\`
(it rewrites this file; run \`npx vite build\` first). JavaScript is SvelteKit's client entry plus the route's layout
and page nodes with their static imports, each file counted once: the files the page's HTML preloads. Chunks loaded
later with \`import()\` (the network graph, maps loaded on demand) are not counted. Gzip level 9, 1 kB = 1000 bytes.

Budget (issue #5): the directory page's JavaScript at most 200 kB gzipped. \`tests/e2e/directory.e2e.ts\` checks it
against the build each browser-test run uses, so a change that breaks the budget fails the tests.

Shared by every page (client entry, ${report.entry.js.length} files): ${kB(report.entry.size.raw)} raw,
**${kB(report.entry.size.gzip)} gzipped**.

| page route | JS files | JS raw | JS gzip | CSS gzip | budget |
| --- | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}
`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      build: { type: 'string', default: '.svelte-kit/output' },
      out: { type: 'string', default: 'docs/bundle-size.md' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  if (values.help) {
    console.log(
      'usage: tsx tools/cli/bundle-size.ts [--build .svelte-kit/output] [--out docs/bundle-size.md] [--no-write]'
    );
    return 0;
  }
  let report: BuildReport;
  try {
    report = await measureBuild(values.build);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  for (const r of report.routes) {
    console.log(
      `${r.route.padEnd(40)} ${kB(r.jsSize.gzip).padStart(10)} gz  ${kB(r.jsSize.raw).padStart(10)} raw  (${r.js.length} files)`
    );
  }
  if (!values['no-write']) {
    writeFileSync(values.out, markdownReport(report));
    console.log(`wrote ${values.out}`);
  }
  const problems = overBudget(report);
  for (const problem of problems) console.error(`over budget: ${problem}`);
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    }
  );
}
