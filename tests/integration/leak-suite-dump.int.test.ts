/**
 * The leak suite, public data dump (issue #16 part 5): `npm run dump` writes what an anonymous visitor may see,
 * whoever runs it. On the leak graph (tests/factories/leak-graph.ts) every file of the dump must hold the public
 * partnerships and grant and none of the MEMBERS or PRIVATE ones (nor proposals, nor a proposer's note, nor a
 * private contact email); /api/open-data/<file> serves exactly those files and nothing else from the folder.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = await mkdtemp(join(tmpdir(), 'atlas-dump-'));
// Before any app module reads the (cached) environment, so the route serves this folder.
process.env.OPEN_DATA_DIR = dir;
process.env.OPEN_DATA_LICENCE = 'https://creativecommons.org/publicdomain/zero/1.0/';

const { getDb } = await import('../../src/lib/server/platform/db');
const { env } = await import('../../src/lib/server/env');
const { DUMP_FILES, dumpDir } = await import('../../src/lib/server/open-data/dump-files');
const { writeDump } = await import('../../src/lib/server/open-data/write-dump');
const { validatePackage } = await import('../../src/lib/server/giving360/validate');
const { GET } = await import('../../src/routes/api/open-data/[file]/+server');
const { buildLeakGraph } = await import('../factories/leak-graph');

const PUBLIC_PARTNERSHIPS = ['p-alder-hub', 'p-far-birch', 'p-hub-far', 'p-north-1-2', 'p-south-3-1'];
const HIDDEN = [
  'p-alder-birch',
  'p-alder-mid',
  'p-mid-birch',
  'p-coimbra-cork',
  'p-cork-espoo',
  'p-lux',
  'p-bridge-north-1',
  'p-far-mid-ended',
  'p-hub-birch-proposed',
  'note of',
  'Members grant',
  'Private grant',
  'alder@leak.test'
];

const files: Record<string, string> = {};

beforeAll(async () => {
  await buildLeakGraph(getDb());
  expect(dumpDir()).toBe(dir);
  await writeDump({ dir, licence: env().OPEN_DATA_LICENCE });
  for (const name of Object.keys(DUMP_FILES)) files[name] = await readFile(join(dir, name), 'utf8');
});

async function download(file: string): Promise<Response> {
  try {
    return await GET({ params: { file } } as never);
  } catch (e) {
    // SvelteKit's error() throws an HttpError with the status.
    return new Response(null, { status: (e as { status?: number }).status ?? 500 });
  }
}

describe('public data dump', () => {
  it('writes every file, and nothing else is left in the folder', async () => {
    expect((await readdir(dir)).sort()).toEqual(Object.keys(DUMP_FILES).sort());
  });

  it.each(Object.keys(DUMP_FILES))('%s holds no MEMBERS or PRIVATE record', (name) => {
    for (const hidden of HIDDEN) expect(files[name], `${name} contains "${hidden}"`).not.toContain(hidden);
  });

  it('holds the public records', () => {
    for (const key of PUBLIC_PARTNERSHIPS) {
      expect(files['partnerships.csv']).toContain(key);
      expect(files['atlas.graphml']).toContain(key);
    }
    expect(files['organizations.csv']).toContain('Alder');
    const giving = JSON.parse(files['grants-360giving.json']);
    expect(giving.grants.map((g: { title: string }) => g.title)).toEqual(['Public grant']);
    expect(validatePackage(giving)).toEqual([]);
  });

  it('names the configured licence in the README, the manifest and the 360Giving package', () => {
    const licence = 'https://creativecommons.org/publicdomain/zero/1.0/';
    expect(files['README.md']).toContain(licence);
    expect(files['README.md']).toContain('CC0 1.0');
    expect(JSON.parse(files['manifest.json']).licence).toBe(licence);
    expect(JSON.parse(files['grants-360giving.json']).license).toBe(licence);
    const manifest = JSON.parse(files['manifest.json']);
    expect(manifest.files.find((f: { name: string }) => f.name === 'partnerships.csv').records).toBe(
      files['partnerships.csv'].trim().split('\n').length - 1
    );
  });

  it('is served from /api/open-data/<file>, and only the dump files are', async () => {
    const csv = await download('partnerships.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toBe(files['partnerships.csv']);
    await writeFile(join(dir, 'secret.txt'), 'not for download');
    expect((await download('secret.txt')).status).toBe(404);
    expect((await download('..%2Fpasswd')).status).toBe(404);
  });
});
