// Runs units across worker threads and hands results back in input order.
// A worker that dies (out of memory, a native crash) costs only the document it was reading:
// that unit gets an error record, the others it held are retried on a fresh worker.

import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { errorRecord, processUnit, type UnitOptions, type UnitResult } from './process.js';
import type { InputUnit } from '../ingest/index.js';
import type { Problem } from '../core/index.js';
import { reportThreadsOnExit, threadStatsWanted, trackWorker, type WorkerCpu } from './stats.js';

export interface BatchOptions extends UnitOptions {
  /** Worker threads; 1 runs in this thread. Default: every core. */
  jobs?: number;
  /** Called once per unit, in input order. */
  onResult: (r: UnitResult, index: number) => void;
}

export interface BatchSummary {
  total: number;
  failed: number;
  words: number;
  ms: number;
}

export const defaultJobs = (): number => Math.max(1, availableParallelism());

/** Units queued per worker: enough to keep it busy while the main thread writes. */
const PER_WORKER = 4;

export async function runBatch(units: Iterable<InputUnit>, options: BatchOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  if (threadStatsWanted()) reportThreadsOnExit();
  const summary: BatchSummary = { total: 0, failed: 0, words: 0, ms: 0 };
  const tally = (r: UnitResult, i: number) => {
    summary.total++;
    if (r.ok) summary.words += r.words; else summary.failed++;
    options.onResult(r, i);
  };
  if (jobs === 1) {
    let i = 0;
    for (const u of units) {
      tally(processUnit(u, options), i++);
      // Let stdout drain and signals through between documents.
      if (i % 64 === 0) await new Promise((res) => setImmediate(res));
    }
  } else {
    await runOnWorkers(units, jobs, options, tally);
  }
  summary.ms = performance.now() - t0;
  return summary;
}

function runOnWorkers(units: Iterable<InputUnit>, jobs: number, options: BatchOptions, deliver: (r: UnitResult, i: number) => void): Promise<void> {
  const workerUrl = new URL('./worker.js', import.meta.url);
  const stats = threadStatsWanted();
  const workerData: UnitOptions & { stats?: boolean } = { read: options.read, output: options.output, ...(options.rows ? { rows: true } : {}), ...(stats ? { stats } : {}) };
  const iterator = units[Symbol.iterator]();
  const retry: Array<{ seq: number; unit: InputUnit }> = [];
  const pending = new Map<number, UnitResult>();
  const held = new Map<Worker, Map<number, InputUnit>>();
  let nextSeq = 0, nextOut = 0, exhausted = false, finished = false;

  return new Promise<void>((resolve, reject) => {
    const finishIfDone = () => {
      if (!finished && exhausted && retry.length === 0 && [...held.values()].every((m) => m.size === 0)) {
        finished = true;
        Promise.all([...held.keys()].map((w) => w.terminate())).then(() => resolve(), reject);
      }
    };
    const drain = () => {
      while (pending.has(nextOut)) {
        const r = pending.get(nextOut)!;
        pending.delete(nextOut);
        deliver(r, nextOut++);
      }
    };
    const feed = (w: Worker) => {
      const mine = held.get(w)!;
      while (mine.size < PER_WORKER) {
        let job = retry.shift();
        if (!job && !exhausted) {
          const n = iterator.next();
          if (n.done) exhausted = true;
          else job = { seq: nextSeq++, unit: n.value };
        }
        if (!job) break;
        mine.set(job.seq, job.unit);
        w.postMessage(job);
      }
      finishIfDone();
    };
    const crashed = (w: Worker, why: string) => {
      const mine = held.get(w);
      if (!mine || finished) return;
      held.delete(w);
      const seqs = [...mine.keys()].sort((a, b) => a - b);
      // A worker reads its messages in order: the lowest unit it held is the one it died on.
      if (seqs.length) {
        const culprit = seqs[0]!;
        const unit = mine.get(culprit)!;
        const p: Problem = { code: 'E_STAGE', message: `the worker thread died while reading this input: ${why}`, input: unit.source };
        pending.set(culprit, { ok: false, source: unit.source, json: JSON.stringify(errorRecord(unit.source, p)), error: p });
        for (const s of seqs.slice(1)) retry.push({ seq: s, unit: mine.get(s)! });
        retry.sort((a, b) => a.seq - b.seq);
      }
      drain();
      start();
    };
    const start = () => {
      const w = new Worker(workerUrl, { workerData });
      held.set(w, new Map());
      const cpu: WorkerCpu = { units: 0, cpuMs: 0, firstUnitCpuMs: 0 };
      if (stats) trackWorker(cpu);
      w.on('message', (m: { seq: number; result: UnitResult; cpuMs?: number }) => {
        if (m.cpuMs !== undefined) { if (cpu.units++ === 0) cpu.firstUnitCpuMs = m.cpuMs; cpu.cpuMs = m.cpuMs; }
        held.get(w)?.delete(m.seq);
        pending.set(m.seq, m.result);
        try { drain(); } catch (e) { reject(e); return; }
        feed(w);
      });
      w.on('error', (e) => crashed(w, e.message));
      w.on('exit', (code) => { if (code !== 0) crashed(w, `exit code ${code}`); });
      feed(w);
    };
    for (let i = 0; i < jobs; i++) start();
  });
}
