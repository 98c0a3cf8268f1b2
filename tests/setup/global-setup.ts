/**
 * Once per Vitest project run: a real Neo4j (started here in a temporary folder unless NEO4J_URI is set) with the
 * graph migrations applied, and a migrated PostgreSQL template database that each test file clones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../tools/process/ports';
import { startLocalNeo4j } from '../../tools/local-stores/local-neo4j';
import { applyGraphMigrations } from '../../src/lib/server/platform/graph-migrations';
import { closeDriver } from '../../src/lib/server/platform/neo4j';
import { adminUrl, createTemplateDatabase, dropDatabase } from './postgres';

export const TEST_NEO4J_PASSWORD = 'atlas-test-password';

export default async function setup(project: TestProject) {
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    let neo4jUri = process.env.NEO4J_URI;
    if (!neo4jUri) {
      const dataDir = mkdtempSync(join(tmpdir(), 'atlas-neo4j-test-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      process.env.NEO4J_PASSWORD = TEST_NEO4J_PASSWORD;
      const neo4j = await startLocalNeo4j({
        dataDir,
        boltPort: await freePort(),
        password: TEST_NEO4J_PASSWORD,
        heap: '1g'
      });
      cleanups.push(() => neo4j.stop());
      neo4jUri = neo4j.uri;
    }
    process.env.NEO4J_URI = neo4jUri;
    await applyGraphMigrations();
    await closeDriver();

    const admin = adminUrl();
    const template = await createTemplateDatabase(admin);
    cleanups.push(() => dropDatabase(template, admin));

    project.provide('neo4jUri', neo4jUri);
    project.provide('neo4jPassword', process.env.NEO4J_PASSWORD ?? TEST_NEO4J_PASSWORD);
    project.provide('pgTemplate', template);
    project.provide('pgAdminUrl', admin);
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup();
    throw error;
  }

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}
