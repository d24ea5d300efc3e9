// Runs units across worker threads and hands results back in input order.

import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { processUnit, type UnitOptions, type UnitResult } from './process.js';
import type { InputUnit } from '../ingest/index.js';

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

export async function runBatch(units: Iterable<InputUnit>, options: BatchOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  const summary: BatchSummary = { total: 0, failed: 0, words: 0, ms: 0 };
  const tally = (r: UnitResult) => {
    summary.total++;
    if (r.ok) summary.words += r.words; else summary.failed++;
  };
  if (jobs === 1) {
    let i = 0;
    for (const u of units) {
      const r = processUnit(u, options);
      tally(r);
      options.onResult(r, i++);
      // Let stdout drain and signals through between documents.
      if (i % 64 === 0) await new Promise((res) => setImmediate(res));
    }
    summary.ms = performance.now() - t0;
    return summary;
  }

  const workerUrl = new URL('./worker.js', import.meta.url);
  const workerData: UnitOptions = { read: options.read, output: options.output };
  const workers = Array.from({ length: jobs }, () => new Worker(workerUrl, { workerData }));
  const iterator = units[Symbol.iterator]();
  const pending = new Map<number, UnitResult>();
  let nextSeq = 0, nextOut = 0, inFlight = 0, done = false;
  // A few units queued per worker keep it busy while the main thread writes.
  const perWorker = 4;

  await new Promise<void>((resolve, reject) => {
    const drain = () => {
      while (pending.has(nextOut)) {
        const r = pending.get(nextOut)!;
        pending.delete(nextOut);
        tally(r);
        options.onResult(r, nextOut++);
      }
    };
    const feed = (w: Worker) => {
      while (!done && inFlightOf.get(w)! < perWorker) {
        const n = iterator.next();
        if (n.done) { done = true; break; }
        inFlightOf.set(w, inFlightOf.get(w)! + 1);
        inFlight++;
        w.postMessage({ seq: nextSeq++, unit: n.value });
      }
      if (done && inFlight === 0) resolve();
    };
    const inFlightOf = new Map<Worker, number>();
    for (const w of workers) {
      inFlightOf.set(w, 0);
      w.on('message', (m: { seq: number; result: UnitResult }) => {
        inFlightOf.set(w, inFlightOf.get(w)! - 1);
        inFlight--;
        pending.set(m.seq, m.result);
        try { drain(); } catch (e) { reject(e); return; }
        feed(w);
      });
      w.on('error', reject);
    }
    for (const w of workers) feed(w);
  }).finally(() => Promise.all(workers.map((w) => w.terminate())));
  summary.ms = performance.now() - t0;
  return summary;
}
