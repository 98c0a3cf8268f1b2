/**
 * `npm test`: everything the suite needs, then the whole suite.
 * Checks Chromium (installs it as root), builds Neo4j's jars and the app, then runs Vitest's unit,
 * integration (real PostgreSQL + a Neo4j the setup starts) and browser projects. Extra args go to Vitest.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ensureChromium } from '../process/chromium';
import { ensureAppBuild } from '../process/build';
import { ensureNeo4jJars } from '../local-stores/local-neo4j';

const log = (line: string) => console.log(`[test] ${line}`);
const root = resolve(process.env.ATLAS_ROOT ?? process.cwd());

async function main(): Promise<number> {
  process.env.CHROMIUM_PATH = ensureChromium(log);
  if (!process.env.NEO4J_URI) await ensureNeo4jJars();
  ensureAppBuild(root, log);
  const result = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' }
  });
  return result.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[test] ${error.message}`);
    process.exit(1);
  }
);
