// ISO 8601 dates and date-times in running text ("2021-05-24", "2021-05-24T14:00Z").

import type { TimeParser } from './parser.js';

const PATTERN = /\b(?<![/.-])(?<year>(?:1[89]|20)\d{2})-(?<month>0[1-9]|1[0-2])-(?<day>0[1-9]|[12]\d|3[01])(?:[T ](?<hour>[01]\d|2[0-3]):(?<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?<zone>Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?(?![\w-])/g;

function offsetOf(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  if (zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

export const isoDateParser: TimeParser = {
  name: 'iso-date',
  pattern: PATTERN,
  trigger: /\d{4}-\d\d-\d\d/,
  extract(m) {
    const g = m.groups!;
    const date = { year: Number(g.year), month: Number(g.month), day: Number(g.day) };
    if (!g.hour) return { point: { ...date, precision: 'day' }, certain: ['year', 'month', 'day'] };
    const offset = offsetOf(g.zone);
    return {
      point: { ...date, hour: Number(g.hour), minute: Number(g.minute), precision: 'minute', ...(offset !== undefined ? { offset } : {}) },
      certain: ['year', 'month', 'day', 'hour', 'minute', ...(offset !== undefined ? ['timezone'] : [])],
    };
  },
};
