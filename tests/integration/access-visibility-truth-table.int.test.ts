/**
 * The visibility rule is written once per store language (src/lib/server/access/): Cypher for Neo4j, a Prisma
 * `where` and a raw SQL predicate for PostgreSQL. This table runs the same cases through all three against the real
 * stores, so the three cannot drift apart: a row with two sides is visible when it is PUBLIC, or MEMBERS and the
 * viewer is signed in, or the viewer is an admin, or the viewer acts for one of its two sides.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Visibility } from '../../src/lib/server/db/generated/client';
import { Prisma } from '../../src/lib/server/db/generated/client';
import { visibleRel, visibilityParams } from '../../src/lib/server/access/visibility-cypher';
import { visibleWhere } from '../../src/lib/server/access/visibility-prisma';
import { visibleSql } from '../../src/lib/server/access/visibility-sql';
import { anonymous, visibilityOf, type Viewer } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { readRows, writeTx } from '../../src/lib/server/platform/neo4j';
import { createOrganization, createPartnership } from '../factories/organizations';

const LEVELS: Visibility[] = ['PUBLIC', 'MEMBERS', 'PRIVATE'];

/** One partnership per level, each between its own two organisations (side A proposes, side B is invited). */
interface Row {
  id: string;
  visibility: Visibility;
  orgAId: string;
  orgBId: string;
}
let rows: Row[] = [];
let outsiderOrgId = '';

const member = (organizationIds: string[]): Viewer => ({
  kind: 'user',
  userId: 'truth-table-user',
  role: 'MEMBER',
  organizationIds
});

/** Each viewer and the levels it must see: the rule, written out once by hand. */
function cases(): { name: string; viewer: Viewer; sees: Visibility[] }[] {
  return [
    { name: 'anonymous', viewer: anonymous, sees: ['PUBLIC'] },
    { name: 'signed-in outsider', viewer: member([outsiderOrgId]), sees: ['PUBLIC', 'MEMBERS'] },
    { name: 'signed in, no organisation', viewer: member([]), sees: ['PUBLIC', 'MEMBERS'] },
    {
      name: 'member of side A',
      viewer: member(rows.map((r) => r.orgAId)),
      sees: ['PUBLIC', 'MEMBERS', 'PRIVATE']
    },
    {
      name: 'member of side B',
      viewer: member(rows.map((r) => r.orgBId)),
      sees: ['PUBLIC', 'MEMBERS', 'PRIVATE']
    },
    {
      name: 'admin',
      viewer: { kind: 'user', userId: 'truth-table-admin', role: 'ADMIN', organizationIds: [] },
      sees: ['PUBLIC', 'MEMBERS', 'PRIVATE']
    }
  ];
}

const levelsOf = (ids: string[]) => rows.filter((r) => ids.includes(r.id)).map((r) => r.visibility);

async function throughCypher(viewer: Viewer): Promise<Visibility[]> {
  const found = await readRows<{ id: string }>(
    `MATCH (:TruthTableSide)-[r:TRUTH_TABLE]->(:TruthTableSide) WHERE ${visibleRel('r')} RETURN r.id AS id`,
    visibilityParams(visibilityOf(viewer))
  );
  return levelsOf(found.map((f) => f.id));
}

async function throughPrisma(viewer: Viewer): Promise<Visibility[]> {
  const found = await getDb().partnership.findMany({
    where: {
      AND: [
        { id: { in: rows.map((r) => r.id) } },
        visibleWhere<Prisma.PartnershipWhereInput>(visibilityOf(viewer), 'orgAId', 'orgBId') ?? {}
      ]
    },
    select: { id: true }
  });
  return levelsOf(found.map((f) => f.id));
}

async function throughSql(viewer: Viewer): Promise<Visibility[]> {
  const found = await getDb().$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT p."id" FROM "Partnership" p
    WHERE p."id" = ANY(${rows.map((r) => r.id)}::text[])
      AND ${visibleSql(visibilityOf(viewer), 'p', 'orgAId', 'orgBId')}`);
  return levelsOf(found.map((f) => f.id));
}

beforeAll(async () => {
  const db = getDb();
  outsiderOrgId = (await createOrganization(db)).id;
  rows = [];
  for (const visibility of LEVELS) {
    const [a, b] = [await createOrganization(db), await createOrganization(db)];
    const p = await createPartnership(db, a, b, { visibility });
    rows.push({ id: p.id, visibility, orgAId: a.id, orgBId: b.id });
  }
  // The same rows as relationships in Neo4j, carrying the properties the projection writes (visibility, orgA, orgB).
  await writeTx((tx) =>
    tx.run(
      `UNWIND $rows AS row
       CREATE (:TruthTableSide {id: row.orgAId})-[:TRUTH_TABLE {id: row.id, visibility: row.visibility,
         orgA: row.orgAId, orgB: row.orgBId}]->(:TruthTableSide {id: row.orgBId})`,
      { rows }
    )
  );
});

describe('the visibility rule in Cypher, Prisma and SQL', () => {
  it('covers every level once', () => {
    expect(rows.map((r) => r.visibility).sort()).toEqual([...LEVELS].sort());
  });

  for (const language of ['Cypher', 'Prisma', 'SQL'] as const) {
    const run = { Cypher: throughCypher, Prisma: throughPrisma, SQL: throughSql }[language];
    it(`${language}: each viewer sees exactly the levels of the table`, async () => {
      for (const { name, viewer, sees } of cases()) {
        expect({ viewer: name, sees: (await run(viewer)).sort() }).toEqual({ viewer: name, sees: [...sees].sort() });
      }
    });
  }
});
