import type { Plugin } from 'graphql-yoga';
import { consume, limits, type Decision } from './rate-limits';
import { jsonErrorResponse } from './json-error';
import type { ApiServerContext } from './server-context';

/**
 * Requests per minute on /graphql: per API token (or signed-in user) and, without credentials, per IP address.
 * Over the limit the answer is 429 with Retry-After; every answer carries RateLimit-* headers so that clients
 * can slow down before they hit it.
 *
 * Only requests that arrived over the network are counted: the /graphql route always passes the client's
 * address. In-process calls (yoga.fetch from server code or tests) pass none and are not limited — they are the
 * server talking to itself, not a client.
 */
function rateLimitHeaders(d: Decision): Record<string, string> {
  return {
    'ratelimit-limit': String(d.limit),
    'ratelimit-remaining': String(d.remaining),
    'ratelimit-reset': String(d.retryAfterSeconds)
  };
}

export function useApiRateLimit(): Plugin<Record<string, unknown>, ApiServerContext> {
  const decisions = new WeakMap<Request, Decision>();
  return {
    async onRequest({ request, serverContext, endResponse }) {
      if (request.method === 'OPTIONS') return; // CORS preflights are the browser's, not the client's, requests
      if (!serverContext?.clientAddress) return;
      const viewer = serverContext?.viewer;
      let decision: Decision;
      let per: string;
      if (viewer?.kind === 'user') {
        per = viewer.tokenId ? 'API token' : 'account';
        decision = await consume(limits.api(), viewer.tokenId ? `token:${viewer.tokenId}` : `user:${viewer.userId}`);
      } else {
        per = 'IP address (send an API token for a higher limit)';
        decision = await consume(limits.apiAnonymous(), `ip:${serverContext.clientAddress}`);
      }
      if (decision.allowed) {
        decisions.set(request, decision);
        return;
      }
      endResponse(
        jsonErrorResponse(
          429,
          `Too many requests: at most ${decision.limit} per minute per ${per}. Retry in ${decision.retryAfterSeconds} s.`,
          { code: 'RATE_LIMITED', retryAfterSeconds: decision.retryAfterSeconds },
          { 'retry-after': String(decision.retryAfterSeconds), ...rateLimitHeaders(decision) }
        )
      );
    },
    onResponse({ request, response }) {
      const decision = decisions.get(request);
      if (!decision) return;
      for (const [name, value] of Object.entries(rateLimitHeaders(decision))) response.headers.set(name, value);
    }
  };
}
