// Extraction thread of the queue worker and the HTTP server: loads the pipeline, says it is ready, then extracts one document per
// message. Unlike the batch pool's threads, each document carries its own read options (jobs come from many ingests).

import { parentPort } from 'node:worker_threads';
import { processUnit } from '../batch/process.js';
import type { InputUnit, ReadOptions } from '../ingest/index.js';
import type { OutputOptions } from '../output.js';

/** One document; `output` defaults to what the store keeps (no token layer). */
export interface ThreadRequest { seq: number; unit: InputUnit; read: ReadOptions; output?: OutputOptions }

// The models load on first use: do it before taking jobs, so a job's timeout measures its extraction, not start-up.
const warm = processUnit({ source: 'warm-up', bytes: Buffer.from('date 2021-05-26\n\nPolice said 12 people were hurt in Gaza on Monday.') }, { read: {}, output: { tokens: false } });
// A thread that cannot extract a plain sentence (a model missing or damaged) would fail every job: say so instead.
parentPort!.postMessage(warm.ok ? { ready: true } : { ready: false, problem: warm.error });

parentPort!.on('message', (msg: ThreadRequest) => {
  parentPort!.postMessage({ seq: msg.seq, result: processUnit(msg.unit, { read: msg.read, output: msg.output ?? { tokens: false } }) });
});
