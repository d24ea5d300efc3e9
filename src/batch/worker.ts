// Worker thread entry: loads the pipeline once, then processes units sent by the pool.

import { parentPort, workerData } from 'node:worker_threads';
import { processUnit, type UnitOptions } from './process.js';
import type { InputUnit } from '../ingest/index.js';

const options = workerData as UnitOptions;

parentPort!.on('message', (msg: { seq: number; unit: InputUnit }) => {
  parentPort!.postMessage({ seq: msg.seq, result: processUnit(msg.unit, options) });
});
