// Worker thread entry: loads the pipeline once, then processes units sent by the pool.

import { parentPort, workerData } from 'node:worker_threads';
import { processUnit, type UnitOptions } from './process.js';
import { threadCpuMs } from './stats.js';
import type { InputUnit } from '../ingest/index.js';

const options = workerData as UnitOptions & { stats?: boolean };

parentPort!.on('message', (msg: { seq: number; unit: InputUnit }) => {
  const result = processUnit(msg.unit, options);
  parentPort!.postMessage(options.stats ? { seq: msg.seq, result, cpuMs: threadCpuMs() } : { seq: msg.seq, result });
});
