/**
 * Issue 13, point 6: an import keeps memory bounded whatever the file's size. The import CLI runs in a child
 * process whose V8 heap is capped below the size of the generated file, so an importer that held the whole file
 * (as the first one did: it died with "JavaScript heap out of memory" on 2M partnerships) cannot pass. The file
 * also goes past the streaming batch size many times over, with a repeated external id in a later batch to show
 * the all-or-nothing rule holds across batches.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { getDriver, graphDatabase } from '../../src/lib/server/platform/neo4j';

const HEAP_MB = 128;
const FILE_MB = 150;
const DESCRIPTION = 'Legal aid and language courses for newly arrived families. '.repeat(80); // ≈ 4.7 kB
const HEADER = 'external_id,name,type,description,hq_country,countries,themes\n';
const dir = mkdtempSync(join(tmpdir(), 'atlas-import-heap-'));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  // The import projected ~30k large organisations into the shared test Neo4j: removed here in small transactions,
  // or the next file's one-transaction wipe would pass Neo4j's per-transaction memory limit.
  const session = getDriver().session({ database: graphDatabase() });
  try {
    await session.run(`MATCH (o:Organization) CALL (o) { DETACH DELETE o } IN TRANSACTIONS OF 500 ROWS`);
  } finally {
    await session.close();
  }
});

function row(i: number, key = `heap-${i}`): string {
  return `${key},Heap test organisation ${i},NGO,"${DESCRIPTION}",DE,DE;AT,\n`;
}

/** Writes rows until the file passes `megabytes`, honouring back-pressure; returns the number of data rows. */
async function writeCsv(path: string, megabytes: number, extra: string[] = []): Promise<number> {
  const out = createWriteStream(path);
  out.write(HEADER);
  let rows = 0;
  let bytes = HEADER.length;
  while (bytes < megabytes * 1024 * 1024) {
    const line = row(rows);
    bytes += Buffer.byteLength(line);
    rows += 1;
    if (!out.write(line)) await once(out, 'drain');
  }
  for (const line of extra) out.write(line);
  out.end();
  await once(out, 'finish');
  return rows;
}

async function runImport(path: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'tools/cli/import.ts', 'organizations', path],
    {
      cwd: process.cwd(),
      env: { ...process.env, IMPORT_MAX_MB: String(FILE_MB * 2), NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

describe('an import larger than the heap', () => {
  it('rejects the whole file when a later batch repeats an external id, and writes nothing', async () => {
    const path = join(dir, 'repeat.csv');
    const rows = await writeCsv(path, FILE_MB / 5, [row(999_999, 'heap-1')]); // two batches and a bit
    const { code, output } = await runImport(path);
    expect(output).not.toMatch(/heap out of memory/i);
    expect(code, output).toBe(1);
    expect(output).toContain(
      `line ${rows + 2}, column "external_id": "heap-1" appears twice in the file (first on line 3)`
    );
    expect(await getDb().organization.count({ where: { externalId: { startsWith: 'heap-' } } })).toBe(0);
  }, 600_000);

  it(`imports a ${FILE_MB} MB file with a ${HEAP_MB} MB heap`, async () => {
    const path = join(dir, 'organizations.csv');
    const rows = await writeCsv(path, FILE_MB);
    expect(statSync(path).size).toBeGreaterThan(HEAP_MB * 1024 * 1024);
    const { code, output } = await runImport(path);
    expect(output).not.toMatch(/heap out of memory/i);
    expect(code, output).toBe(0);
    expect(output).toContain(`organizations: ${rows} rows imported — ${rows} created, 0 updated`);
    expect(await getDb().organization.count({ where: { externalId: { startsWith: 'heap-' } } })).toBe(rows);
    expect(
      await getDb().organizationCountry.count({ where: { organization: { externalId: { startsWith: 'heap-' } } } })
    ).toBe(rows * 2);
  }, 900_000);
});
