/**
 * Runs the Prisma CLI (Wasm schema engine through prisma.config.ts) against a database URL, in a child process:
 * the engine keeps global state and long timers that have no place in the app's process.
 * Works with PostgreSQL and with the embedded PGlite server (any process may host it).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

export interface PrismaRunOptions {
  databaseUrl: string;
  /** Where prisma.config.ts lives. Default: the current directory. */
  cwd?: string;
  /** 'inherit' for interactive commands (migrate dev asks for a name); default 'capture'. */
  stdio?: 'capture' | 'inherit';
  env?: Record<string, string>;
}

export interface PrismaRunResult {
  code: number;
  /** stdout and stderr interleaved; empty with stdio 'inherit'. */
  output: string;
  durationMs: number;
}

export function runPrisma(args: string[], options: PrismaRunOptions): Promise<PrismaRunResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [prismaCli, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: {
      ...process.env,
      ...options.env,
      DATABASE_URL: options.databaseUrl,
      // No network here: skip the version check and telemetry.
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1'
    },
    stdio: options.stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      resolvePromise({ code: code ?? (signal ? 128 : 1), output, durationMs: performance.now() - started });
    });
  });
}

/** `prisma migrate deploy`; throws with the CLI's output when it fails. */
export async function deployMigrations(
  databaseUrl: string,
  options: { cwd?: string } = {}
): Promise<{ durationMs: number; output: string }> {
  const result = await runPrisma(['migrate', 'deploy'], { databaseUrl, cwd: options.cwd });
  if (result.code !== 0) {
    throw new Error(`prisma migrate deploy failed (exit ${result.code}) on ${redact(databaseUrl)}:\n${result.output}`);
  }
  return { durationMs: result.durationMs, output: result.output };
}

/** The URL without its password, for messages. */
export function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<invalid DATABASE_URL>';
  }
}
