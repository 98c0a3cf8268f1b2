/**
 * The hourly proposal expiry sweep against real PostgreSQL: a proposal past its deadline is written EXPIRED by the
 * scheduled sweep without any request, a fresh one stays PROPOSED, and after stop() the timer no longer sweeps.
 * The timer is driven by hand (manual-timers.ts): no sleeping.
 */
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/platform/db';
import { expireProposals } from '../../src/lib/server/partnerships/proposal-expiry';
import { manualTimers } from '../../src/lib/server/partnerships/manual-timers';
import { startProposalExpirySweep } from '../../src/lib/server/partnerships/proposal-expiry-schedule';
import { createOrganization, createPartnership } from '../factories/organizations';

const db = getDb();
const hour = 60 * 60 * 1000;
const statusOf = async (id: string) => (await db.partnership.findUniqueOrThrow({ where: { id } })).status;

async function until(condition: () => Promise<boolean> | boolean) {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
}

describe('the scheduled proposal expiry sweep', () => {
  it('expires overdue proposals on its timer, leaves fresh ones, and stops with shutdown', async () => {
    const [a, b, c] = await Promise.all(
      ['Sweep A', 'Sweep B', 'Sweep C'].map((name) => createOrganization(db, { name }))
    );
    const fresh = await createPartnership(db, a, b, { status: 'PROPOSED', expiresAt: new Date(Date.now() + hour) });
    const clock = manualTimers();
    const swept: string[][] = [];
    const schedule = startProposalExpirySweep({
      timers: clock.timers,
      log: () => {},
      sweep: async () => {
        const ids = await expireProposals();
        swept.push(ids);
        return ids;
      }
    });
    await until(() => clock.pending().length === 1);
    expect(await statusOf(fresh.id)).toBe('PROPOSED');

    // Becomes overdue while the app runs; the next tick of the timer — not a request — writes it down.
    const overdue = await createPartnership(db, a, c, { status: 'PROPOSED', expiresAt: new Date(Date.now() - hour) });
    expect(await statusOf(overdue.id)).toBe('PROPOSED');
    clock.fire();
    await until(() => swept.length === 2 && clock.pending().length === 1);
    expect(swept[1]).toEqual([overdue.id]);
    expect(await statusOf(overdue.id)).toBe('EXPIRED');
    expect(await statusOf(fresh.id)).toBe('PROPOSED');
    const audit = await db.auditLog.findMany({ where: { entityId: overdue.id, action: 'partnership.expire' } });
    expect(audit).toHaveLength(1);

    // Shut down: the timer is gone, and a late firing of the old handle sweeps nothing.
    await schedule.stop();
    expect(clock.pending()).toEqual([]);
    await db.partnership.update({ where: { id: fresh.id }, data: { expiresAt: new Date(Date.now() - hour) } });
    clock.fire();
    expect(swept).toHaveLength(2);
    expect(await statusOf(fresh.id)).toBe('PROPOSED');
  });
});
