// The two ends of the job queue: `dateline ingest --queue` (runQueuedIngest) sends one job per document into the
// PostgreSQL database, and `dateline worker` (on any machine that reaches it) extracts and stores them.

import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { defaultJobs } from '../batch/pool.js';
import { DatelineError } from '../core/index.js';
import { openStore, StoreError, type Store } from '../store/index.js';
import { DocumentQueue, enqueueUnits, queueLocation, QueueWorker, type WorkerMode } from '../queue/index.js';
import { collectUnits, positiveInt } from './options.js';
import type { IngestFlags } from './ingest-command.js';

const message = (e: unknown) => (e instanceof StoreError || e instanceof DatelineError ? `${e.code}: ${e.message}` : (e as Error)?.message ?? String(e));

/** Opens the store, then the queue beside it; on failure says why and closes what was opened. */
async function openBoth(db: string, say: (m: string) => void, supervise: boolean): Promise<{ store: Store; queue: DocumentQueue } | null> {
  let store: Store | undefined;
  try {
    queueLocation(db); // E_QUEUE_URL before anything connects
    store = await openStore(db);
    const queue = await DocumentQueue.open(db, { supervise });
    return { store, queue };
  } catch (e) {
    say(message(e));
    await store?.close().catch(() => {});
    return null;
  }
}

export interface QueueFlags extends IngestFlags {
  queue?: boolean;
  jobTimeout: number;
  retries: number;
}

/** `dateline ingest --queue`: reads the inputs as ingest does and queues one job per document. */
export async function runQueuedIngest(inputs: string[], flags: QueueFlags): Promise<number> {
  const say = (m: string) => process.stderr.write(`dateline ingest: ${m}\n`);
  try {
    queueLocation(flags.db);
  } catch (e) {
    say(message(e));
    return 2;
  }
  const units = await collectUnits(inputs, 'ingest');
  if ('error' in units) {
    say(units.error);
    return 2;
  }
  const opened = await openBoth(flags.db, say, false);
  if (!opened) return 2;
  const { store, queue } = opened;

  const bar = flags.progress && units.length > 1 && process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'queue {bar} {value}/{total} · {queued} queued · {already} already queued · {stored} already stored · {failed} failed', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  const report = (m: string) => process.stderr.write(bar ? `\r\x1b[K${m}\n` : `${m}\n`);
  bar?.start(units.length, 0, { queued: 0, already: 0, stored: 0, failed: 0 });
  let status = 0;
  let summary;
  try {
    summary = await enqueueUnits(units, queue, store, {
      format: flags.inputFormat,
      maxBytes: flags.maxBytes,
      ...(flags.published ? { published: flags.published } : {}),
      timeoutSeconds: flags.jobTimeout,
      retries: flags.retries,
      onProblem: (p) => report(`dateline ingest: ${p.input ?? ''}: ${p.code}: ${p.message}`),
      onProgress: (s) => bar?.update(s.queued + s.alreadyQueued + s.stored + s.failed, { queued: s.queued, already: s.alreadyQueued, stored: s.stored, failed: s.failed }),
    });
  } catch (e) {
    report(`dateline ingest: ${message(e)}`);
    status = 2;
  } finally {
    bar?.stop();
    await queue.close();
    await store.close().catch(() => {});
  }
  if (!summary) return status;
  say(`${summary.queued} queued, ${summary.alreadyQueued} already queued, ${summary.stored} skipped (already stored), ${summary.failed} failed, of ${summary.inputs} inputs in ${(summary.ms / 1000).toFixed(1)} s → ${queue.location.display}`);
  if (summary.queued) say(`process them with: dateline worker --db '${queue.location.display.split(' ')[0]}' --drain   (on any machine that reaches the database)`);
  return status || (summary.failed ? 1 : 0);
}

interface WorkerFlags {
  db: string;
  concurrency: number;
  once?: boolean;
  drain?: boolean;
  batch: number;
  poll: number;
  progress: boolean;
}

const EXAMPLES = `
Takes the documents that \`dateline ingest --queue\` put in a PostgreSQL database, extracts each on a worker
thread (as \`dateline ingest\` does) and stores it in the same database. Run as many workers as you like, on
as many machines as reach the database: each job is held by one worker at a time (pg-boss, in the schema
dateline_queue, or <schema>_queue for a URL with ?schema=<schema>).

Each job ends completed (its output names the document: inserted, or skipped when already stored) or failed
(its output is the error record, e.g. E_BAD_JSON; pg-boss tries a job --retries more times before that).
A worker that dies leaves its jobs held; they are retried once their --job-timeout (set by ingest --queue)
passes. Storing is idempotent, so a job run twice stores its document once.

Stopping: Ctrl-C or SIGTERM finishes and stores the jobs held, then exits; a second one gives them back at once.
Exit status: 0 done, 1 some jobs failed for good (each named on stderr), 2 bad usage or no database.

Examples:
  $ dateline ingest corpus/ --queue --db postgres://user@dbhost:5432/news   # on one machine: queue the documents
  $ dateline worker --db postgres://user@dbhost:5432/news                   # on each machine: work until stopped
  $ dateline worker --db postgres://user@dbhost:5432/news --drain           # work until the queue is empty, then exit
  $ dateline worker --db postgres://user@dbhost:5432/news --once -c 2       # take what is waiting now (2 threads), then exit
`;

export function workerCommand(): Command {
  return new Command('worker')
    .description('extract and store the documents queued by `dateline ingest --queue` (PostgreSQL; run on any number of machines)')
    .requiredOption('--db <url>', 'the PostgreSQL database the documents were queued in: postgres://user@host:port/database[?schema=name]')
    .option('-c, --concurrency <n>', 'documents extracted at once, one per worker thread', positiveInt('--concurrency'), defaultJobs())
    .addOption(new Option('--drain', 'exit once no job is waiting, to be retried or held by any worker').conflicts('once'))
    .addOption(new Option('--once', 'take the jobs waiting now (up to two per thread), finish them and exit').conflicts('drain'))
    .option('--batch <n>', 'documents committed per transaction at most (each stays atomic on its own)', positiveInt('--batch'), 25)
    .option('--poll <seconds>', 'how often to look for new jobs when there are none', positiveInt('--poll'), 2)
    .option('--no-progress', 'no progress bar (it is shown only when stderr is a terminal)')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: WorkerFlags) => {
      process.exitCode = await runWorkerCommand(flags);
    });
}

export async function runWorkerCommand(flags: WorkerFlags): Promise<number> {
  const say = (m: string) => process.stderr.write(`dateline worker: ${m}\n`);
  const opened = await openBoth(flags.db, say, true);
  if (!opened) return 2;
  const { store, queue } = opened;
  const mode: WorkerMode = flags.drain ? 'drain' : flags.once ? 'once' : 'forever';

  const bar = flags.progress && process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'worker {bar} {value}/{total} · {rate} jobs/s · {inserted} new · {skipped} skipped · {failed} failed', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  const report = (m: string) => process.stderr.write(bar ? `\r\x1b[K${m}\n` : `${m}\n`);
  const t0 = performance.now();
  let waiting = 0;
  const worker: QueueWorker = new QueueWorker(queue, store, {
    concurrency: flags.concurrency,
    mode,
    batch: flags.batch,
    pollMs: flags.poll * 1000,
    onJob: (e) => {
      if (e.kind === 'failed') {
        report(`dateline worker: ${e.source}: ${e.problem.code}: ${e.problem.message}${e.final ? '' : ` (attempt ${e.attempt} of ${e.attempts}; will be retried)`}`);
      }
      tick();
    },
    onWait: (n) => {
      if (n > worker.holding) report(`dateline worker: waiting for ${n} jobs held by other workers (a job held past its timeout is taken back and retried)`);
    },
  });
  const tick = () => {
    const s = worker.summary;
    const done = s.inserted + s.skipped + s.failed;
    bar?.setTotal(Math.max(done + waiting + worker.holding, 1));
    bar?.update(done, { rate: (done / Math.max(0.001, (performance.now() - t0 - worker.summary.startupMs) / 1000)).toFixed(1), inserted: s.inserted, skipped: s.skipped, failed: s.failed });
  };
  // The total of the bar: jobs done plus those still in the queue, looked up now and then.
  let counting = false;
  const recount = bar ? setInterval(() => {
    if (counting) return;
    counting = true;
    queue.waiting().then((n) => { waiting = n; tick(); }, () => {}).finally(() => { counting = false; });
  }, 2000) : null;
  recount?.unref();
  bar?.start(1, 0, { rate: '0', inserted: 0, skipped: 0, failed: 0 });

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      report(`dateline worker: ${signal}: finishing the ${worker.holding} jobs held, taking no more (send it again to give them back now)`);
      worker.stop();
      return;
    }
    void worker.release().then((n) => {
      bar?.stop();
      say(`${signal}: gave back ${n} jobs; they will be retried`);
    }).finally(async () => {
      await queue.close();
      await store.close().catch(() => {});
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let status = 0;
  try {
    await worker.run();
  } catch (e) {
    report(`dateline worker: ${message(e)}`);
    status = 2;
  } finally {
    if (recount) clearInterval(recount);
    tick();
    bar?.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await queue.close();
    await store.close().catch(() => {});
  }
  const s = worker.summary;
  // The rate counts from the first job taken: loading the models on each thread comes before.
  const secs = (s.ms - s.startupMs) / 1000;
  const done = s.inserted + s.skipped + s.failed;
  say(`${s.inserted} new, ${s.skipped} skipped (already stored), ${s.failed} failed${s.retrying ? `, ${s.retrying} failed attempts to be retried` : ''}; ${done} jobs in ${secs.toFixed(1)} s${done && secs > 0 ? `, ${(done / secs).toFixed(1)} jobs/s` : ''} (threads ready in ${(s.startupMs / 1000).toFixed(1)} s) → ${queue.location.display}`);
  return status || (s.failed ? 1 : 0);
}
