import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { error } from '@sveltejs/kit';
import { DUMP_FILES, dumpDir, isDumpFile } from '$lib/server/open-data/dump-files';
import type { RequestHandler } from './$types';

/**
 * GET /api/open-data/<file>: the public data dump written by `npm run dump` (public records only, the same for
 * every visitor, hence cacheable). Only the dump's own file names are served; anything else is a 404.
 */
export const GET: RequestHandler = async ({ params }) => {
  if (!isDumpFile(params.file)) error(404, `No dump file "${params.file}": see /api/open-data/README.md`);
  let body: Buffer;
  try {
    body = await readFile(join(dumpDir(), params.file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      error(404, 'The data dump has not been generated yet (npm run dump)');
    throw e;
  }
  const inline = params.file === 'README.md' || params.file === 'manifest.json';
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': DUMP_FILES[params.file],
      ...(inline ? {} : { 'content-disposition': `attachment; filename="coalition-atlas-${params.file}"` }),
      'cache-control': 'public, max-age=3600'
    }
  });
};
