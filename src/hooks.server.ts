import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { env } from '$lib/server/env';
import { resolveViewer, unauthorizedResponse } from '$lib/server/auth/resolve-viewer';
import { withSecurityHeaders } from '$lib/server/security/headers';
import { withCompression } from '$lib/server/http/compression';
import { withFramingPolicy } from '$lib/server/http/framing';
import {
  countedRequests,
  countRequest,
  isCountedRequest,
  tooManyRequestsResponse,
  withRateLimitHeaders
} from '$lib/server/security/request-rate-limit';
import { chooseLocale, LANG_COOKIE, LANG_COOKIE_MAX_AGE, LANG_PARAM } from '$lib/i18n/locale';
import { withLocale } from '$lib/i18n/request-locale.server';
import { startProjectorLoop } from '$lib/server/projection/projector';
import { onServerShutdown } from '$lib/server/lifecycle/shutdown';
import { closingWhenDraining, watchForShutdownSignals } from '$lib/server/lifecycle/draining';
import { stopRequestCounters } from '$lib/server/security/request-counters';
import { warmAnalytics } from '$lib/server/analytics/warm';
import { warmFirstScreen } from '$lib/server/graphql/warm-first-screen';
import { startProposalExpirySweep } from '$lib/server/partnerships/proposal-expiry-schedule';
import { startMailWorker } from '$lib/server/notifications/mail-worker';
import { refitRankingModelIfStale, stopBackgroundRefit } from '$lib/server/matchmaking/ranking/store';

// Validate the environment before the first request: a bad value stops the server with a message naming it.
env();

/**
 * Once per server process: the projector loop drains outbox rows that mutations could not project right away
 * (Neo4j down or slow), so the graph catches up when Neo4j returns. On SIGTERM/SIGINT, once in-flight requests
 * are answered, the loop stops and the Neo4j driver and PostgreSQL pool close, so the process exits by itself.
 * The cached analytics are warmed in the background, so no visitor's first dashboard request computes them, and
 * expired proposals are swept hourly (stopped on shutdown like the projector). A missing or stale ranking model is
 * refitted in the background (ranking/store.ts; requests rank with the stored model or the prior meanwhile), and
 * stopped between two of its queries on shutdown.
 */
export const init: ServerInit = async () => {
  if (building) return;
  watchForShutdownSignals();
  const loop = startProjectorLoop({ intervalMs: 2_000, log: (line) => console.warn(`[projector] ${line}`) });
  const proposalExpiry = startProposalExpirySweep();
  // Not background work that shutdown waits for: one matrix can take seconds, and a computation cut short by the
  // closing pool stores nothing (cache.ts), so shutdown only stops the warm-up from starting another.
  const warmUp = new AbortController();
  const warnAnalytics = (line: string) => console.warn(`[analytics] ${line}`);
  // Failures while shutting down are expected (the stores close under it, store-clients-closed.ts): not logged.
  const warnUnlessStopping = (what: string) => (error: unknown) => {
    if (!warmUp.signal.aborted) warnAnalytics(`${what} failed: ${(error as Error)?.message ?? error}`);
  };
  warmAnalytics({ signal: warmUp.signal, log: warnAnalytics })
    .catch(warnUnlessStopping('warm-up'))
    // Then the API path of the dashboard's first screen, so a visitor's first request finds it warm (0052).
    .then(() => (warmUp.signal.aborted ? undefined : warmFirstScreen()))
    .catch(warnUnlessStopping('first-screen warm-up'));
  refitRankingModelIfStale().catch((error: unknown) =>
    console.warn(`[ranking] stale check failed: ${(error as Error)?.message ?? error}`)
  );
  // Mail goes out from a PostgreSQL job queue (decision 0028); stopped first so it still has the pool.
  const mailQueue = await startMailWorker();
  onServerShutdown([
    mailQueue,
    { name: 'analytics warm-up', stop: async () => warmUp.abort() },
    { name: 'ranking refit', stop: stopBackgroundRefit },
    { name: 'projector loop', stop: () => loop.stop() },
    { name: 'proposal expiry sweep', stop: () => proposalExpiry.stop() },
    // The request counts of the last second, before the pool closes.
    { name: 'rate-limit counters', stop: stopRequestCounters }
  ]);
};

export const handle: Handle = async ({ event, resolve }) => {
  // Accounts: the viewer from the session cookie or an API token; an unusable token is a 401, not anonymous.
  const auth = await resolveViewer(event.request, event.cookies);
  if (!auth.ok) return withSecurityHeaders(unauthorizedResponse(auth.message), event.url);
  event.locals.viewer = auth.viewer;
  event.locals.unreadAtMost = auth.unreadAtMost;

  // One rate limit for every route that reads data (pages, __data.json, CSV, /graphql), before any of its work.
  let counted: Awaited<ReturnType<typeof countRequest>> | undefined;
  if (isCountedRequest(event)) {
    counted = await countRequest(auth.viewer, event.getClientAddress());
    if (!counted.decision.allowed) {
      return withSecurityHeaders(tooManyRequestsResponse(counted, event.request, event.url), event.url);
    }
    countedRequests.add(event.request);
  }

  const param = event.url.searchParams.get(LANG_PARAM);
  event.locals.lang = chooseLocale(param, event.cookies.get(LANG_COOKIE));
  // Following a language link remembers the choice, so the switch works without JavaScript.
  if (param === event.locals.lang && event.cookies.get(LANG_COOKIE) !== param) {
    event.cookies.set(LANG_COOKIE, param, { path: '/', maxAge: LANG_COOKIE_MAX_AGE, sameSite: 'lax', httpOnly: false });
  }
  const response = await withLocale(event.locals.lang, event.url.origin, () =>
    resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang),
      // urql reads the Content-Type of /graphql answers that load functions fetch on the server; SvelteKit refuses
      // reads of headers it would not replay in the browser unless they are listed here.
      filterSerializedResponseHeaders: (name) => name === 'content-type'
    })
  );
  // Security headers on every answer (pages get their CSP from kit.csp in svelte.config.js).
  // withSecurityHeaders hands back a response whose headers can be set (a copy where they were immutable).
  const secured = closingWhenDraining(withFramingPolicy(withSecurityHeaders(response, event.url), event.url));
  return withCompression(event, counted ? withRateLimitHeaders(secured, counted.decision) : secured);
};
