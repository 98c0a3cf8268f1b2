import type { Viewer } from '../auth/viewer';

/**
 * What the /graphql route hands to yoga.fetch for each request: the viewer resolved by hooks.server.ts and the
 * client's address (for per-IP rate limits; absent in in-process calls, which then share one "unknown" bucket).
 */
export interface ApiServerContext {
  viewer: Viewer;
  clientAddress?: string;
}
