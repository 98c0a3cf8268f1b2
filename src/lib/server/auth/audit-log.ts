import { getDb } from '../platform/db';
import type { AuditLog, Prisma, User } from '../db/generated/client';
import { isAdmin, type Viewer } from '../access/viewer';

/**
 * Reading the audit log (admins only). Keyset pagination on the id, newest first: stable while new entries
 * arrive, and as fast on page 1000 as on page 1.
 */
export type AuditEntryView = AuditLog & { actor: Pick<User, 'id' | 'name' | 'email' | 'role'> | null };

export interface AuditPage {
  entries: AuditEntryView[];
  hasNextPage: boolean;
}

export interface AuditQuery {
  first: number;
  /** Return entries older than this id. */
  afterId?: bigint;
  entityType?: string;
  entityId?: string;
}

export async function listAuditLog(viewer: Viewer, query: AuditQuery): Promise<AuditPage | null> {
  if (!isAdmin(viewer)) return null;
  const where: Prisma.AuditLogWhereInput = {
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(query.afterId !== undefined ? { id: { lt: query.afterId } } : {})
  };
  const rows = await getDb().auditLog.findMany({
    where,
    include: { actor: { select: { id: true, name: true, email: true, role: true } } },
    orderBy: { id: 'desc' },
    take: query.first + 1
  });
  return { entries: rows.slice(0, query.first), hasNextPage: rows.length > query.first };
}
