import { Prisma } from '../db/generated/client';
import type { VisibilityParams } from './viewer';

/**
 * The rule of visibility-cypher.ts (visibleRel) as a raw SQL predicate over `alias`, for hand-written queries: the
 * row is visible when it is PUBLIC, or MEMBERS and the viewer is signed in, or the viewer is an admin, or the
 * viewer belongs to one of its sides. The values travel as parameters.
 */
export function visibleSql(v: VisibilityParams, alias: string, sideA: string, sideB: string = sideA): Prisma.Sql {
  const a = Prisma.raw(`${alias}."${sideA}"`);
  const b = Prisma.raw(`${alias}."${sideB}"`);
  const vis = Prisma.raw(`${alias}."visibility"`);
  return Prisma.sql`(${vis} = 'PUBLIC' OR (${v.seeMembers} AND ${vis} = 'MEMBERS') OR ${v.seeAll} OR ${a} = ANY(${v.orgIds}::text[]) OR ${b} = ANY(${v.orgIds}::text[]))`;
}
