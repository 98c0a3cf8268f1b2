import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SOURCES = ['src', 'schema', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    // Build tools write into these while building (Prisma client, Paraglide output and cache): not sources.
    if (entry.startsWith('.') || ['generated', 'cache', 'node_modules'].includes(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** A build waits this long for another process's build of the same checkout (a cold build on a busy machine). */
const LOCK_WAIT_MS = 20 * 60_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** True while `pid` runs; an exited process its parent has not reaped yet (a zombie, state Z on Linux) has ended. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true; // no /proc: kill(pid, 0) is all we know
  }
}

/**
 * Runs `work` while holding this checkout's build lock (a file in the temporary folder naming the holder's pid).
 * In a full test run the integration files that start `node build` and the browser tests' setup each make sure the
 * build is fresh, in parallel projects: without the lock two `vite build`s wrote the same build/ at once, and a copy
 * could be taken of a half-written one. A lock whose holder died is taken over.
 */
export function withBuildLock<T>(root: string, log: (line: string) => void, work: () => T): T {
  const lock = join(
    tmpdir(),
    `atlas-build-${createHash('sha1').update(resolve(root)).digest('hex').slice(0, 12)}.lock`
  );
  const deadline = Date.now() + LOCK_WAIT_MS;
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: number;
    try {
      holder = Number(readFileSync(lock, 'utf8'));
    } catch {
      continue; // released between our attempt and the read: try again
    }
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
      unlinkSync(lock);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`the app build lock ${lock} is still held by pid ${holder} after ${LOCK_WAIT_MS / 60_000} min`);
    }
    if (!announced) log(`waiting for another build of this checkout (pid ${holder}) to finish…`);
    announced = true;
    sleepSync(500);
  }
  try {
    return work();
  } finally {
    unlinkSync(lock);
  }
}

function buildIfStale(root: string, log: (line: string) => void): void {
  const handler = join(root, 'build', 'handler.js');
  const builtAt = existsSync(handler) ? statSync(handler).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  if (builtAt > sourcesAt) return;
  log('Building the web app (vite build)…');
  const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8'
  });
  if (result.status !== 0) {
    throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** Builds the SvelteKit app (adapter-node → build/) when it is missing or older than its sources, one build at a time. */
export function ensureAppBuild(root: string, log: (line: string) => void): void {
  withBuildLock(root, log, () => buildIfStale(root, log));
}

/**
 * A fresh build copied to a folder of its own, for a server a test starts: a later rebuild of build/ (sources
 * changed during the run, or another project's setup) replaces files under a running `node build`, which then
 * died on a missing asset (ENOENT on build/client/_app/immutable/nodes/…, unhandled) or served pages whose scripts
 * no longer exist. The copy sits under test-results/ so `node` still finds the checkout's node_modules.
 */
export function privateAppBuild(root: string, log: (line: string) => void): { buildDir: string; remove(): void } {
  const dir = join(root, 'test-results', 'app-builds', `${process.pid}-${Date.now().toString(36)}`);
  withBuildLock(root, log, () => {
    buildIfStale(root, log);
    mkdirSync(dir, { recursive: true });
    cpSync(join(root, 'build'), join(dir, 'build'), { recursive: true });
  });
  return { buildDir: join(dir, 'build'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
