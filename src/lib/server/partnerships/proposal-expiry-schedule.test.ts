import { describe, expect, it } from 'vitest';
import { manualTimers } from './manual-timers';
import { PROPOSAL_SWEEP_INTERVAL_MS, startProposalExpirySweep } from './proposal-expiry-schedule';

/** Resolves once `condition` holds, checking after each turn of the event loop (no fixed sleep). */
async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** A schedule on hand-fired timers whose sweep only counts its calls. */
function countingSchedule() {
  const clock = manualTimers();
  let count = 0;
  const schedule = startProposalExpirySweep({
    timers: clock.timers,
    sweep: async () => (count++, []),
    log: () => {}
  });
  return { clock, schedule, sweeps: () => count };
}

describe('the proposal expiry schedule', () => {
  it('sweeps at start, then once per interval, on an unref’d timer', async () => {
    const { clock, schedule, sweeps } = countingSchedule();
    await until(() => clock.pending().length === 1);
    expect(sweeps()).toBe(1);
    expect(clock.pending()[0]).toMatchObject({ ms: PROPOSAL_SWEEP_INTERVAL_MS, unrefd: true });

    clock.fire();
    await until(() => clock.pending().length === 1);
    expect(sweeps()).toBe(2);
    clock.fire();
    await until(() => clock.pending().length === 1);
    expect(sweeps()).toBe(3);
    await schedule.stop();
  });

  it('stops: no timer left and no sweep after stop, even when the old timer would fire', async () => {
    const { clock, schedule, sweeps } = countingSchedule();
    await until(() => clock.pending().length === 1);
    await schedule.stop();
    expect(clock.pending()).toEqual([]);
    clock.fire();
    expect(sweeps()).toBe(1);
  });

  it('stop waits for a sweep under way and schedules nothing after it', async () => {
    const clock = manualTimers();
    let release!: () => void;
    let finished = false;
    const schedule = startProposalExpirySweep({
      timers: clock.timers,
      sweep: () => new Promise<string[]>((resolve) => (release = () => resolve([]))).finally(() => (finished = true)),
      log: () => {}
    });
    const stopping = schedule.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    expect(clock.pending()).toEqual([]);
  });

  it('keeps its schedule when a sweep fails, and says why', async () => {
    const clock = manualTimers();
    const lines: string[] = [];
    const schedule = startProposalExpirySweep({
      timers: clock.timers,
      sweep: () => Promise.reject(new Error('database away')),
      log: (line) => lines.push(line)
    });
    await until(() => clock.pending().length === 1);
    expect(lines).toEqual(['proposal expiry sweep failed: database away']);
    await schedule.stop();
  });
});
