/**
 * npm run import:360giving -- <file.json|file.csv> [--dry-run]
 *
 * Imports a 360Giving JSON package or flat CSV (docs/data-formats.md, "360Giving"): validated against the
 * standard's schema, organisations matched by identifier or created, grants written — all or nothing. Prints the
 * report and exits 1 when the file is rejected (nothing is written then).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importGiving360 } from '../../src/lib/server/giving360/import-package';
import { formatGivingReport } from '../../src/lib/server/giving360/report-text';
import { catchUpGraph } from '../../src/lib/server/imports/catch-up';
import { withLocalServices } from '../local-stores/local-services';
import { PhaseBar } from './progress-bar';

const USAGE = 'usage: npm run import:360giving -- <file.json|file.csv> [--dry-run]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  const [file] = positionals;
  if (values.help || !file || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const dryRun = values['dry-run'];
  const bytes = new Uint8Array(await readFile(file));
  return withLocalServices(
    async () => {
      const bar = new PhaseBar();
      const report = await importGiving360(
        { bytes },
        { fileName: basename(file), dryRun, onProgress: (phase, done, total) => bar.update(phase, done, total) }
      );
      bar.stop();
      console.log(formatGivingReport(report));
      if (!report.ok) return 1;
      if (!dryRun) await catchUpGraph(report, (line) => console.log(line));
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
