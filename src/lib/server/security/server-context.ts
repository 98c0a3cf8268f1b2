import type { Viewer } from '../access/viewer';

/**
 * What the /graphql route hands to yoga.fetch for each request: the viewer resolved by hooks.server.ts and the
 * client's address (for rate limits; absent in in-process calls from server code and tests, which are not limited).
 */
export interface ApiServerContext {
  viewer: Viewer;
  clientAddress?: string;
}
