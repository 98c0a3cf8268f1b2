/**
 * A local Neo4j the chaos run may kill: its own data directory and port (never the one `npm start` or the test
 * setup runs), killed with SIGKILL — no checkpoint, no clean close, as a crash or an OOM kill would — and started
 * again on the same directory and port, so the app's driver reconnects to the same URI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNeo4jJars, startLocalNeo4j, type LocalNeo4j } from '../local-stores/local-neo4j';
import { freePort } from '../process/ports';

export interface KillableNeo4j {
  uri: string;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** Start again on the same data and port; resolves when Neo4j is ready. */
  restart(): Promise<void>;
  /** Stop (if running) and delete the data directory. */
  dispose(): Promise<void>;
}

export async function startKillableNeo4j(opts: {
  password: string;
  log: (line: string) => void;
}): Promise<KillableNeo4j> {
  await ensureNeo4jJars();
  const dataDir = mkdtempSync(join(tmpdir(), 'atlas-chaos-neo4j-'));
  const boltPort = await freePort();
  const start = () => startLocalNeo4j({ dataDir, boltPort, password: opts.password, heap: '512m' });
  let current: LocalNeo4j | undefined;
  try {
    current = await start();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const uri = current.uri;
  opts.log(`chaos Neo4j ready at ${uri} (data in ${dataDir})`);

  return {
    uri,
    async kill() {
      if (!current) return;
      const victim = current;
      current = undefined;
      process.kill(victim.pid, 'SIGKILL');
      await victim.exited;
    },
    async restart() {
      if (current) return;
      current = await start();
    },
    async dispose() {
      await current?.stop();
      current = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
