/**
 * The chaos run's client: creates organisations one after another through the app's own write path
 * (createOrganization → one PostgreSQL transaction with its outbox row → projectNow), as a user of the API would,
 * and retries a write that failed until it is acknowledged — that is what a client does during an outage, and
 * what "no write lost" is about: every acknowledged write must be in PostgreSQL and, after recovery, in the graph.
 *
 * Each logical write carries its own slug, so a retry of a write whose commit did land (the acknowledgement was
 * lost) is recognised by "slug already taken" and counted once, not twice.
 */
import { getDb } from '../../src/lib/server/platform/db';
import type { Viewer } from '../../src/lib/server/access/viewer';
import { createOrganization } from '../../src/lib/server/directory/organizations';

export interface WriteLoopStats {
  /** Slugs of the writes the app acknowledged (or that a retry found committed). */
  acknowledged: string[];
  /** Attempts that failed (timeouts, connection errors) and were retried. */
  failedAttempts: number;
  /** Longest time one attempt took, in ms (a frozen PostgreSQL shows here). */
  slowestAttemptMs: number;
  /** The first few distinct failure messages, for the report. */
  failureExamples: string[];
}

export interface WriteLoop {
  stats: WriteLoopStats;
  /** Finishes the write in progress (retrying it until acknowledged) and stops. */
  stop(): Promise<WriteLoopStats>;
}

const RETRY_PAUSE_MS = 200;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function startWriteLoop(opts: { runId: string; viewer: Viewer; intervalMs: number }): WriteLoop {
  const stats: WriteLoopStats = { acknowledged: [], failedAttempts: 0, slowestAttemptMs: 0, failureExamples: [] };
  let stopped = false;

  const noteFailure = (message: string) => {
    stats.failedAttempts += 1;
    const line = message.split('\n')[0].slice(0, 200);
    if (stats.failureExamples.length < 5 && !stats.failureExamples.includes(line)) stats.failureExamples.push(line);
  };

  /** One logical write, retried until PostgreSQL has it. */
  const writeOnce = async (slug: string) => {
    for (;;) {
      const startedAt = Date.now();
      try {
        const outcome = await createOrganization(opts.viewer, { name: `Chaos ${slug}`, slug, type: 'NGO' });
        stats.slowestAttemptMs = Math.max(stats.slowestAttemptMs, Date.now() - startedAt);
        if (outcome.ok) return;
        // A retry of a write that committed although its caller saw an error: the slug is taken — by us.
        const existing = await getDb().organization.findUnique({ where: { slug }, select: { id: true } });
        if (existing) return;
        throw new Error(`the app refused a chaos write: ${JSON.stringify(outcome.failure)}`);
      } catch (error) {
        stats.slowestAttemptMs = Math.max(stats.slowestAttemptMs, Date.now() - startedAt);
        if ((error as Error).message.startsWith('the app refused')) throw error;
        noteFailure((error as Error).message);
        await pause(RETRY_PAUSE_MS);
      }
    }
  };

  const running = (async () => {
    for (let i = 1; !stopped; i++) {
      const slug = `chaos-${opts.runId}-${i}`;
      await writeOnce(slug);
      stats.acknowledged.push(slug);
      await pause(opts.intervalMs);
    }
  })();

  return {
    stats,
    async stop() {
      stopped = true;
      await running;
      return stats;
    }
  };
}
