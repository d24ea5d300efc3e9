// `dateline worker`: takes document jobs from the queue, extracts them on every core, stores them, and marks each
// job completed or failed. Storing is idempotent (a document's id is a hash of its text and source), so a job run
// twice (its worker died after storing it, before marking it) is stored once.

import type { Problem } from '../core/index.js';
import type { PutItem, Store } from '../store/index.js';
import { SCHEMA_VERSION } from '../schema/constants.js';
import type { Extraction } from '../schema/index.js';
import type { UnitResult } from '../batch/process.js';
import { isDocumentJob, unitOfJob } from './job.js';
import { ExtractPool } from './pool.js';
import type { DocumentQueue, FetchedJob, JobOutput } from './queue.js';

export type WorkerMode = 'forever' | 'once' | 'drain';

export interface WorkerOptions {
  /** Extraction threads (jobs extracted at once). */
  concurrency: number;
  /**
   * forever: poll for jobs until stopped. once: take the jobs waiting now (at most two per thread), finish them,
   * return. drain: run until no job is waiting, to be retried or held by any worker.
   */
  mode: WorkerMode;
  /** Documents written per store transaction at most (each document stays atomic on its own). */
  batch?: number;
  /** How often to look for new jobs when there are none (ms). */
  pollMs?: number;
  /** Told about each job as it ends. */
  onJob?: (e: JobEvent) => void;
  /** Told when drain mode waits for jobs other workers hold (count of unfinished jobs). */
  onWait?: (unfinished: number) => void;
}

export type JobEvent =
  | { kind: 'stored'; source: string; document: string; outcome: 'inserted' | 'skipped' }
  /** `final`: no attempt remains, the job stays failed; otherwise pg-boss retries it. */
  | { kind: 'failed'; source: string; problem: Problem; final: boolean; attempt: number; attempts: number };

export interface WorkerSummary {
  jobs: number;
  inserted: number;
  skipped: number;
  /** Jobs failed for good (their output holds the error record). */
  failed: number;
  /** Failed attempts that pg-boss will retry. */
  retrying: number;
  /** Time to start the extraction threads (load the models), before the first job was taken. */
  startupMs: number;
  ms: number;
}

type Done = { job: FetchedJob; source: string; item: PutItem } | { job: FetchedJob; source: string; problem: Problem };

/** JSONB holds no U+0000: keep error texts storable. */
const clean = (s: string) => s.replace(/\u0000/g, '\ufffd');
const errorOutput = (p: Problem): JobOutput =>
  ({ schema: SCHEMA_VERSION, error: { code: p.code, message: clean(p.message), ...(p.input !== undefined ? { input: clean(p.input) } : {}) } });

export class QueueWorker {
  private readonly queue: DocumentQueue;
  private readonly store: Store;
  private readonly options: Required<Omit<WorkerOptions, 'onJob' | 'onWait'>> & Pick<WorkerOptions, 'onJob' | 'onWait'>;
  private readonly pool: ExtractPool;
  /** Jobs fetched and not yet completed or failed, by id. */
  private readonly held = new Map<string, FetchedJob>();
  private buffer: Done[] = [];
  private writes: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | null = null;
  private fatal: unknown = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  /** Something happened while nobody was waiting (e.g. a thread freed up during a fetch). */
  private woken = false;
  readonly summary: WorkerSummary = { jobs: 0, inserted: 0, skipped: 0, failed: 0, retrying: 0, startupMs: 0, ms: 0 };

  constructor(queue: DocumentQueue, store: Store, options: WorkerOptions) {
    this.queue = queue;
    this.store = store;
    this.options = { batch: 25, pollMs: 2000, ...options, concurrency: Math.max(1, options.concurrency) };
    this.pool = new ExtractPool(this.options.concurrency);
  }

  /** Jobs this worker holds right now. */
  get holding(): number {
    return this.held.size;
  }

  /** Finish the jobs held, take no more: run() returns once they are stored and marked. */
  stop(): void {
    this.stopping = true;
    this.wake();
  }

  /** Gives the held jobs back at once (failed with a note: pg-boss retries them) and closes the threads. */
  async release(): Promise<number> {
    this.stopping = true;
    const ids = [...this.held.keys()];
    this.held.clear();
    await this.pool.close();
    await this.queue.fail(ids, { message: 'the worker was stopped before finishing this job; it will be retried' }).catch(() => {});
    return ids.length;
  }

  async run(): Promise<WorkerSummary> {
    const t0 = performance.now();
    // Two jobs per thread in extraction (one extracting, one ready, so a thread never waits for a round trip to
    // the queue), plus at most a batch extracted and waiting to be stored.
    const extracting = this.options.concurrency * 2;
    const capacity = extracting + this.options.batch;
    let fetchedOnce = false;
    let lastWait = -1;
    try {
      // Jobs are taken only once the threads can extract, so a job's timeout measures its extraction, not start-up.
      await this.pool.ready();
      this.summary.startupMs = performance.now() - t0;
      for (;;) {
        if (this.fatal) throw this.fatal;
        if (this.stopping) break;
        const room = Math.min(extracting - this.pool.pending, capacity - this.held.size);
        let got = 0;
        if (room > 0 && !(this.options.mode === 'once' && fetchedOnce)) {
          const jobs = await this.queue.fetch(room);
          fetchedOnce = true;
          got = jobs.length;
          for (const job of jobs) this.start(job);
        }
        if (this.held.size > 0) { await this.sleep(this.options.pollMs); continue; }
        if (got > 0) continue;
        if (this.options.mode === 'once') break;
        if (this.options.mode === 'drain') {
          // pg-boss's fetch reports a lost connection as "no job": counting the jobs left surfaces it.
          const left = await this.queue.unfinished();
          if (left === 0) break;
          if (left !== lastWait) { lastWait = left; this.options.onWait?.(left); }
          // Jobs held by a worker that died come back once their timeout passes: check now rather than at the next maintenance.
          await this.queue.expire();
        }
        await this.sleep(this.options.pollMs);
      }
      // Stopping or done: let what is held finish, be stored and marked.
      while (this.held.size > 0 && !this.fatal) await this.sleep(this.options.pollMs);
      this.flush();
      await this.writes;
      if (this.fatal) throw this.fatal;
    } finally {
      if (this.flushTimer) clearTimeout(this.flushTimer);
      await this.pool.close();
      this.summary.ms = performance.now() - t0;
    }
    return this.summary;
  }

  private start(job: FetchedJob): void {
    this.held.set(job.id, job);
    this.summary.jobs++;
    if (!isDocumentJob(job.data)) {
      const problem: Problem = { code: 'E_QUEUE', message: `job ${job.id} does not hold a dateline document (queued by another version of dateline?)` };
      this.done({ job, source: `job ${job.id}`, problem });
      return;
    }
    const data = job.data;
    const { unit, read } = unitOfJob(data);
    void this.pool.run(unit, read).then((r: UnitResult) => {
      if (!this.held.has(job.id)) return; // released meanwhile
      if (r.ok) this.done({ job, source: data.source, item: { x: JSON.parse(r.json) as Extraction, json: r.json, inputKey: data.inputKey } });
      else this.done({ job, source: data.source, problem: r.error });
    }).catch((e) => { this.fatal ??= e; this.wake(); });
  }

  private done(d: Done): void {
    this.buffer.push(d);
    this.wake(); // a thread is free: time to fetch
    // Write when a batch is full or nothing else is being extracted; otherwise soon, so a slow document does not hold the rest.
    if (this.buffer.length >= this.options.batch || this.pool.pending === 0) this.flush();
    else this.flushTimer ??= setTimeout(() => { this.flushTimer = null; this.flush(); }, 250);
  }

  private flush(): void {
    if (this.flushTimer) { clearTimeout(this.flushTimer); this.flushTimer = null; }
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.writes = this.writes.then(() => this.write(batch)).catch((e) => { this.fatal ??= e; this.wake(); });
  }

  /** Stores the extracted documents in one transaction, then marks each job; a job is never marked before its document is committed. */
  private async write(batch: Done[]): Promise<void> {
    const ok = batch.filter((d): d is Extract<Done, { item: PutItem }> => 'item' in d);
    const results = ok.length ? await this.store.putMany(ok.map((d) => d.item)) : [];
    const marks: Promise<void>[] = [];
    ok.forEach((d, i) => {
      const r = results[i]!;
      if (r.outcome === 'failed') {
        marks.push(this.failJob(d.job, d.source, { code: 'E_STORE_WRITE', message: r.error.message, input: d.source }));
      } else {
        this.summary[r.outcome]++;
        marks.push(this.queue.complete(d.job.id, { document: r.id, outcome: r.outcome }).then(() => {
          this.options.onJob?.({ kind: 'stored', source: d.source, document: r.id, outcome: r.outcome });
        }));
      }
    });
    for (const d of batch) if ('problem' in d) marks.push(this.failJob(d.job, d.source, d.problem));
    try {
      await Promise.all(marks);
    } finally {
      for (const d of batch) this.held.delete(d.job.id);
      this.wake();
    }
  }

  private async failJob(job: FetchedJob, source: string, problem: Problem): Promise<void> {
    await this.queue.fail(job.id, errorOutput(problem));
    // pg-boss retries every failure while attempts remain; extraction is deterministic, so a bad input fails each time and then stays failed.
    const final = job.retryCount >= job.retryLimit;
    if (final) this.summary.failed++; else this.summary.retrying++;
    this.options.onJob?.({ kind: 'failed', source, problem, final, attempt: job.retryCount + 1, attempts: job.retryLimit + 1 });
  }

  private wake(): void {
    const w = this.wakeUp;
    this.wakeUp = null;
    if (w) w(); else this.woken = true;
  }

  /** Waits until a job ends, stop() is called, or ms pass; at once if one of those happened since the last wait. */
  private sleep(ms: number): Promise<void> {
    if (this.woken) { this.woken = false; return Promise.resolve(); }
    return new Promise((resolve) => {
      const t = setTimeout(() => { this.wakeUp = null; resolve(); }, ms);
      this.wakeUp = () => { clearTimeout(t); resolve(); };
    });
  }
}
