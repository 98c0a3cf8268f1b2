/**
 * The temporal split of the evaluation: the graph as it stood on the split date, and the partnerships that came
 * after it, which the recommender should have anticipated.
 *
 * - Before the split: partnerships that started before it, or have no start date (we cannot tell, and they are
 *   never targets). One that is ENDED but whose end date is on or after the split was still CONFIRMED then.
 * - Targets: CONFIRMED or ENDED partnerships starting on or after the split between two organisations not
 *   archived by then, whose pair had no partnership row at all before it (a new partner, not a renewal or a
 *   proposal already made).
 * - Newcomers: organisations with no CONFIRMED or ENDED partnership before the split.
 */
import type { EvalOrganization, EvalPartnership } from './dataset';

const REAL = new Set(['CONFIRMED', 'ENDED']);

export interface Split {
  /** Partnerships as they stood on the split date (status adjusted), to load into the graph. */
  before: EvalPartnership[];
  /** Organisation id → the organisations it newly partnered with on or after the split. */
  targets: Map<string, Set<string>>;
  newcomers: Set<string>;
  archived: Set<string>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

export function splitAt(organizations: EvalOrganization[], partnerships: EvalPartnership[], splitDate: string): Split {
  const archived = new Set(
    organizations.filter((o) => o.archivedAt !== null && o.archivedAt < splitDate).map((o) => o.id)
  );
  const before: EvalPartnership[] = [];
  const pairsBefore = new Set<string>();
  const partnered = new Set<string>();
  for (const p of partnerships) {
    if (p.startDate !== null && p.startDate >= splitDate) continue;
    const stillRunning = p.status === 'ENDED' && p.endDate !== null && p.endDate >= splitDate;
    const status = stillRunning ? 'CONFIRMED' : p.status;
    before.push({ ...p, status, endDate: stillRunning ? null : p.endDate });
    pairsBefore.add(pairKey(p.a, p.b));
    if (REAL.has(status) || stillRunning) {
      partnered.add(p.a);
      partnered.add(p.b);
    }
  }

  const targets = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (!targets.has(from)) targets.set(from, new Set());
    targets.get(from)!.add(to);
  };
  for (const p of partnerships) {
    if (p.startDate === null || p.startDate < splitDate || !REAL.has(p.status)) continue;
    if (archived.has(p.a) || archived.has(p.b) || pairsBefore.has(pairKey(p.a, p.b))) continue;
    add(p.a, p.b);
    add(p.b, p.a);
  }

  const newcomers = new Set(organizations.filter((o) => !partnered.has(o.id) && !archived.has(o.id)).map((o) => o.id));
  return { before, targets, newcomers, archived };
}
