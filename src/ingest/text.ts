// Plain text to a Document: the text is kept exactly as decoded; the head is read for date, title and dateline.

import { DatelineError, documentId, problem, type Document, type DocumentMeta, type Problem } from '../core/index.js';
import { checkText } from './decode.js';
import { readDateline } from './dateline.js';

export interface SourceHints {
  /** YYYY-MM-DD that overrides anything read from the text (the --published flag). */
  published?: string;
  publishedSource?: 'flag' | 'record' | 'html';
  title?: string;
  outlet?: string;
  url?: string;
  byline?: string;
  source?: string;
  format?: DocumentMeta['format'];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function assertIsoDate(value: string, input?: string): string {
  const [y, m, d] = value.split('-').map(Number);
  const t = new Date(Date.UTC(y!, (m ?? 1) - 1, d));
  if (!ISO_DATE.test(value) || t.getUTCFullYear() !== y || t.getUTCMonth() !== m! - 1 || t.getUTCDate() !== d) {
    throw new DatelineError('E_BAD_DATE', JSON.stringify(value), input === undefined ? {} : { input });
  }
  return value;
}

export function documentFromText(text: string, hints: SourceHints = {}, warnings: Problem[] = []): Document {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const all = [...warnings, ...checkText(text, hints.source)].filter((w, i, a) => a.findIndex((x) => x.code === w.code) === i);
  const head = readDateline(text);
  const meta: DocumentMeta = {};
  if (hints.source !== undefined) meta.source = hints.source;
  meta.format = hints.format ?? 'text';
  if (hints.title) meta.title = hints.title;
  else if (head.title) { meta.title = head.title.text; meta.titleSpan = head.title.span; }
  if (hints.outlet) meta.outlet = hints.outlet;
  if (hints.url) meta.url = hints.url;
  if (hints.byline) meta.byline = hints.byline;
  if (hints.published) {
    meta.published = assertIsoDate(hints.published, hints.source);
    meta.publishedSource = hints.publishedSource ?? 'flag';
    if (head.published === hints.published && head.publishedSpan) meta.publishedSpan = head.publishedSpan;
  } else if (head.published) {
    meta.published = head.published;
    meta.publishedSource = head.publishedFrom!;
    meta.publishedSpan = head.publishedSpan!;
  } else {
    all.push(problem('W_NO_DATE', undefined, hints.source === undefined ? {} : { input: hints.source }));
  }
  if (head.place) meta.datelinePlace = head.place;
  if (head.span) meta.datelineSpan = head.span;
  return { id: documentId(text, hints.url ?? ''), text, meta, warnings: all };
}
