/**
 * `npm run graph:start` — the local Neo4j on its own, for humans: builds the jars if needed, starts Neo4j
 * (data in ${DATA_DIR:-.data}/neo4j, Bolt on NEO4J_BOLT_PORT, user neo4j / NEO4J_PASSWORD), applies the graph
 * migrations and stays in the foreground until Ctrl-C, then stops cleanly.
 * `rebuild` re-projects PostgreSQL into Neo4j (progress bar); `verify` compares both stores, prints a summary and
 * exits 1 on any drift. Both use DATABASE_URL / NEO4J_URI, or, when unset, the local defaults `npm start` uses
 * (see tools/local-stores/local-services.ts).
 */
import { join, resolve } from 'node:path';
import { parseEnv } from '../../src/lib/server/env';
import { Shutdown } from '../process/shutdown';
import { atlasRoot, ensureNeo4jJars, startLocalNeo4j } from '../local-stores/local-neo4j';
import { applyGraphMigrations } from '../../src/lib/server/platform/graph-migrations';
import { closeDriver } from '../../src/lib/server/platform/neo4j';
import cliProgress from 'cli-progress';
import { withLocalServices } from '../local-stores/local-services';
import { rebuildGraph } from '../../src/lib/server/projection/rebuild';
import { verifyGraph } from '../../src/lib/server/projection/verify';
import { formatVerifyReport } from '../../src/lib/server/projection/report';

const log = (line: string) => console.log(`[graph] ${line}`);

async function start(): Promise<void> {
  const config = parseEnv(process.env);
  const dataDir = resolve(atlasRoot(), config.DATA_DIR, 'neo4j');
  const shutdown = new Shutdown();
  shutdown.onSignals(log);

  await ensureNeo4jJars();
  log(`starting Neo4j with data in ${join(config.DATA_DIR, 'neo4j')} (the first start takes a minute)`);
  const neo4j = await startLocalNeo4j({
    dataDir,
    boltPort: config.NEO4J_BOLT_PORT,
    password: config.NEO4J_PASSWORD,
    heap: config.NEO4J_HEAP,
    log: (line) => config.LOG_LEVEL === 'debug' && log(`neo4j: ${line}`)
  });
  let stopping = false;
  shutdown.add('Neo4j', async () => {
    stopping = true;
    await neo4j.stop();
  });

  // This local server is the target, whatever NEO4J_URI says (the driver reads process.env when it is created).
  process.env.NEO4J_URI = neo4j.uri;
  shutdown.add('Neo4j driver', closeDriver);
  const applied = await applyGraphMigrations();
  log(applied.length ? `applied graph migrations: ${applied.join(', ')}` : 'graph migrations up to date');
  await closeDriver();

  log(
    `Neo4j ready at ${neo4j.uri} (user ${config.NEO4J_USER}, password from NEO4J_PASSWORD, database ${config.NEO4J_DATABASE})`
  );
  log(`logs in ${join(config.DATA_DIR, 'neo4j', 'logs')}; Ctrl-C stops it`);

  // The child no longer holds the event loop open (see startLocalNeo4j): we do, until a signal or Neo4j exits.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const { code, signal } = await neo4j.exited;
  if (stopping) return; // Ctrl-C: Shutdown finishes and exits
  clearInterval(keepAlive);
  log(`Neo4j exited unexpectedly (${code ?? signal}); see ${join(config.DATA_DIR, 'neo4j', 'logs', 'debug.log')}`);
  process.exit(1);
}

async function rebuild(): Promise<void> {
  await withLocalServices(async () => {
    const bar = new cliProgress.SingleBar(
      { format: '{phase} [{bar}] {value}/{total} {entity}', hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic
    );
    let phase = '';
    bar.start(1, 0, { phase: 'project', entity: '' });
    try {
      const summary = await rebuildGraph({
        onProgress: (p) => {
          if (p.phase !== phase) {
            phase = p.phase;
            bar.setTotal(Math.max(p.total, 1));
          }
          bar.update(p.done, { phase: p.phase.padEnd(7), entity: p.entity ?? '' });
        }
      });
      bar.stop();
      const projected = Object.entries(summary.projected).map(([entity, n]) => `${entity} ${n}`);
      const removed = Object.entries(summary.removed).filter(([, n]) => n > 0);
      log(`projected: ${projected.join(', ')}`);
      log(`removed from the graph: ${removed.length ? removed.map(([e, n]) => `${e} ${n}`).join(', ') : 'nothing'}`);
      log(`outbox: ${summary.outboxMarkedProcessed} row(s) settled, ${summary.outboxReplayed} replayed`);
      log(`rebuilt in ${(summary.durationMs / 1000).toFixed(1)} s`);
      if (summary.failed.length > 0) {
        log(`${summary.failed.length} row(s) rejected by Neo4j (fix the data in PostgreSQL, then rebuild again):`);
        for (const f of summary.failed.slice(0, 20)) log(`  ${f.entity} ${f.id}: ${f.error}`);
        process.exitCode = 1;
      }
    } catch (error) {
      bar.stop();
      throw error;
    }
  });
}

async function verify(): Promise<void> {
  const ok = await withLocalServices(async () => {
    const report = await verifyGraph();
    console.log(formatVerifyReport(report, 20));
    return report.ok;
  });
  process.exitCode = ok ? 0 : 1;
}

async function main(): Promise<void> {
  const command = process.argv[2];
  switch (command) {
    case 'start':
      return start();
    case 'rebuild':
      return rebuild();
    case 'verify':
      return verify();
    default:
      console.error('usage: tsx tools/cli/graph.ts <start|rebuild|verify>');
      process.exit(2);
  }
}

main().catch((error: Error) => {
  console.error(`[graph] ${error.message}`);
  process.exit(1);
});
