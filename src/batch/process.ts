// One unit of batch work: read an input, extract every layer, and return the record (or the error as data).

import { readFileSync } from 'node:fs';
import { asProblem, DatelineError, type Problem } from '../core/index.js';
import { documentFromBytes, type InputUnit, type ReadOptions } from '../ingest/index.js';
import { extract } from '../extract.js';
import type { OutputOptions } from '../output.js';
import { SCHEMA_VERSION } from '../schema/constants.js';
import type { ErrorRecord, Extraction } from '../schema/index.js';
import { rowsOf, type DocumentRows } from '../store/rows.js';

export interface UnitOptions {
  read: ReadOptions;
  output: OutputOptions;
  /** Also flatten the record into store rows here, so the thread that writes them does not parse the JSON again. */
  rows?: boolean;
}

export type UnitResult =
  | { ok: true; source: string; json: string; words: number; rows?: DocumentRows }
  | { ok: false; source: string; json: string; error: Problem };

export function errorRecord(source: string, p: Problem): ErrorRecord {
  return { schema: SCHEMA_VERSION, error: { ...p, input: p.input ?? source } };
}

export function extractUnit(unit: InputUnit, options: UnitOptions): Extraction {
  let bytes = unit.bytes;
  if (!bytes) {
    try {
      bytes = readFileSync(unit.path!);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'E_NOT_FOUND' : 'E_READ';
      throw new DatelineError(code, `${unit.source}: ${(e as Error).message}`, { input: unit.source, cause: e });
    }
  }
  const doc = documentFromBytes(bytes, unit.source, options.read);
  return extract(doc, options.output);
}

/** Never throws: a bad input becomes an error record so the batch goes on. */
export function processUnit(unit: InputUnit, options: UnitOptions): UnitResult {
  try {
    const x = extractUnit(unit, options);
    const json = JSON.stringify(x);
    // Input key and ingestion time are the writer's to fill in (see SqliteStore.putRowsSync).
    return { ok: true, source: unit.source, json, words: countWords(x.document.text), ...(options.rows ? { rows: rowsOf(x, json, undefined, '') } : {}) };
  } catch (e) {
    const p = asProblem(e, unit.source);
    return { ok: false, source: unit.source, json: JSON.stringify(errorRecord(unit.source, p)), error: p };
  }
}

function countWords(text: string): number {
  let n = 0, inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
