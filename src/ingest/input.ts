// Any input (bytes of a file, standard input, a JSON line) to a Document, choosing the reader by name or content.

import { DatelineError, type Document } from '../core/index.js';
import { decodeBytes } from './decode.js';
import { documentFromText, type SourceHints } from './text.js';
import { documentFromHtml } from './html.js';
import { documentFromRecord, parseRecord } from './record.js';

export type InputFormat = 'auto' | 'text' | 'html' | 'json';

export interface ReadOptions {
  /** YYYY-MM-DD overriding any date found in the input. */
  published?: string;
  /** Refuse inputs larger than this many bytes (E_TOO_LARGE). */
  maxBytes?: number;
  format?: InputFormat;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const HTML_EXT = /\.(html?|xhtml)$/i;
const JSON_EXT = /\.(json|jsonl|ndjson)$/i;

/** Picks the reader: the file name's extension first, then a sniff of the content. */
export function detectFormat(name: string, text: string): Exclude<InputFormat, 'auto'> {
  if (HTML_EXT.test(name)) return 'html';
  if (JSON_EXT.test(name)) return 'json';
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  if (head.startsWith('{') && text.trimEnd().endsWith('}')) return 'json';
  if (/^(<!doctype html|<html|<head|<body|<article|<\?xml)/.test(head)) return 'html';
  return 'text';
}

/** Reads one input unit (a file's bytes, stdin, or one JSON line) into a Document. */
export function documentFromBytes(bytes: Uint8Array, source: string, options: ReadOptions = {}): Document {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) throw new DatelineError('E_TOO_LARGE', `${bytes.length} bytes > --max-bytes ${max}`, { input: source });
  const { text, warnings } = decodeBytes(bytes, source);
  const hints: SourceHints = { source };
  if (options.published) { hints.published = options.published; hints.publishedSource = 'flag'; }
  const format = options.format && options.format !== 'auto' ? options.format : detectFormat(source, text);
  if (format === 'json') return documentFromRecord(parseRecord(text, source), { ...hints, format: /\.(jsonl|ndjson)/i.test(source) ? 'jsonl' : 'json' }, warnings);
  if (format === 'html') return documentFromHtml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, hints, warnings);
  return documentFromText(text, { ...hints, format: 'text' }, warnings);
}
