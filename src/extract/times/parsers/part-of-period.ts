// "by the end of the year", "the rest of the month", "the start of the week": part of the current period, valued as the period.

import type { TimeParser } from './parser.js';
import type { Shift } from '../types.js';

const PATTERN = /\b(?:[Tt]he\s+)?(?:end|beginning|start|middle|rest|remainder|close|turn)\s+of\s+(?:the|this)\s+(?<unit>week|month|year)(?![\w-]|['’]s)/g;
const SHIFT = {
  week: { from: 'published', amount: 0, unit: 'W', precision: 'week' },
  month: { from: 'published', amount: 0, unit: 'M', precision: 'month' },
  year: { from: 'published', amount: 0, unit: 'Y', precision: 'year' },
} as const satisfies Record<string, Shift>;

export const partOfPeriodParser: TimeParser = {
  name: 'part-of-period',
  pattern: PATTERN,
  trigger: /\bof\s+(?:the|this)\s+(?:week|month|year)\b/,
  extract(m) {
    return { shift: { ...SHIFT[m.groups!.unit as keyof typeof SHIFT] }, certain: [] };
  },
};
