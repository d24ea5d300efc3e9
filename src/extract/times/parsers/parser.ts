// The parser contract: one pattern and one extraction per file; parsers only find candidates, refiners fix them.

import type { Candidate } from '../types.js';

export type Found = Omit<Candidate, 'rule' | 'start' | 'end'> & { start?: number; end?: number };

export interface TimeParser {
  /** Recorded as the candidate's provenance rule. */
  readonly name: string;
  /** Global regex over the document text; named groups carry the parts. */
  readonly pattern: RegExp;
  /** A cheap literal test on the whole text; when it fails the pattern is not run (rare expressions cost nothing). */
  readonly trigger?: RegExp;
  /** The candidate for a match (span defaults to the match), or null when the context says it is not a time. */
  extract(match: RegExpExecArray, text: string): Found | null;
}

/** A word with its first letter in either case ("[Ll]ast"), for patterns that are otherwise case-sensitive. */
export const eitherCase = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]!.toLowerCase()}]${word.slice(1)}`;

/** Up to `n` characters before `index`, for left-context checks. */
export const before = (text: string, index: number, n = 40): string => text.slice(Math.max(0, index - n), index);
/** Up to `n` characters after `index`. */
export const after = (text: string, index: number, n = 40): string => text.slice(index, index + n);

/** Runs every parser over the text and tags candidates with the parser's name. */
export function runParsers(parsers: readonly TimeParser[], text: string, offset = 0): Candidate[] {
  const out: Candidate[] = [];
  for (const p of parsers) {
    if (p.trigger && !p.trigger.test(text)) continue;
    p.pattern.lastIndex = 0;
    for (let m = p.pattern.exec(text); m; m = p.pattern.exec(text)) {
      if (m[0].length === 0) { p.pattern.lastIndex++; continue; }
      const found = p.extract(m, text);
      if (!found) continue;
      const start = found.start ?? m.index, end = found.end ?? m.index + m[0].length;
      out.push({ ...found, start: start + offset, end: end + offset, rule: p.name });
    }
  }
  return out;
}
