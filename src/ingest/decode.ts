// Bytes to text: UTF-8 with replacement and a warning, BOM dropped, binary refused.

import { DatelineError, problem, type Problem } from '../core/index.js';

export interface Decoded {
  text: string;
  warnings: Problem[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Refuses NUL bytes or a sample that is mostly control characters: such input is not a news text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

export function decodeBytes(bytes: Uint8Array, input?: string): Decoded {
  const where = input === undefined ? {} : { input };
  if (looksBinary(bytes)) throw new DatelineError('E_BINARY', input, where);
  const warnings: Problem[] = [];
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = lenientUtf8.decode(bytes);
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    warnings.push(problem('W_INVALID_UTF8', `${bad} replacement character(s)`, where));
  }
  warnings.push(...checkText(text, input));
  return { text, warnings };
}

// Zero-width and bidirectional controls can hide or reorder words; we keep them (offsets must stay exact) but say so.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Warnings about text that is valid but unusual. Throws E_EMPTY for text with nothing to read. */
export function checkText(text: string, input?: string): Problem[] {
  const where = input === undefined ? {} : { input };
  if (!text.replace(INVISIBLE, '').trim()) throw new DatelineError('E_EMPTY', input, where);
  const hidden = text.match(INVISIBLE);
  if (!hidden) return [];
  const first = text.search(INVISIBLE);
  return [problem('W_CONTROL_CHARS', `${hidden.length} found, first at offset ${first}`, { ...where, span: { start: first, end: first + 1 } })];
}
