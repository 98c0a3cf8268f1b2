/**
 * The tail every long-running command (`seed`, `bench`, `load`) shares: exit codes, usage errors, and stopping
 * what it started on Ctrl-C.
 */

/** A wrong flag or value: printed with the command's usage text, exit code 2. */
export class UsageError extends Error {}

/** Runs `main` and exits with its code: 2 and the usage for a UsageError, 1 and the stack for any other failure. */
export function runCli(main: () => Promise<number>, name: string, usage: string): void {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n${usage}`);
        process.exit(2);
      }
      console.error(`${name} failed: ${error.stack ?? error.message}`);
      process.exit(1);
    }
  );
}

/**
 * Runs `work`, then `stop` — also on Ctrl-C or SIGTERM, after which the process leaves with 130, so the app server
 * and the stores the command started do not outlive it.
 */
export async function stoppingOnSignal<T>(stop: () => Promise<void>, work: () => Promise<T>): Promise<T> {
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stop();
  }
}
