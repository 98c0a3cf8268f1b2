/**
 * The layout's promises, checked on the source: the built app (src/, schema/) never imports the tooling in
 * tools/, the library (src/lib, schema/) never imports the pages (src/routes), and package.json's production `dependencies` hold exactly the packages the app imports at run time —
 * `npm ci --omit=dev` next to build/ must be enough to run it, and no generator or benchmark library rides along.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

const root = resolve(__dirname, '../..');
const APP_FOLDERS = ['src', 'schema'];

/** Compiled into the bundle by Vite/SvelteKit (or only types), so they are build tools, not run-time dependencies. */
const BUNDLED_AT_BUILD = new Set([
  'svelte',
  '@sveltejs/kit',
  '@sveltejs/adapter-node',
  'vite',
  'vitest',
  'graphology-types'
]);
/** Run-time dependencies reached without an import in our code (generated code, or a peer of one we import). */
const INDIRECT = new Set(['@prisma/client']);

interface ImportSite {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function importsOf(file: string): ImportSite[] {
  // Comments may name packages (JSDoc `import('x')` types) without importing them.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const sites: ImportSite[] = [];
  // Static imports/re-exports (`… from 'x'`, possibly over several lines), side-effect imports and import('x').
  const pattern =
    /^\s*(?:import|export)(\s+type)?\s[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const match of text.matchAll(pattern)) {
    const specifier = match[2] ?? match[3] ?? match[4];
    if (specifier) sites.push({ file, specifier, typeOnly: Boolean(match[1]) });
  }
  return sites;
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
const isBare = (specifier: string) =>
  !/^(\.|\/|\$|node:)/.test(specifier) && !/^virtual:|^\$app|^\$env/.test(specifier);

const appImports = APP_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder), { tests: false })).flatMap(
  importsOf
);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('what node build runs', () => {
  it('never imports from tools/', () => {
    const tools = join(root, 'tools') + sep;
    const offenders = appImports
      .filter((site) => site.specifier.startsWith('.'))
      .filter((site) => resolve(join(site.file, '..'), site.specifier).startsWith(tools))
      .map((site) => `${relative(root, site.file)} → ${site.specifier}`);
    expect(offenders).toEqual([]);
  });

  it('imports pages from the library, never the library from pages (src/lib and schema/ stay out of src/routes)', () => {
    const routes = join(root, 'src', 'routes') + sep;
    const library = [join(root, 'src', 'lib') + sep, join(root, 'schema') + sep];
    const offenders = appImports
      .filter((site) => library.some((folder) => site.file.startsWith(folder)))
      .filter((site) => site.specifier.startsWith('.'))
      .filter((site) => resolve(join(site.file, '..'), site.specifier).startsWith(routes))
      .map((site) => `${relative(root, site.file)} → ${site.specifier}`);
    expect(offenders).toEqual([]);
  });

  it('finds every run-time package it imports among the production dependencies', () => {
    const missing = appImports
      .filter((site) => !site.typeOnly && isBare(site.specifier))
      .map((site) => packageName(site.specifier))
      .filter((name) => !BUNDLED_AT_BUILD.has(name) && !(name in pkg.dependencies));
    expect([...new Set(missing)].sort()).toEqual([]);
  });

  it('holds no production dependency that the app does not import', () => {
    const used = new Set(
      appImports.filter((site) => isBare(site.specifier)).map((site) => packageName(site.specifier))
    );
    const unused = Object.keys(pkg.dependencies).filter((name) => !used.has(name) && !INDIRECT.has(name));
    expect(unused).toEqual([]);
  });
});
