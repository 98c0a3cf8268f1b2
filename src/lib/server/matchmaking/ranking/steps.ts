/**
 * CPU-heavy fitting written once, runnable two ways (docs/decisions/0036-ranking-refit-off-the-request-path.md).
 * A fit is a generator that yields between bounded pieces of work (about a thousand candidate rows, or one query's
 * list): `runNow` drives it to the end synchronously (unit tests, small inputs), `runSliced` drives it in slices of
 * a few milliseconds with `setImmediate` between them, so the app's event loop keeps answering requests while a
 * stale model is refitted in the background. A yield carries no value; only the final result matters, so both
 * drivers return exactly the same answer.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once and returns the result. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the steps, giving the event loop a turn whenever `sliceMs` have passed since the last one (0: after every
 * step). Pending I/O callbacks and timers run in that turn, so a request never waits for more than about one slice.
 * An aborted `signal` stops the work at the next turn (its reason is thrown).
 */
export async function runSliced<T>(steps: Steps<T>, opts: { sliceMs?: number; signal?: AbortSignal } = {}): Promise<T> {
  const sliceMs = opts.sliceMs ?? 8;
  let sliceStarted = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStarted >= sliceMs) {
      await nextTurn();
      opts.signal?.throwIfAborted();
      sliceStarted = performance.now();
    }
  }
}

/** Rows between two yields in a loop over candidate rows (a few hundred microseconds of work each). */
export const ROWS_PER_STEP = 1024;
