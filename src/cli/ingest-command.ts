// `dateline ingest`: extract documents on every core and store them, idempotently and resumably, in SQLite or PostgreSQL.

import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { readFileSync } from 'node:fs';
import type { InputUnit } from '../ingest/index.js';
import { runBatch } from '../batch/pool.js';
import { addInputOptions, collectUnits, positiveInt } from './options.js';
import type { UnitResult } from '../batch/process.js';
import type { DocumentRows } from '../store/rows.js';
import type { Extraction } from '../schema/index.js';
import { DEFAULT_DB, inputKey, openStore, SqliteStore, StoreError, type PutItem, type PutResult, type Store } from '../store/index.js';
import { runQueuedIngest, type QueueFlags } from './worker-command.js';

export interface IngestFlags {
  db: string;
  published?: string;
  inputFormat: 'auto' | 'text' | 'html' | 'json';
  maxBytes: number;
  jobs: number;
  batch: number;
  progress: boolean;
}

const EXAMPLES = `
Input: the same as dateline extract (text, HTML, JSON records, JSON Lines, folders, "-" for standard input).
Every document is extracted on a worker thread and stored with all its layers in one transaction.

Idempotent and resumable: a document's id is a hash of its normalized text and source, so a document
already stored is skipped (counted as "skipped"); inputs stored by an earlier run are recognized before
extraction. After a crash or kill -9, run the same command again: nothing committed is lost or duplicated.

Store: a SQLite file (default ${DEFAULT_DB}, created if missing) or a PostgreSQL database given as a
postgres:// URL (add ?schema=NAME to keep the tables in a schema of their own).
Exit status: 0 every input stored or skipped, 1 some failed (each named on stderr), 2 bad usage or no store.

Examples:
  $ dateline ingest corpus/                                   # into ./dateline.db, every core
  $ dateline ingest feeds.jsonl --db news.db
  $ dateline ingest corpus/ --db postgres://user@localhost:5432/news
  $ cat article.txt | dateline ingest - --published 2021-05-26

Queue across machines: with --queue nothing is extracted here; each document becomes a job in the PostgreSQL
database, and \`dateline worker --db <same URL>\` on any number of machines extracts and stores them.
  $ dateline ingest corpus/ --queue --db postgres://user@dbhost:5432/news      # prints how many were queued
  $ dateline worker --db postgres://user@dbhost:5432/news --drain              # on each machine (see dateline worker --help)
`;

export function ingestCommand(): Command {
  const cmd = new Command('ingest')
    .description('extract news articles and store them with all their layers in a SQLite file or PostgreSQL database')
    .argument('[inputs...]', 'files, folders, JSON Lines files, or - for standard input (default when piped)')
    .option('--db <path|url>', 'SQLite file path, or postgres://user@host:port/database[?schema=name]', DEFAULT_DB);
  return addInputOptions(cmd, { published: 'publication date YYYY-MM-DD for documents that give none (overrides any read from the input)', jobs: 'worker threads extracting in parallel' })
    .option('--batch <n>', 'documents committed per transaction (each document stays atomic on its own)', positiveInt('--batch'), 100)
    .option('--queue', 'do not extract here: queue one job per document in the PostgreSQL --db for `dateline worker`')
    .option('--job-timeout <seconds>', 'with --queue: a job held longer than this by a worker is taken as lost and retried', positiveInt('--job-timeout'), 900)
    .option('--retries <n>', 'with --queue: attempts after the first before a job stays failed', (v) => { const n = Number(v); if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('--retries takes a whole number ≥ 0'); return n; }, 2)
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], flags: QueueFlags) => {
      process.exitCode = flags.queue ? await runQueuedIngest(inputs, flags) : await runIngest(inputs, flags);
    });
}

/** Inputs per round of extraction when writes are asynchronous (PostgreSQL). */
const SERVER_ROUND = 2000;

const say = (msg: string) => process.stderr.write(`dateline ingest: ${msg}\n`);

/** Keys of the raw inputs (see inputKey); undefined where the file cannot be read now (the worker reports why). */
function keysOf(units: readonly InputUnit[], readAs: string): (string | undefined)[] {
  return units.map((u) => {
    try {
      return inputKey(u.bytes ?? readFileSync(u.path!), u.source, readAs);
    } catch {
      return undefined;
    }
  });
}

export interface IngestSummary {
  inputs: number;
  inserted: number;
  skipped: number;
  failed: number;
  ms: number;
}

export async function runIngest(inputs: string[], flags: IngestFlags): Promise<number> {
  const units = await collectUnits(inputs, 'ingest');
  if ('error' in units) {
    say(units.error);
    return 2;
  }

  let store: Store;
  try {
    store = await openStore(flags.db);
  } catch (e) {
    say(e instanceof StoreError ? `${e.code}: ${e.message}` : String(e));
    return 2;
  }

  const t0 = performance.now();
  const summary: IngestSummary = { inputs: units.length, inserted: 0, skipped: 0, failed: 0, ms: 0 };
  // Inputs an earlier run stored are skipped before extraction: a resumed ingest only pays for what is new.
  const keys = keysOf(units, flags.inputFormat);
  const known = await store.knownInputs(keys.filter((k): k is string => k !== undefined));
  const todo: InputUnit[] = [];
  const todoKeys: (string | undefined)[] = [];
  units.forEach((u, i) => {
    const k = keys[i];
    if (k !== undefined && known.has(k)) summary.skipped++;
    else { todo.push(u); todoKeys.push(k); }
  });

  const bar = flags.progress && units.length > 1 && process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'ingest {bar} {value}/{total} · {rate} docs/s · eta {eta_formatted} · {inserted} new · {skipped} skipped · {failed} failed', hideCursor: true, etaBuffer: 50 }, cliProgress.Presets.shades_classic)
    : null;
  const report = (msg: string) => process.stderr.write(bar ? `\r\x1b[K${msg}\n` : `${msg}\n`);
  const tally = (results: PutResult[]) => {
    for (const r of results) {
      if (r.outcome === 'failed') { summary.failed++; report(`dateline ingest: ${r.id}: E_STORE_WRITE: ${r.error.message}`); }
      else summary[r.outcome]++;
    }
  };
  let done = summary.skipped;
  const tick = () => bar?.update(done, { rate: (Math.max(0, done - summary.skipped) / ((performance.now() - t0) / 1000)).toFixed(1), inserted: summary.inserted, skipped: summary.skipped, failed: summary.failed });
  bar?.start(units.length, done, { rate: '0', inserted: 0, skipped: summary.skipped, failed: 0 });

  // SQLite writes synchronously on this thread between results; PostgreSQL writes are chained promises.
  const sqlite = store instanceof SqliteStore ? store : null;
  let buffer: PutItem[] = [];
  /** SQLite only: documents the workers already flattened into rows. */
  let rowBuffer: { rows: DocumentRows; inputKey?: string }[] = [];
  let lastFlush = performance.now();
  let writes: Promise<void> = Promise.resolve();
  let writeError: unknown = null;
  const flush = () => {
    if (rowBuffer.length) { const rows = rowBuffer; rowBuffer = []; lastFlush = performance.now(); tally(sqlite!.putRowsSync(rows)); }
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    lastFlush = performance.now();
    if (sqlite) tally(sqlite.putManySync(batch));
    else writes = writes.then(() => store.putMany(batch)).then(tally, (e) => { writeError ??= e; summary.failed += batch.length; });
  };
  // Ctrl-C: commit what is extracted, then stop; a later run resumes from there.
  const onSigint = () => {
    try { flush(); } catch { /* the store reports on close */ }
    bar?.stop();
    say(`interrupted: ${summary.inserted} new documents committed; run the same command again to resume.`);
    void writes.finally(() => store.close()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSigint);

  const onResult = (r: UnitResult, i: number) => {
    done++;
    if (!r.ok) {
      summary.failed++;
      report(`dateline ingest: ${r.source}: ${r.error.code}: ${r.error.message}`);
    } else {
      const k = todoKeys[i];
      if (sqlite && r.rows) rowBuffer.push({ rows: r.rows, ...(k ? { inputKey: k } : {}) });
      else buffer.push({ x: JSON.parse(r.json) as Extraction, json: r.json, ...(k ? { inputKey: k } : {}) });
      if (buffer.length + rowBuffer.length >= flags.batch || performance.now() - lastFlush > 1000) flush();
    }
    tick();
  };

  let status = 0;
  try {
    // The batch cannot wait for asynchronous writes, so a server store gets the inputs in rounds and catches
    // up between them: at most a round of extracted documents waits in memory. SQLite writes as results come.
    const round = sqlite ? todo.length : SERVER_ROUND;
    for (let from = 0; from < todo.length; from += round) {
      const chunk = todo.slice(from, from + round);
      await runBatch(chunk, {
        jobs: Math.min(flags.jobs, chunk.length),
        read: { maxBytes: flags.maxBytes, format: flags.inputFormat, ...(flags.published ? { published: flags.published } : {}) },
        output: { tokens: false },
        rows: !!sqlite,
        onResult: (r, i) => onResult(r, from + i),
      });
      flush();
      await writes;
    }
    flush();
    await writes;
    tick();
    if (writeError) throw writeError;
  } catch (e) {
    report(`dateline ingest: ${e instanceof StoreError ? `${e.code}: ` : ''}${(e as Error).message ?? String(e)}`);
    status = 2;
  } finally {
    process.removeListener('SIGINT', onSigint);
    bar?.stop();
    await store.close().catch(() => {});
  }
  summary.ms = performance.now() - t0;
  const secs = summary.ms / 1000;
  const rate = todo.length && secs > 0 ? `, ${(todo.length / secs).toFixed(1)} docs/s` : '';
  say(`${summary.inserted} new, ${summary.skipped} skipped (already stored), ${summary.failed} failed, of ${summary.inputs} inputs; ${todo.length} extracted in ${secs.toFixed(1)} s${rate} → ${store.location}`);
  return status || (summary.failed ? 1 : 0);
}
