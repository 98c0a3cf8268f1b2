/**
 * /readyz answers 503 naming Neo4j while Neo4j is stopped, and 200 again once it is back.
 * Uses its own Neo4j (the shared one must keep running for other files).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j } from '../../tools/local-stores/local-neo4j';
import { applyGraphMigrations } from '../../src/lib/server/platform/graph-migrations';
import { closeDriver } from '../../src/lib/server/platform/neo4j';
import { freePort } from '../../tools/process/ports';
import { GET } from '../../src/routes/readyz/+server';

const dataDir = mkdtempSync(join(tmpdir(), 'atlas-readyz-'));
const password = process.env.NEO4J_PASSWORD ?? 'atlas-test-password';
const port = await freePort();
const sharedUri = process.env.NEO4J_URI;

async function readyz(): Promise<{ status: number; body: { status: string; missing: string[] } }> {
  const response = await (GET as () => Promise<Response>)();
  return { status: response.status, body: await response.json() };
}

afterAll(async () => {
  await closeDriver();
  process.env.NEO4J_URI = sharedUri;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('/readyz', () => {
  it('is 200 with both stores up, 503 naming Neo4j while it is down, and 200 again after', async () => {
    let neo4j = await startLocalNeo4j({ dataDir, boltPort: port, password });
    process.env.NEO4J_URI = neo4j.uri;
    await closeDriver();
    await applyGraphMigrations();

    const up = await readyz();
    expect(up.status).toBe(200);
    expect(up.body.status).toBe('ready');

    await neo4j.stop();
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body.missing.join(' ')).toMatch(/^neo4j: /);
    expect(down.body.missing.some((m) => m.startsWith('postgres'))).toBe(false);

    neo4j = await startLocalNeo4j({ dataDir, boltPort: port, password });
    try {
      // The driver's pool may still hold dead connections for a moment after the restart: poll for the condition
      // (up to 60 s on a loaded machine) instead of a fixed number of half-second waits.
      await expect.poll(async () => (await readyz()).status, { timeout: 60_000, interval: 500 }).toBe(200);
    } finally {
      await closeDriver();
      await neo4j.stop();
    }
  }, 600_000);
});
