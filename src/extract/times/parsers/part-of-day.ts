// Parts of the publication day named from it: "this morning", "this afternoon", "this evening" (chrono's "tonight" covers the night).

import { eitherCase, type TimeParser } from './parser.js';

const PATTERN = new RegExp(String.raw`\b(?<![-])${eitherCase('this')}\s+(?:morning|afternoon|evening)(?![\w-])`, 'g');

export const partOfDayParser: TimeParser = {
  name: 'this-part-of-day',
  pattern: PATTERN,
  trigger: /[Tt]his\s+(?:morning|afternoon|evening)/,
  extract() {
    return { shift: { from: 'published', amount: 0, unit: 'D', precision: 'day' }, certain: [] };
  },
};
