/**
 * The local Neo4j: Neo4j Community 5.26 + Graph Data Science, embedded in a small Java launcher
 * (graph/src/main/java/org/coalitionatlas/graph/LocalNeo4j.java) whose jars Maven fetches from Central.
 * Used by `npm start`, the CLIs and the integration tests whenever NEO4J_URI is not set; production points
 * NEO4J_URI at a managed Neo4j instead and never calls this.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { colorAllowed, printable } from '../process/plain-output';

export interface LocalNeo4jOptions {
  dataDir: string;
  boltPort: number;
  /** Set for user `neo4j` on first start, and updated on a later start if it changed. At least 8 characters. */
  password: string;
  /** JVM heap (-Xmx), e.g. '1g'. The page cache (512m) comes on top of it. */
  heap?: string;
  /** Every line Neo4j and the launcher write to stderr (Neo4j's user log, errors). */
  log?: (line: string) => void;
  /** Give up waiting for READY after this long (default 180 s: a cold start on a busy 2-core CI box is slow). */
  readyTimeoutMs?: number;
  /**
   * Extra JVM flags. Default: ['-XX:TieredStopAtLevel=1'] under Vitest or CI (C1 JIT only: a third less CPU to
   * get ready, measured 19 s vs 29 s; queries run slower, which tiny test graphs don't notice), else none.
   * ATLAS_NEO4J_JAVA_OPTS (space-separated) is appended in every case.
   */
  jvmArgs?: string[];
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  /** SIGTERM (clean shutdown: checkpoint, close store), SIGKILL after 30 s. Safe to call twice. */
  stop(): Promise<void>;
  /** Settles when the process ends, for whatever reason (a foreground command can watch it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Repo root: ATLAS_ROOT, else the working directory (npm scripts run there; also true for the Vite build). */
export function atlasRoot(): string {
  return resolve(process.env.ATLAS_ROOT ?? process.cwd());
}

const graphDir = () => join(atlasRoot(), 'graph');
const stampFile = () => join(graphDir(), 'target', '.atlas-build-stamp');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function jarsAreCurrent(): boolean {
  const t = join(graphDir(), 'target');
  const launcher = join(t, 'classes', 'org', 'coalitionatlas', 'graph', 'LocalNeo4j.class');
  const jarDirs = [join(t, 'lib'), join(t, 'plugins')];
  if (![launcher, ...jarDirs].every((p) => existsSync(p))) return false;
  const pom = newestMtime(join(graphDir(), 'pom.xml'));
  const src = newestMtime(join(graphDir(), 'src'));
  if (existsSync(stampFile()) && Math.max(pom, src) <= statSync(stampFile()).mtimeMs) return true;
  // Built by `mvn package` directly (CI, `npm run graph:install`): judge by the outputs themselves.
  return src <= statSync(launcher).mtimeMs && jarDirs.every((d) => pom <= statSync(d).mtimeMs);
}

/**
 * Builds graph/target (launcher classes + Neo4j/GDS jars) when missing or older than pom.xml / the launcher source.
 * The first run downloads ~140 MB into ~/.m2; later builds work offline.
 */
export async function ensureNeo4jJars(): Promise<void> {
  if (jarsAreCurrent()) return;
  const pom = join(graphDir(), 'pom.xml');
  process.stderr.write(
    '[graph] building the local Neo4j (graph/pom.xml; the first run downloads ~140 MB from Maven Central)…\n'
  );
  // Maven's output goes to our stderr (commands keep stdout for their own output), without terminal escape codes:
  // Debian's Maven 3.8 writes colour resets (ESC[0m) even with -B and style.color=never, which littered the start log.
  const child = spawn('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', pom, 'package'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: atlasRoot()
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const text = printable(chunk, colorAllowed(process.stderr));
      if (text.trim()) process.stderr.write(text);
    });
  }
  const code = await new Promise<number | null>((res, rej) => {
    child.on('error', (e) => rej(new Error(`could not run mvn (is Maven installed?): ${e.message}`)));
    child.on('exit', (c) => res(c));
  });
  if (code !== 0) throw new Error(`mvn -f ${pom} package failed (exit ${code})`);
  writeFileSync(stampFile(), new Date().toISOString() + '\n');
}

function javaBinary(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function sizeInMb(size: string): number {
  const m = /^(\d+)([mg])$/i.exec(size.trim());
  if (!m) throw new Error(`invalid heap size '${size}' (use e.g. 512m or 2g)`);
  return Number(m[1]) * (m[2].toLowerCase() === 'g' ? 1024 : 1);
}

/** Java flags Neo4j's own launcher uses, minus the ones that only matter for big production heaps. */
function jvmFlags(heap: string): string[] {
  return [
    `-Xmx${heap}`,
    // Neo4j warns without -Xms; a small floor keeps the resident size modest on dev machines.
    `-Xms${Math.min(sizeInMb(heap), 256)}m`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    // Native file access (log preallocation, page cache) needs these; without them Neo4j logs warnings and falls back.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8'
  ];
}

const EXIT_REASONS: Record<number, string> = {
  2: 'bad arguments',
  3: 'Bolt port already in use',
  4: 'data directory locked by another Neo4j'
};

export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  if (opts.password.length < 8) throw new Error('the Neo4j password must have at least 8 characters');
  const g = graphDir();
  if (!existsSync(join(g, 'target', 'classes')))
    throw new Error('graph/target is missing: call ensureNeo4jJars() first');
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const classpath = [join(g, 'target', 'classes'), join(g, 'target', 'lib', '*')].join(delimiter);
  const args = [
    ...jvmFlags(opts.heap ?? '1g'),
    ...(opts.jvmArgs ?? (process.env.VITEST || process.env.CI ? ['-XX:TieredStopAtLevel=1'] : [])),
    ...(process.env.ATLAS_NEO4J_JAVA_OPTS?.split(/\s+/).filter(Boolean) ?? []),
    '-cp',
    classpath,
    'org.coalitionatlas.graph.LocalNeo4j',
    '--data',
    dataDir,
    '--port',
    String(opts.boltPort),
    '--host',
    '127.0.0.1',
    '--plugins',
    join(g, 'target', 'plugins'),
    // The launcher stops cleanly when this pipe closes, i.e. when we die, even by SIGKILL.
    '--watch-stdin'
  ];
  const child: ChildProcess = spawn(javaBinary(), args, {
    cwd: atlasRoot(),
    env: { ...process.env, NEO4J_PASSWORD: opts.password },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Own process group: a terminal's Ctrl-C reaches only us, so we stop Neo4j after closing clients, not before.
    detached: true
  });

  const lastLines: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    lastLines.push(line);
    if (lastLines.length > 40) lastLines.shift();
    opts.log?.(line);
  });

  // Belt and braces for a parent that exits without calling stop(): the launcher shuts down on SIGTERM.
  const onParentExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', onParentExit);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => {
    child.on('exit', (code, signal) => {
      process.off('exit', onParentExit);
      res({ code, signal });
    });
  });

  const timeoutMs = opts.readyTimeoutMs ?? 180_000;
  let uri: string;
  try {
    uri = await new Promise<string>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`Neo4j did not get ready within ${timeoutMs / 1000} s`)), timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        rej(new Error(`could not run ${javaBinary()} (is Java 17 or 21 installed?): ${e.message}`));
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = /^NEO4J READY (\S+)$/.exec(line.trim());
        if (m) {
          clearTimeout(timer);
          res(m[1]);
        }
      });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        const why = code !== null && EXIT_REASONS[code] ? `: ${EXIT_REASONS[code]}` : '';
        rej(new Error(`Neo4j exited before it was ready (exit ${code ?? signal}${why})`));
      });
    });
  } catch (error) {
    await terminate(child, exited);
    const tail = lastLines
      .slice(-15)
      .map((l) => `  ${l}`)
      .join('\n');
    throw new Error(
      `${(error as Error).message}\nlast lines from Neo4j (${join(dataDir, 'logs')} has the rest):\n${tail}`,
      { cause: error }
    );
  }

  // Ready: don't keep the event loop alive just for Neo4j (the 'exit' hook and --watch-stdin clean up).
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr])
    (stream as unknown as { unref?: () => void })?.unref?.();

  let stopping: Promise<void> | undefined;
  return {
    uri,
    pid: child.pid!,
    exited,
    stop: () => (stopping ??= terminate(child, exited))
  };
}

async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  try {
    await exited;
  } finally {
    clearTimeout(killTimer);
  }
}
