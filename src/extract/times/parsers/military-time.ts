// Four-digit clock times ("2020hrs", "0600 GMT", "at 1500 hours"), common in police and military statements.

import { ZONE, ZONES } from '../lexicon.js';
import { before, type TimeParser } from './parser.js';

const PATTERN = new RegExp(String.raw`\b(?<![:.,])(?<hour>[01]\d|2[0-3])(?<minute>[0-5]\d)(?:\s?(?<suffix>hrs|hr|h|hours)|\s(?<zone>${ZONE}))(?![\w])`, 'g');

export const militaryTimeParser: TimeParser = {
  name: 'military-time',
  pattern: PATTERN,
  trigger: /\d{4}\s?(?:h|[A-Z]{1,4}\b)/,
  extract(m, text) {
    const g = m.groups!;
    // "1500 hours" is a duration unless it is clearly a clock reading ("at 1500 hours").
    if (g.suffix === 'hours' && !/\b(?:at|about|around|by|until|from)\s*$/i.test(before(text, m.index, 10))) return null;
    const offset = g.zone ? ZONES[g.zone] : undefined;
    return {
      point: { hour: Number(g.hour), minute: Number(g.minute), precision: 'minute', ...(offset !== undefined ? { offset } : {}) },
      certain: ['hour', 'minute', ...(offset !== undefined ? ['timezone'] : [])],
    };
  },
};
