// Reads the number itself at a token: digits ("2,300", "1.5 million", "3bn"), words ("twenty-five", "a dozen"),
// vague magnitudes ("hundreds of thousands"), fractions and ratios ("two-thirds", "1 in 4").

import { NUM, WORD, PUNCT, type Lexed } from './lex.js';
import type { Lexicon } from './lexicon.js';

export type CoreKind = 'digits' | 'words' | 'vague' | 'fraction';

/** The number found at a token, before qualifiers, units and the counted noun are attached. */
export interface NumberCore {
  /** Token range [s, e). */
  s: number;
  e: number;
  value: number;
  /** The number as written, before a scale word ("1.5" in "1.5 million"). */
  raw: number;
  /** The scale applied ("million" -> 1e6); 1 when none. */
  scale: number;
  kind: CoreKind;
  /** The digits carry thousands separators ("2,300"), so they are not a year or a code. */
  comma: boolean;
}

/** Reads a number starting at token i, or returns null. */
export function readNumber(lx: Lexed, L: Lexicon, i: number): NumberCore | null {
  const k = lx.kind[i];
  if (k === NUM) return withRatio(lx, L, readDigits(lx, L, i));
  if (k !== WORD) return null;
  const w = lx.lower[i]!;
  const fixed = matchPhrase(lx, i, L.vagueFixed);
  if (fixed) return { s: i, e: i + fixed.forms.length, value: fixed.meaning, raw: fixed.meaning, scale: 1, kind: 'vague', comma: false };
  if (L.vague.has(w)) return readVague(lx, L, i);
  if (w === 'half' && (lx.lower[i + 1] === 'a' || lx.lower[i + 1] === 'an') && L.scales.has(lx.lower[i + 2] ?? '')) {
    // "half a million"
    const scale = L.scales.get(lx.lower[i + 2]!)!;
    return { s: i, e: i + 3, value: scale / 2, raw: 0.5, scale, kind: 'words', comma: false };
  }
  if (w === 'half' && lx.lower[i + 1] === 'of') {
    // "half of the residents"; "the first half of the year" is a time
    const p = lx.lower[i - 1] ?? '';
    if (p === 'first' || p === 'second' || p === 'latter' || p === 'former' || p === 'the' || p === 'other') return null;
    return { s: i, e: i + 1, value: 0.5, raw: 0.5, scale: 1, kind: 'fraction', comma: false };
  }
  if (w === 'several' || (w === 'a' && lx.lower[i + 1] === 'few')) {
    // "several hundred", "a few thousand": a magnitude with no count, read as its lower bound.
    const at = w === 'a' ? i + 2 : i + 1;
    const scale = L.scales.get(lx.lower[at] ?? '');
    if (scale === undefined) return null;
    return { s: i, e: at + 1, value: scale, raw: scale, scale: 1, kind: 'vague', comma: false };
  }
  const words = readWords(lx, L, i);
  if (!words) return null;
  const read = withRatio(lx, L, withFraction(lx, L, words));
  // "a" alone is an article: "a third party" is not a number
  if ((w === 'a' || w === 'an') && read.e === i + 1) return null;
  return read;
}

function readDigits(lx: Lexed, L: Lexicon, i: number): NumberCore {
  const form = lx.lower[i]!;
  const raw = parseFloat(form.replace(/,/g, ''));
  let e = i + 1, scale = 1;
  // "1.5 million", "3bn", "2 hundred thousand"
  while (e < lx.count && lx.kind[e] === WORD) {
    const w = lx.lower[e]!;
    const s = L.scales.get(w) ?? (scale === 1 ? L.scaleAbbreviations.get(w) : undefined);
    if (s === undefined || s <= 1 || (scale > 1 && s <= scale && w !== 'thousand')) break;
    scale *= s;
    e++;
  }
  return { s: i, e, value: raw * scale, raw, scale, kind: 'digits', comma: form.includes(',') };
}

function readVague(lx: Lexed, L: Lexicon, i: number): NumberCore | null {
  const w = lx.lower[i]!;
  const next = lx.lower[i + 1], after = lx.lower[i + 2] ?? '';
  let value = L.vague.get(w)!, e = i + 1;
  if (w === 'tens' || w === 'scores') {
    // "tens" only counts as "tens of thousands"; "scores" only as "scores of".
    if (next !== 'of') return null;
    if (w === 'tens') {
      const m = L.vague.get(after);
      if (m === undefined || m < 100) return null;
      return extendVague(lx, L, { s: i, e: i + 3, value: 10 * m, raw: 10, scale: m, kind: 'vague', comma: false });
    }
  }
  return extendVague(lx, L, { s: i, e, value, raw: value, scale: 1, kind: 'vague', comma: false });
}

/** "hundreds of thousands", "tens of millions": a larger magnitude after "of" multiplies. */
function extendVague(lx: Lexed, L: Lexicon, core: NumberCore): NumberCore {
  if (lx.lower[core.e] !== 'of') return core;
  const m = L.vague.get(lx.lower[core.e + 1] ?? '');
  if (m === undefined || m < 1000 || m <= core.value) return core;
  return { ...core, e: core.e + 2, value: core.value * m };
}

type Last = 'none' | 'article' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'dozen';

function readWords(lx: Lexed, L: Lexicon, i: number): NumberCore | null {
  let j = i, total = 0, current = 0, last: Last = 'none';
  const w0 = lx.lower[i]!;
  if (w0 === 'a' || w0 === 'an') {
    const next = lx.lower[i + 1] ?? '';
    if (!(L.scales.has(next) || next === 'dozen' || L.fractions.has(next))) return null;
    current = 1; last = 'article'; j = i + 1;
    if (L.fractions.has(next)) return { s: i, e: i + 1, value: 1, raw: 1, scale: 1, kind: 'words', comma: false };
  }
  while (j < lx.count && lx.kind[j] === WORD) {
    const x = lx.lower[j]!;
    const unit = L.units.get(x), tens = L.tens.get(x), scale = L.scales.get(x);
    if (unit !== undefined) {
      if (last === 'unit' || last === 'teen' || (last === 'tens' && unit >= 10) || last === 'dozen') break;
      current += unit; last = unit >= 10 ? 'teen' : 'unit';
    } else if (tens !== undefined) {
      if (last === 'unit' || last === 'teen' || last === 'tens' || last === 'dozen') break;
      current += tens; last = 'tens';
      // "twenty-five"
      if (lx.lower[j + 1] === '-' && lx.gap[j + 1] === 0 && lx.gap[j + 2] === 0) {
        const u = L.units.get(lx.lower[j + 2] ?? '');
        if (u !== undefined && u < 10) { current += u; j += 2; last = 'unit'; }
      }
    } else if (x === 'hundred') {
      if (last === 'none' || last === 'hundred') break;
      current = (current || 1) * 100; last = 'hundred';
    } else if (scale !== undefined) {
      if (last === 'none') break;
      total += (current || 1) * scale; current = 0; last = 'scale';
    } else if (x === 'dozen') {
      if (last === 'none' || last === 'dozen') break;
      current = (current || 1) * 12; last = 'dozen';
    } else if (x === 'and' && lx.lower[j + 1] === 'a' && lx.lower[j + 2] === 'half' && (last === 'unit' || last === 'teen' || last === 'tens') && L.scales.has(lx.lower[j + 3] ?? '')) {
      // "one and a half million"
      current += 0.5; j += 2;
    } else if (x === 'and' && (last === 'hundred' || last === 'scale')) {
      const n = lx.lower[j + 1] ?? '';
      if (!L.units.has(n) && !L.tens.has(n)) break;
    } else break;
    j++;
  }
  if (last === 'none' || last === 'article') return null;
  const value = total + current;
  return { s: i, e: j, value, raw: value, scale: 1, kind: 'words', comma: false };
}

/** "two-thirds", "a third of", "one quarter of": the number becomes a fraction. */
function withFraction(lx: Lexed, L: Lexicon, core: NumberCore): NumberCore {
  if (core.value < 1 || core.value > 10 || !Number.isInteger(core.value)) return core;
  let at = core.e, hyphen = false;
  if (lx.lower[at] === '-' && lx.gap[at] === 0 && lx.gap[at + 1] === 0) { at++; hyphen = true; }
  const f = lx.lower[at] ?? '';
  const d = L.fractions.get(f);
  if (d === undefined) return core;
  const plural = f.endsWith('s') && core.value > 1;
  // "a third" alone is an ordinal use ("a third attack"); it is a fraction only before "of" or when hyphenated/plural.
  if (!hyphen && !plural && lx.lower[at + 1] !== 'of') return core;
  if (core.value >= d) return core;
  const value = core.value / d;
  return { ...core, e: at + 1, value, raw: value, kind: 'fraction' };
}

/** "1 in 4", "one in every five", "three out of 10": a ratio below 1. */
function withRatio(lx: Lexed, L: Lexicon, core: NumberCore): NumberCore {
  if (core.kind === 'fraction' || core.scale !== 1 || !Number.isInteger(core.value) || core.value < 1) return core;
  let at = core.e;
  if (lx.lower[at] === 'in') at++;
  else if (lx.lower[at] === 'out' && lx.lower[at + 1] === 'of') at += 2;
  else return core;
  if (lx.lower[at] === 'every') at++;
  const den = lx.kind[at] === NUM ? readDigits(lx, L, at) : lx.kind[at] === WORD ? readWords(lx, L, at) : null;
  if (!den || den.value <= core.value || den.scale !== 1) return core;
  const next = lx.lower[den.e] ?? '';
  // "12 in 3 days", "5 in 2010": not ratios.
  if (L.durations.has(next) || L.months.has(next) || (den.kind === 'digits' && den.value >= 1000 && !den.comma)) return core;
  if (lx.kind[den.e] === PUNCT && lx.gap[den.e] === 0 && (next === '/' || next === ':' || next === '-')) return core;
  return { s: core.s, e: den.e, value: core.value / den.value, raw: core.value / den.value, scale: 1, kind: 'fraction', comma: false };
}

/** The longest phrase of `list` whose forms start at token i. */
export function matchPhrase<T>(lx: Lexed, i: number, list: readonly { forms: readonly string[]; meaning: T }[]): { forms: readonly string[]; meaning: T } | null {
  outer: for (const p of list) {
    if (i + p.forms.length > lx.count) continue;
    for (let k = 0; k < p.forms.length; k++) if (lx.lower[i + k] !== p.forms[k]) continue outer;
    return p;
  }
  return null;
}
