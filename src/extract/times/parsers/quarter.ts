// Quarters of a year ("the third quarter", "the first quarter of 2021", "Q3 2020", "last quarter") as `2021-Q3`.

import type { TimeParser } from './parser.js';

const ORDINAL = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 } as const;
const YEAR = String.raw`(?:1[89]|20)\d{2}`;
const PATTERN = new RegExp(String.raw`\b(?<![-])(?:(?:[Tt]he\s+)?(?<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final|last|previous|next|this|current)\s+quarter(?:\s+of\s+(?<year>${YEAR})|,?\s+(?<year2>${YEAR}))?|Q(?<q>[1-4])(?:\s+|\/)?(?<year3>${YEAR})?)(?![\w-])`, 'g');

const SHIFT: Record<string, number> = { last: -1, previous: -1, this: 0, current: 0, next: 1 };

export const quarterParser: TimeParser = {
  name: 'quarter',
  pattern: PATTERN,
  trigger: /quarter|Q[1-4]/,
  extract(m) {
    const g = m.groups!;
    const yearText = g.year ?? g.year2 ?? g.year3;
    const year = yearText ? Number(yearText) : undefined;
    const ordinal = g.ordinal?.toLowerCase();
    if (ordinal && ordinal in SHIFT) {
      // "last quarter" is the quarter before publication; "the last quarter of 2020" is its fourth.
      if (year !== undefined) return ordinal === 'last' ? { point: { year, quarter: 4, precision: 'quarter' }, certain: ['year', 'quarter'] } : null;
      return { shift: { from: 'published', amount: SHIFT[ordinal]!, unit: 'Q', precision: 'quarter' }, certain: [] };
    }
    const quarter = g.q ? Number(g.q) : ORDINAL[ordinal as keyof typeof ORDINAL];
    if (!quarter) return null;
    return { point: { quarter, precision: 'quarter', ...(year !== undefined ? { year } : {}) }, certain: ['quarter', ...(year !== undefined ? ['year'] : [])] };
  },
};
