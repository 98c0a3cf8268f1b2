import { Prisma, type PrismaClient } from '../db/generated/client';
import type { Decision, LimitSpec } from './rate-limits';
import { ensureRateLimitTable, RATE_LIMIT_SCHEMA } from './rate-limit-store';

/**
 * A fixed-window rate limit counted in process and written behind to PostgreSQL (decision 0046), for the request
 * limit every page and API call passes: a round trip per request cost more than many of the answers
 * (`{ apiVersion }` spent most of its time there).
 *
 * - While a key's known total (the database's figure at the last write, plus this process's hits since) stays
 *   below half its limit, a hit is counted in memory only: no SQL.
 * - Every second `flush()` adds each key's unsent hits to its row in ONE statement and learns the rows' totals,
 *   which include the other app instances' hits.
 * - From half the limit on, each hit is added to the row before the answer (one statement) and decided on the
 *   row's total, so the last half of a budget is counted exactly across instances; a refused key is then refused
 *   from memory until its window ends.
 *
 * Tolerance with N instances: hits admitted but not yet written are fewer than half the limit per instance, so a
 * key can get at most (N − 1) × ⌊limit / 2⌋ more than its limit — only when a burst fills every instance's half
 * within one flush interval; with steady traffic the excess is what the other instances admitted in the last
 * second. One instance is exact. If PostgreSQL cannot be reached, decisions continue from memory and the unsent
 * hits are written when it is back.
 *
 * The rows keep rate-limiter-flexible's layout (key, points, expire in epoch ms) in the same schema.
 */
interface KeyState {
  /** The row's total at the last write this process saw (its own and other instances' hits). */
  known: number;
  /** Hits admitted here and not yet sent. */
  pending: number;
  /** Hits sent and not yet confirmed (counted, so a slow write does not open the limit). */
  sending: number;
  /** End of the window, epoch ms. */
  expire: number;
}

/** Half the limit is counted in memory; the rest hit by hit in PostgreSQL. */
export const LOCAL_SHARE = 0.5;
/** Rows of windows that ended this long ago are deleted now and then (IP keys would otherwise pile up). */
const KEEP_EXPIRED_MS = 3_600_000;
const CLEAN_EVERY_FLUSHES = 300;

interface Row {
  key: string;
  points: number;
  expire: bigint | number;
}

export class WriteBehindCounter {
  private readonly keys = new Map<string, KeyState>();
  private flushes = 0;

  constructor(
    private readonly db: PrismaClient,
    readonly spec: LimitSpec,
    private readonly now: () => number = Date.now
  ) {}

  /** Counts one hit; refused once the key has used up its points in the current window. */
  async consume(key: string): Promise<Decision> {
    const now = this.now();
    const state = this.stateOf(key, now);
    const estimate = state.known + state.pending + state.sending;
    if (estimate >= this.spec.points) return this.decision(state, estimate, false, now);
    if (estimate + 1 <= Math.floor(this.spec.points * LOCAL_SHARE)) {
      state.pending += 1;
      return this.decision(state, estimate + 1, true, now);
    }
    // The last part of the budget: add this hit (and any unsent ones) to the row now, decide on its total.
    state.pending += 1;
    const sent = await this.write([key], now).catch(() => null);
    if (!sent) return this.decision(state, estimate + 1, estimate + 1 <= this.spec.points, now);
    const total = state.known + state.pending + state.sending;
    return this.decision(state, total, total <= this.spec.points, now);
  }

  /** Writes every key's unsent hits in one statement and learns the rows' totals. Never throws. */
  async flush(): Promise<void> {
    const now = this.now();
    for (const [key, state] of this.keys) {
      if (state.expire <= now && state.pending === 0 && state.sending === 0) this.keys.delete(key);
    }
    const keys = [...this.keys].filter(([, s]) => s.pending > 0).map(([key]) => key);
    if (keys.length > 0) await this.write(keys, now).catch(() => null);
    if (++this.flushes % CLEAN_EVERY_FLUSHES === 0) {
      await this.db
        .$executeRawUnsafe(
          `DELETE FROM ${RATE_LIMIT_SCHEMA}."${this.spec.table}" WHERE expire < $1`,
          now - KEEP_EXPIRED_MS
        )
        .catch(() => undefined);
    }
  }

  private stateOf(key: string, now: number): KeyState {
    let state = this.keys.get(key);
    // A window that ended here starts afresh; hits still being sent for it are settled by their answer.
    if (!state || (state.expire <= now && state.sending === 0)) {
      state = { known: 0, pending: 0, sending: 0, expire: now + this.spec.durationSeconds * 1000 };
      this.keys.set(key, state);
    }
    return state;
  }

  /**
   * Adds the keys' unsent hits to their rows (a row whose window ended starts a new one, as rate-limiter-flexible
   * does) and takes the rows' totals and window ends. Returns null if there was nothing to send; throws when the
   * database fails, after putting the hits back to be sent again.
   */
  private async write(keys: string[], now: number): Promise<true | null> {
    const batch = keys.flatMap((key) => {
      const state = this.keys.get(key);
      if (!state || state.pending === 0) return [];
      const points = state.pending;
      state.pending = 0;
      state.sending += points;
      return [{ key, state, points }];
    });
    if (batch.length === 0) return null;
    try {
      await ensureRateLimitTable(this.db, this.spec.table);
      const table = Prisma.raw(`${RATE_LIMIT_SCHEMA}."${this.spec.table}"`);
      const rows = await this.db.$queryRaw<Row[]>`
        INSERT INTO ${table} AS t (key, points, expire)
        SELECT u.key, u.points, ${now + this.spec.durationSeconds * 1000}::bigint
        FROM unnest(${batch.map((b) => b.key)}::text[], ${batch.map((b) => b.points)}::int[]) AS u(key, points)
        ON CONFLICT (key) DO UPDATE SET
          points = CASE WHEN t.expire IS NULL OR t.expire <= ${now}::bigint THEN excluded.points
                        ELSE t.points + excluded.points END,
          expire = CASE WHEN t.expire IS NULL OR t.expire <= ${now}::bigint THEN excluded.expire ELSE t.expire END
        RETURNING t.key, t.points, t.expire`;
      const byKey = new Map(rows.map((r) => [r.key, r]));
      for (const { key, state, points } of batch) {
        state.sending -= points;
        const row = byKey.get(key);
        if (!row) continue;
        state.known = row.points;
        state.expire = Number(row.expire);
      }
      return true;
    } catch (error) {
      for (const { state, points } of batch) {
        state.sending -= points;
        state.pending += points;
      }
      throw error;
    }
  }

  private decision(state: KeyState, consumed: number, allowed: boolean, now: number): Decision {
    const seconds = Math.ceil(Math.max(state.expire - now, 0) / 1000);
    return {
      allowed,
      limit: this.spec.points,
      remaining: Math.max(this.spec.points - consumed, 0),
      retryAfterSeconds: Math.max(seconds, allowed ? 0 : 1)
    };
  }
}
