/**
 * The load run's writer loop against a stand-in HTTP endpoint (the write itself is exercised against the real app by
 * `npm run load`): it writes one at a time until stopped, and waiting between writes leaves no listener behind on
 * the stop signal — one per wait piled up into a MaxListenersExceededWarning in a 240 s run.
 */
import { createServer, type Server } from 'node:http';
import { getEventListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEvery, type WriterAccount } from './writer';

let server: Server;
let baseUrl: string;
let writes = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume().on('end', () => {
      writes++;
      response.setHeader('content-type', 'application/graphql-response+json');
      response.end(JSON.stringify({ data: { updateOrganization: { __typename: 'UpdateOrganizationSuccess' } } }));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections(); // fetch keeps its connection alive; close() alone would wait for it
  await new Promise<void>((closed) => server.close(() => closed()));
});

const account: WriterAccount = {
  organizationId: 'org-1',
  originalCity: null,
  secret: 'atlas_test',
  remove: async () => {}
};

describe('writeEvery', () => {
  it('writes until stopped and keeps at most one listener on the stop signal', async () => {
    const stop = new AbortController();
    const listeners: number[] = [];
    const sampling = setInterval(() => listeners.push(getEventListeners(stop.signal, 'abort').length), 1);
    const running = writeEvery(baseUrl, account, 2, stop.signal);
    await expect.poll(() => writes, { timeout: 10_000 }).toBeGreaterThanOrEqual(15);
    stop.abort();
    const outcomes = await running;
    clearInterval(sampling);

    expect(outcomes.length).toBeGreaterThanOrEqual(15);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(Math.max(...listeners)).toBeLessThanOrEqual(1);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  });
});
