// The Document: the text, held once, with what ingest learned about it.

import type { Span } from './span.js';
import type { Problem } from './errors.js';

/** Where the publication date came from, most trusted first. */
export type DateSource = 'flag' | 'record' | 'html' | 'header' | 'dateline';

export interface DocumentMeta {
  title?: string;
  /** Span of the title when it is part of `text`. */
  titleSpan?: Span;
  outlet?: string;
  url?: string;
  byline?: string;
  /** Publication date, YYYY-MM-DD. */
  published?: string;
  publishedSource?: DateSource;
  /** Span of the date in `text` (the `date YYYY-MM-DD` header or the dateline's date). */
  publishedSpan?: Span;
  /** The place named by a classic dateline ("GAZA CITY", "TEHRAN"), with its span. */
  datelinePlace?: { name: string; span: Span };
  /** Span of the whole dateline ("TEHRAN -", "GAZA CITY, May 21 (Reuters) -"). */
  datelineSpan?: Span;
  /** Where the text came from: a path, `stdin`, or a record index. */
  source?: string;
  format?: 'text' | 'html' | 'json' | 'jsonl';
}

export interface Document {
  readonly id: string;
  /** The input exactly as read (UTF-8 decoded, BOM dropped). Every offset indexes into it. */
  readonly text: string;
  readonly meta: DocumentMeta;
  /** Problems that did not stop processing (invalid UTF-8, no date, ...). */
  readonly warnings: Problem[];
}
