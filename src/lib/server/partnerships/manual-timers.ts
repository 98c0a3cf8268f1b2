import type { Timers } from './proposal-expiry-schedule';

/**
 * Timers a test fires by hand (`fire()` runs the due callback as if its delay had passed), so scheduler tests
 * neither sleep nor fake the global clock — which would also stop the database drivers' own timers.
 */
export function manualTimers() {
  let next = 0;
  const pending = new Map<number, { fn: () => void; ms: number; unrefd: boolean }>();
  const timers: Timers = {
    setTimeout(fn, ms) {
      const id = ++next;
      const entry = { fn, ms, unrefd: false };
      pending.set(id, entry);
      return { id, unref: () => (entry.unrefd = true) } as { unref: () => unknown };
    },
    clearTimeout(handle) {
      pending.delete((handle as unknown as { id: number }).id);
    }
  };
  return {
    timers,
    /** Scheduled and not yet fired nor cleared. */
    pending: () => [...pending.values()],
    /** Fires every pending timer once. */
    fire() {
      const due = [...pending.entries()];
      for (const [id] of due) pending.delete(id);
      for (const [, entry] of due) entry.fn();
    }
  };
}
