/**
 * Moderation follow-ups (issue 15 part 7, decision 0043): an admin resolves or dismisses an abuse report with a note
 * — the queue hides it, the record and the audit log keep it — and the creators of a member-made organisation hear
 * when an admin verifies it (inbox, and mail in their language per their preference, received over SMTP).
 */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { settleBackgroundWork } from '../../src/lib/server/background-work';
import { listAbuseReports } from '../../src/lib/server/introductions/queries';
import { resolveAbuseReport } from '../../src/lib/server/moderation/reports';
import { verifyOrganization } from '../../src/lib/server/moderation/verification';
import { getDb } from '../../src/lib/server/platform/db';
import { load as loadQueue } from '../../src/routes/admin/moderation/+page.server';
import { createViewer } from '../factories/graphql';
import { createOrganization } from '../factories/organizations';
import { mailOverTestSmtp } from '../setup/mail-over-smtp';

type Member = Extract<Viewer, { kind: 'user' }>;
const db = getDb();
const smtp = mailOverTestSmtp();
const ARRIVAL = { timeout: 60_000, interval: 100 };

async function reportedIntroduction(): Promise<{ reportId: string; asker: Member }> {
  const from = await createOrganization(db);
  const to = await createOrganization(db);
  const asker = await createViewer(db, { organizationIds: [from.id] });
  const reporter = await createViewer(db, { organizationIds: [to.id] });
  const introduction = await db.introduction.create({
    data: {
      requesterId: asker.userId,
      fromOrganizationId: from.id,
      toOrganizationId: to.id,
      message: 'Buy our consultancy',
      status: 'DECLINED',
      expiresAt: new Date(Date.now() + 86_400_000)
    }
  });
  const report = await db.introductionReport.create({
    data: { introductionId: introduction.id, reporterId: reporter.userId, note: 'Advertising' }
  });
  return { reportId: report.id, asker };
}

const fieldsOf = (outcome: Awaited<ReturnType<typeof resolveAbuseReport>>) =>
  !outcome.ok && outcome.failure.kind === 'validation' ? outcome.failure.fieldErrors.map((e) => e.field) : [];

describe('deciding an abuse report', () => {
  it('refuses bad input naming the field, and anyone but an admin; changes nothing', async () => {
    const { reportId, asker } = await reportedIntroduction();
    const admin = await createViewer(db, { role: 'ADMIN' });
    expect(fieldsOf(await resolveAbuseReport(admin, { id: reportId, resolution: 'RESOLVED', note: '  ' }))).toEqual([
      'note'
    ]);
    const badResolution = await resolveAbuseReport(admin, {
      id: reportId,
      resolution: 'IGNORED' as 'RESOLVED',
      note: 'x'
    });
    expect(fieldsOf(badResolution)).toEqual(['resolution']);
    const byMember = await resolveAbuseReport(asker, { id: reportId, resolution: 'DISMISSED', note: 'mine' });
    expect(byMember.ok ? null : byMember.failure.kind).toBe('forbidden');
    const unknown = await resolveAbuseReport(admin, { id: 'no-such-report', resolution: 'RESOLVED', note: 'x' });
    expect(unknown.ok ? null : unknown.failure).toMatchObject({ kind: 'not-found', field: 'id' });
    const row = await db.introductionReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(row).toMatchObject({ resolution: null, resolvedAt: null, resolutionNote: null });
  });

  it('a resolved report leaves the queue, keeps its decision and an audit entry, and cannot be decided twice', async () => {
    const { reportId } = await reportedIntroduction();
    const { reportId: otherId } = await reportedIntroduction();
    const admin = await createViewer(db, { role: 'ADMIN' });
    const openBefore = (await listAbuseReports(admin, 1000))!.map((r) => r.id);
    expect(openBefore).toEqual(expect.arrayContaining([reportId, otherId]));

    const resolved = await resolveAbuseReport(admin, {
      id: reportId,
      resolution: 'RESOLVED',
      note: 'Warned the sender'
    });
    expect(resolved).toEqual({ ok: true, value: { id: reportId, resolution: 'RESOLVED' } });
    const dismissed = await resolveAbuseReport(admin, { id: otherId, resolution: 'DISMISSED', note: 'Not abuse' });
    expect(dismissed.ok).toBe(true);

    const open = (await listAbuseReports(admin, 1000))!.map((r) => r.id);
    expect(open).not.toContain(reportId);
    expect(open).not.toContain(otherId);
    const queue = (await loadQueue({
      locals: { viewer: admin },
      setHeaders: () => {}
    } as never)) as { reports: { id: string }[] };
    expect(queue.reports.map((r) => r.id)).not.toContain(reportId);

    const decided = (await listAbuseReports(admin, 1000, 'decided'))!.find((r) => r.id === reportId);
    const adminRow = await db.user.findUniqueOrThrow({ where: { id: admin.userId } });
    expect(decided?.decision).toMatchObject({
      resolution: 'RESOLVED',
      note: 'Warned the sender',
      by: { name: adminRow.name, email: adminRow.email }
    });
    const audit = await db.auditLog.findMany({ where: { entityType: 'IntroductionReport', entityId: reportId } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['abuse-report.resolve', admin.userId]]);

    const again = await resolveAbuseReport(admin, { id: reportId, resolution: 'DISMISSED', note: 'Changed my mind' });
    expect(again.ok ? null : again.failure).toMatchObject({
      kind: 'validation',
      fieldErrors: [{ field: 'id', message: 'is already decided' }]
    });
    expect((await db.introductionReport.findUniqueOrThrow({ where: { id: reportId } })).resolution).toBe('RESOLVED');
  });
});

describe('verifying a member-made organisation', () => {
  it('tells its creator (inbox + mail in their language), not the admin; a NEVER preference keeps it to the inbox', async () => {
    const org = await createOrganization(db, { name: `Neu gegründet ${Date.now()}`, unverifiedSince: new Date() });
    const creator = await createViewer(db);
    const quiet = await createViewer(db);
    await db.user.update({ where: { id: creator.userId }, data: { language: 'de' } });
    await db.membership.createMany({
      data: [creator, quiet].map((v) => ({
        userId: v.userId,
        organizationId: org.id,
        role: 'OWNER' as const,
        status: 'APPROVED' as const
      }))
    });
    await db.notificationPreference.create({
      data: { userId: quiet.userId, kind: 'ORGANIZATION_VERIFIED', delivery: 'NEVER' }
    });
    const admin = await createViewer(db, { role: 'ADMIN' });

    expect((await verifyOrganization(admin, org.id)).ok).toBe(true);
    await settleBackgroundWork();

    const notes = await db.notification.findMany({ where: { organizationId: org.id, kind: 'ORGANIZATION_VERIFIED' } });
    expect(notes.map((n) => n.userId).sort()).toEqual([creator.userId, quiet.userId].sort());
    const email = (await db.user.findUniqueOrThrow({ where: { id: creator.userId } })).email;
    await expect.poll(() => smtp().to(email).length, ARRIVAL).toBe(1);
    const [mail] = smtp().to(email);
    expect(mail!.subject).toBe(`${org.name} ist verifiziert`);
    expect(mail!.text).toContain(`/organizations/${org.slug}`);
    expect(mail!.headers.get('content-language')).toBe('de');
    const quietEmail = (await db.user.findUniqueOrThrow({ where: { id: quiet.userId } })).email;
    expect(smtp().to(quietEmail)).toHaveLength(0);
  });
});
