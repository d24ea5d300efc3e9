// Counted shifts: "two days ago" (from the publication date), "four years later", "a week earlier" (from the previous time).

import { COUNT, countValue } from '../lexicon.js';
import { after, type TimeParser } from './parser.js';
import type { Precision, Shift } from '../types.js';

const UNIT_WORD = String.raw`(?<unit>hour|day|week|month|year|decade)s?`;
const PATTERN = new RegExp(String.raw`\b(?<![-])(?<count>${COUNT}|[Aa]n?|[Ss]everal)\s+${UNIT_WORD}\s+(?<direction>ago|earlier|later|before|after|previously|prior|on)(?![\w-])`, 'gi');

// "24 hours ago" is dated to the day: the clock hour of publication is unknown.
const UNITS = { hour: ['D', 'day'], day: ['D', 'day'], week: ['W', 'week'], month: ['M', 'month'], year: ['Y', 'year'], decade: ['Y', 'year'] } as const;
/** "before"/"after" shift from the previous time only when nothing follows them ("two days after the attack" is a duration). */
const CLAUSE_END = /^\s*(?:[,.;:)!?"”]|and\b|when\b|that\b|$)/;

export const agoParser: TimeParser = {
  name: 'ago',
  pattern: PATTERN,
  extract(m, text) {
    const count = countValue(m.groups!.count!);
    if (!Number.isFinite(count)) return null;
    const direction = m.groups!.direction!.toLowerCase();
    if ((direction === 'before' || direction === 'after' || direction === 'prior' || direction === 'on') && !CLAUSE_END.test(after(text, m.index + m[0].length, 10))) return null;
    const [unit, precision] = UNITS[m.groups!.unit!.toLowerCase() as keyof typeof UNITS];
    const sign = direction === 'ago' || direction === 'earlier' || direction === 'before' || direction === 'previously' || direction === 'prior' ? -1 : 1;
    const unitWord = m.groups!.unit!.toLowerCase();
    if (unitWord === 'hour' && direction !== 'ago') return null;
    const amount = unitWord === 'hour' ? -Math.floor(count / 24) : sign * count * (unitWord === 'decade' ? 10 : 1);
    const shift: Shift = { from: direction === 'ago' ? 'published' : 'previous', amount, unit, precision: precision as Precision };
    return { shift, certain: [] };
  },
};
