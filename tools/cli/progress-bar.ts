import cliProgress from 'cli-progress';

/**
 * One cli-progress bar that follows named phases (read → validate → write, or a rebuild's phases), on stderr so
 * that stdout keeps only a command's result. Silent when stderr is not a terminal (CI logs stay readable).
 */
export class PhaseBar {
  private readonly bar = new cliProgress.SingleBar(
    {
      format: '{phase} [{bar}] {percentage}% | {value}/{total} {unit}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      noTTYOutput: false
    },
    cliProgress.Presets.shades_classic
  );
  private phase: string | null = null;
  private readonly enabled = Boolean(process.stderr.isTTY);

  update(phase: string, done: number, total: number, unit = 'rows'): void {
    if (!this.enabled) return;
    const label = phase.padEnd(10);
    if (this.phase === null) this.bar.start(total, done, { phase: label, unit });
    else if (this.phase !== phase) this.bar.setTotal(total);
    this.phase = phase;
    this.bar.setTotal(Math.max(total, 1));
    this.bar.update(done, { phase: label, unit });
  }

  stop(): void {
    if (this.phase !== null) this.bar.stop();
    this.phase = null;
  }
}
