/**
 * `npm ci` on the oldest Node that package.json's engines admit must not print EBADENGINE: no installed package
 * may ask for a newer Node than we promise (README: "Needs Node.js 20.19+"). Reads package-lock.json only.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { enginesRefusing, type LockfileV3 } from './lockfile-engines';

const root = resolve(__dirname, '../..');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const pkg = readJson(join(root, 'package.json')) as { engines: { node: string } };
/** The oldest Node we support: the lower bound of package.json's range. */
const OLDEST_NODE = semver.minVersion(pkg.engines.node)!.version;

describe('engines of installed packages', () => {
  it('package.json promises Node 20.19.0 as the oldest supported version', () => {
    expect(OLDEST_NODE).toBe('20.19.0');
  });

  it('every package in package-lock.json admits Node 20.19.0 in its engines.node range', () => {
    const lock = readJson(join(root, 'package-lock.json')) as LockfileV3;
    expect(Object.keys(lock.packages).length).toBeGreaterThan(100);
    expect(enginesRefusing(lock, OLDEST_NODE)).toEqual([]);
  });

  it('names an entry that wants a newer Node (a fabricated pre-override @whatwg-node/server)', () => {
    const lock = readJson(join(__dirname, 'fixtures', 'lockfile-whatwg-node-22.json')) as LockfileV3;
    expect(enginesRefusing(lock, OLDEST_NODE)).toEqual([
      { path: 'node_modules/@whatwg-node/server', version: '0.10.99-fabricated', node: '>=22.15.0' }
    ]);
    expect(enginesRefusing(lock, '22.15.0')).toEqual([]);
  });

  it('counts a range it cannot read as a refusal, not as a pass', () => {
    const lock: LockfileV3 = { packages: { 'node_modules/odd': { version: '1.0.0', engines: { node: 'latest' } } } };
    expect(enginesRefusing(lock, OLDEST_NODE)).toHaveLength(1);
  });
});
