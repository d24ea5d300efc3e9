// Centuries ("the 20th century", "the 19th-century") as ISO 8601 century values (`19`).

import type { TimeParser } from './parser.js';

const PATTERN = /\b(?<![-])(?:[Tt]he\s+)?(?:(?:early|late|mid)-?\s*)?(?<n>[1-9]|1\d|2[01])(?:st|nd|rd|th)[\s-]century(?![\w-])/g;

export const centuryParser: TimeParser = {
  name: 'century',
  pattern: PATTERN,
  trigger: /century/,
  extract(m) {
    return { value: String(Number(m.groups!.n) - 1).padStart(2, '0'), type: 'date', certain: ['century'] };
  },
};
