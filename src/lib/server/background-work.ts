import { outsideQueryCounter } from './platform/db';

/**
 * Work that must not delay or shape an answer — the mail a reset request or a throttled sign-in sends — runs
 * after the answer, here. Answers then take the same time whether or not the address has an account (issue 14,
 * finding 4), and a slow mail server cannot hold a form up. Graceful shutdown waits for what is still running.
 */
const pending = new Set<Promise<void>>();

export function runInBackground(name: string, work: () => Promise<unknown>): void {
  const task: Promise<void> = outsideQueryCounter(() =>
    Promise.resolve()
      .then(work)
      .then(
        () => undefined,
        (error: unknown) => console.error(`[background] ${name} failed: ${(error as Error)?.message ?? error}`)
      )
      .finally(() => pending.delete(task))
  );
  pending.add(task);
}

/** Resolves once no background work is left (including work started by the work awaited). */
export async function settleBackgroundWork(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
