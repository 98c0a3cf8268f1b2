import { visibilityOf } from '$lib/server/access/viewer';
import { exportGiving360 } from '$lib/server/giving360/export-package';
import type { RequestHandler } from './$types';

/**
 * GET /api/360giving.json: the grants the visitor may see (session or API token; anonymous: public grants only)
 * as a 360Giving JSON package. Per viewer, so never cached publicly.
 */
export const GET: RequestHandler = async ({ locals }) => {
  const pkg = await exportGiving360(visibilityOf(locals.viewer));
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="atlas-grants-360giving.json"',
      'cache-control': 'private, no-store'
    }
  });
};
