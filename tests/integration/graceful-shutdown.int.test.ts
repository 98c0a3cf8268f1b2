/**
 * Issue 14, finding 10: on SIGTERM the built app stopped listening but never ended — the Neo4j driver's sockets
 * and the PostgreSQL pool kept the event loop alive, so a rolling deploy waited out its grace period. Now
 * adapter-node answers in-flight requests, then `sveltekit:shutdown` stops the projector loop and closes the
 * driver and the pool (src/lib/server/lifecycle/shutdown.ts), and the process exits by itself with code 0.
 */
import { request } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppServer } from '../../tools/process/app-server';
import { privateAppBuild } from '../../tools/process/build';
import { startBuiltApp } from '../factories/built-app';

const root = resolve(import.meta.dirname, '../..');
/** Far above the 10 s a deploy allows, for a loaded machine; before the fix the process never ended. */
const EXIT_DEADLINE_MS = 30_000;

function exitOf(server: AppServer) {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the app was still running ${EXIT_DEADLINE_MS / 1000} s after the signal`)),
      EXIT_DEADLINE_MS
    );
  });
  return Promise.race([server.exited, deadline]).finally(() => clearTimeout(timer));
}
const started: AppServer[] = [];
let build: ReturnType<typeof privateAppBuild> | undefined;
afterAll(async () => {
  for (const server of started) await server.stop();
  build?.remove();
});

async function startApp(): Promise<AppServer> {
  // One copy of the build for this file's servers (a rebuild of build/ under a running server breaks it).
  build ??= privateAppBuild(root, (line) => console.log(`[graceful-shutdown] ${line}`));
  const server = await startBuiltApp(build.buildDir);
  started.push(server);
  return server;
}

/**
 * A POST /graphql whose body is sent in two parts. `Expect: 100-continue` makes the server answer "100 Continue"
 * once it has parsed the request (Node emits 'request' right after), so when `inFlight` resolves the request is
 * known to be in progress on the server: a condition, not a guess about timing.
 */
function slowGraphqlRequest(url: string, body: string) {
  const target = new URL('/graphql', url);
  let sendRest!: () => void;
  let response!: Promise<{ status: number; text: string; connection: string | undefined }>;
  const inFlight = new Promise<void>((resolveContinue, reject) => {
    const req = request(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue'
      }
    });
    req.on('error', reject);
    req.on('continue', () => {
      req.write(body.slice(0, 5));
      resolveContinue();
    });
    sendRest = () => req.end(body.slice(5));
    response = new Promise((resolveResponse, rejectResponse) => {
      req.on('error', rejectResponse);
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, text, connection: res.headers.connection }));
      });
    });
    req.flushHeaders();
  });
  return { inFlight, sendRest: () => sendRest(), response: () => response };
}

describe('graceful shutdown of the built app', () => {
  it('on SIGTERM answers the request in flight, releases Neo4j and PostgreSQL and exits with code 0', async () => {
    const server = await startApp();
    // Neo4j and PostgreSQL connections are open (the projector loop uses both; this query uses PostgreSQL).
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    const slow = slowGraphqlRequest(server.url, JSON.stringify({ query: '{ apiVersion }' }));
    await slow.inFlight;

    const signalledAt = Date.now();
    process.kill(server.pid, 'SIGTERM');
    // New connections are refused once the server stopped listening…
    await expect
      .poll(
        () =>
          fetch(`${server.url}/healthz`).then(
            () => 'open',
            () => 'refused'
          ),
        { timeout: 20_000 }
      )
      .toBe('refused');
    // …while the request already in progress still gets its full answer.
    slow.sendRest();
    const answer = await slow.response();
    const answeredAfter = (Date.now() - signalledAt) / 1000;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ data: { apiVersion: expect.any(String) } });
    // It closes its connection (lifecycle/draining.ts): held open by keep-alive, the server's close waited ~4 s for it.
    expect(answer.connection).toBe('close');

    const { code, signal, log } = await exitOf(server);
    const seconds = (Date.now() - signalledAt) / 1000;
    console.log(
      `[graceful-shutdown] in-flight request answered ${answeredAfter.toFixed(1)} s and process exited ` +
        `${seconds.toFixed(1)} s after SIGTERM`
    );
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // It ended because the driver and the pool closed, not because the safety timer forced it.
    expect(log.join('\n')).toContain('[shutdown] SIGTERM: HTTP server closed');
    expect(log.join('\n')).not.toMatch(/exiting anyway|could not close/);
  }, 300_000);

  it('on SIGINT exits with code 0 as well', async () => {
    const server = await startApp();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const signalledAt = Date.now();
    process.kill(server.pid, 'SIGINT');
    const { code, signal, log } = await exitOf(server);
    console.log(`[graceful-shutdown] exited ${((Date.now() - signalledAt) / 1000).toFixed(1)} s after SIGINT`);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(log.join('\n')).not.toMatch(/exiting anyway|could not close/);
  }, 300_000);
});
