// A month with or without a year ("in June", "since June 2007", "by December"); bare months need a temporal word before them.

import { MONTH_NAME, monthNumber, TEMPORAL_PREPOSITIONS, POINT_MODIFIERS, alternation } from '../lexicon.js';
import { before, type TimeParser } from './parser.js';
import type { Direction } from '../types.js';

const YEAR = String.raw`(?:1[89]|20)\d{2}`;
// Abbreviations without a period ("Jan 2020") only with a year: alone they are names and words ("Jan", "Mar").
const BARE_ABBREVIATION = String.raw`Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec`;
const PATTERN = new RegExp(String.raw`\b(?:(?<month>${MONTH_NAME})(?:,?\s+(?<year>${YEAR})(?![\w-]))?|(?<abbreviation>${BARE_ABBREVIATION})\s+(?<abbreviationYear>${YEAR}))(?![\w-])`, 'g');

/** A bare month ("May" can be a modal verb, "March" a verb or a name) counts only after one of these. */
const OPENER = new RegExp(String.raw`(?:^|[^\w])(?:${alternation([...TEMPORAL_PREPOSITIONS, ...POINT_MODIFIERS, 'last', 'next', 'this', 'until', 'of'])})[\s-]*$`, 'i');
const SINCE = /\b(?:since|last|ago|earlier)\s*$/i;
const UNTIL = /\b(?:next|coming)\s*$/i;

export const monthParser: TimeParser = {
  name: 'month',
  pattern: PATTERN,
  extract(m, text) {
    const g = m.groups!;
    if (g.abbreviation) return { point: { year: Number(g.abbreviationYear), month: monthNumber(g.abbreviation), precision: 'month' }, certain: ['year', 'month'] };
    const month = monthNumber(g.month!);
    if (!month) return null;
    const left = before(text, m.index, 30);
    // A hyphen before the month is only read as "mid-May"; "ex-March" and the like are not dates.
    if (left.endsWith('-') && !/mid-$/i.test(left)) return null;
    if (m.groups!.year) return { point: { year: Number(m.groups!.year), month, precision: 'month' }, certain: ['year', 'month'] };
    if (!OPENER.test(left)) return null;
    const direction: Direction | undefined = SINCE.test(left) ? 'past' : UNTIL.test(left) ? 'future' : undefined;
    return { point: { month, precision: 'month', ...(direction ? { direction } : {}) }, certain: ['month'] };
  },
};
