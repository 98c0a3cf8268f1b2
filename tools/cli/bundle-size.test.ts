import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownReport, measureBuild, overBudget } from './bundle-size';

/** A miniature SvelteKit build: the manifest, two node modules and the client files they name. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-bundle-size-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write(
    'server/manifest.js',
    `export const manifest = { _: {
      client: { start: "_app/start.js", app: "_app/app.js", imports: ["_app/start.js", "_app/shared.js", "_app/app.js", "_app/shared.js"], stylesheets: [] },
      nodes: [],
      routes: [
        { id: "/", page: { layouts: [0,], errors: [1,], leaf: 2 }, endpoint: null },
        { id: "/api", page: null, endpoint: () => import('./nowhere.js') },
        { id: "/directory", page: { layouts: [0,], errors: [1,], leaf: 3 }, endpoint: null }
      ] } };`
  );
  const node = (i: number, js: string[], css: string[]) =>
    write(
      `server/nodes/${i}.js`,
      `import * as server from '../entries/does-not-exist.js';\nexport const index = ${i};\n` +
        `export const imports = ${JSON.stringify(js)};\nexport const stylesheets = ${JSON.stringify(css)};\nexport const fonts = [];\n`
    );
  node(0, ['_app/nodes/0.js', '_app/shared.js'], ['_app/layout.css']);
  node(2, ['_app/nodes/2.js'], []);
  node(3, ['_app/nodes/3.js', '_app/big.js', '_app/shared.js'], []);
  write('client/_app/start.js', 's'.repeat(100));
  write('client/_app/app.js', 'a'.repeat(200));
  write('client/_app/shared.js', 'x'.repeat(1000));
  write('client/_app/nodes/0.js', 'l'.repeat(10));
  write('client/_app/nodes/2.js', 'h'.repeat(20));
  write('client/_app/nodes/3.js', 'd'.repeat(30));
  write('client/_app/big.js', Array.from({ length: 4000 }, (_, i) => ((i * 7919) % 9973).toString(36)).join(''));
  write('client/_app/layout.css', 'body{}');
  return root;
}

const root = fakeBuild();
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bundle size', () => {
  it('counts the entry and each route’s nodes with their imports, every file once, without loading server code', async () => {
    const report = await measureBuild(root);
    expect(report.routes.map((r) => r.route)).toEqual(['/', '/directory']);
    const [home, directory] = report.routes;
    expect(report.entry.js).toEqual(['_app/start.js', '_app/app.js', '_app/shared.js']);
    expect(home!.js).toEqual(['_app/start.js', '_app/app.js', '_app/shared.js', '_app/nodes/0.js', '_app/nodes/2.js']);
    expect(home!.jsSize.raw).toBe(100 + 200 + 1000 + 10 + 20);
    expect(home!.css).toEqual(['_app/layout.css']);
    expect(directory!.js).toContain('_app/big.js');
    expect(directory!.js.filter((f) => f === '_app/shared.js')).toHaveLength(1);
    const gzipOf = (text: string) => gzipSync(text, { level: 9 }).length;
    expect(home!.jsSize.gzip).toBe(
      [100, 200, 1000].map((n, i) => gzipOf(['s', 'a', 'x'][i]!.repeat(n))).reduce((a, b) => a + b) +
        gzipOf('l'.repeat(10)) +
        gzipOf('h'.repeat(20))
    );
  });

  it('reports routes over their budget and passes those within it', async () => {
    const report = await measureBuild(root);
    const directory = report.routes.find((r) => r.route === '/directory')!;
    expect(overBudget(report, { '/directory': directory.jsSize.gzip })).toEqual([]);
    expect(overBudget(report, { '/directory': directory.jsSize.gzip - 1 })[0]).toMatch(/^\/directory: .* gz > budget/);
    expect(overBudget(report, { '/missing': 1 })).toEqual(['/missing: not in the build']);
    expect(markdownReport(report, { '/directory': 1 })).toContain('| `/directory` |');
  });

  it('says how to make a build when there is none', async () => {
    await expect(measureBuild(join(root, 'nothing-here'))).rejects.toThrow(/run `npx vite build` first/);
  });
});
