/**
 * npm run dump [-- --out <folder>] [--licence <url>]
 *
 * Writes the public data dump (organisations and partnerships CSV, GraphML, 360Giving JSON, README.md with the
 * licence, manifest.json) as an anonymous visitor may see the data, into OPEN_DATA_DIR (default
 * <DATA_DIR>/open-data), where /api/open-data/<file> serves it. Licence: --licence, else OPEN_DATA_LICENCE
 * (CC BY 4.0 by default). Run it again to regenerate; files are replaced one by one, each atomically.
 */
import { parseArgs } from 'node:util';
import { env } from '../../src/lib/server/env';
import { dumpDir } from '../../src/lib/server/open-data/dump-files';
import { writeDump } from '../../src/lib/server/open-data/write-dump';
import { withLocalServices } from '../local-stores/local-services';

const USAGE = 'usage: npm run dump -- [--out <folder>] [--licence <url>]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      licence: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  if (values.help || positionals.length > 0) {
    console.error(USAGE);
    return 2;
  }
  if (values.licence !== undefined && !URL.canParse(values.licence)) {
    console.error(`--licence: "${values.licence}" must be a URL (e.g. https://creativecommons.org/licenses/by/4.0/)`);
    return 2;
  }
  return withLocalServices(
    async () => {
      const started = performance.now();
      const dir = values.out ?? dumpDir();
      const manifest = await writeDump({ dir, licence: values.licence ?? env().OPEN_DATA_LICENCE });
      for (const f of manifest.files) console.error(`  ${f.name}: ${f.records ?? '-'} records, ${f.bytes} bytes`);
      console.error(
        `dump (public records, ${manifest.licence}) in ${Math.round(performance.now() - started)} ms → ${dir}`
      );
      return 0;
    },
    { neo4j: false }
  );
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`dump failed: ${error.stack ?? error.message}`);
    process.exit(1);
  }
);
