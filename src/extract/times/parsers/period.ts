// Calendar periods named relative to now ("last week" -> 2021-W20, "this month", "next year", "the following week").

import { eitherCase, type TimeParser } from './parser.js';
import type { Shift } from '../types.js';

const MODIFIER = ['last', 'this', 'next', 'previous', 'current', 'coming', 'following', 'past'].map(eitherCase).join('|');
const PATTERN = new RegExp(String.raw`\b(?<![-])(?:[Tt]he\s+)?(?<modifier>${MODIFIER})\s+(?<unit>week|month|year)(?![\w-]|\s+(?:old|of\s+age))`, 'g');

const AMOUNT: Record<string, number> = { last: -1, previous: -1, this: 0, current: 0, next: 1, coming: 1, following: 1 };
const UNIT = { week: 'W', month: 'M', year: 'Y' } as const;
const PRECISION = { week: 'week', month: 'month', year: 'year' } as const;

export const periodParser: TimeParser = {
  name: 'period',
  pattern: PATTERN,
  extract(m) {
    const modifier = m.groups!.modifier!.toLowerCase();
    const unit = m.groups!.unit as keyof typeof UNIT;
    // "the past year" / "the last year" is a stretch of time, not the calendar year: durations own it.
    if (modifier === 'past') return null;
    if (modifier === 'last' && /^the\s/i.test(m[0])) return null;
    const shift: Shift = {
      from: modifier === 'previous' || modifier === 'following' ? 'previous' : 'published',
      amount: AMOUNT[modifier]!, unit: UNIT[unit], precision: PRECISION[unit],
    };
    return { shift, certain: [] };
  },
};
