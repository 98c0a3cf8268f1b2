/**
 * The request mix of `npm run load`: what 20 visitors of the Atlas do at once. The four GraphQL reads are the
 * bench's questions (tools/bench/questions), drawn from the same input pools with a seeded RNG, so a load run and
 * a bench run ask the same kind of thing; the dashboard is the page a browser loads (HTML, compressed). The
 * weights are the share of the clients each scenario gets; the write (tools/load/writer.ts) runs beside them.
 */
import type { InputPools } from '../bench/pools';
import type { AnyQuestion } from '../bench/question';
import { coalitionQuestion } from '../bench/questions/coalition';
import { directoryQuestion } from '../bench/questions/directory';
import { profileQuestion } from '../bench/questions/profile';
import { recommendationsQuestion } from '../bench/questions/recommendations';
import type { Rng } from '../seed/random';

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Scenario {
  key: string;
  title: string;
  weight: number;
  /** The next request of one client (a fresh input each time). */
  next(rng: Rng, pools: InputPools): HttpRequest;
  /** Whether a 2xx answer is still a failure (a GraphQL error travels in a 200). */
  failed(body: string): boolean;
}

const GRAPHQL_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

/** Parsed only when the text can hold one: the load generator shares the CPU with the app it measures. */
export function hasGraphQLErrors(body: string): boolean {
  if (!body.includes('"errors"')) return false;
  try {
    const parsed = JSON.parse(body) as { errors?: unknown[] };
    return Array.isArray(parsed.errors) && parsed.errors.length > 0;
  } catch {
    return true;
  }
}

function graphqlScenario(question: AnyQuestion, weight: number): Scenario {
  return {
    key: question.key,
    title: question.title,
    weight,
    next: (rng, pools) => ({
      method: 'POST',
      path: '/graphql',
      headers: GRAPHQL_HEADERS,
      body: JSON.stringify(question.request(question.pick(rng, pools)))
    }),
    failed: hasGraphQLErrors
  };
}

const dashboardScenario: Scenario = {
  key: 'dashboard',
  title: 'Dashboard page (HTML)',
  weight: 2,
  next: () => ({ method: 'GET', path: '/dashboard', headers: { accept: 'text/html', 'accept-encoding': 'gzip, br' } }),
  failed: () => false
};

export const SCENARIOS: readonly Scenario[] = [
  graphqlScenario(directoryQuestion, 5),
  graphqlScenario(profileQuestion, 4),
  graphqlScenario(recommendationsQuestion, 3),
  graphqlScenario(coalitionQuestion, 2),
  dashboardScenario
];
