import type { RequestEvent } from '@sveltejs/kit';
import type { Viewer } from '../access/viewer';
import { jsonErrorResponse } from './json-error';
import { limits, type Decision } from './rate-limits';
import { consumeRequest } from './request-counters';

/**
 * The one rate limit of every route that reads data — pages, their `__data.json`, CSV downloads, feeds and
 * /graphql — applied in hooks.server.ts before the route runs, so a page whose load queries GraphQL server-side
 * costs one request like an API call does. Per API token or signed-in user (API_RATE_LIMIT_PER_MINUTE) and, for
 * everyone else, per IP address (API_RATE_LIMIT_ANONYMOUS_PER_MINUTE).
 *
 * Counted in process and written to PostgreSQL every second (request-counters.ts, decision 0046): a request far
 * from its limit costs no round trip.
 *
 * Not counted: sub-requests (a page's load fetching /graphql is part of that page view), CORS preflights, and the
 * probes a load balancer polls. Static assets never reach the hook (adapter-node serves them first).
 */
const UNCOUNTED_PATHS = new Set(['/healthz', '/readyz']);

/** Requests the hook already counted: the /graphql plugin (useApiRateLimit) must not count them a second time. */
export const countedRequests = new WeakSet<Request>();

export interface RateLimitOutcome {
  decision: Decision;
  /** Who was counted, as the refusal says it: "IP address (…)", "account", "API token". */
  per: string;
}

export function isCountedRequest(event: Pick<RequestEvent, 'isSubRequest' | 'request' | 'url'>): boolean {
  if (event.isSubRequest) return false;
  if (event.request.method === 'OPTIONS') return false;
  return !UNCOUNTED_PATHS.has(event.url.pathname);
}

export async function countRequest(viewer: Viewer, clientAddress: string): Promise<RateLimitOutcome> {
  if (viewer.kind === 'user') {
    const per = viewer.tokenId ? 'API token' : 'account';
    const key = viewer.tokenId ? `token:${viewer.tokenId}` : `user:${viewer.userId}`;
    return { per, decision: await consumeRequest(limits.api(), key) };
  }
  return {
    per: 'IP address (send an API token for a higher limit)',
    decision: await consumeRequest(limits.apiAnonymous(), `ip:${clientAddress}`)
  };
}

export function rateLimitHeaders(d: Decision): Record<string, string> {
  return {
    'ratelimit-limit': String(d.limit),
    'ratelimit-remaining': String(d.remaining),
    'ratelimit-reset': String(d.retryAfterSeconds)
  };
}

export function refusalMessage({ decision, per }: RateLimitOutcome): string {
  return `Too many requests: at most ${decision.limit} per minute per ${per}. Retry in ${decision.retryAfterSeconds} s.`;
}

/**
 * 429 with Retry-After: a GraphQL error body for /graphql and clients asking for JSON, plain text otherwise (a
 * browser shows it as is; the page machinery cannot be trusted to render without spending more of the budget).
 */
export function tooManyRequestsResponse(outcome: RateLimitOutcome, request: Request, url: URL): Response {
  const headers = { 'retry-after': String(outcome.decision.retryAfterSeconds), ...rateLimitHeaders(outcome.decision) };
  const message = refusalMessage(outcome);
  const wantsJson =
    url.pathname === '/graphql' ||
    url.pathname.endsWith('/__data.json') ||
    (request.headers.get('accept') ?? '').includes('application/json');
  if (wantsJson) {
    return jsonErrorResponse(
      429,
      message,
      { code: 'RATE_LIMITED', retryAfterSeconds: outcome.decision.retryAfterSeconds },
      headers
    );
  }
  return new Response(`${message}\n`, {
    status: 429,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }
  });
}

/** RateLimit-* on every counted answer, so clients can slow down before they hit the limit. */
export function withRateLimitHeaders(response: Response, decision: Decision): Response {
  try {
    for (const [name, value] of Object.entries(rateLimitHeaders(decision))) response.headers.set(name, value);
    return response;
  } catch {
    // Responses from fetch() have immutable headers: copy.
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(rateLimitHeaders(decision))) copy.headers.set(name, value);
    return copy;
  }
}
