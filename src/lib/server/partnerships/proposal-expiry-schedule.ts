import { expireProposals } from './proposal-expiry';

/**
 * The proposal expiry sweep on a timer (decision 0024 expires proposals; before this the sweep ran only after a
 * proposal or a partnerships page view, so a quiet Atlas kept expired proposals PROPOSED in the database, the
 * graph and the audit log for as long as nobody came by). Once at start, then every `intervalMs`.
 *
 * A timeout chain, not an interval: a sweep never overlaps the previous one. The timer is unref'd (it must not
 * keep the process alive) and `stop()` — a graceful-shutdown step — cancels it and waits for a sweep under way.
 * The timer functions are injectable so tests drive it without sleeping.
 */
export const PROPOSAL_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => { unref?: () => unknown };
  clearTimeout: (handle: ReturnType<Timers['setTimeout']>) => void;
}

export interface ProposalExpirySchedule {
  stop(): Promise<void>;
}

export function startProposalExpirySweep(
  opts: {
    intervalMs?: number;
    sweep?: () => Promise<string[]>;
    log?: (line: string) => void;
    timers?: Timers;
  } = {}
): ProposalExpirySchedule {
  const intervalMs = opts.intervalMs ?? PROPOSAL_SWEEP_INTERVAL_MS;
  const sweep = opts.sweep ?? (() => expireProposals());
  const log = opts.log ?? ((line: string) => console.warn(`[proposals] ${line}`));
  const timers: Timers = opts.timers ?? {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  };
  let stopped = false;
  let timer: ReturnType<Timers['setTimeout']> | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    if (stopped) return;
    try {
      const expired = await sweep();
      if (expired.length > 0) log(`expired ${expired.length} proposal(s) past their deadline`);
    } catch (error) {
      // PostgreSQL away for a moment: the next sweep (and the on-read expiry in the meantime) covers it.
      log(`proposal expiry sweep failed: ${(error as Error)?.message ?? error}`);
    }
    if (!stopped) {
      timer = timers.setTimeout(() => (running = tick()), intervalMs);
      timer.unref?.();
    }
  };
  running = tick();

  return {
    async stop() {
      stopped = true;
      if (timer) timers.clearTimeout(timer);
      await running;
    }
  };
}
