/**
 * AnalyticsCache entries as this process last parsed them (issue 13 item 4): the gap matrix is a few hundred kB of
 * JSON, and reading and parsing it on every request cost most of the API's time over the raw read. A read now asks
 * PostgreSQL only for the row's version — its computation time and the row's transaction id (`xmin`, so two writes
 * within one millisecond still differ) — and fetches and parses the value only when that version is new to this
 * process. Several app instances stay correct: each compares against the row, which every refresh and
 * invalidation changes, so a value refreshed by another instance is picked up on the next read.
 *
 * Values handed out are shared between requests: callers must not mutate them (the services copy what they narrow).
 */
import { getDb } from '../platform/db';

interface Parsed {
  version: string;
  value: unknown;
  computedAt: Date;
}

/** Entries kept, least recently read dropped first: keys carry year ranges a client chooses, so they are bounded. */
const MAX_ENTRIES = 64;
const entries = new Map<string, Parsed>();

/** Values fetched and parsed (for tests: a read of an unchanged entry parses nothing). */
let parses = 0;
export function entriesParsed(): number {
  return parses;
}

const versionOf = (row: { computedAt: Date; xmin: string }) => `${new Date(row.computedAt).getTime()}:${row.xmin}`;

export async function readParsedEntry<T>(key: string): Promise<{ value: T; computedAt: Date } | null> {
  const db = getDb();
  const [stamp] = await db.$queryRaw<{ computedAt: Date; xmin: string }[]>`
    SELECT "computedAt", xmin::text AS xmin FROM "AnalyticsCache" WHERE key = ${key}`;
  if (!stamp) {
    entries.delete(key);
    return null;
  }
  const known = entries.get(key);
  if (known && known.version === versionOf(stamp)) {
    entries.delete(key);
    entries.set(key, known); // most recently read last
    return { value: known.value as T, computedAt: known.computedAt };
  }
  const [row] = await db.$queryRaw<{ value: unknown; computedAt: Date; xmin: string }[]>`
    SELECT value, "computedAt", xmin::text AS xmin FROM "AnalyticsCache" WHERE key = ${key}`;
  if (!row) {
    entries.delete(key);
    return null;
  }
  parses++;
  const parsed = remember(key, { version: versionOf(row), value: row.value, computedAt: new Date(row.computedAt) });
  return { value: parsed.value as T, computedAt: parsed.computedAt };
}

/** An entry this process has just stored (the JSON it sent): its next read here parses nothing. */
export function rememberEntry(key: string, version: { computedAt: Date; xmin: string }, json: string): void {
  remember(key, { version: versionOf(version), value: JSON.parse(json), computedAt: version.computedAt });
}

function remember(key: string, parsed: Parsed): Parsed {
  entries.delete(key);
  entries.set(key, parsed);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return parsed;
}
