// Bare years 1800-2099 ("in 2006", "the 2018 election", "late 2014"), not counts ("2006 people") nor numbers in names ("Resolution 2006").

import { TEMPORAL_PREPOSITIONS, POINT_MODIFIERS, alternation } from '../lexicon.js';
import { before, after, type TimeParser } from './parser.js';

const YEAR = String.raw`(?<year>(?:1[89]|20)\d{2})`;
// Not part of a longer number, date, amount or code; a hyphen before it only in "mid-2015" and "2014-2015".
const PATTERN = new RegExp(String.raw`\b(?<![$€£¥#./:,]|(?<!mid|\d{4})-)${YEAR}(?![\w%/]|[.,:]\d|-\d\d-|\s*(?:%|percent|per\s+cent|hrs?\b|hours\b|GMT\b|UTC\b))`, 'g');

const OPENER = new RegExp(String.raw`(?:^|[^\w])(?:${alternation([...TEMPORAL_PREPOSITIONS, ...POINT_MODIFIERS, 'spring', 'summer', 'autumn', 'fall', 'winter', 'year', 'since'])})[\s-]*$`, 'i');
/** Words before a number that make it part of a name or a code. */
const NAME_WORD = /(?:^|[^\w])(?:resolution|no\.?|number|nos?\.|flight|route|article|section|chapter|room|page|pages|model|law|act|decree|highway|bus|code|paragraph|item|case|bill|order|rule|version|platform|gate|block|unit|ward|district|plot|house|apartment|km|mile|kilometre|kilometer|level|score|rank|ranked|ranking|grade)\s*$/i;
const DETERMINER = /(?:^|[^\w])(?:the|a|an|its|his|her|their|our|this|that|these|those|\w+['’]s)\s*$/i;
/** The next word: a plural noun right after a number without a determiner is a count ("2006 people"). */
const NEXT_WORD = /^\s*([a-z][a-z-]*)/;

export const yearParser: TimeParser = {
  name: 'year',
  pattern: PATTERN,
  extract(m, text) {
    const year = Number(m.groups!.year);
    const left = before(text, m.index, 30);
    if (NAME_WORD.test(left)) return null;
    const found = { point: { year, precision: 'year' as const }, certain: ['year'] };
    if (OPENER.test(left) && !/^\s*-?(?:year|day|month|week|hour|minute)s?\b/.test(after(text, m.index + m[0].length, 10))) return found;
    const next = NEXT_WORD.exec(after(text, m.index + m[0].length, 30))?.[1] ?? '';
    if (/^(?:to|and|or)$/.test(next)) return found;
    if (next.length > 3 && /s$/.test(next) && !/ss$/.test(next) && !DETERMINER.test(left)) return null;
    if (/^(?:people|men|women|children|persons|troops|soldiers|votes|of|years?|days?|months?|weeks?|hours?|minutes?|km|kilometres?|kilometers?|miles?|metres?|meters?|feet|tonnes?|tons?)$/.test(next)) return null;
    // Digits in a run of other figures ("1,999 to 2010 people") are counts.
    if (/\d\s*$/.test(left)) return null;
    return found;
  },
};
