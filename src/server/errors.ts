// HTTP errors as data: every error body is { error: { code, message, field? } }, with a status that fits.

import type { Context } from 'hono';
import { DatelineError, type Code, type Problem } from '../core/index.js';

export class HttpError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 408 | 413 | 415 | 422 | 500 | 503, readonly code: string, message: string, readonly field?: string) {
    super(message);
  }
}

const STATUS: Partial<Record<Code, 400 | 413 | 422>> = {
  E_EMPTY: 422, E_BINARY: 422, E_TOO_LARGE: 413, E_BAD_JSON: 400, E_BAD_RECORD: 400, E_BAD_DATE: 400, E_BAD_OPTION: 400,
};

export function errorResponse(c: Context, e: unknown): Response {
  if (e instanceof HttpError) return c.json({ error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } }, e.status);
  if (e instanceof DatelineError) return c.json({ error: { code: e.code, message: e.message } }, STATUS[e.code] ?? 500);
  console.error(e);
  return c.json({ error: { code: 'E_INTERNAL', message: 'the server failed on this request; see its log' } }, 500);
}

/** A failure reported as data (by an extraction thread) as the error the same failure thrown here would give. */
export function problemError(p: Problem): HttpError {
  return new HttpError(STATUS[p.code] ?? 500, p.code, p.message);
}
