/**
 * Which installed packages would make `npm ci` print EBADENGINE on a given Node version: every entry of
 * package-lock.json's `packages` map carries the `engines` its package.json declared, so the lockfile alone answers
 * it — no install, no network. Issue 14: transitive @whatwg-node/* once wanted Node ≥ 22.15 while package.json
 * promises 20.19; the overrides that fixed it hold only as long as nothing reintroduces such a range.
 */
import semver from 'semver';

export interface LockfileV3 {
  packages: Record<string, { version?: string; engines?: Record<string, string> | string[] }>;
}

export interface EngineRefusal {
  /** The lockfile key, e.g. `node_modules/@whatwg-node/server`. */
  path: string;
  version: string | undefined;
  /** The declared `engines.node` range (or why it could not be read). */
  node: string;
}

/** Entries whose `engines.node` range does not admit `nodeVersion` (an unparseable range counts as a refusal). */
export function enginesRefusing(lock: LockfileV3, nodeVersion: string): EngineRefusal[] {
  const refusals: EngineRefusal[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const engines = entry.engines;
    if (!engines) continue;
    // Very old packages declared engines as an array of strings ("node >= 0.4"); npm ignores that form.
    if (Array.isArray(engines)) continue;
    const range = engines.node;
    if (range === undefined) continue;
    const valid = semver.validRange(range) !== null;
    if (!valid || !semver.satisfies(nodeVersion, range)) {
      refusals.push({ path, version: entry.version, node: valid ? range : `${range} (not a semver range)` });
    }
  }
  return refusals;
}
