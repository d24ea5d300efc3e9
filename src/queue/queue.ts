// The job queue of documents to extract, kept by pg-boss in the store's PostgreSQL database, in a schema of its own.

import PgBoss from 'pg-boss';
import { DatelineError } from '../core/index.js';
import { isPostgresUrl } from '../store/index.js';
import { maskUrl } from '../store/postgres/index.js';
import { jobId, type DocumentJob } from './job.js';

/** The pg-boss queue that holds documents to extract and store. */
export const QUEUE_NAME = 'dateline-documents';
/** pg-boss's tables live here when the store uses the default schema. */
export const DEFAULT_QUEUE_SCHEMA = 'dateline_queue';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** A queue failure with a stable code. */
export class QueueError extends DatelineError {
  constructor(code: 'E_QUEUE_URL' | 'E_QUEUE', detail: string, cause?: unknown) {
    super(code, detail, cause === undefined ? {} : { cause });
    this.name = 'QueueError';
  }
}

export interface QueueLocation {
  /** The connection string without dateline's own `schema` parameter. */
  connectionString: string;
  /** pg-boss's schema: `dateline_queue`, or `<store schema>_queue` when the URL names a store schema. */
  schema: string;
  /** For messages (password masked). */
  display: string;
}

/** Where the queue of a store lives; a store that is not PostgreSQL has no queue (E_QUEUE_URL). */
export function queueLocation(db: string): QueueLocation {
  if (!isPostgresUrl(db)) {
    throw new QueueError('E_QUEUE_URL', `"${db}" is not a postgres:// URL. Workers on other machines pull jobs from the database itself: `
      + 'give --db postgres://user@host:5432/database (the same URL to dateline worker), or drop --queue to ingest here into a SQLite file.');
  }
  const u = new URL(db);
  const storeSchema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  const schema = storeSchema ? `${storeSchema}_queue` : DEFAULT_QUEUE_SCHEMA;
  if (!IDENT.test(schema)) throw new QueueError('E_QUEUE_URL', `schema name ${JSON.stringify(storeSchema)} must be lower-case letters, digits and _ (at most 56 of them)`);
  return { connectionString: u.toString(), schema, display: `${maskUrl(db)} (queue ${schema}.${QUEUE_NAME})` };
}

export interface QueueOptions {
  /** Run pg-boss's maintenance (expire jobs of dead workers, archive old ones) in the background: workers do. */
  supervise?: boolean;
  /** Connections at most (default 4). */
  max?: number;
}

export interface SendOptions {
  /** A job active longer than this is taken as lost (its worker died) and retried (pg-boss's expireInSeconds). */
  timeoutSeconds: number;
  /** Attempts after the first (pg-boss's retryLimit). */
  retries: number;
}

export type FetchedJob = PgBoss.JobWithMetadata<DocumentJob>;

/** What a job's output records once done. */
export type JobOutput = { document: string; outcome: 'inserted' | 'skipped' } | { schema: string; error: { code: string; message: string; input?: string } };

/** A thin layer over pg-boss: only the calls dateline uses, with errors as QueueError. */
export class DocumentQueue {
  readonly location: QueueLocation;
  private readonly boss: PgBoss;
  private lastError: Error | null = null;

  private constructor(boss: PgBoss, location: QueueLocation) {
    this.boss = boss;
    this.location = location;
    // pg-boss reports background failures (maintenance, a lost connection) as events: an unheard one would crash.
    boss.on('error', (e) => { this.lastError = e; });
  }

  /** Connects, installs or migrates pg-boss's schema, and creates the queue if missing. */
  static async open(db: string, options: QueueOptions = {}): Promise<DocumentQueue> {
    const location = queueLocation(db);
    const boss = new PgBoss({
      connectionString: location.connectionString,
      schema: location.schema,
      max: options.max ?? 4,
      application_name: 'dateline',
      supervise: options.supervise ?? false,
      schedule: false,
      migrate: true,
      // Passed through to pg's pool: an unreachable server fails fast instead of hanging.
      ...({ connectionTimeoutMillis: 5000 } as object),
    });
    const q = new DocumentQueue(boss, location);
    try {
      await boss.start();
      await boss.createQueue(QUEUE_NAME);
    } catch (e) {
      await boss.stop({ graceful: false }).catch(() => {});
      throw new QueueError('E_QUEUE', `cannot open the job queue at ${location.display}: ${(e as Error).message}`, e);
    }
    return q;
  }

  /** Queues one document; false when a job with the same input and read options is already kept (queued, done or failed). */
  async send(job: DocumentJob, options: SendOptions): Promise<boolean> {
    const id = await this.call('queue a job', () =>
      this.boss.send(QUEUE_NAME, job, { id: jobId(job), expireInSeconds: options.timeoutSeconds, retryLimit: options.retries }));
    return id !== null;
  }

  /** Takes up to n jobs (they become active, held by this process until completed or failed). */
  fetch(n: number): Promise<FetchedJob[]> {
    return this.call('fetch jobs', () => this.boss.fetch<DocumentJob>(QUEUE_NAME, { batchSize: n, includeMetadata: true }));
  }

  async complete(id: string, output: JobOutput): Promise<void> {
    await this.call('complete a job', () => this.boss.complete(QUEUE_NAME, id, output));
  }

  /** Fails a job: pg-boss retries it while attempts remain, then keeps it as failed with this output. */
  async fail(ids: string | string[], output: JobOutput | { message: string }): Promise<void> {
    if (Array.isArray(ids) && ids.length === 0) return;
    await this.call('fail a job', () => this.boss.fail(QUEUE_NAME, ids as string, output));
  }

  /** Jobs not finished: waiting, to be retried, or active on some worker. */
  unfinished(): Promise<number> {
    return this.call('count jobs', () => this.boss.getQueueSize(QUEUE_NAME, { before: 'completed' }));
  }

  /** Jobs waiting or to be retried (not held by any worker). */
  waiting(): Promise<number> {
    return this.call('count jobs', () => this.boss.getQueueSize(QUEUE_NAME, { before: 'active' }));
  }

  /** Sends jobs held past their timeout (their worker died) back to be retried, now rather than at the next maintenance. */
  async expire(): Promise<void> {
    await this.call('expire jobs', () => this.boss.expire());
  }

  /** The job as kept by pg-boss (state, output, retries), or null. */
  job(id: string): Promise<PgBoss.JobWithMetadata<DocumentJob> | null> {
    return this.call('read a job', () => this.boss.getJobById<DocumentJob>(QUEUE_NAME, id));
  }

  async close(): Promise<void> {
    // Not graceful: dateline does not use pg-boss's own workers, and its own jobs are finished or failed before this.
    await this.boss.stop({ graceful: false, close: true }).catch(() => {});
  }

  private async call<T>(what: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw new QueueError('E_QUEUE', `cannot ${what} at ${this.location.display}: ${(e as Error).message}`, e);
    }
  }

  /** The last background error pg-boss reported, if any (for messages when something else fails). */
  get backgroundError(): Error | null {
    return this.lastError;
  }
}
