/**
 * `npm run chaos` — fault test of the write path and the projection (issue 14): a write loop runs while the
 * run's PostgreSQL database is frozen and its own Neo4j is killed (SIGKILL) and started again. Passes when no
 * acknowledged write is lost, graph:verify finds both stores equal within 30 s of Neo4j's return, and every graph
 * read during the outage failed in under 2 s with GRAPH_UNAVAILABLE. Exit code 1 on failure.
 *
 * Stores: a fresh database on the server in DATABASE_URL (dropped afterwards), else the embedded PostgreSQL in a
 * temporary directory; always a Neo4j of its own (never NEO4J_URI: that one is not ours to kill).
 * Options: --pause <s> (PostgreSQL frozen, default 10), --down <s> (Neo4j dead before restart, default 5).
 * DATABASE_STATEMENT_TIMEOUT_MS defaults to 3000 here, so writes stuck behind the freeze fail and are retried.
 */
import { parseArgs } from 'node:util';
import { parseEnv } from '../../src/lib/server/env';
import { closeDb } from '../../src/lib/server/platform/db';
import { createChaosDatabase } from '../chaos/chaos-database';
import { runChaos } from '../chaos/run-chaos';
import { formatChaosReport } from '../chaos/verdict';

const log = (line: string) => console.error(`[chaos] ${line}`);

function seconds(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 300)
    throw new Error(`--${name}: "${value}" is not a number of seconds (0–300)`);
  return n * 1000;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { pause: { type: 'string' }, down: { type: 'string' } } });
  const postgresPauseMs = seconds('pause', values.pause, 10);
  const neo4jDownMs = seconds('down', values.down, 5);
  process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= '3000';
  const config = parseEnv(process.env);

  const database = await createChaosDatabase(config.DATABASE_URL);
  log(`using ${database.description}`);
  // Before anything reads env(): the app's one Prisma client must open the run's database.
  process.env.DATABASE_URL = database.url;
  try {
    const { measurements, verdict } = await runChaos({
      databaseUrl: database.url,
      neo4jPassword: config.NEO4J_PASSWORD,
      postgresPauseMs,
      neo4jDownMs,
      log
    });
    console.log(formatChaosReport(measurements, verdict));
    return verdict.ok ? 0 : 1;
  } finally {
    await closeDb();
    await database.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    log(error.stack ?? error.message);
    process.exit(1);
  }
);
