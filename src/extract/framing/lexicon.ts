// Loads the framing lexicon (lexicon.tsv beside this file) and compiles it into one matcher.

import { readFileSync } from 'node:fs';
import type { Framing } from '../../schema/index.js';
import { FRAMING_CATEGORIES } from '../../schema/constants.js';

const CATEGORIES: ReadonlySet<string> = new Set(FRAMING_CATEGORIES);

export interface FramingTerm {
  term: string;
  category: Framing['category'];
  referentType: string;
  /** A referent the term always names ("Zionist regime" -> Israel); otherwise read from context. */
  referent?: string;
  source: string;
}

export interface FramingLexicon {
  terms: FramingTerm[];
  /** Matches any term; the named group `t<i>` says which. Case-insensitive, whole words. */
  pattern: RegExp;
  byGroup: Map<string, FramingTerm>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "terrorist(s)" -> terrorist, terrorists; apostrophes match straight or curly. */
function termPattern(term: string): string {
  return escape(term)
    .replace(/\\\((s|es)\\\)/g, '(?:$1)?')
    .replace(/'/g, "['’]")
    .replace(/ /g, '\\s+');
}

export function parseLexicon(tsv: string): FramingTerm[] {
  const out: FramingTerm[] = [];
  for (const line of tsv.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [term, category, referentType, referent, source] = line.split('\t').map((c) => c.trim());
    if (!term || !category || !referentType || !source) throw new Error(`framing lexicon: incomplete row: ${line}`);
    if (!CATEGORIES.has(category)) throw new Error(`framing lexicon: unknown category ${JSON.stringify(category)} for ${JSON.stringify(term)}; use one of ${FRAMING_CATEGORIES.join(', ')}`);
    out.push({ term, category: category as Framing['category'], referentType, ...(referent && referent !== '-' ? { referent } : {}), source });
  }
  return out;
}

export function compileLexicon(terms: FramingTerm[]): FramingLexicon {
  // Longest terms first, so "Zionist regime" wins over "regime" at the same position.
  const order = terms.map((t, i) => ({ t, i })).sort((a, b) => b.t.term.length - a.t.term.length);
  const byGroup = new Map<string, FramingTerm>();
  const alts = order.map(({ t, i }) => {
    byGroup.set(`t${i}`, t);
    return `(?<t${i}>${termPattern(t.term)})`;
  });
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alts.join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`, 'giu');
  return { terms, pattern, byGroup };
}

let cached: FramingLexicon | undefined;

/** The bundled lexicon, read once per thread. */
export function bundledLexicon(): FramingLexicon {
  return (cached ??= compileLexicon(parseLexicon(readFileSync(new URL('./lexicon.tsv', import.meta.url), 'utf8'))));
}
