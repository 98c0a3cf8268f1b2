import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { anonymous, visibilityOf } from '../access/viewer';
import type { PrismaClient } from '../db/generated/client';
import { getDb } from '../platform/db';
import { exportCsv } from '../exports/export-csv';
import { exportGraphml } from '../exports/graphml';
import { exportGiving360 } from '../giving360/export-package';
import { dumpReadme } from './dump-readme';
import type { DumpFileName, DumpManifest } from './dump-files';

/**
 * Writes the public data dump into `dir`: what an anonymous visitor may see, whoever runs it (public
 * partnerships, memberships and grants; contact details only where public), through the same exporters as
 * `npm run export`. Each file is written under a temporary name and renamed into place, so a download never
 * gets a half-written file; a run that fails removes its temporary files (none are left beside the last good dump).
 */
export async function writeDump(options: {
  dir: string;
  licence: string;
  db?: PrismaClient;
  now?: Date;
}): Promise<DumpManifest> {
  const db = options.db ?? getDb();
  const v = visibilityOf(anonymous);
  await mkdir(options.dir, { recursive: true });
  const written: { name: DumpFileName; records: number | null; temp: string }[] = [];
  const temps: string[] = [];
  const tempFor = (name: DumpFileName) => {
    const temp = join(options.dir, `.${name}.${process.pid}.tmp`);
    temps.push(temp);
    return temp;
  };
  try {
    return await writeFiles();
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    throw error;
  }

  async function writeFiles(): Promise<DumpManifest> {
    const streamed = async (
      name: DumpFileName,
      produce: (write: (chunk: string) => Promise<void>) => Promise<number>
    ) => {
      const temp = tempFor(name);
      const stream = createWriteStream(temp);
      const records = await produce(async (chunk) => {
        if (!stream.write(chunk)) await once(stream, 'drain');
      }).catch((error: unknown) => {
        stream.destroy();
        throw error;
      });
      stream.end();
      await once(stream, 'finish');
      written.push({ name, records, temp });
    };
    const whole = async (name: DumpFileName, text: string, records: number | null) => {
      const temp = tempFor(name);
      await writeFile(temp, text);
      written.push({ name, records, temp });
    };

    await streamed('organizations.csv', (write) => exportCsv('organizations', v, { db, write }));
    await streamed('partnerships.csv', (write) => exportCsv('partnerships', v, { db, write }));
    await streamed('atlas.graphml', async (write) => {
      const counts = await exportGraphml(v, { db, write });
      return Object.values(counts.nodes).reduce((a, b) => a + b, 0);
    });
    const giving = await exportGiving360(v, { db, licence: options.licence });
    await whole('grants-360giving.json', `${JSON.stringify(giving, null, 2)}\n`, giving.grants.length);

    const generatedAt = (options.now ?? new Date()).toISOString();
    const files = await Promise.all(
      written.map(async (f) => ({ name: f.name, records: f.records, bytes: (await stat(f.temp)).size }))
    );
    const manifest: DumpManifest = { generatedAt, licence: options.licence, files };
    await whole('README.md', dumpReadme(manifest), null);
    await whole('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, null);
    for (const f of written) await rename(f.temp, join(options.dir, f.name));
    return manifest;
  }
}
