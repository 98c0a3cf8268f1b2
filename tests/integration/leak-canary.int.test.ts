/**
 * Proof that the leak suite can fail. Here the visibility layer is forced to "see all" — the Cypher parameters
 * (access/visibility-cypher.ts: visibilityParams) and the SQL predicates (access/visibility-prisma.ts, visibility-sql.ts) both answer as if
 * the viewer were an admin — and the suite's own comparison (leak-matrix.ts: mismatches) is run as an anonymous
 * viewer. It must report exactly the cells where an anonymous visitor's answer differs from an admin's: every
 * path where hiding something matters, and nothing else. Without the rules, the suite goes red cell by cell.
 */
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { buildLeakGraph, type LeakGraph } from '../factories/leak-graph';
import { mismatches, type LeakPath } from '../factories/leak-matrix';
import { allLeakPaths } from '../factories/leak-suite';

vi.mock('../../src/lib/server/access/visibility-cypher', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lib/server/access/visibility-cypher')>();
  return { ...original, visibilityParams: () => ({ seeMembers: true, seeAll: true, viewerOrgIds: [] }) };
});

vi.mock('../../src/lib/server/access/visibility-prisma', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lib/server/access/visibility-prisma')>();
  return {
    ...original,
    visiblePartnershipWhere: () => ({}),
    visibleGrantWhere: () => ({}),
    visibleMembershipWhere: () => ({})
  };
});

vi.mock('../../src/lib/server/access/visibility-sql', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lib/server/access/visibility-sql')>();
  const { Prisma } = await import('../../src/lib/server/db/generated/client');
  return { ...original, visibleSql: () => Prisma.sql`TRUE` };
});

vi.mock('../../src/lib/server/access/field-visibility', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lib/server/access/field-visibility')>();
  return { ...original, canSeeField: () => true };
});

let graph: LeakGraph;
let paths: LeakPath[];

beforeAll(async () => {
  graph = await buildLeakGraph(getDb());
  paths = allLeakPaths(graph);
});

describe('the leak suite with visibility forced to "see all"', () => {
  it('flags, as anonymous, every cell where anonymous and admin answers differ — and only those', async () => {
    const expectedToFail = paths
      .filter((p) => !p.roleOnly && !isDeepStrictEqual(p.expected.anonymous, p.expected.admin))
      .map((p) => `${p.name} × anonymous`);
    expect(expectedToFail.length).toBeGreaterThan(20);
    expect(
      await mismatches(
        paths.filter((p) => !p.roleOnly),
        graph.viewers,
        ['anonymous']
      )
    ).toEqual(expectedToFail);
  });
});
