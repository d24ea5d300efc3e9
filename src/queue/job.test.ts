import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { documentJob, isDocumentJob, jobId, unitOfJob } from './job.js';
import { QueueError, queueLocation } from './queue.js';

const asylum = readFileSync(new URL('../../test/fixtures/wikinews/GUM_news_asylum.txt', import.meta.url));
const read = { format: 'auto' as const, maxBytes: 1 << 20 };

describe('document jobs', () => {
  it('carry a Wikinews article as readable text and give back the same bytes', () => {
    const job = documentJob(asylum, 'wikinews/asylum.txt', read, 'i_1');
    expect(job.text).toContain('asylum seekers');
    expect(job.base64).toBeUndefined();
    expect(isDocumentJob(JSON.parse(JSON.stringify(job)))).toBe(true);
    expect(Buffer.compare(unitOfJob(job).unit.bytes as Buffer, asylum)).toBe(0);
  });

  it('carry bytes that are not UTF-8, or hold NUL (which JSONB refuses), as base64, unchanged', () => {
    for (const bytes of [Buffer.from('Caf\xe9 au lait', 'latin1'), Buffer.from('a\u0000b'), Buffer.from([0xef, 0xbb, 0xbf, 0x41])]) {
      const job = documentJob(bytes, 's', read, 'k');
      const back = unitOfJob(JSON.parse(JSON.stringify(job))).unit.bytes as Buffer;
      expect(Buffer.compare(back, bytes)).toBe(0);
    }
    expect(documentJob(Buffer.from('Caf\xe9', 'latin1'), 's', read, 'k').base64).toBeDefined();
    // A byte-order mark is valid UTF-8 and stays in the text, so the worker decodes exactly what ingest would.
    expect(documentJob(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 's', read, 'k').text).toBe('\ufeffA');
  });

  it('have an id that is a UUID fixed by the input and how it is read', () => {
    const a = jobId(documentJob(asylum, 'x', read, 'i_1'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobId(documentJob(asylum, 'x', read, 'i_1'))).toBe(a);
    expect(jobId(documentJob(asylum, 'x', { ...read, published: '2015-05-18' }, 'i_1'))).not.toBe(a);
    expect(jobId(documentJob(asylum, 'x', read, 'i_2'))).not.toBe(a);
  });

  it('refuse data of another shape', () => {
    expect(isDocumentJob({ v: 2, source: 'x', text: 'y', read, inputKey: 'k' })).toBe(false);
    expect(isDocumentJob(null)).toBe(false);
  });
});

describe('queue location', () => {
  it('keeps pg-boss in a schema of its own beside the store', () => {
    expect(queueLocation('postgres://u@h:5432/news').schema).toBe('dateline_queue');
    const l = queueLocation('postgres://u:secret@h:5432/news?schema=wire');
    expect(l.schema).toBe('wire_queue');
    expect(l.connectionString).toBe('postgres://u:secret@h:5432/news');
    expect(l.display).not.toContain('secret');
  });

  it('refuses a SQLite path with E_QUEUE_URL and says what to do', () => {
    let err: unknown;
    try { queueLocation('./dateline.db'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(QueueError);
    expect((err as QueueError).code).toBe('E_QUEUE_URL');
    expect((err as QueueError).message).toMatch(/--db postgres:\/\//);
  });
});
