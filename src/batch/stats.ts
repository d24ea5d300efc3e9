// CPU time per thread, for benchmarks: set DATELINE_THREAD_STATS=1 and a batch command prints, on exit, one line
// "dateline threads: {json}" to stderr with the CPU milliseconds of the main thread, each worker and the process.
// Wall time on a machine shared with other jobs says little; CPU time per thread shows where the work goes.

import { readFileSync } from 'node:fs';

export const threadStatsWanted = (): boolean => !!process.env.DATELINE_THREAD_STATS;

/** This thread's CPU milliseconds (user + system) from /proc/thread-self (Linux); NaN elsewhere. */
export function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses: utime and stime are the 12th and 13th.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}
/** USER_HZ: 100 on every Linux architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** What a worker reports with each result when stats are wanted: its CPU so far, and after its first unit (model loading). */
export interface WorkerCpu {
  units: number;
  cpuMs: number;
  firstUnitCpuMs: number;
}

const workers: WorkerCpu[] = [];
let registered = false;

/** Records a worker's figures (the pool calls it once per worker, keeping the object up to date). */
export function trackWorker(w: WorkerCpu): void {
  workers.push(w);
}

/** Prints the figures when the process exits (after the last write and the store's close). */
export function reportThreadsOnExit(): void {
  if (registered) return;
  registered = true;
  const t0 = performance.now();
  process.once('exit', () => {
    const u = process.cpuUsage();
    const line = {
      wall_ms: Math.round(performance.now() - t0),
      main_cpu_ms: Math.round(threadCpuMs()),
      process_cpu_ms: Math.round((u.user + u.system) / 1000),
      workers: workers.map((x) => ({ units: x.units, cpu_ms: Math.round(x.cpuMs), first_unit_cpu_ms: Math.round(x.firstUnitCpuMs) })),
    };
    process.stderr.write(`dateline threads: ${JSON.stringify(line)}\n`);
  });
}
