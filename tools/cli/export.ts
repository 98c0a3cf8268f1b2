/**
 * npm run export -- <organizations|networks|network-memberships|partnerships|grants|graphml|360giving> [--out <file>] [--as admin]
 *
 * Writes one kind as CSV in exactly the import format (docs/data-formats.md), or the whole graph as GraphML, to
 * --out or stdout, or the grants as a 360Giving JSON package (360giving). By default the export is what an anonymous visitor may see (public partnerships, memberships
 * and grants, no MEMBERS/PRIVATE contact fields); `--as admin` exports everything.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { anonymous, visibilityOf, type Viewer } from '../../src/lib/server/access/viewer';
import { IMPORT_KINDS, type ImportKind } from '../../src/lib/server/imports/columns';
import { exportCsv } from '../../src/lib/server/exports/export-csv';
import { exportGraphml } from '../../src/lib/server/exports/graphml';
import { exportGiving360 } from '../../src/lib/server/giving360/export-package';
import { withLocalServices } from '../local-stores/local-services';

const TARGETS = [...IMPORT_KINDS, 'graphml', '360giving'] as const;
const USAGE = `usage: npm run export -- <${TARGETS.join('|')}> [--out <file>] [--as public|admin]`;

/** The CLI runs with database access, so `--as admin` is no escalation: it is whoever can read the database. */
const ADMIN: Viewer = { kind: 'user', userId: 'cli-export', role: 'ADMIN', organizationIds: [] };

async function writerFor(
  out: string | undefined
): Promise<{ write: (chunk: string) => Promise<void>; close: () => Promise<void> }> {
  const stream: NodeJS.WritableStream | WriteStream = out ? createWriteStream(out) : process.stdout;
  return {
    write: async (chunk) => {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    close: async () => {
      if (out) {
        (stream as WriteStream).end();
        await once(stream, 'finish');
      }
    }
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      as: { type: 'string', default: 'public' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  const [target] = positionals;
  if (values.help || positionals.length !== 1 || !TARGETS.includes(target as (typeof TARGETS)[number])) {
    console.error(USAGE);
    return 2;
  }
  if (values.as !== 'public' && values.as !== 'admin') {
    console.error(`--as: "${values.as}" must be public or admin\n${USAGE}`);
    return 2;
  }
  const v = visibilityOf(values.as === 'admin' ? ADMIN : anonymous);

  return withLocalServices(
    async () => {
      const started = performance.now();
      const writer = await writerFor(values.out);
      let summary: string;
      if (target === 'graphml') {
        const counts = await exportGraphml(v, { write: writer.write });
        const nodes = Object.entries(counts.nodes)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ');
        const edges = Object.entries(counts.edges)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ');
        summary = `graphml: nodes ${nodes}; edges ${edges}`;
      } else if (target === '360giving') {
        const pkg = await exportGiving360(v);
        await writer.write(`${JSON.stringify(pkg, null, 2)}\n`);
        summary = `360giving: ${pkg.grants.length} grants`;
      } else {
        const rows = await exportCsv(target as ImportKind, v, { write: writer.write });
        summary = `${target}: ${rows} rows`;
      }
      await writer.close();
      // The summary goes to stderr: stdout may be the export itself.
      console.error(
        `${summary} (${values.as} view) in ${Math.round(performance.now() - started)} ms${values.out ? ` → ${values.out}` : ''}`
      );
      return 0;
    },
    { neo4j: false }
  );
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`export failed: ${error.stack ?? error.message}`);
    process.exit(1);
  }
);
