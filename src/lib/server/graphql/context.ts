import type { Viewer, VisibilityParams } from '../access/viewer';
import { visibilityOf } from '../access/viewer';
import { createLoaders, type Loaders } from './loaders';

/** Per-request only: the viewer and fresh DataLoaders. Clients (Prisma, Neo4j) are process-wide singletons. */
export interface GraphQLContext {
  viewer: Viewer;
  visibility: VisibilityParams;
  loaders: Loaders;
}

export function createContext(viewer: Viewer): GraphQLContext {
  const visibility = visibilityOf(viewer);
  return { viewer, visibility, loaders: createLoaders(visibility) };
}
