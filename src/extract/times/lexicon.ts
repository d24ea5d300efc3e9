// The times layer's word lists (data/*.json) as lookup tables and named regex parts.

import lexicon from './data/lexicon.json' with { type: 'json' };
import zoneData from './data/zones.json' with { type: 'json' };
import nameData from './data/names.json' with { type: 'json' };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation, longest first so "the end of" wins over "the". */
export const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, '\\s+')).join('|');

export const WEEKDAYS: readonly string[] = lexicon.weekdays;
export const MONTHS: readonly string[] = lexicon.months;

const monthIndex = new Map<string, number>();
MONTHS.forEach((m, i) => monthIndex.set(m.toLowerCase(), i + 1));
for (const [abbr, n] of Object.entries(lexicon.monthAbbreviations)) monthIndex.set(abbr.toLowerCase(), n);

/** Month number (1-12) of a month name or abbreviation ("Sept.", "june"), or 0. */
export const monthNumber = (word: string): number => monthIndex.get(word.replace(/\.$/, '').toLowerCase()) ?? 0;
/** Weekday number (0 = Sunday) of a weekday name, or -1. */
export const weekdayNumber = (word: string): number => WEEKDAYS.findIndex((w) => w.toLowerCase() === word.toLowerCase().replace(/'s$|’s$/, ''));

const numberWords = new Map<string, number>(Object.entries(lexicon.numberWords).map(([k, v]) => [k.toLowerCase(), v]));
/** A count written in digits ("12", "1,000") or words ("twelve", "twenty-four", "a"), or NaN. */
export function countValue(s: string): number {
  const w = s.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^half an?$/.test(w)) return 0.5;
  const half = /^(.+) and a half$/.exec(w);
  if (half) return countValue(half[1]!) + 0.5;
  if (/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(w)) return Number(w.replace(/,/g, ''));
  const direct = numberWords.get(w);
  if (direct !== undefined) return direct;
  const compound = /^([a-z]+)[- ]([a-z]+)$/.exec(w);
  if (compound) {
    const tens = numberWords.get(compound[1]!), ones = numberWords.get(compound[2]!);
    if (tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && ones < 10) return tens + ones;
  }
  return NaN;
}

const NUMBER_WORDS = Object.keys(lexicon.numberWords).filter((w) => !w.startsWith('a ') && w !== 'a' && w !== 'an');
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** A count: digits, a number word, or a compound like "twenty-four". */
const BASE_COUNT = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:${TENS.join('|')})[- ](?:one|two|three|four|five|six|seven|eight|nine)|${alternation(NUMBER_WORDS)})`;
/** A count, with halves: "two and a half", "half a", "half an". */
export const COUNT = String.raw`(?:${BASE_COUNT}(?:\s+and\s+a\s+half)?|half\s+an?)`;

export const DURATION_UNITS: Readonly<Record<string, string>> = lexicon.durationUnits;
export const UNIT = alternation(Object.keys(DURATION_UNITS));

export const WEEKDAY = alternation(WEEKDAYS);
export const MONTH_NAME = String.raw`(?:${alternation(MONTHS)}|(?:${alternation(Object.keys(lexicon.monthAbbreviations))})\.)`;

export const TEMPORAL_PREPOSITIONS: readonly string[] = lexicon.temporalPrepositions;
export const POINT_MODIFIERS: readonly string[] = lexicon.pointModifiers;
export const DURATION_MODIFIERS: readonly string[] = lexicon.durationModifiers;
export const PARTS_OF_DAY: readonly string[] = lexicon.partsOfDay;
export const PART_OF_DAY_PREFIXES: readonly string[] = lexicon.partOfDayPrefixes;

/** Zone abbreviation -> minutes east of UTC. */
export const ZONES: Readonly<Record<string, number>> = zoneData.zones;
export const ZONE = alternation(Object.keys(ZONES).filter((z) => z.length > 1));

/** Names that contain calendar words but are not times ("Sunday Times", "Theresa May"). */
export const NAMES_WITH_TIME_WORDS: readonly string[] = nameData.names;
