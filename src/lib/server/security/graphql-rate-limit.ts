import type { Plugin } from 'graphql-yoga';
import type { Decision } from './rate-limits';
import { countedRequests, countRequest, rateLimitHeaders, tooManyRequestsResponse } from './request-rate-limit';
import type { ApiServerContext } from './server-context';

/**
 * /graphql's share of the request rate limit (request-rate-limit.ts). Requests through the app's `handle` hook
 * were already counted there, with every other data route, and pass straight through. This plugin only counts
 * a network request that reached yoga another way (yoga.fetch given a client address without the hook), so the
 * API can never be served unlimited.
 *
 * In-process calls (yoga.fetch from server code or tests) pass no address and are not limited — they are the
 * server talking to itself, not a client.
 */
export function useApiRateLimit(): Plugin<Record<string, unknown>, ApiServerContext> {
  const decisions = new WeakMap<Request, Decision>();
  return {
    async onRequest({ request, url, serverContext, endResponse }) {
      if (request.method === 'OPTIONS') return; // CORS preflights are the browser's, not the client's, requests
      if (countedRequests.has(request) || !serverContext?.clientAddress) return;
      const outcome = await countRequest(serverContext.viewer, serverContext.clientAddress);
      if (outcome.decision.allowed) {
        decisions.set(request, outcome.decision);
        return;
      }
      endResponse(tooManyRequestsResponse(outcome, request, url));
    },
    onResponse({ request, response }) {
      const decision = decisions.get(request);
      if (!decision) return;
      for (const [name, value] of Object.entries(rateLimitHeaders(decision))) response.headers.set(name, value);
    }
  };
}
