/**
 * The built app (`node build`, production mode) on this test file's own stores: its PostgreSQL database
 * (tests/setup/per-file.ts) and the run's Neo4j. For tests that need a real server process — shutdown, several
 * instances, load. Each file makes one private copy of the build (privateAppBuild): a rebuild of build/ under a
 * running server would break it.
 */
import { resolve } from 'node:path';
import { startAppServer, type AppServer } from '../../tools/process/app-server';
import { freePort } from '../../tools/process/ports';

const root = resolve(import.meta.dirname, '../..');

/** Rate limits no test client reaches (the limits have tests of their own). */
export const UNLIMITED_RATE_LIMITS = {
  API_RATE_LIMIT_PER_MINUTE: '100000000',
  API_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000'
} as const;

export async function startBuiltApp(buildDir: string, env: Record<string, string> = {}): Promise<AppServer> {
  return startAppServer({
    root,
    buildDir,
    port: await freePort(),
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: process.env.DATABASE_URL,
      NEO4J_URI: process.env.NEO4J_URI,
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
      ...env
    }
  });
}
