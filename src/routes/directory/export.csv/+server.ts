import { parseDirectoryParams } from '$lib/directory/directory-params';
import { startDirectoryCsv } from '../directory-csv';
import type { RequestHandler } from './$types';

interface ApiFieldError {
  field: string;
  message: string;
}

function badRequest(lines: string[]): Response {
  return new Response(`${lines.join('\n')}\n`, {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8' }
  });
}

/**
 * GET /directory/export.csv?<the directory's parameters>: the organisations the directory shows for that URL
 * (every page, up to MAX_EXPORT_ROWS), asked of /graphql with the visitor's own cookies (event.fetch), so the file
 * holds exactly what they may see. A value the directory cannot use is a 400 naming the parameter.
 */
export const GET: RequestHandler = async ({ fetch, url }) => {
  const { state, problems } = parseDirectoryParams(url.searchParams);
  if (problems.length > 0) return badRequest(problems.map((p) => `${p.param}: not a value the directory knows`));

  const start = await startDirectoryCsv(fetch, state, url.origin);
  if (!start.ok) {
    const fieldErrors = (start.error?.graphQLErrors ?? []).flatMap(
      (e) => (e.extensions?.fieldErrors ?? []) as ApiFieldError[]
    );
    if (fieldErrors.length > 0) return badRequest(fieldErrors.map((e) => `${e.field}: ${e.message}`));
    return new Response(`${start.error?.message ?? 'The API returned no data'}\n`, {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8' }
    });
  }

  const encoder = new TextEncoder();
  const { chunks } = start;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    }
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="directory.csv"',
      'x-total-count': String(start.totalCount),
      'x-row-count': String(start.rows),
      // Depends on who asks (visibility) and on live data.
      'cache-control': 'private, no-store'
    }
  });
};
