// Reads the publication date and dateline place from the head of a text: a `date YYYY-MM-DD`
// header, and classic datelines ("GAZA CITY, May 21 (Reuters) -", "TEHRAN -", "WASHINGTON (AP) —").

import type { Span } from '../core/index.js';

export interface DatelineInfo {
  published?: string;
  publishedSpan?: Span;
  publishedFrom?: 'header' | 'dateline';
  place?: { name: string; span: Span };
  /** The whole dateline, from the place to the dash. */
  span?: Span;
  /** The title: the rest of the header line when it is short and is not a dateline paragraph. */
  title?: { text: string; span: Span };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const HEADER = /^[ \t\uFEFF]*date[ \t]+(?<date>\d{4}-\d{2}-\d{2})(?=\s|$)/;

// Named parts of a classic dateline. PLACE is upper case ("GAZA CITY", "SAN JUAN, Puerto Rico" keeps the region).
const PLACE_WORD = String.raw`[A-Z][A-Z.'’\-]*[A-Z.]`;
const PLACE = String.raw`(?<place>${PLACE_WORD}(?:[ ][A-Z][A-Z.'’\-]*[A-Z.])*)`;
const REGION = String.raw`(?:,[ ](?<region>[A-Z][a-z.]+(?:[ ][A-Z][a-z.]+)*))?`;
const MONTH = String.raw`(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DATE = String.raw`(?:,[ ]${MONTH}[ ](?<day>\d{1,2})(?:,[ ](?<year>\d{4}))?)?`;
const AGENCY = String.raw`(?:[ ]?\((?<agency>[A-Za-z][A-Za-z .&/-]{0,30})\))?`;
const DASH = String.raw`[ ]*(?:--|[-–—:])[ ]`;
const CLASSIC = new RegExp(String.raw`^${PLACE}${REGION}${DATE}${AGENCY}${DASH}`);

function validDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
}

/** Reads the head of `text`. Offsets are into `text` itself. */
export function readDateline(text: string): DatelineInfo {
  const info: DatelineInfo = {};
  let pos = 0;
  const header = HEADER.exec(text);
  if (header?.groups?.date && validDate(header.groups.date)) {
    const start = header.index + header[0].indexOf(header.groups.date);
    info.published = header.groups.date;
    info.publishedSpan = { start, end: start + 10 };
    info.publishedFrom = 'header';
    pos = header[0].length;
  }
  // The dateline sits at the start of the body: right after the header, or at the start of one of the first lines.
  const lineStarts = [pos];
  for (let i = pos, lines = 0; i < text.length && lines < 4; i++) {
    if (text[i] === '\n') { lineStarts.push(i + 1); lines++; }
  }
  for (const ls of lineStarts) {
    let s = ls;
    while (s < text.length && (text[s] === ' ' || text[s] === '\t' || text[s] === '\r' || text[s] === '\n')) s++;
    const m = CLASSIC.exec(text.slice(s, s + 200));
    if (!m?.groups?.place || m.groups.place.replace(/[^A-Z]/g, '').length < 2) continue;
    const name = m.groups.place;
    info.place = { name, span: { start: s, end: s + name.length } };
    info.span = { start: s, end: s + m[0].trimEnd().length };
    if (m.groups.month && m.groups.day) {
      const month = MONTHS.indexOf(m.groups.month.slice(0, 3).toLowerCase()) + 1;
      const year = m.groups.year ? Number(m.groups.year) : info.published ? Number(info.published.slice(0, 4)) : undefined;
      const iso = year ? `${year}-${String(month).padStart(2, '0')}-${m.groups.day.padStart(2, '0')}` : undefined;
      if (!info.published && iso && validDate(iso)) {
        const ds = s + m[0].indexOf(m.groups.month);
        const dateText = m.groups.year ? `, ${m.groups.year}` : '';
        info.published = iso;
        info.publishedSpan = { start: ds, end: ds + m.groups.month.length + 1 + m.groups.day.length + dateText.length + (m[0].slice(ds - s).startsWith(m.groups.month + '.') ? 1 : 0) };
        info.publishedFrom = 'dateline';
      }
    }
    break;
  }
  // A short remainder of the header line, not itself a dateline paragraph, is the title (the Wikinews layout).
  if (header) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const start = pos + (text.slice(pos, lineEnd).length - text.slice(pos, lineEnd).trimStart().length);
    const title = text.slice(start, lineEnd).trimEnd();
    if (title && nl >= 0 && title.length <= 200 && !(info.span && info.span.start === start)) {
      info.title = { text: title, span: { start, end: start + title.length } };
    }
  }
  return info;
}
