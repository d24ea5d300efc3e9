// The job queue across machines: `dateline ingest --queue` sends documents, `dateline worker` extracts and stores them.
export { DEFAULT_QUEUE_SCHEMA, DocumentQueue, QUEUE_NAME, QueueError, queueLocation, type FetchedJob, type JobOutput, type QueueLocation, type QueueOptions, type SendOptions } from './queue.js';
export { documentJob, isDocumentJob, jobId, unitOfJob, type DocumentJob } from './job.js';
export { enqueueUnits, type EnqueueOptions, type EnqueueSummary } from './enqueue.js';
export { QueueWorker, type JobEvent, type WorkerMode, type WorkerOptions, type WorkerSummary } from './worker.js';
export { ExtractPool } from './pool.js';
