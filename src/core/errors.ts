// One catalogue of error and warning codes, and the typed error that carries them.

import type { Span } from './span.js';

/** Stable codes: scripts and the HTTP API match on these, so never renumber. */
export const CODES = {
  E_EMPTY: 'the input has no text',
  E_BINARY: 'the input looks binary (NUL bytes or mostly control characters), not text',
  E_TOO_LARGE: 'the input is larger than the size limit',
  E_NOT_FOUND: 'no such file or folder',
  E_READ: 'the input could not be read',
  E_BAD_JSON: 'the JSON record could not be parsed',
  E_BAD_RECORD: 'the JSON record has no usable "text" or "html" field',
  E_BAD_DATE: 'the date is not a valid YYYY-MM-DD calendar date',
  E_BAD_OPTION: 'a command-line option has an invalid value',
  E_PIPELINE: 'a pipeline stage requires a layer that no earlier stage produces',
  E_STAGE: 'a pipeline stage failed on this document',
  E_MODEL: 'a model file is missing or damaged',
  E_STORE_OPEN: 'the store could not be opened',
  E_STORE_VERSION: 'the store was written by a newer dateline',
  E_STORE_WRITE: 'the store refused a write',
  E_STORE_URL: 'the store address is not a file path or a postgres:// URL',
  E_QUEUE_URL: 'a job queue needs a PostgreSQL database (--db postgres://...) that the workers share',
  E_QUEUE: 'the job queue could not be reached or refused a job',
  W_INVALID_UTF8: 'invalid UTF-8 byte sequences were replaced with U+FFFD',
  W_CONTROL_CHARS: 'the text contains zero-width or bidirectional control characters (kept; offsets unchanged)',
  W_NO_DATE: 'no publication date was found; relative times are left unresolved',
  W_HTML_NO_ARTICLE: 'no article body was recognized in the HTML; all visible text was used',
  W_STAGE: 'a pipeline stage failed; its layers are empty for this document',
} as const;

export type Code = keyof typeof CODES;

/** A problem as data: what went wrong, where, and what to do. */
export interface Problem {
  readonly code: Code;
  readonly message: string;
  readonly span?: Span;
  /** The file, record or option that caused it. */
  readonly input?: string;
}

export class DatelineError extends Error {
  readonly code: Code;
  readonly span?: Span;
  readonly input?: string;

  constructor(code: Code, detail?: string, where: { span?: Span; input?: string; cause?: unknown } = {}) {
    super(detail ? `${CODES[code]}: ${detail}` : CODES[code], where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'DatelineError';
    this.code = code;
    if (where.span) this.span = where.span;
    if (where.input !== undefined) this.input = where.input;
  }

  toProblem(): Problem {
    return {
      code: this.code,
      message: this.message,
      ...(this.span ? { span: this.span } : {}),
      ...(this.input !== undefined ? { input: this.input } : {}),
    };
  }
}

export function problem(code: Code, detail?: string, where: { span?: Span; input?: string } = {}): Problem {
  return new DatelineError(code, detail, where).toProblem();
}

/** Any thrown value as a Problem, so a batch can record it and go on. */
export function asProblem(e: unknown, input?: string): Problem {
  if (e instanceof DatelineError) return input !== undefined && e.input === undefined ? { ...e.toProblem(), input } : e.toProblem();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'E_STAGE', message, ...(input !== undefined ? { input } : {}) };
}
