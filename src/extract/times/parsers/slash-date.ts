// Numeric dates ("8/1/2017", "21.05.2021"): day-month order is read from the publication date when both orders are valid.

import type { TimeParser } from './parser.js';

const PATTERN = /\b(?<![/.,-])(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<year>\d{4}|\d{2})(?![\w/]|[.-]\d)/g;

export const slashDateParser: TimeParser = {
  name: 'numeric-date',
  pattern: PATTERN,
  trigger: /\d[/.-]\d{1,2}[/.-]\d/,
  extract(m) {
    const a = Number(m.groups!.a), b = Number(m.groups!.b);
    let year = Number(m.groups!.year);
    if (m.groups!.year!.length === 2) {
      if (m.groups!.sep !== '/') return null;
      year += year < 50 ? 2000 : 1900;
    }
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
    // Both readings kept; resolution picks the one nearest the publication date (a > 12 forces day-month).
    const dayFirst = { year, month: b, day: a };
    const monthFirst = { year, month: a, day: b };
    const readings = a > 12 ? [dayFirst] : b > 12 ? [monthFirst] : [monthFirst, dayFirst];
    return { point: { ...readings[0]!, precision: 'day', ...(readings.length > 1 ? { alternatives: readings.slice(1) } : {}) }, certain: ['year', 'month', 'day'] };
  },
};
