// One queued document: the raw input exactly as `dateline ingest` would read it, and how to read it.
// Queuing the raw bytes (not a pre-read Document) keeps a queued document's id, source and layers
// identical to a direct ingest of the same input.

import { createHash } from 'node:crypto';
import type { InputFormat, InputUnit, ReadOptions } from '../ingest/index.js';

export const JOB_VERSION = 1;

/** The data of one job (pg-boss stores it as JSONB). */
export interface DocumentJob {
  v: typeof JOB_VERSION;
  /** As recorded in document.source: the path given to ingest, `path:line` for JSON Lines, or `stdin`. */
  source: string;
  /** The input as text when it is valid UTF-8 without NUL (JSONB cannot hold U+0000); otherwise `base64`. */
  text?: string;
  base64?: string;
  /** How ingest was told to read it. */
  read: { format: InputFormat; maxBytes: number; published?: string };
  /** Key of the raw input (see inputKey in the store), so the stored document remembers it. */
  inputKey: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A job for one input's bytes. */
export function documentJob(bytes: Uint8Array, source: string, read: DocumentJob['read'], inputKey: string): DocumentJob {
  let text: string | undefined;
  try {
    const t = strictUtf8.decode(bytes);
    if (!t.includes('\u0000')) text = t;
  } catch { /* not UTF-8: sent as base64, decoded by the worker exactly as ingest decodes a file */ }
  const read_ = { format: read.format, maxBytes: read.maxBytes, ...(read.published ? { published: read.published } : {}) };
  return { v: JOB_VERSION, source, ...(text !== undefined ? { text } : { base64: Buffer.from(bytes).toString('base64') }), read: read_, inputKey };
}

/**
 * The job's id: a UUID derived from the input and how it is read, so queuing the same input twice while the first
 * job is still kept is a no-op for pg-boss (its insert ignores a known id).
 */
export function jobId(job: DocumentJob): string {
  const h = createHash('sha256').update(job.inputKey).update('\u0000').update(JSON.stringify(job.read)).digest('hex');
  // Shaped as an RFC 9562 version-8 (custom) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Checks the shape of job data read back from the queue (another version of dateline may have queued it). */
export function isDocumentJob(data: unknown): data is DocumentJob {
  const j = data as Partial<DocumentJob> | null;
  return !!j && j.v === JOB_VERSION && typeof j.source === 'string' && typeof j.inputKey === 'string' &&
    (typeof j.text === 'string' || typeof j.base64 === 'string') && !!j.read && typeof j.read.format === 'string';
}

/** What the extraction thread reads: the unit (bytes and source) and the read options. */
export function unitOfJob(job: DocumentJob): { unit: InputUnit; read: ReadOptions } {
  const bytes = job.text !== undefined ? Buffer.from(job.text, 'utf8') : Buffer.from(job.base64!, 'base64');
  return {
    unit: { source: job.source, bytes },
    read: { format: job.read.format, maxBytes: job.read.maxBytes, ...(job.read.published ? { published: job.read.published } : {}) },
  };
}
