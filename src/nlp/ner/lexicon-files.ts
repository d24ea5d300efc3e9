// Reads the lexicon data files of src/nlp/ner/data (for training, evaluation and tests; run time reads them from the model).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEXICON_CATEGORIES, LEXICON_FILES, parseLexiconFile, type LexiconEntries } from './lexicon.js';

/** The repository root: the nearest folder above this module with a package.json (works from src/ and dist/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('dateline: cannot find the repository root (package.json)');
    dir = up;
  }
}

export const lexiconDir = (): string => join(repoRoot(), 'src', 'nlp', 'ner', 'data');

/** All lexicon categories from their data files; missing optional files (the GUM-derived ones) count as empty. */
export function loadLexiconEntries(dir = lexiconDir()): LexiconEntries {
  const out = {} as LexiconEntries;
  for (const cat of LEXICON_CATEGORIES) {
    const seen = new Set<string>();
    for (const file of LEXICON_FILES[cat]) {
      const path = join(dir, file);
      if (!existsSync(path)) continue;
      for (const e of parseLexiconFile(readFileSync(path, 'utf8'))) seen.add(e);
    }
    out[cat] = [...seen];
  }
  return out;
}

/** The name connectors data file. */
export function loadConnectors(dir = lexiconDir()): string[] {
  return parseLexiconFile(readFileSync(join(dir, 'name-connectors.tsv'), 'utf8'));
}

/** Lower-case words a name may begin with (data/name-particles.tsv). */
export function loadNameParticles(dir = lexiconDir()): string[] {
  return parseLexiconFile(readFileSync(join(dir, 'name-particles.tsv'), 'utf8'));
}
