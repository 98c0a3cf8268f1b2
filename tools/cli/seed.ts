/**
 * npm run seed -- [--orgs 20000] [--seed 42] [--out <dir>] [--reset]
 *
 * Generates a deterministic synthetic ecosystem (tools/seed/generator.ts): the same --orgs and --seed
 * always give byte-identical data.
 *   --out <dir>  writes organizations.csv, networks.csv, network-memberships.csv, partnerships.csv and
 *                grants.csv in the import format and touches no database.
 *   otherwise    loads it into the database through the CSV importer (same validation as any import, upsert by
 *                external id, so running it twice changes nothing), then rebuilds the Neo4j graph.
 *   --reset      first deletes all organisations, networks, partnerships and grants (and, through them, user
 *                memberships of organisations); reference data and user accounts stay.
 * `npm run db:seed` (no options) loads the small demo dataset instead, when the database is empty.
 * Prints timings for every step.
 */
import { parseArgs } from 'node:util';
import { getDb } from '../../src/lib/server/platform/db';
import { IMPORT_ORDER } from '../../src/lib/server/imports/columns';
import { importCsv } from '../../src/lib/server/imports/import-csv';
import { PhaseBar } from './progress-bar';
import { formatReport } from '../../src/lib/server/imports/report';
import { withLocalServices } from '../local-stores/local-services';
import { drainOutbox } from '../../src/lib/server/projection/projector';
import { rebuildGraph } from '../../src/lib/server/projection/rebuild';
import { refreshPlannerStatistics } from '../../src/lib/server/imports/planner-statistics';
import { seedDemoIfEmpty } from '../seed/demo';
import { generateDataset, toCsv, writeDataset } from '../seed/generator';
import { upsertReferenceData } from '../../prisma/reference/load';
import { runCli, UsageError } from '../process/run-cli';

const USAGE = 'usage: npm run seed -- [--orgs <n>] [--seed <n>] [--out <dir>] [--reset]   (no options: demo data)';

const ms = (since: number) => `${Math.round(performance.now() - since)} ms`;

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name}: "${value}" is not a whole number`);
  return n;
}

/** Everything the generator or the demo writes; TRUNCATE … CASCADE also clears rows that point at them. */
async function reset(): Promise<void> {
  await getDb().$executeRawUnsafe(
    'TRUNCATE "Grant", "NetworkMembership", "Network", "Partnership", "Organization" RESTART IDENTITY CASCADE'
  );
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      orgs: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  if (values.help || positionals.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const demo = values.orgs === undefined && values.seed === undefined && values.out === undefined;
  const orgs = wholeNumber('orgs', values.orgs, 20_000);
  const seed = wholeNumber('seed', values.seed, 42);
  if (orgs < 2) throw new UsageError('--orgs: at least 2 organisations');

  if (values.out) {
    let started = performance.now();
    const dataset = generateDataset({ orgs, seed });
    console.log(`generated ${orgs} organisations (seed ${seed}) in ${ms(started)}`);
    started = performance.now();
    const paths = await writeDataset(dataset, values.out);
    for (const kind of IMPORT_ORDER)
      console.log(`  ${dataset[kind].length.toString().padStart(8)} ${kind} → ${paths[kind]}`);
    console.log(`written in ${ms(started)}`);
    return 0;
  }

  return withLocalServices(async () => {
    const db = getDb();
    const total = performance.now();
    if (values.reset) {
      const started = performance.now();
      await reset();
      console.log(`reset: deleted organisations, networks, partnerships and grants in ${ms(started)}`);
    }
    await upsertReferenceData(db);

    if (demo) {
      if (!(await seedDemoIfEmpty((line) => console.log(line), db))) {
        console.log('the database already has organisations: demo data not loaded (--reset starts over)');
        return 0;
      }
      const projected = await drainOutbox({ db }).catch((error: Error) => {
        console.error(`graph: not updated (${error.message}); the projector catches up when the app runs`);
        return 0;
      });
      console.log(`graph: projected ${projected} change(s); done in ${ms(total)}`);
      return 0;
    }

    let started = performance.now();
    const dataset = generateDataset({ orgs, seed });
    console.log(`generated ${orgs} organisations (seed ${seed}) in ${ms(started)}`);
    const bar = new PhaseBar();
    for (const kind of IMPORT_ORDER) {
      started = performance.now();
      // In memory and produced by us: no file-size limit applies.
      const report = await importCsv(
        kind,
        { text: toCsv(kind, dataset[kind]) },
        {
          db,
          maxBytes: Number.MAX_SAFE_INTEGER,
          onProgress: (phase, done, n) => bar.update(`${kind} ${phase}`, done, n, phase === 'read' ? 'bytes' : 'rows')
        }
      );
      bar.stop();
      if (!report.ok) {
        console.error(formatReport(report, 20));
        return 1;
      }
      const t = report.timings;
      const rate = Math.round((report.counts.rows / Math.max(t.totalMs, 1)) * 1000);
      console.log(
        `${formatReport(report)} in ${ms(started)} (read ${t.parseMs} ms, validate ${t.validateMs} ms, write ${t.writeMs} ms; ${rate} rows/s)`
      );
    }
    await refreshPlannerStatistics(db, (line) => console.log(line));
    started = performance.now();
    try {
      const summary = await rebuildGraph({ db, onProgress: (p) => bar.update(`graph ${p.phase}`, p.done, p.total) });
      bar.stop();
      const projected = Object.entries(summary.projected)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      console.log(`graph: rebuilt (${projected}) in ${ms(started)}`);
    } catch (error) {
      bar.stop();
      console.error(
        `graph: rebuild failed (${(error as Error).message}); the data is saved — run \`npm run graph:rebuild\``
      );
    }
    console.log(`seed done in ${ms(total)}`);
    return 0;
  });
}

runCli(main, 'seed', USAGE);
