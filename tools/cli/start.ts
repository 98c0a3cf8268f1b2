/**
 * `npm start`: the whole product on local defaults, no env needed.
 * Starts what is not configured (embedded PostgreSQL unless DATABASE_URL, local Neo4j unless NEO4J_URI),
 * applies both stores' migrations, seeds demo data on first run, builds and serves the app, prints the URL,
 * and on Ctrl-C stops everything it started.
 */
import { resolve } from 'node:path';
import { parseEnv } from '../../src/lib/server/env';
import { Shutdown } from '../process/shutdown';
import { ensureAppBuild } from '../process/build';
import { startAppServer } from '../process/app-server';
import { isPortTaken } from '../process/ports';
import { deployMigrations } from '../../src/lib/server/db/migrate';
import { closeDb } from '../../src/lib/server/platform/db';
import { startLocalStores } from '../local-stores/local-stores';
import { applyGraphMigrations } from '../../src/lib/server/platform/graph-migrations';
import { closeDriver } from '../../src/lib/server/platform/neo4j';
import { seedDemoIfEmpty } from '../seed/demo';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { getDb } from '../../src/lib/server/platform/db';
import { inviteFirstAdmin } from '../../src/lib/server/auth/bootstrap';
import { childColorEnv, colorAllowed, printable } from '../process/plain-output';
import { seedDemoAccounts } from '../seed/demo-accounts';

// Redirected to a file or with NO_COLOR, the log is plain text: no escape codes from us or from the app server.
const color = colorAllowed(process.stdout);
const print = (line: string) => console.log(printable(line, color));
const log = (line: string) => print(`[atlas] ${line}`);
const root = resolve(process.env.ATLAS_ROOT ?? process.cwd());
// Parsed without caching: the process env gains DATABASE_URL/NEO4J_URI below, before any client reads env().
const config = parseEnv(process.env);
const shutdown = new Shutdown();
shutdown.onSignals(log);

async function main() {
  if (await isPortTaken(config.PORT)) {
    throw new Error(`port ${config.PORT} is in use: stop the other process or set PORT`);
  }

  const { databaseUrl, neo4jUri } = await startLocalStores({ config, shutdown, log, reuseRunning: false });

  log('applying migrations');
  await deployMigrations(databaseUrl);
  await applyGraphMigrations();

  const seeded = await seedDemoIfEmpty(log);
  if (seeded) {
    log('seeded the demo dataset (first run)');
    // No accounts exist yet: create demo ones (never with DATABASE_URL: that database is a real one).
    const accounts = await seedDemoAccounts(getDb(), {
      databaseUrl: config.DATABASE_URL,
      adminEmail: process.env.ATLAS_ADMIN_EMAIL
    });
    if ('seeded' in accounts) {
      log('demo accounts (passwords shown only now; change them at /account):');
      for (const a of accounts.seeded) {
        const of = a.organization ? ` of ${a.organization.name} (/organizations/${a.organization.slug})` : '';
        log(`  ${a.role.padEnd(14)} ${a.email}  password: ${a.password}${of}`);
      }
    } else {
      log(`no demo accounts: ${accounts.skipped}`);
      // A real database still needs its first admin: invite them; the log mailer prints the sign-up link above.
      const email = process.env.ATLAS_ADMIN_EMAIL ?? 'admin@example.org';
      const invited = await inviteFirstAdmin(email, `http://localhost:${config.PORT}`);
      if (invited.invited) log(`invited ${email} as the first admin: open the link above to set a password`);
    }
  }
  const projected = await drainOutbox();
  if (projected) log(`projected ${projected} changes into Neo4j`);
  shutdown.add('database clients', async () => {
    await closeDb();
    await closeDriver();
  });

  ensureAppBuild(root, log);
  const app = await startAppServer({
    root,
    port: config.PORT,
    host: config.HOST,
    env: {
      ...process.env,
      ...childColorEnv(color),
      DATABASE_URL: databaseUrl,
      NEO4J_URI: neo4jUri,
      NODE_ENV: 'production'
    },
    log: print
  });
  shutdown.add('app server', app.stop);

  log('');
  log(`Coalition Atlas is running at http://localhost:${config.PORT}`);
  log(`GraphQL API (GraphiQL in a browser): http://localhost:${config.PORT}/graphql`);
  log('Press Ctrl-C to stop.');
}

main().catch(async (error: Error) => {
  console.error(printable(`[atlas] could not start: ${error.message}`, colorAllowed(process.stderr)));
  await shutdown.run(log);
  process.exit(1);
});
