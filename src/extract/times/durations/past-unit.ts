// One unit of time named with "the past/last/next": "over the past year" (P1Y), "in the next month", "the last decade".

import { eitherCase, type TimeParser } from '../parsers/parser.js';
import { isoDuration } from './iso.js';

const PATTERN = new RegExp(String.raw`\b(?<![-])${eitherCase('the')}\s+(?:past|last|next|previous|coming|following)\s+(?<unit>hour|day|week|fortnight|month|year|decade|century)(?![\w-]|['’]s)`, 'g');

export const pastUnitDurationParser: TimeParser = {
  name: 'duration-past-unit',
  pattern: PATTERN,
  extract(m) {
    const value = isoDuration(1, m.groups!.unit!);
    return value ? { value, type: 'duration', certain: [] } : null;
  },
};
