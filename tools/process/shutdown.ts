/**
 * Stops what a command started, in reverse order, exactly once — on Ctrl-C, SIGTERM or a failure.
 * A second Ctrl-C while stopping forces exit (after the children were signalled).
 */
export class Shutdown {
  private readonly steps: { name: string; stop: () => Promise<void> }[] = [];
  private stopping: Promise<void> | undefined;

  add(name: string, stop: () => Promise<void>): void {
    this.steps.push({ name, stop });
  }

  run(log: (line: string) => void): Promise<void> {
    this.stopping ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.stop();
          log(`stopped ${step.name}`);
        } catch (error) {
          log(`could not stop ${step.name}: ${(error as Error).message}`);
        }
      }
    })();
    return this.stopping;
  }

  onSignals(log: (line: string) => void, exitCode = 0): void {
    let signals = 0;
    let firstAt = 0;
    const handler = (signal: NodeJS.Signals) => {
      // One Ctrl-C reaches us twice (from the terminal's process group and relayed by tsx): only a signal that
      // comes more than a second after the first means "stop waiting".
      if (signals > 0 && Date.now() - firstAt < 1_000) return;
      signals += 1;
      if (signals === 1) firstAt = Date.now();
      if (signals > 1) {
        log(`${signal} again: exiting now`);
        process.exit(130);
      }
      log(`${signal}: stopping…`);
      void this.run(log).then(() => process.exit(exitCode));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  }
}
