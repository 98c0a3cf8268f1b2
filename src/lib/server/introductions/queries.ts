import { getDb } from '../platform/db';
import { isAdmin, type Viewer } from '../access/viewer';
import { introductionView, introductionViewInclude, type IntroductionView } from './views';

type Member = Extract<Viewer, { kind: 'user' }>;

/** How many of each list the inbox shows (newest first); older ones stay in the database. */
const LIST_SIZE = 50;

/** The requests this member sent, as the asker sees them (a decline reads NOT_NOW). */
export async function introductionsAsked(viewer: Member): Promise<IntroductionView[]> {
  const rows = await getDb().introduction.findMany({
    where: { requesterId: viewer.userId },
    include: introductionViewInclude,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LIST_SIZE
  });
  return rows.flatMap((row) => introductionView(viewer, row) ?? []);
}

/** The requests made to this member's organisations, as the asked side sees them. */
export async function introductionsReceived(viewer: Member): Promise<IntroductionView[]> {
  if (viewer.organizationIds.length === 0) return [];
  const rows = await getDb().introduction.findMany({
    where: { toOrganizationId: { in: viewer.organizationIds }, requesterId: { not: viewer.userId } },
    include: introductionViewInclude,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LIST_SIZE
  });
  return rows.flatMap((row) => introductionView(viewer, row) ?? []);
}

export interface AbuseReport {
  id: string;
  createdAt: Date;
  note: string | null;
  reporter: { name: string; email: string };
  /** The admin's decision (decision 0043); null while the report is open. */
  decision: {
    resolution: 'RESOLVED' | 'DISMISSED';
    note: string | null;
    at: Date;
    by: { name: string; email: string } | null;
  } | null;
  introduction: {
    id: string;
    message: string;
    reason: string | null;
    createdAt: Date;
    status: string;
    requester: { name: string; email: string };
    from: { name: string; slug: string };
    to: { name: string; slug: string };
  };
}

/**
 * Admins only (null for anyone else): the abuse reports, newest first, with the request they are about — the open
 * ones (the queue) or the decided ones (the record).
 */
export async function listAbuseReports(
  viewer: Viewer,
  first = 100,
  state: 'open' | 'decided' = 'open'
): Promise<AbuseReport[] | null> {
  if (!isAdmin(viewer)) return null;
  const person = { select: { name: true, email: true } };
  const org = { select: { name: true, slug: true } };
  const rows = await getDb().introductionReport.findMany({
    where: { resolvedAt: state === 'open' ? null : { not: null } },
    include: {
      reporter: person,
      resolvedBy: person,
      introduction: { include: { requester: person, fromOrganization: org, toOrganization: org } }
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: first
  });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    note: r.note,
    reporter: r.reporter,
    decision:
      r.resolution && r.resolvedAt
        ? { resolution: r.resolution, note: r.resolutionNote, at: r.resolvedAt, by: r.resolvedBy }
        : null,
    introduction: {
      id: r.introduction.id,
      message: r.introduction.message,
      reason: r.introduction.reason,
      createdAt: r.introduction.createdAt,
      status: r.introduction.status,
      requester: r.introduction.requester,
      from: r.introduction.fromOrganization,
      to: r.introduction.toOrganization
    }
  }));
}
