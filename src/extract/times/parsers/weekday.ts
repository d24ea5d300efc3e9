// Weekdays ("Monday", "last Friday", "next Saturday", "Sunday's"): the day is resolved later from tense.

import { WEEKDAY, weekdayNumber } from '../lexicon.js';
import { before, eitherCase, type TimeParser } from './parser.js';
import type { Direction } from '../types.js';

const MODIFIER = ['last', 'past', 'previous', 'next', 'coming', 'this'].map(eitherCase).join('|');
// Anchored on the weekday itself (an optional leading group would make the regex try every position); the modifier is read leftwards.
const PATTERN = new RegExp(String.raw`\b(?<weekday>${WEEKDAY})(?![\w-])`, 'g');
const MODIFIER_BEFORE = new RegExp(String.raw`(?:^|[^\w-])(?<modifier>${MODIFIER})\s+$`);

const DIRECTION: Record<string, Direction | undefined> = { last: 'past', past: 'past', previous: 'past', next: 'future', coming: 'future', this: undefined };

export const weekdayParser: TimeParser = {
  name: 'weekday',
  pattern: PATTERN,
  extract(m, text) {
    if (text[m.index - 1] === '-') return null;
    const left = before(text, m.index, 12);
    // "on a Monday", "every Friday": a recurring or generic day, not one date.
    if (/(?:^|[^\w])(?:a|every|each|any|one)\s+$/i.test(left)) return null;
    const weekday = weekdayNumber(m.groups!.weekday!);
    if (weekday < 0) return null;
    const mod = MODIFIER_BEFORE.exec(left);
    const direction = mod ? DIRECTION[mod.groups!.modifier!.toLowerCase()] : undefined;
    const point = { weekday, precision: 'day' as const, ...(direction ? { direction } : {}) };
    return { point, certain: ['weekday'], ...(mod ? { start: m.index - (mod[0].length - mod[0].indexOf(mod.groups!.modifier!)) } : {}) };
  },
};
