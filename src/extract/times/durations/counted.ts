// Durations counted in units: "12 days", "for three weeks", "48 hours", "within a month"; not ages, rates or shifts ("two days ago").

import { COUNT, UNIT, countValue } from '../lexicon.js';
import { before, after, type TimeParser } from '../parsers/parser.js';
import { isoDuration } from './iso.js';

const PATTERN = new RegExp(String.raw`\b(?<![-])(?<count>${COUNT}|an?|several|a\s+few|a\s+couple\s+of|a\s+dozen)\s+(?<unit>${UNIT})(?![\w-])`, 'gi');

/** After the unit: shifts ("ago", "later") belong to the shift parsers; "old"/"of age" make it an age. */
const NOT_A_DURATION_AFTER = /^(?:\s+(?:ago|earlier|later|old|of\s+age|previously)\b|['’]s?\b|-old)/i;
/** Before an article-counted unit: rates ("twice a day", "per year") and sets ("every year") are not durations. */
const RATE_BEFORE = /(?:^|[^\w])(?:once|twice|thrice|times|per|every|each)\s*$/i;
/** An article or "one" needs an opener to be a duration ("for a year", "within a month"; not "one day he said"). */
const OPENER_BEFORE = /(?:^|[^\w])(?:for|within|in|over|after|during|than|about|around|nearly|almost|past|last|next|first|previous|following|coming|another|further|only|just|some|barely|least|most|up\s+to|half|spent|took|takes|lasted|lasting|lasts)\s*$/i;
/** "aged 8-10 years", "at the age of four months": ages are quantities (GUIDELINE, decisions on open cases). */
const AGE_BEFORE = /\b(?:aged?|ages)\b(?:\s+of)?[^.;:!?]{0,12}$/i;
const VAGUE = /^(?:several|a\s+few|a\s+couple\s+of)$/i;

export const countedDurationParser: TimeParser = {
  name: 'duration-counted',
  pattern: PATTERN,
  extract(m, text) {
    const g = m.groups!;
    if (NOT_A_DURATION_AFTER.test(after(text, m.index + m[0].length, 15))) return null;
    const left = before(text, m.index, 20);
    const word = g.count!.toLowerCase().replace(/\s+/g, ' ');
    if (VAGUE.test(word)) return null;
    if ((word === 'a' || word === 'an' || word === 'one' || word.startsWith('half')) && (RATE_BEFORE.test(left) || !OPENER_BEFORE.test(left)) && !/^half/.test(word)) return null;
    if (RATE_BEFORE.test(left) || AGE_BEFORE.test(left)) return null;
    // "2018 day five": a year before a singular unit is a label, not a count.
    if (/^\d{4}$/.test(word) && !/s$/i.test(g.unit!)) return null;
    const value = isoDuration(countValue(word), g.unit!);
    return value ? { value, type: 'duration', certain: [] } : null;
  },
};
