import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { env } from '../env';

/**
 * The public data dump's files (issue #16 part 5) and where they live. Only these names are ever served from
 * the dump folder (/api/open-data/<name>), so nothing else that lands there can be downloaded.
 */
export const DUMP_FILES = {
  'README.md': 'text/markdown; charset=utf-8',
  'organizations.csv': 'text/csv; charset=utf-8',
  'partnerships.csv': 'text/csv; charset=utf-8',
  'atlas.graphml': 'application/graphml+xml; charset=utf-8',
  'grants-360giving.json': 'application/json; charset=utf-8',
  'manifest.json': 'application/json; charset=utf-8'
} as const;

export type DumpFileName = keyof typeof DUMP_FILES;

export const isDumpFile = (name: string): name is DumpFileName => Object.hasOwn(DUMP_FILES, name);

export function dumpDir(): string {
  const config = env();
  return config.OPEN_DATA_DIR ?? join(config.DATA_DIR, 'open-data');
}

/** What manifest.json records: when the dump was made, under which licence, and how many records each file has. */
export interface DumpManifest {
  generatedAt: string;
  licence: string;
  files: { name: DumpFileName; records: number | null; bytes: number }[];
}

/** The last dump's manifest, or null when `npm run dump` has not been run (or wrote into another folder). */
export async function readDumpManifest(): Promise<DumpManifest | null> {
  try {
    return JSON.parse(await readFile(join(dumpDir(), 'manifest.json'), 'utf8')) as DumpManifest;
  } catch {
    return null;
  }
}
