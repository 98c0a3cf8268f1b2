/**
 * The built app as `npm run bench` and `npm run load` measure it: `node build` on a free loopback port against
 * the measurement's stores, with the API rate limits raised so that no request meets a 429 (the limiter still
 * runs: its cost is part of the API's). `noBuild` runs a copy of the existing build/ instead of rebuilding it
 * when stale (built by CI, or a shared checkout whose build must not be replaced mid-run).
 */
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from '../../src/lib/server/env';
import { startAppServer, type AppServer } from '../process/app-server';
import { ensureAppBuild } from '../process/build';
import { freePort } from '../process/ports';
import type { BenchServices } from './services';

const RAISED_RATE_LIMIT = '100000000';

export async function startMeasuredApp(opts: {
  root: string;
  services: BenchServices;
  noBuild: boolean;
  /** DATA_DIR sub-folder for the copy of build/ (`noBuild`). */
  copyFolder: string;
  log: (line: string) => void;
}): Promise<AppServer> {
  const config = parseEnv(process.env);
  let appRoot = opts.root;
  if (opts.noBuild) {
    // Inside the checkout, so the copy still resolves the checkout's node_modules.
    appRoot = join(resolve(opts.root, config.DATA_DIR), opts.copyFolder, 'app');
    rmSync(join(appRoot, 'build'), { recursive: true, force: true });
    cpSync(join(opts.root, 'build'), join(appRoot, 'build'), { recursive: true });
    opts.log(`running a copy of the existing build/ (in ${appRoot})`);
  } else {
    ensureAppBuild(opts.root, opts.log);
  }
  return startAppServer({
    root: appRoot,
    port: await freePort(),
    host: '127.0.0.1',
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: opts.services.databaseUrl,
      NEO4J_URI: opts.services.neo4jUri,
      NEO4J_PASSWORD: config.NEO4J_PASSWORD,
      API_RATE_LIMIT_PER_MINUTE: RAISED_RATE_LIMIT,
      API_RATE_LIMIT_ANONYMOUS_PER_MINUTE: RAISED_RATE_LIMIT
    },
    log: (line) => opts.log(`app: ${line}`)
  });
}
