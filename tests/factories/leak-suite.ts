/**
 * Registers the leak matrix's cells as tests: per family a describe, per path a describe, per viewer a test —
 * "graph > connectionPaths Alder → Birch > as unrelatedMember". The graph is built once per file (beforeAll);
 * the table of names is known before it exists, because Vitest collects tests before running hooks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { exportLeakPaths } from './leak-exports';
import { buildLeakGraph, VIEWER_NAMES, type LeakGraph } from './leak-graph';
import type { LeakPath } from './leak-matrix';
import { analyticsLeakPaths } from './leak-paths-analytics';
import { directoryLeakPaths } from './leak-paths-directory';
import { fundingLeakPaths } from './leak-paths-funding';
import { graphLeakPaths } from './leak-paths-graph';
import { notificationLeakPaths } from './leak-notifications';
import { savedSearchLeakPaths } from './leak-saved-searches';

export function allLeakPaths(graph: LeakGraph): LeakPath[] {
  return [
    ...directoryLeakPaths(graph),
    ...fundingLeakPaths(graph),
    ...graphLeakPaths(graph),
    ...analyticsLeakPaths(),
    ...exportLeakPaths(),
    ...notificationLeakPaths(graph),
    ...savedSearchLeakPaths()
  ];
}

/** Path names only need names, not ids: a graph whose lookups return their argument stands in to list them. */
const NAME_ONLY: LeakGraph = { org: (n) => n, partnership: (k) => k, viewers: {} as LeakGraph['viewers'] };

export function describeLeakMatrix(families: LeakPath['family'][]): void {
  let graph: LeakGraph;
  let paths: LeakPath[] = [];
  beforeAll(async () => {
    graph = await buildLeakGraph(getDb());
    paths = allLeakPaths(graph);
  });

  for (const family of families) {
    const names = allLeakPaths(NAME_ONLY)
      .filter((p) => p.family === family)
      .map((p) => p.name);
    describe(family, () => {
      describe.each(names)('%s', (name) => {
        it.each(VIEWER_NAMES)('as %s', async (viewer) => {
          const path = paths.find((p) => p.name === name)!;
          expect(await path.run(graph.viewers[viewer])).toEqual(path.expected[viewer]);
        });
      });
    });
  }
}
