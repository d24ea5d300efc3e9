// Stable ids: a document's id is a hash of its normalized text and source, so re-ingest never duplicates.

import { createHash } from 'node:crypto';

export function documentId(text: string, source = ''): string {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').trim();
  return 'd_' + createHash('sha256').update(source).update('\u0000').update(normalized).digest('hex').slice(0, 20);
}

/** Annotation ids are short and readable: `s3` for the fourth statement. */
export const annotationId = (prefix: string, index: number): string => `${prefix}${index}`;
