// Expands command-line inputs (files, folders, JSON Lines, standard input) into units of work.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatelineError } from '../core/index.js';

/** One document to read: a file, or one line of a JSON Lines file. */
export interface InputUnit {
  /** Shown in errors and recorded as document.source: the path, `path:line`, or `stdin`. */
  source: string;
  /** File path to read, or absent when `bytes` are given. */
  path?: string;
  bytes?: Uint8Array;
}

const READABLE = /\.(txt|text|md|html?|xhtml|json|jsonl|ndjson)$/i;
const LINES = /\.(jsonl|ndjson)$/i;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (READABLE.test(name)) out.push(p);
  }
}

/** Files named on the command line, with folders walked recursively (sorted, hidden files skipped). */
export function listFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new DatelineError('E_NOT_FOUND', p, { input: p });
    }
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Splits JSON Lines into one unit per non-blank line; other files are one unit each. */
export function* unitsOf(files: readonly string[]): Generator<InputUnit> {
  for (const f of files) {
    if (!LINES.test(f)) { yield { source: f, path: f }; continue; }
    const lines = readFileSync(f, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.trim()) yield { source: `${f}:${i + 1}`, bytes: Buffer.from(lines[i]!, 'utf8') };
    }
  }
}
