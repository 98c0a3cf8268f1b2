import type { VisibilityParams } from '../auth/viewer';

/**
 * DataLoaders, created per request (never shared: they cache per viewer).
 * Feature modules add their loaders here.
 */
export type Loaders = Record<string, never>;

export function createLoaders(_visibility: VisibilityParams): Loaders {
  return {};
}
