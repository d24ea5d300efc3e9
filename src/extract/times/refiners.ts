// Refiners: merge, filter and widen the parsers' candidates. Their order is stated once, in REFINERS, with why.

import type { NameMention } from '../../core/index.js';
import { NAMES_WITH_TIME_WORDS, TEMPORAL_PREPOSITIONS, POINT_MODIFIERS, DURATION_MODIFIERS, PARTS_OF_DAY, PART_OF_DAY_PREFIXES, alternation } from './lexicon.js';
import type { Candidate } from './types.js';

export interface RefineContext {
  text: string;
  names: readonly NameMention[];
}

export type Refiner = (cands: Candidate[], ctx: RefineContext) => Candidate[];

const isTimeOnly = (c: Candidate): boolean =>
  !!c.point && c.point.hour !== undefined && c.point.day === undefined && c.point.weekday === undefined && !c.shift;
const isDayLevel = (c: Candidate): boolean =>
  !c.value && ((!!c.point && c.point.hour === undefined && (c.point.day !== undefined || c.point.weekday !== undefined)) || (!!c.shift && !c.point && c.shift.unit === 'D'));
const isClockTime = (c: Candidate): boolean => !!c.point && c.point.hour !== undefined;
const isPointLike = (c: Candidate): boolean => !!c.point || !!c.shift || (c.type !== undefined && c.type !== 'duration');
const between = (text: string, a: Candidate, b: Candidate): string => text.slice(a.end, b.start);

/** Merges each neighbouring pair the predicate accepts; the merger returns the joined candidate. */
function mergePairs(cands: Candidate[], join: (a: Candidate, b: Candidate) => Candidate | null): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const prev = out[out.length - 1];
    const merged = prev && prev.end <= c.start ? join(prev, c) : null;
    if (merged) out[out.length - 1] = merged;
    else out.push(c);
  }
  return out;
}

/**
 * Start of the phrase from `phrases` that ends right before `pos` (then only `gap` characters), or -1.
 * Compares backwards character by character: end-anchored regexes over word lists try every position and were
 * the stage's hot spot.
 */
function phraseBefore(text: string, pos: number, phrases: readonly string[], gap: 'space' | 'space-or-hyphen'): number {
  let j = pos;
  while (j > 0 && (/\s/.test(text[j - 1]!) || (gap === 'space-or-hyphen' && text[j - 1] === '-'))) j--;
  if (j === pos && gap === 'space') return -1;
  for (const phrase of phrases) {
    let i = phrase.length, k = j;
    while (i > 0 && k > 0) {
      const pc = phrase[i - 1]!, tc = text[k - 1]!;
      if (pc === ' ') {
        if (!/\s/.test(tc)) break;
        while (k > 0 && /\s/.test(text[k - 1]!)) k--;
        i--;
      } else if (pc === tc.toLowerCase()) { i--; k--; }
      else break;
    }
    if (i === 0 && (k === 0 || !/[\w]/.test(text[k - 1]!))) return k;
  }
  return -1;
}
const longestFirst = (words: readonly string[]): string[] => [...words].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length);

// --- filters ---

const FIXED_NAMES = new RegExp(`\\b(?:${alternation(NAMES_WITH_TIME_WORDS)})(?![\\w])`, 'g');

/** Calendar words inside fixed names ("Sunday Times", "Theresa May") or inside a person/organization name found by NER. */
export const dropNames: Refiner = (cands, { text, names }) => {
  const blocked: { start: number; end: number }[] = [];
  FIXED_NAMES.lastIndex = 0;
  for (let m = FIXED_NAMES.exec(text); m; m = FIXED_NAMES.exec(text)) blocked.push({ start: m.index, end: m.index + m[0].length });
  for (const n of names) if (n.type !== 'place') blocked.push(n);
  if (!blocked.length) return cands;
  // A blocked span strictly longer than c and holding it starts before c and reaches its end, or starts at or before c and
  // reaches past it. Sorted by start with running maximum ends, both are binary searches rather than a scan per candidate.
  blocked.sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const b of blocked) reach.push(Math.max(b.end, reach[reach.length - 1] ?? -Infinity));
  const countStartingBefore = (x: number, orAt: boolean): number => {
    let lo = 0, hi = blocked.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; const s = blocked[mid]!.start; if (s < x || orAt && s === x) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const insideLonger = (c: { start: number; end: number }): boolean => {
    const before = countStartingBefore(c.start, false), atOrBefore = countStartingBefore(c.start, true);
    return (before > 0 && reach[before - 1]! >= c.end) || (atOrBefore > 0 && reach[atOrBefore - 1]! > c.end);
  };
  return cands.filter((c) => !insideLonger(c));
};

// --- merges ---

/** "yesterday 8/1/2017", "Friday, May 21": two names of one day become one mention carrying the explicit date. */
export const mergeAppositiveDates: Refiner = (cands, { text }) =>
  mergePairs(cands, (a, b) => {
    if (!isDayLevel(a) || !isDayLevel(b) || !/^[ \t\u00a0]*,?[ \t\u00a0]*(?:the[ \t\u00a0]+)?$/.test(between(text, a, b))) return null;
    const explicit = b.point?.day !== undefined ? b : a.point?.day !== undefined ? a : b;
    if (a.point?.day !== undefined && b.point?.day !== undefined) return null;
    return { ...explicit, start: a.start, end: b.end, rule: `${a.rule}+${b.rule}`, certain: [...new Set([...a.certain, ...b.certain])] };
  });

// Glue stays on one line: a header line and the next paragraph are separate mentions.
/** "in October last year", "on May 3 this year": a month or date whose year is given as a shift of the publication year. */
export const mergeDateAndYearShift: Refiner = (cands, { text }) =>
  mergePairs(cands, (a, b) => {
    const p = a.point;
    if (!p || p.month === undefined || p.year !== undefined || p.hour !== undefined) return null;
    if (!b.shift || b.shift.unit !== 'Y' || b.shift.from !== 'published' || b.point) return null;
    if (!/^[ \t\u00a0]*,?[ \t\u00a0]*$/.test(between(text, a, b))) return null;
    return { ...a, end: b.end, rule: `${a.rule}+${b.rule}`, shift: b.shift, certain: [...a.certain] };
  });

const DATE_TIME_GLUE = /^[ \t\u00a0]*(?:,|at|on|of|T|-|–)?[ \t\u00a0]*(?:about|around|approximately)?[ \t\u00a0]*$/i;

/** "2:00am on Friday", "Friday at 2:00am", "10.20pm of yesterday": a clock time takes its day from the date next to it. */
export const mergeDateAndTime: Refiner = (cands, { text }) =>
  mergePairs(cands, (a, b) => {
    const [time, date] = isTimeOnly(a) && isDayLevel(b) ? [a, b] : isDayLevel(a) && isTimeOnly(b) ? [b, a] : [null, null];
    if (!time || !date || !DATE_TIME_GLUE.test(between(text, a, b))) return null;
    const t = time.point!;
    const clock = { hour: t.hour!, minute: t.minute ?? 0, ...(t.offset !== undefined ? { offset: t.offset } : {}) };
    const joined: Candidate = { start: a.start, end: b.end, rule: `${a.rule}+${b.rule}`, certain: [...new Set([...date.certain, ...time.certain])] };
    if (date.point) joined.point = { ...date.point, ...clock, precision: 'minute' };
    else { joined.shift = date.shift!; joined.point = { ...clock, precision: 'minute' }; }
    return joined;
  });

const RANGE_GLUE = /^[ \t\u00a0]*(?:and|to|until|till|through|-|–)[ \t\u00a0]*$/i;

/** "between 8.20 p.m. and 10.30 p.m. on Sunday": the first clock time of a range shares the day stated after the second. */
export const shareRangeDay: Refiner = (cands, { text }) =>
  cands.map((a, i) => {
    const b = cands[i + 1];
    if (!b || !isTimeOnly(a) || !isClockTime(b) || isTimeOnly(b) || !RANGE_GLUE.test(between(text, a, b))) return a;
    const { hour, minute, offset } = a.point!;
    const clock = { hour: hour!, minute: minute ?? 0, ...(offset !== undefined ? { offset } : {}) };
    return { ...a, point: { ...b.point!, ...clock }, ...(b.shift ? { shift: b.shift } : {}) };
  });

const EQUIVALENT_OPEN = /^[ \t\u00a0]*(?:local\s+time|local)?[ \t\u00a0]*\([ \t\u00a0]*$/i;
const EQUIVALENT_CLOSE = /^\s*\)/;

/**
 * "2:00am on Friday (23:00 GMT on Thursday)", "2020hrs (10.20pm)": a time restated in parentheses is one mention
 * spanning both; its value is the restatement when that one states a zone (an instant), else the first.
 */
export const mergeEquivalents: Refiner = (cands, { text }) =>
  mergePairs(cands, (a, b) => {
    if (!isPointLike(a) || !isPointLike(b) || isClockTime(a) !== isClockTime(b)) return null;
    if (!EQUIVALENT_OPEN.test(between(text, a, b)) || b.type === 'duration' || a.type === 'duration') return null;
    const close = EQUIVALENT_CLOSE.exec(text.slice(b.end, b.end + 5));
    if (!close) return null;
    const end = b.end + close[0].length;
    const zoned = b.point?.offset !== undefined && a.point?.offset === undefined;
    // "Sunday night (March 4)": of two dates, the explicit one carries the value.
    const explicitDate = !isClockTime(a) && b.point?.day !== undefined && a.point?.day === undefined;
    const chosen = zoned ? { ...b, local: a } : explicitDate ? b : a;
    return { ...chosen, start: a.start, end, rule: `${a.rule}(${b.rule})`, certain: [...new Set([...a.certain, ...b.certain])] };
  });

// --- widening ---

const PART_OF_DAY_AFTER = new RegExp(`^\\s+(?:${alternation(PARTS_OF_DAY)})(?![\\w])`, 'i');
const PART_OF_DAY_PREFIX_WORDS = longestFirst(PART_OF_DAY_PREFIXES);
const LOCAL_TIME_AFTER = /^\s+(?:local\s+time|\(local\s+time\))/i;

/** "Monday morning", "late on Sunday", "the wee hours of today", "2:00am local time": the same day, a wider span. */
export const widenPartsOfDay: Refiner = (cands, { text }) =>
  cands.map((c) => {
    let { start, end } = c;
    if (isDayLevel(c) || (c.point && c.point.hour === undefined && c.point.day !== undefined)) {
      const after = PART_OF_DAY_AFTER.exec(text.slice(end, end + 20));
      if (after) end += after[0].length;
      const before = phraseBefore(text, start, PART_OF_DAY_PREFIX_WORDS, 'space');
      if (before >= 0) start = before;
    }
    if (isClockTime(c)) {
      const local = LOCAL_TIME_AFTER.exec(text.slice(end, end + 20));
      if (local) end += local[0].length;
    }
    return start === c.start && end === c.end ? c : { ...c, start, end };
  });

const POINT_MODIFIER_WORDS = longestFirst(POINT_MODIFIERS.map((w) => w.replace(/-$/, '')));
const DURATION_MODIFIER_WORDS = longestFirst(DURATION_MODIFIERS);

/** "mid-May", "in late 2014", "earlier this month", "more than two weeks", "the past 24 hours". */
export const widenModifiers: Refiner = (cands, { text }) =>
  cands.map((c) => {
    if (c.type === 'duration') {
      // Twice, for stacked modifiers ("for more than" is preposition + modifier; "just over" two modifiers).
      let start = phraseBefore(text, c.start, DURATION_MODIFIER_WORDS, 'space');
      if (start < 0) return c;
      const again = phraseBefore(text, start, DURATION_MODIFIER_WORDS, 'space');
      if (again >= 0) start = again;
      return { ...c, start };
    }
    const start = phraseBefore(text, c.start, POINT_MODIFIER_WORDS, 'space-or-hyphen');
    return start >= 0 ? { ...c, start } : c;
  });

const PREPOSITION_WORDS = longestFirst(TEMPORAL_PREPOSITIONS.filter((p) => p !== 'of'));

/** The guideline's spans keep the opening preposition: "on Monday", "in 2006", "since June 2007", "after 12 days". */
export const widenPrepositions: Refiner = (cands, { text }) =>
  cands.map((c) => {
    if (c.rule === 'header') return c;
    const start = phraseBefore(text, c.start, PREPOSITION_WORDS, 'space');
    return start >= 0 ? { ...c, start } : c;
  });

/** Where candidates overlap, the longer wins ("21 May 2021" over "May 2021"); on a tie, the earlier rule in this list. */
const RULE_RANK = ['header', 'iso-date', 'chrono', 'numeric-date', 'military-time', 'ago', 'day-anaphora', 'period', 'month', 'weekday', 'decade', 'year'];
const rank = (c: Candidate): number => {
  const i = RULE_RANK.indexOf(c.rule.split(/[+(]/)[0]!);
  return i < 0 ? RULE_RANK.length : i;
};

export const removeOverlaps: Refiner = (cands) => {
  const sorted = [...cands].sort((a, b) => (b.end - b.start) - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start);
  // Kept spans never overlap, so sorted by start they are sorted by end too: one binary search finds the neighbour.
  const kept: Candidate[] = [];
  for (const c of sorted) {
    let lo = 0, hi = kept.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (kept[mid]!.end <= c.start) lo = mid + 1; else hi = mid; }
    if (lo < kept.length && kept[lo]!.start < c.end) continue;
    kept.splice(lo, 0, c);
  }
  return kept;
};

/**
 * The order, and why:
 * 1. overlaps first, so merges see one candidate per stretch of text ("May 21" by chrono, not also "May" by the month parser);
 * 2. names before merges, so "Sunday Times" never joins a time; parts of day next, so "Sunday night (March 4)"
 *    and "Friday morning at 9am" are whole before they merge;
 * 3. appositive dates before date+time, so "10.20pm of yesterday 8/1/2017" joins one date;
 * 4. date+time before equivalents, so "2:00am on Friday" is whole when "(23:00 GMT on Thursday)" restates it,
 *    and once more after, for "2020hrs (10.20pm) of yesterday"; then ranges share the day of their second time;
 * 5. the other widening last, innermost first: modifiers ("late 2014"), then prepositions ("in late 2014");
 * 6. a final overlap pass, since widening can make neighbours touch.
 */
export const REFINERS: readonly Refiner[] = [
  removeOverlaps,
  dropNames,
  widenPartsOfDay,
  mergeAppositiveDates,
  mergeDateAndYearShift,
  mergeDateAndTime,
  mergeEquivalents,
  mergeDateAndTime,
  shareRangeDay,
  widenModifiers,
  widenPrepositions,
  removeOverlaps,
];
