/**
 * Vitest globalSetup for the e2e project, run after global-setup.ts (Neo4j + migrated PostgreSQL template):
 * builds the app if its sources changed, gives it its own PostgreSQL database cloned from the template, seeds it,
 * starts `node build` on a free port and hands its URL to the tests as inject('baseUrl').
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startAppServer } from '../../src/lib/server/process/app-server';
import { ensureAppBuild } from '../../src/lib/server/process/build';
import { freePort } from '../../src/lib/server/process/ports';
import { createIsolatedDatabase } from './postgres';

const root = resolve(import.meta.dirname, '../..');
/** The app server's output, for reading after a failed run (its last lines are also in any start error). */
export const APP_LOG = join(root, 'test-results', 'e2e-app-server.log');

export interface AppEnvironment {
  databaseUrl: string;
  neo4jUri: string;
  neo4jPassword: string;
}

/**
 * Demo data for the browser tests, written before the app starts. Empty for now: fill it in (e.g. with the shared
 * factories or the seed command's functions) when pages show data. It gets the e2e run's own database and graph.
 */
export async function seed(_env: AppEnvironment): Promise<void> {}

export default async function setup(project: TestProject) {
  const provided = project.getProvidedContext();
  const log = (line: string) => appendFileSync(APP_LOG, `${line}\n`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(APP_LOG, '');

  ensureAppBuild(root, (line) => console.log(`[e2e] ${line}`));

  const database = await createIsolatedDatabase(provided.pgTemplate, provided.pgAdminUrl);
  const env: AppEnvironment = {
    databaseUrl: database.url,
    neo4jUri: provided.neo4jUri,
    neo4jPassword: provided.neo4jPassword
  };
  const server = await (async () => {
    await seed(env);
    return startAppServer({
      root,
      port: await freePort(),
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: env.databaseUrl,
        NEO4J_URI: env.neo4jUri,
        NEO4J_PASSWORD: env.neo4jPassword
      },
      log
    });
  })().catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  project.provide('baseUrl', server.url);

  return async () => {
    await server.stop();
    await database.drop();
  };
}
