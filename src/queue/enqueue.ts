// `dateline ingest --queue`: one job per input document instead of extracting here; workers anywhere do the rest.

import { readFileSync } from 'node:fs';
import { asProblem, DatelineError, type Problem } from '../core/index.js';
import type { InputFormat, InputUnit } from '../ingest/index.js';
import { inputKey, type Store } from '../store/index.js';
import { documentJob } from './job.js';
import type { DocumentQueue, SendOptions } from './queue.js';

export interface EnqueueOptions extends SendOptions {
  format: InputFormat;
  maxBytes: number;
  published?: string;
  /** Called after each input with the running tally. */
  onProgress?: (s: EnqueueSummary) => void;
  /** Called for each input that cannot be queued (unreadable, too large). */
  onProblem?: (p: Problem) => void;
}

export interface EnqueueSummary {
  inputs: number;
  /** New jobs. */
  queued: number;
  /** A job for the same input (read the same way) is already kept by the queue. */
  alreadyQueued: number;
  /** The store already holds the document read from this input. */
  stored: number;
  failed: number;
  ms: number;
}

/** Inputs read, keyed and checked against the store per round: memory stays bounded on large corpora. */
const ROUND = 500;
/** Jobs sent at once (each is one INSERT; a few in flight hide the round trips). */
const IN_FLIGHT = 8;

function readUnit(u: InputUnit, maxBytes: number): Uint8Array {
  let bytes = u.bytes;
  if (!bytes) {
    try {
      bytes = readFileSync(u.path!);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'E_NOT_FOUND' : 'E_READ';
      throw new DatelineError(code, `${u.source}: ${(e as Error).message}`, { input: u.source, cause: e });
    }
  }
  // Refused here as ingest would refuse it: a job too large to extract is not worth carrying through the database.
  if (bytes.length > maxBytes) throw new DatelineError('E_TOO_LARGE', `${bytes.length} bytes > --max-bytes ${maxBytes}`, { input: u.source });
  return bytes;
}

/** Queues one job per unit, skipping inputs the store already holds; the queue and store stay open. */
export async function enqueueUnits(units: readonly InputUnit[], queue: DocumentQueue, store: Store, options: EnqueueOptions): Promise<EnqueueSummary> {
  const t0 = performance.now();
  const s: EnqueueSummary = { inputs: units.length, queued: 0, alreadyQueued: 0, stored: 0, failed: 0, ms: 0 };
  const read = { format: options.format, maxBytes: options.maxBytes, ...(options.published ? { published: options.published } : {}) };
  const progress = () => options.onProgress?.(s);

  for (let from = 0; from < units.length; from += ROUND) {
    const round: { unit: InputUnit; bytes: Uint8Array; key: string }[] = [];
    for (const unit of units.slice(from, from + ROUND)) {
      try {
        const bytes = readUnit(unit, options.maxBytes);
        round.push({ unit, bytes, key: inputKey(bytes, unit.source, options.format) });
      } catch (e) {
        s.failed++;
        options.onProblem?.(asProblem(e, unit.source));
        progress();
      }
    }
    const known = await store.knownInputs(round.map((r) => r.key));
    let next = 0;
    const sender = async () => {
      while (next < round.length) {
        const r = round[next++]!;
        if (known.has(r.key)) s.stored++;
        else if (await queue.send(documentJob(r.bytes, r.unit.source, read, r.key), options)) s.queued++;
        else s.alreadyQueued++;
        progress();
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, round.length) }, sender));
  }
  s.ms = performance.now() - t0;
  return s;
}
