import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/** Builds the SvelteKit app (adapter-node → build/) when it is missing or older than its sources. */
export function ensureAppBuild(root: string, log: (line: string) => void): void {
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
