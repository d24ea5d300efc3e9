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
  const gaz = loadGazetteerNames();
  out.gazetteerMajor = gaz.major;
  out.gazetteerMinor = gaz.minor;
  return out;
}

/** Population from which a city counts as well known (the gazetteerMajor lexicon). */
export const MAJOR_PLACE_POPULATION = 100_000;

/**
 * Place names of dateline's places gazetteer (data/gazetteer/gazetteer.tsv: GeoNames cities and regions,
 * countries, curated landmarks and aliases), main and alternate names. `major`: countries, landmarks and
 * places of MAJOR_PLACE_POPULATION or more; `minor`: other cities and regions. Empty when the file is missing.
 */
export function loadGazetteerNames(path = join(repoRoot(), 'data', 'gazetteer', 'gazetteer.tsv')): { major: string[]; minor: string[] } {
  const major = new Set<string>(), minor = new Set<string>();
  if (!existsSync(path)) return { major: [], minor: [] };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const col = line.split('\t');
    const kind = col[1] ?? '', population = Number(col[6] ?? 0);
    const isMajor = (kind !== 'city' && kind !== 'region') || population >= MAJOR_PLACE_POPULATION;
    const into = isMajor ? major : minor;
    for (const field of [col[10], col[11]]) {
      for (const name of (field ?? '').split('|')) {
        // Names are matched as capitalized words: leave out entries written without a capital ("al-..." stays via particles).
        if (name.length >= 2 && /\p{Lu}/u.test(name)) into.add(name.trim());
      }
    }
  }
  for (const n of major) minor.delete(n);
  return { major: [...major].sort(), minor: [...minor].sort() };
}

/** The name connectors data file. */
export function loadConnectors(dir = lexiconDir()): string[] {
  return parseLexiconFile(readFileSync(join(dir, 'name-connectors.tsv'), 'utf8'));
}

/** Lower-case words a name may begin with (data/name-particles.tsv). */
export function loadNameParticles(dir = lexiconDir()): string[] {
  return parseLexiconFile(readFileSync(join(dir, 'name-particles.tsv'), 'utf8'));
}
