// JSON records ({ "text" | "html", "url", "outlet", "published", "title" }) to Documents.

import { DatelineError, type Document, type Problem } from '../core/index.js';
import { documentFromText, type SourceHints } from './text.js';
import { documentFromHtml } from './html.js';

export interface InputRecord {
  text?: string;
  html?: string;
  url?: string;
  outlet?: string;
  published?: string;
  title?: string;
  byline?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

export function parseRecord(json: string, input?: string): InputRecord {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new DatelineError('E_BAD_JSON', (e as Error).message, input === undefined ? {} : { input });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DatelineError('E_BAD_RECORD', 'expected a JSON object', input === undefined ? {} : { input });
  const o = value as Record<string, unknown>;
  const rec: InputRecord = {};
  for (const k of ['text', 'html', 'url', 'outlet', 'published', 'title', 'byline'] as const) {
    const v = str(o[k]);
    if (v !== undefined) rec[k] = v;
  }
  if (rec.text === undefined && rec.html === undefined) throw new DatelineError('E_BAD_RECORD', undefined, input === undefined ? {} : { input });
  return rec;
}

export function documentFromRecord(rec: InputRecord, hints: SourceHints = {}, warnings: Problem[] = []): Document {
  const h: SourceHints = { ...hints };
  if (rec.url && !h.url) h.url = rec.url;
  if (rec.outlet && !h.outlet) h.outlet = rec.outlet;
  if (rec.title && !h.title) h.title = rec.title;
  if (rec.byline && !h.byline) h.byline = rec.byline;
  // The --published flag wins over the record's own date.
  if (!h.published && rec.published) {
    const day = /^\d{4}-\d{2}-\d{2}/.exec(rec.published)?.[0];
    if (!day) throw new DatelineError('E_BAD_DATE', `"published": ${JSON.stringify(rec.published)}`, h.source === undefined ? {} : { input: h.source });
    h.published = day;
    h.publishedSource = 'record';
  }
  if (rec.text !== undefined) return documentFromText(rec.text, { ...h, format: h.format ?? 'json' }, warnings);
  const doc = documentFromHtml(rec.html!, h, warnings);
  return doc;
}
