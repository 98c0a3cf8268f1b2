import { europeMapShapes } from '$lib/server/maps/europe';
import type { PageServerLoad } from './$types';

// Map geometry is projected on the server (once per process) so the browser never loads d3-geo or TopoJSON.
export const load: PageServerLoad = () => ({ mapShapes: europeMapShapes() });
