/**
 * Smoke test of the benchmark core (tools/bench): a tiny generated dataset in this file's PostgreSQL
 * database and the test Neo4j, the real yoga endpoint served over HTTP in process, a handful of runs. It checks
 * that every question yields numbers for API and raw (their answers are compared inside the run), that the
 * dataset is reused the second time and that the report has a filled row per question — never how fast anything is.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/lib/server/access/viewer';
import { getDb } from '../../src/lib/server/platform/db';
import { ensureDataset, ensureGapMatrix, type DatasetSize } from '../../tools/bench/dataset';
import { mergeReport, NOTES_MARKER, renderReport } from '../../tools/bench/report';
import { runBenchmark, type BenchmarkResult } from '../../tools/bench/run';
import { QUESTIONS } from '../../tools/bench/questions/index';
import { yoga } from '../../src/lib/server/graphql/yoga';
import { freePort } from '../../tools/process/ports';

const ORGS = 300;
let server: Server;
let endpoint: string;
let size: DatasetSize;
let result: BenchmarkResult;

/**
 * The app's yoga instance behind a plain HTTP server, the way tests/factories/graphql.ts calls it (yoga.fetch),
 * as an anonymous viewer. In-process calls carry no client address, so the rate limiter leaves them alone.
 */
async function serveThroughYoga(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const response = await yoga.fetch(
    `http://127.0.0.1${req.url}`,
    {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: chunks.length ? Buffer.concat(chunks) : undefined
    },
    { viewer: anonymous }
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

beforeAll(async () => {
  const started = performance.now();
  const log = (line: string) => console.log(`[bench smoke ${Math.round(performance.now() - started)} ms] ${line}`);
  ({ size } = await ensureDataset(getDb(), { orgs: ORGS, seed: 7, log }));
  await ensureGapMatrix();
  log('dataset ready');
  server = createServer((req, res) => void serveThroughYoga(req, res));
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  endpoint = `http://127.0.0.1:${port}/graphql`;
  result = await runBenchmark({
    endpoint,
    databaseUrl: process.env.DATABASE_URL!,
    runs: 4,
    warmup: 1,
    seed: 3,
    pids: { app: process.pid, neo4j: null },
    log
  });
}, 240_000);

afterAll(async () => {
  // fetch keeps connections alive: close them, or close() waits for their idle timeout.
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
});

describe('npm run bench (core, --quick on a tiny dataset)', () => {
  it('loaded the generated dataset into both stores and reuses it the second time', async () => {
    expect(size.organizations).toBe(ORGS);
    expect(size.graphOrganizations).toBe(ORGS);
    expect(size.partnerships).toBeGreaterThan(ORGS);
    expect(size.graphPartnerships).toBe(size.partnerships);
    const again = await ensureDataset(getDb(), { orgs: ORGS, seed: 7, log: () => {} });
    expect(again.reused).toBe(true);
    expect(again.size.partnerships).toBe(size.partnerships);
  });

  it('refuses a dataset of another size rather than mixing or wiping', async () => {
    await expect(ensureDataset(getDb(), { orgs: ORGS + 1, seed: 7, log: () => {} })).rejects.toThrow(
      /holds 300 generated organisations/
    );
  });

  it('measures every question through the API and raw, with numbers', () => {
    expect(result.questions.map((q) => q.key)).toEqual(QUESTIONS.map((q) => q.key));
    for (const q of result.questions) {
      for (const summary of [q.api, q.rawLatency]) {
        expect(summary.runs, q.key).toBe(4);
        for (const value of [summary.p50, summary.p95, summary.mean, summary.min, summary.max]) {
          expect(Number.isFinite(value) && value > 0, `${q.key}: ${value}`).toBe(true);
        }
        expect(summary.p95).toBeGreaterThanOrEqual(summary.p50);
      }
      expect(q.ratioP95 !== null && Number.isFinite(q.ratioP95), q.key).toBe(true);
      expect(q.distinctInputs, q.key).toBeGreaterThanOrEqual(1);
    }
    expect(result.floor.runs).toBe(4);
    expect(result.floor.p50).toBeGreaterThan(0);
    expect(result.memory.app?.peakMiB).toBeGreaterThan(0);
    expect(result.memory.neo4j).toBeNull();
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.machine.neo4j).toMatch(/Neo4j/i);
  });

  it('writes a report with a filled row per question and keeps the hand-written part', () => {
    const previous = `old numbers\n${NOTES_MARKER}\n## Analysis\n\nThe plan for the coalition miss.\n`;
    const report = mergeReport(renderReport(result, size, 'npm run bench -- --quick'), previous);
    for (const q of result.questions) {
      const row = report.split('\n').find((line) => line.startsWith(`| ${q.title} |`));
      expect(row, q.title).toBeDefined();
      const cells = row!
        .split('|')
        .slice(2, 9)
        .map((c) => c.trim());
      expect(
        cells.slice(0, 5).every((c) => /^\d+(\.\d+)?$/.test(c)),
        row
      ).toBe(true);
      expect(cells[5]).toMatch(/^\d+\.\d\d×$/);
    }
    expect(report).toContain(`${ORGS} organisations`);
    expect(report).not.toContain('old numbers');
    expect(report.endsWith('The plan for the coalition miss.\n')).toBe(true);
    expect(report.split(NOTES_MARKER)).toHaveLength(2);
  });
});
