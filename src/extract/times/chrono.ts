// chrono-node where it is right: written dates ("May 21", "21 May 2021", "February 3, 2024"), clock times with zones
// ("23:00 GMT", "10:56 am", "14:00 UTC+3") and "yesterday/today/tomorrow". Its relative-date and weekday parsers are
// left out: they turn durations into dates and prefer the future for bare weekdays, which news reports contradict.

// The English entry point only: the package root also loads every other locale (about 200 ms per thread).
import * as chrono from 'chrono-node/en';
import { ZONES } from './lexicon.js';
import type { Candidate, Point } from './types.js';

/** chrono's English parsers we keep, by class name (chrono does not export them one by one). */
const KEPT_PARSERS = new Set([
  'ENMonthNameLittleEndianParser', // "21 May 2021", "07 February, 2024"
  'ENMonthNameMiddleEndianParser', // "May 21", "February 3, 2024", "Saturday, September 12, 2015"
  'ENTimeExpressionParser', //        "2:00am", "23:00 GMT", "8.20 p.m."
  'ENCasualDateParser', //            "yesterday", "today", "tomorrow", "tonight", "last night" ("now" is dropped below)
]);

/**
 * chrono's refiners we keep, in chrono's own order: overlap removal first, then zone offsets and abbreviations
 * attach to times, date and time merge ("07 February, 2024, 10:56 am"), then the likely-format filters.
 * Dropped: relative-date merges and end-of-period (their parsers are gone), ForwardDate (we resolve direction
 * from tense), and the date-range merge (the guideline keeps "between 8.20 p.m. and 10.30 p.m." as two times).
 */
const KEPT_REFINERS = new Set([
  'OverlapRemovalRefiner',
  'ExtractTimezoneOffsetRefiner',
  'MergeWeekdayComponentRefiner',
  'ENMergeDateTimeRefiner',
  'ExtractTimezoneAbbrRefiner',
  'UnlikelyFormatFilter',
  'ENExtractYearSuffixRefiner',
  'ENUnlikelyFormatFilter',
]);

/** A clock reading must look like one: "2:00", "8.20 p.m.", "5pm", "23:00 GMT"; chrono alone also takes "14 to 937". */
const CLOCK_MARK = /\d[:.][0-5]\d|\d\s*(?:[ap]\.?\s?m\b|[AP]M\b)|o['’]clock|noon|midnight/i;
/** A dotted reading without am/pm or zone ("at 14.25") is a decimal when a word other than a temporal one follows. */
const DOTTED_24H = /^(?:at\s+)?\d{1,2}\.[0-5]\d$/i;
/** A bare "9:25" with no am/pm or zone is a clock time only next to a temporal word ("at 9:25", "9:25 local time"), not in "Corinthians 9:25". */
const BARE_CLOCK = /^\d{1,2}:[0-5]\d$/;
const CLOCK_CONTEXT_BEFORE = /\b(?:at|by|until|till|from|to|before|after|around|about|since|between|and|approximately|-|–)\s*$/i;
const CLOCK_CONTEXT_AFTER = /^\s*(?:local|hours|hrs|h\b|on\b|this\b|yesterday|today|tonight|[A-Z]{2,4}T\b|GMT|UTC)/;
const AFTER_DECIMAL = /^\s*(?:per\s*cent|percent|%|(?!(?:on|in|at|and|to|or|local|hours?|hrs|until|when|that|after|before|this|last|yesterday|today|GMT|UTC)\b)[a-z])/i;

/** First of our refiners inside chrono: drops loose clock readings before chrono's overlap removal lets them beat a date. */
const dropLooseClockTimes: chrono.Refiner = {
  refine: (context, results) =>
    results.filter((r) => {
      if (!r.start.isCertain('hour')) return true;
      const text = r.text.trim();
      if (!CLOCK_MARK.test(text)) return false;
      const left = context.text.slice(Math.max(0, r.index - 15), r.index), right = context.text.slice(r.index + r.text.length, r.index + r.text.length + 15);
      if (BARE_CLOCK.test(text) && !CLOCK_CONTEXT_BEFORE.test(left) && !CLOCK_CONTEXT_AFTER.test(right)) return false;
      if (DOTTED_24H.test(text) && AFTER_DECIMAL.test(context.text.slice(r.index + r.text.length, r.index + r.text.length + 12))) return false;
      return true;
    }),
};

let engine: chrono.Chrono | undefined;

function chronoEngine(): chrono.Chrono {
  if (engine) return engine;
  const base = chrono.casual;
  engine = new chrono.Chrono({
    parsers: base.parsers.filter((p) => KEPT_PARSERS.has(p.constructor.name)),
    refiners: [dropLooseClockTimes, ...base.refiners.filter((r) => KEPT_REFINERS.has(r.constructor.name))],
  });
  return engine;
}

const CASUAL_SHIFT: Record<string, number> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1, 'last night': -1 };

/** Candidates chrono finds in `text` (offsets shifted by `offset`). `reference` is only for chrono's own bookkeeping. */
export function chronoCandidates(text: string, offset: number, reference: Date): Candidate[] {
  let results: chrono.ParsedResult[];
  try {
    results = chronoEngine().parse(text, { instant: reference, timezone: 0 }, { timezones: ZONES as Record<string, number> });
  } catch {
    // A chrono failure on one paragraph costs that paragraph's dates only; our own parsers still ran on it.
    return [];
  }
  const out: Candidate[] = [];
  for (const r of results) {
    const c = toCandidate(r as chrono.ParsingResult, offset);
    if (c) out.push(c);
  }
  return out;
}

function toCandidate(r: chrono.ParsingResult, offset: number): Candidate | null {
  // chrono sometimes swallows a closing parenthesis or trailing space; keep the span tight.
  const text = r.text.replace(/[\s)(,]+$/, '');
  const start = offset + r.index, end = start + text.length;
  const s = r.start;
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  if (lower === 'now' || lower === 'tmr' || lower === 'tmrw') return null;
  if (lower in CASUAL_SHIFT && !s.isCertain('hour')) {
    return { start, end, rule: 'chrono-casual', shift: { from: 'published', amount: CASUAL_SHIFT[lower]!, unit: 'D', precision: 'day' }, certain: [] };
  }
  const certain = s.getCertainComponents().filter((c) => c !== 'meridiem' && c !== 'millisecond' && c !== 'second');
  const point: Point = { precision: 'day' };
  const casual = /^(?:yesterday|today|tonight|tomorrow|last night)\b/.exec(lower);
  if (casual) {
    // "yesterday at 5pm": chrono assigns the reference's day; keep it as a shift from the publication date.
    const hour = s.get('hour')!, minute = s.get('minute') ?? 0;
    const p: Point = { hour, minute, precision: 'minute' };
    if (s.isCertain('timezoneOffset')) p.offset = s.get('timezoneOffset')!;
    return { start, end, rule: 'chrono-casual-time', point: p, shift: { from: 'published', amount: CASUAL_SHIFT[casual[0]]!, unit: 'D', precision: 'day' }, certain: ['hour', 'minute'] };
  }
  if (s.isCertain('year')) point.year = s.get('year')!;
  if (s.isCertain('month')) point.month = s.get('month')!;
  if (s.isCertain('day')) point.day = s.get('day')!;
  if (s.isCertain('weekday') && !s.isCertain('day')) point.weekday = s.get('weekday')!;
  if (s.isCertain('hour')) {
    point.hour = s.get('hour')!;
    point.minute = s.isCertain('minute') ? s.get('minute')! : 0;
    point.precision = 'minute';
    if (s.isCertain('timezoneOffset')) point.offset = s.get('timezoneOffset')!;
  } else if (point.day === undefined) {
    if (point.month === undefined) return null;
    point.precision = 'month';
  }
  if (point.precision !== 'minute' && point.month === undefined && point.weekday === undefined) return null;
  return { start, end, rule: 'chrono', point, certain: certain.map((c) => (c === 'timezoneOffset' ? 'timezone' : c)) };
}
