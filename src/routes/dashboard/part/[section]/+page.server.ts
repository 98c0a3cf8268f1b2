import type { PageServerLoad } from './$types';
import { loadPart } from '../load-part';

// A dashboard section as a page of its own: how it is reached without JavaScript (decision 0052).
export const load: PageServerLoad = async (event) => {
  event.setHeaders({ 'cache-control': 'private, no-store' });
  return loadPart(event);
};
