/**
 * Graceful shutdown of the built app (adapter-node). On SIGTERM/SIGINT adapter-node stops accepting connections,
 * lets in-flight requests finish (up to SHUTDOWN_TIMEOUT seconds) and then emits `sveltekit:shutdown` on
 * `process`. Here we release what would otherwise keep the event loop alive — the projector loop, the Neo4j
 * driver's sockets, the PostgreSQL pool (Prisma, and the rate-limit counters that go through it) — so the process
 * ends by itself. Rolling deploys then no longer wait out their grace period (issue 14, finding 10).
 */
import { settleBackgroundWork } from '../background-work';
import { closeDb } from '../platform/db';
import { closeDriver } from '../platform/neo4j';
import { refuseNewStoreClients } from '../platform/store-clients-closed';

export interface ShutdownStep {
  name: string;
  stop: () => Promise<void>;
}

/**
 * If a close hangs (a driver waiting on a socket that never answers), exit anyway after this long: the
 * orchestrator's SIGKILL would otherwise come at the end of its grace period. unref'd, so a clean close is not held up.
 * 8 s, inside the 10 s a deploy allows. (A SIGINT right after start once needed it: start-up work in flight
 * reopened the pool after it closed; new store clients are refused during shutdown now, store-clients-closed.ts.)
 */
export const FORCE_EXIT_AFTER_MS = 8_000;

/** The step releaseServerResources is waiting for, named when the safety timer fires. */
let closing: string | undefined;

/**
 * Stops `steps` in order (the projector before the stores it uses), waits for background work, then closes the
 * driver and the pool.
 */
export async function releaseServerResources(
  steps: ShutdownStep[],
  log: (line: string) => void = (line) => console.warn(`[shutdown] ${line}`)
): Promise<void> {
  // The clients open now serve the steps below until they close; nothing may open new ones after that.
  refuseNewStoreClients('the server is shutting down');
  const all: ShutdownStep[] = [
    ...steps,
    // Mails sent after an answer (background-work.ts) still need the pool and must not be lost.
    { name: 'background work', stop: settleBackgroundWork },
    { name: 'Neo4j driver', stop: closeDriver },
    { name: 'PostgreSQL pool', stop: closeDb }
  ];
  for (const step of all) {
    closing = step.name;
    const started = Date.now();
    try {
      await step.stop();
      // Which step a slow shutdown waited for (a closed run stays quiet).
      const seconds = (Date.now() - started) / 1000;
      if (seconds >= 1) log(`${step.name} took ${seconds.toFixed(1)} s to close`);
    } catch (error) {
      // Keep going: one resource failing to close must not keep the others (and the process) open.
      log(`could not close ${step.name}: ${(error as Error).message}`);
    }
  }
  closing = undefined;
}

/** Once, when adapter-node has closed the HTTP server: release resources and make sure the process ends. */
export function onServerShutdown(steps: ShutdownStep[]): void {
  process.once('sveltekit:shutdown', (reason: unknown) => {
    console.warn(`[shutdown] ${String(reason)}: HTTP server closed, releasing the projector, Neo4j and PostgreSQL`);
    setTimeout(() => {
      const waitingFor = closing ? ` (still closing: ${closing})` : '';
      console.warn(
        `[shutdown] resources did not close within ${FORCE_EXIT_AFTER_MS / 1000} s${waitingFor}: exiting anyway`
      );
      process.exit(0);
    }, FORCE_EXIT_AFTER_MS).unref();
    void releaseServerResources(steps);
  });
}
