/**
 * npm run import -- <kind> <file> [--source <name>] [--dry-run] [--max-mb <n>]
 *
 *   kind: organizations | networks | network-memberships | partnerships | grants (import them in this order:
 *   each file may only reference rows of the kinds before it). Formats: docs/data-formats.md.
 *
 * Validates the whole file, prints the report (counts and the first 50 problems by line and column) and exits 1
 * when the file is rejected — nothing is written then. A valid file is written in one transaction; the graph is
 * then brought up to date (outbox drain, or a full rebuild for large files). Works with no env: the embedded
 * PostgreSQL and the local Neo4j are started when DATABASE_URL / NEO4J_URI are unset (withLocalServices).
 */
import { parseArgs } from 'node:util';
import { withLocalServices } from '../local-stores/local-services';
import { IMPORT_KINDS, type ImportKind } from '../../src/lib/server/imports/columns';
import { importCsv } from '../../src/lib/server/imports/import-csv';
import { formatReport } from '../../src/lib/server/imports/report';
import { PhaseBar } from './progress-bar';
import { DEFAULT_MAX_BYTES } from '../../src/lib/server/imports/csv-source';
import { catchUpGraph } from '../../src/lib/server/imports/catch-up';

const USAGE = `usage: npm run import -- <${IMPORT_KINDS.join('|')}> <file.csv> [--source <name>] [--dry-run] [--max-mb <n>] [--adopt <external id>]…`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'max-mb': { type: 'string' },
      adopt: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  const [kind, file] = positionals;
  if (values.help || !kind || !file || positionals.length > 2 || !IMPORT_KINDS.includes(kind as ImportKind)) {
    console.error(USAGE);
    return 2;
  }
  const maxMb = values['max-mb'] ?? process.env.IMPORT_MAX_MB;
  const maxBytes = maxMb ? Number(maxMb) * 1024 * 1024 : DEFAULT_MAX_BYTES;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) {
    console.error(`--max-mb: "${maxMb}" is not a positive number of megabytes`);
    return 2;
  }
  const dryRun = values['dry-run'];

  return withLocalServices(
    async () => {
      const bar = new PhaseBar();
      const report = await importCsv(
        kind as ImportKind,
        { path: file },
        {
          source: values.source,
          adopt: values.adopt ?? [],
          dryRun,
          maxBytes,
          onProgress: (phase, done, total) => bar.update(phase, done, total, phase === 'read' ? 'bytes' : 'rows')
        }
      );
      bar.stop();
      console.log(formatReport(report, 50));
      const t = report.timings;
      console.log(
        `timings: read ${t.parseMs} ms, validate ${t.validateMs} ms, write ${t.writeMs} ms, total ${t.totalMs} ms` +
          (report.ok && report.counts.rows >= 1_000 && t.totalMs > 0
            ? ` (${Math.round((report.counts.rows / t.totalMs) * 1000)} rows/s)`
            : '')
      );
      if (!report.ok) return 1;
      if (!dryRun) {
        await catchUpGraph(
          report,
          (line) => console.log(line),
          (p) => bar.update(`graph ${p.phase}`, p.done, p.total)
        );
        bar.stop();
      }
      return 0;
    },
    { neo4j: !dryRun }
  );
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`import failed: ${error.stack ?? error.message}`);
    process.exit(1);
  }
);
