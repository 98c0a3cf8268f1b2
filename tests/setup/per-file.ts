/**
 * Before each integration test file: its own PostgreSQL database cloned from the migrated template, and an empty
 * graph (Neo4j Community has one user database, so files run one at a time — see vite.config.ts).
 * Test files import app modules after this runs, so env() sees these values.
 */
import { afterAll, inject } from 'vitest';
import { createIsolatedDatabase } from './postgres';

const database = await createIsolatedDatabase(inject('pgTemplate'));
process.env.DATABASE_URL = database.url;
process.env.NEO4J_URI = inject('neo4jUri');
process.env.NEO4J_PASSWORD = inject('neo4jPassword');

const { wipeGraph } = await import('./graph');
await wipeGraph();

afterAll(async () => {
  const { closeDb } = await import('../../src/lib/server/platform/db');
  const { closeDriver } = await import('../../src/lib/server/platform/neo4j');
  await closeDb();
  await closeDriver();
  await database.drop();
});
