// A long-lived pool of extraction threads for the queue worker: documents arrive one at a time as jobs are fetched,
// so the batch pool (which runs a known list to its end) does not fit; the per-document work is the same
// (processUnit, as `dateline ingest`). A thread that dies costs only the document it was reading.

import { Worker } from 'node:worker_threads';
import type { InputUnit, ReadOptions } from '../ingest/index.js';
import { errorRecord, type UnitResult } from '../batch/process.js';
import { DatelineError, type Problem } from '../core/index.js';
import type { ThreadRequest } from './thread.js';
import type { OutputOptions } from '../output.js';

interface Task { seq: number; unit: InputUnit; read: ReadOptions; output?: OutputOptions; resolve: (r: UnitResult) => void }

export class ExtractPool {
  readonly threads: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly backlog: Task[] = [];
  private seq = 0;
  private closed = false;
  private starting = 0;
  private readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private startupError: DatelineError | null = null;

  constructor(threads: number) {
    this.threads = Math.max(1, threads);
    for (let i = 0; i < this.threads; i++) this.spawn();
  }

  /** Extracts one document on a free thread; never rejects (a failure is an error result, as in a batch). */
  run(unit: InputUnit, read: ReadOptions, output?: OutputOptions): Promise<UnitResult> {
    if (this.closed) return Promise.resolve(failure(unit, 'the extraction pool is closed'));
    return new Promise((resolve) => {
      this.backlog.push({ seq: this.seq++, unit, read, ...(output ? { output } : {}), resolve });
      this.dispatch();
    });
  }

  /** Resolves once every thread has loaded the pipeline (or died trying: its replacement is then awaited). */
  ready(): Promise<void> {
    if (this.startupError) return Promise.reject(this.startupError);
    return this.starting === 0 ? Promise.resolve() : new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** Documents being extracted or waiting for a thread. */
  get pending(): number {
    return this.busy.size + this.backlog.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.backlog.splice(0)) t.resolve(failure(t.unit, 'the extraction pool was closed'));
    const all = [...this.idle.splice(0), ...this.busy.keys()];
    for (const [, t] of this.busy) t.resolve(failure(t.unit, 'the extraction pool was closed'));
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.backlog.length) {
      const w = this.idle.pop()!;
      const t = this.backlog.shift()!;
      this.busy.set(w, t);
      const msg: ThreadRequest = { seq: t.seq, unit: t.unit, read: t.read, ...(t.output ? { output: t.output } : {}) };
      w.postMessage(msg);
    }
  }

  private spawn(): void {
    const w = new Worker(new URL('./thread.js', import.meta.url));
    let gone = false, warm = false;
    this.starting++;
    const started = () => {
      if (warm) return;
      warm = true;
      if (--this.starting === 0) for (const r of this.readyWaiters.splice(0)) r.resolve();
    };
    const died = (why: string) => {
      if (gone || this.closed) return;
      gone = true;
      const t = this.busy.get(w);
      this.busy.delete(w);
      const at = this.idle.indexOf(w);
      if (at >= 0) this.idle.splice(at, 1);
      t?.resolve(failure(t.unit, `the extraction thread died while reading this input: ${why}`));
      this.spawn();
      started(); // after spawn, so the count never passes through 0 while a replacement starts
      this.dispatch();
    };
    w.on('message', (m: { seq: number; result: UnitResult } | { ready: boolean; problem?: Problem }) => {
      if ('ready' in m) {
        if (!m.ready && !this.startupError) {
          const p = m.problem!;
          this.startupError = new DatelineError(p.code, `an extraction thread could not start: ${p.message}`);
          for (const r of this.readyWaiters.splice(0)) r.reject(this.startupError);
        }
        started();
        return;
      }
      const t = this.busy.get(w);
      if (!t || t.seq !== m.seq) return;
      this.busy.delete(w);
      this.idle.push(w);
      t.resolve(m.result);
      this.dispatch();
    });
    w.on('error', (e) => died(e.message));
    w.on('exit', (code) => died(`exit code ${code}`));
    this.idle.push(w);
  }
}

function failure(unit: InputUnit, message: string): UnitResult {
  const p: Problem = { code: 'E_STAGE', message, input: unit.source };
  return { ok: false, source: unit.source, json: JSON.stringify(errorRecord(unit.source, p)), error: p };
}
