import type { Driver } from 'neo4j-driver';
import { writeTxOn } from '../platform/graph-transaction';
import { PROJECTORS, type AnyProjector } from './projectors';
import type { Sql } from './types';

/** Aggregate name → ids that changed. The outbox `op` is only a hint: PostgreSQL's current state decides. */
export type ChangeSet = Map<string, Set<string>>;

export function addChange(changes: ChangeSet, aggregate: string, id: string): void {
  let ids = changes.get(aggregate);
  if (!ids) changes.set(aggregate, (ids = new Set()));
  ids.add(id);
}

export interface ProjectionPlan {
  steps: { projector: AnyProjector; rows: { id: string }[]; gone: string[] }[];
}

/**
 * Reads the current state of every changed aggregate: one SQL query per aggregate type, whatever the number of
 * ids. An id PostgreSQL no longer has is deleted from the graph — so an 'upsert' row replayed after a delete
 * deletes, and replaying any row any number of times converges on PostgreSQL's state (at-least-once is safe).
 */
export async function loadPlan(db: Sql, changes: ChangeSet): Promise<ProjectionPlan> {
  const steps: ProjectionPlan['steps'] = [];
  for (const projector of PROJECTORS) {
    const ids = [...(changes.get(projector.aggregate) ?? [])];
    if (ids.length === 0) continue;
    const rows = await projector.load(db, ids);
    const present = new Set(rows.map((r) => r.id));
    steps.push({ projector, rows, gone: ids.filter((id) => !present.has(id)) });
  }
  return { steps };
}

/** Writes a plan in ONE Neo4j transaction: the graph shows all of a batch or none of it. */
export async function writePlan(driver: Driver, plan: ProjectionPlan): Promise<void> {
  if (plan.steps.length === 0) return;
  await writeTxOn(driver, async (tx) => {
    for (const { projector, rows, gone } of plan.steps) {
      await projector.write(tx, rows);
      await projector.remove(tx, gone);
    }
  });
}

export function unknownAggregates(changes: ChangeSet): string[] {
  const known = new Set(PROJECTORS.map((p) => p.aggregate as string));
  return [...changes.keys()].filter((a) => !known.has(a));
}
