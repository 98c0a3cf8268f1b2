import { isDbReachable, pendingMigrations } from './platform/db';
import { isGraphReachable } from './platform/neo4j';
import { pendingGraphMigrations } from './platform/graph-migrations';

export interface Readiness {
  ready: boolean;
  checks: Record<string, { ok: boolean; reason?: string }>;
}

/** Each dependency is checked independently so the answer names every missing piece, not just the first. */
export async function checkReadiness(): Promise<Readiness> {
  const [postgres, neo4j] = await Promise.all([isDbReachable(), isGraphReachable()]);
  const checks: Readiness['checks'] = { postgres, neo4j };

  if (postgres.ok) {
    const pending = await pendingMigrations().catch((e: Error) => [`unknown (${e.message})`]);
    checks.postgresMigrations = pending.length ? { ok: false, reason: `pending: ${pending.join(', ')}` } : { ok: true };
  }
  if (neo4j.ok) {
    const pending = await pendingGraphMigrations().catch((e: Error) => [`unknown (${e.message})`]);
    checks.graphMigrations = pending.length ? { ok: false, reason: `pending: ${pending.join(', ')}` } : { ok: true };
  }
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}
