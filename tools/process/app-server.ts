import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface AppServer {
  url: string;
  pid: number;
  /** Resolves when the process ends, with its exit code (null when a signal ended it) and its last output lines. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string[] }>;
  stop(): Promise<void>;
}

/** Runs the built SvelteKit server (`node build`) as a child and waits until /healthz answers. */
export async function startAppServer(opts: {
  root: string;
  /** The build to run (default `<root>/build`); the process still runs in `root`. See privateAppBuild. */
  buildDir?: string;
  port: number;
  host?: string;
  env: Record<string, string | undefined>;
  log?: (line: string) => void;
}): Promise<AppServer> {
  const host = opts.host ?? '127.0.0.1';
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${opts.port}`;
  const child = spawn(process.execPath, [join(opts.buildDir ?? join(opts.root, 'build'), 'index.js')], {
    cwd: opts.root,
    env: { ...process.env, ...opts.env, PORT: String(opts.port), HOST: host, ORIGIN: opts.env.ORIGIN ?? url },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const tail: string[] = [];
  const onLine = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      opts.log?.(line);
    }
  };
  child.stdout.on('data', onLine);
  child.stderr.on('data', onLine);
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  let exited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string[] }>((resolve) =>
    // 'close', not 'exit': by then the output is read to its end, so the log includes the last lines.
    child.once('close', (code, signal) => {
      exited = true;
      resolve({ code, signal, log: [...tail] });
    })
  );

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`the app server exited during start:\n${tail.join('\n')}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app server did not answer /healthz within 60 s:\n${tail.join('\n')}`);
    }
    await sleep(200);
  }

  return {
    url,
    pid: child.pid!,
    exited: exit,
    async stop() {
      process.off('exit', killOnExit);
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    }
  };
}
