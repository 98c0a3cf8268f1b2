import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateAppBuild, withBuildLock } from './build';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A checkout whose build is newer than its sources, so no `vite build` runs. */
function fakeCheckout(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-build-test-'));
  roots.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'app.ts'), '');
  utimesSync(join(root, 'src', 'app.ts'), new Date(2000, 0, 1), new Date(2000, 0, 1));
  mkdirSync(join(root, 'build', 'client'), { recursive: true });
  writeFileSync(join(root, 'build', 'handler.js'), 'v1');
  writeFileSync(join(root, 'build', 'client', 'chunk.js'), 'v1');
  return root;
}

const lockOf = (root: string) =>
  join(tmpdir(), `atlas-build-${createHash('sha1').update(resolve(root)).digest('hex').slice(0, 12)}.lock`);

describe('the app build lock', () => {
  it('waits while another live process holds it, then takes it over once that process has ended', async () => {
    const root = fakeCheckout();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 1500)']);
    await new Promise((resolveSpawn) => holder.once('spawn', resolveSpawn));
    writeFileSync(lockOf(root), String(holder.pid));
    const lines: string[] = [];
    // Synchronous: the event loop is blocked, so the ended holder stays a zombie (state Z) until the wait is over.
    const holderStateWhenTaken = withBuildLock(
      root,
      (line) => lines.push(line),
      () =>
        existsSync(`/proc/${holder.pid}/stat`)
          ? readFileSync(`/proc/${holder.pid}/stat`, 'utf8').split(') ')[1][0]
          : 'gone'
    );
    expect(['Z', 'gone']).toContain(holderStateWhenTaken);
    expect(lines.join('\n')).toMatch(new RegExp(`waiting for another build of this checkout \\(pid ${holder.pid}\\)`));
    expect(existsSync(lockOf(root))).toBe(false);
  });

  it('takes over a lock whose holder died, and releases it when the work throws', () => {
    const root = fakeCheckout();
    writeFileSync(lockOf(root), '999999999');
    expect(() =>
      withBuildLock(
        root,
        () => {},
        () => {
          expect(readFileSync(lockOf(root), 'utf8')).toBe(String(process.pid));
          throw new Error('build failed');
        }
      )
    ).toThrow('build failed');
    expect(existsSync(lockOf(root))).toBe(false);
  });
});

describe('privateAppBuild', () => {
  it('copies the build, so a later rebuild of build/ does not change files under a running server', () => {
    const root = fakeCheckout();
    const copy = privateAppBuild(root, () => {});
    expect(copy.buildDir.startsWith(join(root, 'test-results', 'app-builds'))).toBe(true);
    // A rebuild replaces build/: the copy keeps its own files.
    rmSync(join(root, 'build', 'client'), { recursive: true });
    writeFileSync(join(root, 'build', 'handler.js'), 'v2');
    expect(readFileSync(join(copy.buildDir, 'handler.js'), 'utf8')).toBe('v1');
    expect(readFileSync(join(copy.buildDir, 'client', 'chunk.js'), 'utf8')).toBe('v1');
    copy.remove();
    expect(existsSync(copy.buildDir)).toBe(false);
  });
});
