/**
 * The README's start command on the embedded defaults: embedded PostgreSQL + local Neo4j in a fresh data folder,
 * migrations, demo seed, the app on its port — then Ctrl-C stops everything and a second start keeps the data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isPortTaken } from '../../tools/process/ports';

const root = process.cwd();
const dataDir = mkdtempSync(join(tmpdir(), 'atlas-start-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startCommand(ports: { app: number; pg: number; bolt: number }) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(ports.app),
    PGLITE_PORT: String(ports.pg),
    NEO4J_BOLT_PORT: String(ports.bolt)
  };
  // Nothing configured: the command must start what it needs.
  for (const name of ['DATABASE_URL', 'NEO4J_URI', 'NEO4J_PASSWORD', 'NODE_ENV', 'VITEST']) delete env[name];
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['tools/cli/start.ts'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes(`running at http://localhost:${ports.app}`)) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`start exited early:\n${output}`));
      }
    }, 250);
  });
  return { child, exited, output: () => output };
}

async function organizationCount(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ organizations(first: 1) { totalCount } }' })
  });
  const body = await res.json();
  return body.data.organizations.totalCount;
}

describe('npm start on embedded defaults', () => {
  it('serves a seeded, ready app; Ctrl-C leaves nothing behind; a second start keeps the data', async () => {
    const ports = { app: await freePort(), pg: await freePort(), bolt: await freePort() };

    const first = await startCommand(ports);
    expect(first.output()).toContain('seeded the demo dataset');
    // Issue 15: demo accounts on embedded defaults, each with its own password printed once.
    const passwords = [
      ...first.output().matchAll(/(member|partner|analyst|admin)@example\.org {2}password: (\S{24})/g)
    ];
    expect(passwords.map((m) => m[1]).sort()).toEqual(['admin', 'analyst', 'member', 'partner']);
    expect(new Set(passwords.map((m) => m[2])).size).toBe(4);
    const ready = await fetch(`http://127.0.0.1:${ports.app}/readyz`);
    expect(ready.status).toBe(200);
    const home = await fetch(`http://127.0.0.1:${ports.app}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<html lang="en"');
    const seeded = await organizationCount(ports.app);
    expect(seeded).toBeGreaterThan(100);

    // Ctrl-C in a terminal signals the whole process group.
    process.kill(-first.child.pid!, 'SIGINT');
    expect(await first.exited).toBe(0);
    for (const port of Object.values(ports)) expect(await isPortTaken(port)).toBe(false);

    const second = await startCommand(ports);
    expect(second.output()).not.toContain('seeded the demo dataset');
    expect(second.output()).not.toContain('password:');
    expect(await organizationCount(ports.app)).toBe(seeded);
    process.kill(-second.child.pid!, 'SIGINT');
    expect(await second.exited).toBe(0);
  }, 900_000);
});
