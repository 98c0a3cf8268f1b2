import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { parseDashboardFilters } from '$lib/components/dashboard/parse-filters';
import { csvLine } from '$lib/server/exports/csv-writer';
import { buildTable, EXPORT_TABLES, isExportTable } from '../tables';

/**
 * GET /dashboard/export/<table>.csv?<the dashboard's filters> — one of the dashboard's tables, complete, as CSV.
 * The data comes from /graphql through this request's `fetch`, i.e. as the visitor: the API decides what they
 * may see, exactly as on the page.
 */
export const GET: RequestHandler = async ({ params, url, fetch, locals }) => {
  if (!isExportTable(params.table)) {
    error(404, `No dashboard table "${params.table}". Tables: ${EXPORT_TABLES.join(', ')}.`);
  }
  const { filters, errors } = parseDashboardFilters(url.searchParams);
  const invalid = Object.values(errors).map((e) => e.message);
  if (invalid.length > 0) error(400, `Invalid filter: ${invalid.join('; ')}`);

  const table = await buildTable(params.table, { fetch, locale: locals.lang, filters, errors });
  // A funder slug the directory does not know is only found while loading (errors.funder is set then).
  if (errors.funder) error(400, `Invalid filter: ${errors.funder.message}`);

  const body = csvLine(table.columns) + table.rows.map((row) => csvLine(row, table.columns)).join('');
  const name = ['atlas', params.table, filters.funder, filters.from, filters.to]
    .filter((p) => p !== null && p !== undefined)
    .join('-');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.csv"`,
      // Depends on who asks (visibility): never stored by shared caches.
      'cache-control': 'private, no-store'
    }
  });
};
