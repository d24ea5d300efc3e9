// Durations written as compound adjectives: "the 33-day war" (`33-day`, P33D), "a two-year term", "24-hour"; not ages ("93-year-old").

import { COUNT, UNIT, countValue } from '../lexicon.js';
import type { TimeParser } from '../parsers/parser.js';
import { isoDuration } from './iso.js';

const PATTERN = new RegExp(String.raw`\b(?<![-])(?<count>${COUNT})-(?<unit>${UNIT})(?![\w]|-(?:old|olds)\b|-\w)`, 'gi');

export const hyphenatedDurationParser: TimeParser = {
  name: 'duration-hyphenated',
  pattern: PATTERN,
  extract(m) {
    const value = isoDuration(countValue(m.groups!.count!), m.groups!.unit!);
    return value ? { value, type: 'duration', certain: [] } : null;
  },
};
