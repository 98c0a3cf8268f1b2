import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { loadPart } from '../../load-part';

// A section's data for the dashboard's script (decision 0052). Per viewer: never kept by shared caches.
export const GET: RequestHandler = async (event) => {
  const { data, errors } = await loadPart(event);
  return json({ data, errors }, { headers: { 'cache-control': 'private, no-store' } });
};
