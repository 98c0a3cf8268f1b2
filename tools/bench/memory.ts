/**
 * Peak resident memory of a process (the app server, Neo4j) over the measured phase only, from /proc (Linux).
 *
 * Writing 5 to /proc/<pid>/clear_refs resets the kernel's high-water mark (VmHWM) to the current size, so the
 * peak afterwards excludes start-up and the dataset load; where that is not permitted the sampler falls back to
 * polling VmRSS (which can miss a spike shorter than the interval). Both are reported in MiB.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface MemoryPeak {
  pid: number;
  peakMiB: number;
  /** How the peak was taken: the kernel's reset high-water mark, or polling. */
  method: 'VmHWM' | 'polled VmRSS';
}

/** A field of /proc/<pid>/status in KiB (VmRSS, VmHWM …), or null when the process or field is gone. */
export function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function resetHighWaterMark(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export class PeakMemorySampler {
  private readonly reset: boolean;
  private polledKiB = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly pid: number,
    intervalMs = 100
  ) {
    if (statusKiB(pid, 'VmRSS') === null)
      throw new Error(`no process ${pid} to sample memory from (/proc/${pid}/status)`);
    this.reset = resetHighWaterMark(pid);
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    this.polledKiB = Math.max(this.polledKiB, statusKiB(this.pid, 'VmRSS') ?? 0);
  }

  stop(): MemoryPeak {
    clearInterval(this.timer);
    this.sample();
    const hwm = this.reset ? statusKiB(this.pid, 'VmHWM') : null;
    const kib = hwm === null ? this.polledKiB : Math.max(hwm, this.polledKiB);
    return { pid: this.pid, peakMiB: kib / 1024, method: hwm === null ? 'polled VmRSS' : 'VmHWM' };
  }
}
