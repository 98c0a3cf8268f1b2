/**
 * The figures of a load run (`npm run load`), computed from what autocannon and /proc report: per scenario and
 * in total requests/s, latency percentiles and errors, and the resident memory of the app and Neo4j before and
 * after. Pure functions, so the arithmetic has its own unit test.
 */

/** The part of an autocannon result this report reads (latencies in ms, duration in seconds). */
export interface CannonFigures {
  requests: { total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

export interface ScenarioFigures {
  key: string;
  title: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latency: { p50: number; p99: number; max: number };
  /** Connection errors + timeouts + non-2xx answers + 2xx answers carrying GraphQL errors. */
  errors: number;
}

export interface MemoryChange {
  beforeMiB: number;
  afterMiB: number;
  /** (after − before) / before, in per cent. */
  growthPct: number;
}

export interface LoadTotals {
  connections: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
}

export function scenarioFigures(
  scenario: { key: string; title: string; connections: number },
  result: CannonFigures,
  graphqlErrors: number
): ScenarioFigures {
  if (!(result.duration > 0)) throw new Error(`${scenario.key}: the run lasted ${result.duration} s`);
  // autocannon counts a connection error once in `errors` and again in `timeouts` when it was a timeout.
  const transport = Math.max(result.errors, result.timeouts);
  return {
    ...scenario,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: transport + result.non2xx + graphqlErrors
  };
}

export function totals(scenarios: readonly ScenarioFigures[]): LoadTotals {
  return scenarios.reduce(
    (sum, s) => ({
      connections: sum.connections + s.connections,
      requests: sum.requests + s.requests,
      requestsPerSecond: sum.requestsPerSecond + s.requestsPerSecond,
      errors: sum.errors + s.errors
    }),
    { connections: 0, requests: 0, requestsPerSecond: 0, errors: 0 }
  );
}

/** Resident memory before and after, from two VmRSS readings in KiB; null when either is missing. */
export function memoryChange(beforeKiB: number | null, afterKiB: number | null): MemoryChange | null {
  if (beforeKiB === null || afterKiB === null || beforeKiB <= 0) return null;
  return {
    beforeMiB: beforeKiB / 1024,
    afterMiB: afterKiB / 1024,
    growthPct: ((afterKiB - beforeKiB) / beforeKiB) * 100
  };
}

/**
 * Splits `connections` clients over weighted scenarios: each gets at least one, the rest go by largest
 * remainder, so the parts always add up to the whole.
 */
export function splitConnections(connections: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(connections) || connections < weights.length) {
    throw new Error(`connections: need a whole number ≥ ${weights.length} (one per scenario), got ${connections}`);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = connections - weights.length;
  const exact = weights.map((w) => (w / sum) * spare);
  const parts = exact.map((x) => 1 + Math.floor(x));
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0, left = connections - parts.reduce((a, b) => a + b, 0); k < left; k += 1) {
    parts[byRemainder[k]!.i]! += 1;
  }
  return parts;
}
