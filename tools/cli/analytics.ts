/**
 * npx tsx tools/cli/analytics.ts refresh [--level public|members|admin …]
 *
 * Recomputes the cached ecosystem analytics (theme × country matrix, density, brokers and communities) for every
 * visibility level, or the levels named, plus every other entry already in the cache. Run it from cron and after
 * large imports. Works with no env like the other CLIs: starts the embedded PostgreSQL and the local Neo4j when
 * DATABASE_URL / NEO4J_URI are unset (withLocalServices). Exits 1 when a computation failed.
 */
import { parseArgs } from 'node:util';
import { withLocalServices } from '../local-stores/local-services';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../../src/lib/server/analytics/levels';
import { refreshAnalytics } from '../../src/lib/server/analytics/refresh';

const USAGE = `usage: tsx tools/cli/analytics.ts refresh [--level ${VISIBILITY_LEVELS.join('|')} …]`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      level: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  const levels = values.level ?? [];
  const unknown = levels.filter((l) => !VISIBILITY_LEVELS.includes(l as VisibilityLevel));
  if (values.help || positionals.length !== 1 || positionals[0] !== 'refresh' || unknown.length > 0) {
    for (const l of unknown) console.error(`--level: "${l}" is not one of ${VISIBILITY_LEVELS.join(', ')}`);
    console.error(USAGE);
    return 2;
  }
  return withLocalServices(async () => {
    const steps = await refreshAnalytics({
      levels: levels.length > 0 ? (levels as VisibilityLevel[]) : VISIBILITY_LEVELS,
      log: (line) => console.log(line)
    });
    const failed = steps.filter((s) => s.error && !s.error.startsWith('skipped'));
    console.log(`${steps.length - failed.length}/${steps.length} analytics entries refreshed`);
    return failed.length > 0 ? 1 : 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`analytics refresh failed: ${error.stack ?? error.message}`);
    process.exit(1);
  }
);
