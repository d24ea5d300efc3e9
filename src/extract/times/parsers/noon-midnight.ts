// "noon", "midday" and "midnight" as clock times (12:00, 00:00); a date next to them is joined by the refiners.

import type { TimeParser } from './parser.js';

const PATTERN = /\b(?<![-])(?:[Aa]t\s+)?(?:12\s+)?(?<word>noon|midday|midnight)(?![\w-])/g;

export const noonMidnightParser: TimeParser = {
  name: 'noon-midnight',
  pattern: PATTERN,
  trigger: /noon|midday|midnight/,
  extract(m) {
    const hour = m.groups!.word === 'midnight' ? 0 : 12;
    return { point: { hour, minute: 0, precision: 'minute' }, certain: ['hour', 'minute'] };
  },
};
