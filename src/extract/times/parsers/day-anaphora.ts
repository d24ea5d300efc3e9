// Days named from the day just talked about: "the day before", "the next day", "the same day", "a day earlier".

import { after, type TimeParser } from './parser.js';

const PATTERN = /\b(?<![-])(?:[Tt]he\s+|[Tt]hat\s+|[Aa]\s+)?(?<which>day\s+before|day\s+after|previous\s+day|next\s+day|following\s+day|same\s+day|same\s+date|day\s+earlier|day\s+later|night\s+before|previous\s+night|following\s+night)(?![\w-])/g;

const AMOUNT: Record<string, number> = {
  'day before': -1, 'day after': 1, 'previous day': -1, 'next day': 1, 'following day': 1, 'same day': 0, 'same date': 0,
  'day earlier': -1, 'day later': 1, 'night before': -1, 'previous night': -1, 'following night': 1,
};
/** "the day before the election", "a day after talks failed" name their own anchor, which we cannot resolve. */
const OWN_ANCHOR = /^\s+(?!that\b)[\w“"‘']/;

export const dayAnaphoraParser: TimeParser = {
  name: 'day-anaphora',
  pattern: PATTERN,
  trigger: /\b(?:day|night|date)\b/,
  extract(m, text) {
    const which = m.groups!.which!.toLowerCase().replace(/\s+/g, ' ');
    if (/before|after/.test(which) && OWN_ANCHOR.test(after(text, m.index + m[0].length, 20))) return null;
    // "a day before" without "the" still reads as a shift; "a same day" does not exist.
    if (/^a\s/i.test(m[0]) && !/earlier|later|before|after/.test(which)) return null;
    return { shift: { from: 'previous', amount: AMOUNT[which]!, unit: 'D', precision: 'day' }, certain: [] };
  },
};
