/**
 * `npm start`: the whole product on local defaults, no env needed.
 * Starts what is not configured (embedded PostgreSQL unless DATABASE_URL, local Neo4j unless NEO4J_URI),
 * applies both stores' migrations, seeds demo data on first run, builds and serves the app, prints the URL,
 * and on Ctrl-C stops everything it started.
 */
import { join, resolve } from 'node:path';
import { parseEnv } from '../lib/server/env';
import { Shutdown } from '../lib/server/process/shutdown';
import { ensureAppBuild } from '../lib/server/process/build';
import { startAppServer } from '../lib/server/process/app-server';
import { isPortTaken } from '../lib/server/process/ports';
import { startEmbeddedPostgres } from '../lib/server/db/embedded-postgres';
import { deployMigrations } from '../lib/server/db/migrate';
import { closeDb } from '../lib/server/db';
import { ensureNeo4jJars, startLocalNeo4j } from '../lib/server/graph/local-neo4j';
import { applyGraphMigrations } from '../lib/server/graph/migrations';
import { closeDriver } from '../lib/server/graph/driver';
import { seedDemoIfEmpty } from '../lib/server/seed/demo';
import { drainOutbox } from '../lib/server/projection/projector';
import { inviteFirstAdmin } from '../lib/server/auth/bootstrap';

const log = (line: string) => console.log(`[atlas] ${line}`);
const root = resolve(process.env.ATLAS_ROOT ?? process.cwd());
// Parsed without caching: the process env gains DATABASE_URL/NEO4J_URI below, before any client reads env().
const config = parseEnv(process.env);
const dataDir = resolve(root, config.DATA_DIR);
const shutdown = new Shutdown();
shutdown.onSignals(log);

async function main() {
  if (await isPortTaken(config.PORT)) {
    throw new Error(`port ${config.PORT} is in use: stop the other process or set PORT`);
  }

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    log(`starting embedded PostgreSQL (PGlite) with data in ${join(config.DATA_DIR, 'pglite')}`);
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pglite'), port: config.PGLITE_PORT });
    shutdown.add('embedded PostgreSQL', pg.stop);
    databaseUrl = pg.url;
  }

  let neo4jUri = config.NEO4J_URI;
  if (!neo4jUri) {
    await ensureNeo4jJars();
    log(`starting Neo4j with data in ${join(config.DATA_DIR, 'neo4j')}`);
    const neo4j = await startLocalNeo4j({
      dataDir: join(dataDir, 'neo4j'),
      boltPort: config.NEO4J_BOLT_PORT,
      password: config.NEO4J_PASSWORD,
      heap: config.NEO4J_HEAP,
      log: (line) => config.LOG_LEVEL === 'debug' && log(`neo4j: ${line}`)
    });
    shutdown.add('Neo4j', neo4j.stop);
    neo4jUri = neo4j.uri;
  }

  // The clients below (Prisma, Neo4j driver) read env() lazily, after this.
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEO4J_URI = neo4jUri;

  log('applying migrations');
  await deployMigrations(databaseUrl);
  await applyGraphMigrations();

  const seeded = await seedDemoIfEmpty(log);
  if (seeded) {
    log('seeded the demo dataset (first run)');
    // No accounts exist yet: invite the first admin; the log mailer prints the sign-up link below.
    const email = process.env.ATLAS_ADMIN_EMAIL ?? 'admin@example.org';
    const invited = await inviteFirstAdmin(email, `http://localhost:${config.PORT}`);
    if (invited.invited) log(`invited ${email} as the first admin: open the link above to set a password`);
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
    env: { ...process.env, DATABASE_URL: databaseUrl, NEO4J_URI: neo4jUri, NODE_ENV: 'production' },
    log: (line) => console.log(line)
  });
  shutdown.add('app server', app.stop);

  log('');
  log(`Coalition Atlas is running at http://localhost:${config.PORT}`);
  log(`GraphQL API (GraphiQL in a browser): http://localhost:${config.PORT}/graphql`);
  log('Press Ctrl-C to stop.');
}

main().catch(async (error: Error) => {
  console.error(`[atlas] could not start: ${error.message}`);
  await shutdown.run(log);
  process.exit(1);
});
