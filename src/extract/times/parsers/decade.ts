// Decades ("the 1990s", "the mid-2000s") as TIMEX3-style three-digit values (`199`).

import { eitherCase, type TimeParser } from './parser.js';

const PATTERN = new RegExp(String.raw`\b(?<![$-])(?:${eitherCase('the')}\s+)?(?:(?:early|late|mid)-?\s*)?(?<decade>(?:1[89]|20)\d)0['’]?s(?![\w])`, 'g');

export const decadeParser: TimeParser = {
  name: 'decade',
  pattern: PATTERN,
  trigger: /\d0['’]?s/,
  extract(m) {
    return { value: m.groups!.decade!, type: 'date', certain: ['decade'] };
  },
};
