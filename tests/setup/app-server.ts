/**
 * Vitest globalSetup for the e2e project, run after global-setup.ts (Neo4j + migrated PostgreSQL template):
 * builds the app if its sources changed, gives it its own PostgreSQL database cloned from the template, seeds it,
 * starts `node build` on a free port and hands its URL to the tests as inject('baseUrl').
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startAppServer } from '../../tools/process/app-server';
import { privateAppBuild } from '../../tools/process/build';
import { freePort } from '../../tools/process/ports';
import { createIsolatedDatabase } from './postgres';
import { createDb } from '../../src/lib/server/platform/db';
import { closeDriver } from '../../src/lib/server/platform/neo4j';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { seedDemoIfEmpty } from '../../tools/seed/demo';
import { createUser } from '../factories/users';
import { E2E_USERS } from '../e2e/accounts';

const root = resolve(import.meta.dirname, '../..');
/** The app server's output, for reading after a failed run (its last lines are also in any start error). */
export const APP_LOG = join(root, 'test-results', 'e2e-app-server.log');

export interface AppEnvironment {
  databaseUrl: string;
  neo4jUri: string;
  neo4jPassword: string;
}

/**
 * Demo data for the browser tests, written before the app starts: the demo dataset projected into the e2e run's
 * own Neo4j, and the accounts of tests/e2e/accounts.ts.
 */
export async function seed(env: AppEnvironment): Promise<void> {
  const handle = createDb(env.databaseUrl);
  try {
    const { db } = handle;
    await seedDemoIfEmpty(() => {}, db);
    await drainOutbox({ db, log: (line) => console.log(`[e2e seed] ${line}`) });
    const edited = await db.organization.findFirstOrThrow({
      where: { type: { not: 'FUNDER' }, partnershipsAsA: { some: { status: 'CONFIRMED' } } },
      orderBy: { name: 'asc' },
      select: { id: true }
    });
    // The partner's organisation: the last of the first 60 by name with no partnership with the edited one (the
    // organisation journey-proposal-message.e2e.ts finds the same way, known to be found by the partner search).
    const firstSixty = await db.organization.findMany({
      where: { type: { not: 'FUNDER' }, archivedAt: null, id: { not: edited.id } },
      orderBy: { name: 'asc' },
      take: 60,
      select: {
        id: true,
        partnershipsAsA: { where: { orgBId: edited.id }, select: { id: true } },
        partnershipsAsB: { where: { orgAId: edited.id }, select: { id: true } }
      }
    });
    const partnered = firstSixty.reverse().find((o) => o.partnershipsAsA.length + o.partnershipsAsB.length === 0)!;
    const organizationsOf: Record<string, string[]> = { editor: [edited.id], partner: [partnered.id] };
    for (const [key, account] of Object.entries(E2E_USERS)) {
      await createUser(db, {
        email: account.email,
        name: account.name,
        role: account.role,
        organizationIds: organizationsOf[key] ?? []
      });
    }
  } finally {
    await handle.close();
    await closeDriver();
  }
}

export default async function setup(project: TestProject) {
  const provided = project.getProvidedContext();
  const log = (line: string) => appendFileSync(APP_LOG, `${line}\n`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(APP_LOG, '');

  // Its own copy: integration files running in parallel rebuild build/ when sources changed during the run.
  const build = privateAppBuild(root, (line) => console.log(`[e2e] ${line}`));

  const database = await createIsolatedDatabase(provided.pgTemplate, provided.pgAdminUrl);
  const env: AppEnvironment = {
    databaseUrl: database.url,
    neo4jUri: provided.neo4jUri,
    neo4jPassword: provided.neo4jPassword
  };
  // Mail leaves over SMTP to this port; the inbox journey listens there with a real SMTP server (smtp-server.ts).
  // Until it does, the app's mail queue retries (every second at first), so no mail of the run is lost.
  const smtpPort = await freePort();
  const server = await (async () => {
    await seed(env);
    return startAppServer({
      root,
      buildDir: build.buildDir,
      port: await freePort(),
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: env.databaseUrl,
        NEO4J_URI: env.neo4jUri,
        NEO4J_PASSWORD: env.neo4jPassword,
        // Every page view counts against the rate limit, and all browser tests come from 127.0.0.1.
        API_RATE_LIMIT_PER_MINUTE: '100000',
        API_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_RETRY_DELAY_SECONDS: '1',
        MAIL_POLL_SECONDS: '0.5'
      },
      log
    });
  })().catch(async (error: unknown) => {
    await database.drop();
    build.remove();
    throw error;
  });
  project.provide('baseUrl', server.url);
  project.provide('smtpPort', smtpPort);
  // The saved-search journey hands the app's own job queue a run of the alert job (no waiting for the cron).
  project.provide('appDatabaseUrl', env.databaseUrl);

  return async () => {
    await server.stop();
    await database.drop();
    build.remove();
  };
}
