// The times layer: every time expression, normalized to ISO 8601 against the publication date (issue 5).

import { annotationId, provenance, type NameMention, type Sentences, type Stage, type Tags, type Tokens } from '../../core/index.js';
import type { Time } from '../../schema/index.js';
import { parseDay } from './calendar.js';
import { chronoCandidates } from './chrono.js';
import { MONTH_NAME } from './lexicon.js';
import { runParsers, type TimeParser } from './parsers/parser.js';
import { isoDateParser } from './parsers/iso-date.js';
import { slashDateParser } from './parsers/slash-date.js';
import { militaryTimeParser } from './parsers/military-time.js';
import { noonMidnightParser } from './parsers/noon-midnight.js';
import { weekdayParser } from './parsers/weekday.js';
import { monthParser } from './parsers/month.js';
import { yearParser } from './parsers/year.js';
import { decadeParser } from './parsers/decade.js';
import { centuryParser } from './parsers/century.js';
import { quarterParser } from './parsers/quarter.js';
import { periodParser } from './parsers/period.js';
import { partOfPeriodParser } from './parsers/part-of-period.js';
import { agoParser } from './parsers/ago.js';
import { dayAnaphoraParser } from './parsers/day-anaphora.js';
import { partOfDayParser } from './parsers/part-of-day.js';
import { hyphenatedDurationParser } from './durations/hyphenated.js';
import { countedDurationParser } from './durations/counted.js';
import { pastUnitDurationParser } from './durations/past-unit.js';
import { REFINERS } from './refiners.js';
import { resolveAll } from './resolve.js';
import { directionFinder, sentenceSpans } from './tense.js';
import type { Candidate } from './types.js';

export const STAGE_NAME = 'times.v1';

/** Our own parsers; each is one file under parsers/ or durations/. Order does not matter: overlaps are settled by refiners. */
export const PARSERS: readonly TimeParser[] = [
  isoDateParser, slashDateParser, militaryTimeParser, weekdayParser, monthParser, yearParser, decadeParser, centuryParser,
  periodParser, partOfPeriodParser, quarterParser, agoParser, dayAnaphoraParser, partOfDayParser, noonMidnightParser,
  hyphenatedDurationParser, countedDurationParser, pastUnitDurationParser,
];

/** Lines worth chrono's time: a month name, a clock time, or yesterday/today/tomorrow. chrono is the slow part. */
const CHRONO_TRIGGER = new RegExp(String.raw`${MONTH_NAME}|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|last night)\b|\d\s?(?:[ap]\.?m\b|[AP]M\b)|\b\d{1,2}[:.][0-5]\d\b`);

/** The text's non-empty lines (news paragraphs). */
function lines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    if (i > start) out.push({ start, end: i });
    start = i + 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** Longest line chrono reads whole; longer ones (text without line breaks) are read sentence by sentence. */
const MAX_CHRONO_LINE = 4000;

/** What chrono reads: whole lines, so a sentence split after "a.m." or "Oct." cannot cut a date in two; long lines in pieces. */
function chronoWindows(text: string, sentences: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // Lines come in text order; with sentences sorted by start too, each long line's sentences are found from a moving first index.
  let sorted = true;
  for (let i = 1; i < sentences.length && sorted; i++) if (sentences[i]!.start < sentences[i - 1]!.start) sorted = false;
  let first = 0;
  for (const line of lines(text)) {
    if (line.end - line.start <= MAX_CHRONO_LINE) { out.push(line); continue; }
    if (sorted) while (first < sentences.length && sentences[first]!.start < line.start) first++;
    for (let si = sorted ? first : 0; si < sentences.length; si++) {
      const s = sentences[si]!;
      if (sorted && s.start >= line.end) break;
      if (s.start < line.start || s.end > line.end) continue;
      // chrono copies the rest of its input after every match, so even one sentence is cut to size (at a space).
      for (let start = s.start; start < s.end;) {
        let end = Math.min(s.end, start + MAX_CHRONO_LINE);
        if (end < s.end) {
          // The last space at or before `end`, looked for only as far back as it would be used (no scan to the text's start).
          for (let k = Math.min(end, text.length - 1); k > start + MAX_CHRONO_LINE / 2; k--) if (text.charCodeAt(k) === 32) { end = k; break; }
        }
        out.push({ start, end });
        start = end;
      }
    }
  }
  return out;
}

export type TimeLayers = {
  tokens: Tokens;
  sentences: Sentences;
  tags: Tags;
  names: readonly NameMention[];
};

/** The times of one text; `published` is YYYY-MM-DD or undefined (then only absolute values are emitted). */
export function findTimes(
  text: string,
  published: string | undefined,
  layers: Partial<TimeLayers> = {},
  publishedSpan?: { start: number; end: number },
): Time[] {
  const pub = parseDay(published);
  const spans = sentenceSpans(text, layers.sentences);
  const candidates: Candidate[] = runParsers(PARSERS, text);
  const reference = new Date((pub ?? Date.UTC(2000, 0, 1)) + 12 * 3_600_000);
  for (const line of chronoWindows(text, spans)) {
    const para = text.slice(line.start, line.end);
    if (CHRONO_TRIGGER.test(para)) candidates.push(...chronoCandidates(para, line.start, reference));
  }
  if (publishedSpan && published && pub !== undefined) {
    candidates.push({ start: publishedSpan.start, end: publishedSpan.end, rule: 'header', value: published, type: 'date', certain: ['year', 'month', 'day'] });
  }
  let refined = candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const ctx = { text, names: layers.names ?? [] };
  for (const refine of REFINERS) refined = refine(refined, ctx);
  const resolved = resolveAll(refined, {
    text,
    ...(pub !== undefined ? { published: pub } : {}),
    directionAt: directionFinder(text, spans, layers.tokens, layers.tags),
  });
  return resolved.map((r, i) => ({
    id: annotationId('t', i),
    start: r.start,
    end: r.end,
    value: r.value,
    type: r.type,
    ...(r.certain.length ? { certain: r.certain } : {}),
    provenance: provenance(STAGE_NAME, r.rule),
  }));
}

export const timesStage: Stage<TimeLayers, { times: Time[] }> = {
  name: STAGE_NAME,
  requires: ['tokens', 'sentences', 'tags', 'names'],
  produces: ['times'],
  run: (doc, layers) => ({ times: findTimes(doc.text, doc.meta.published, layers, doc.meta.publishedSpan) }),
  empty: () => ({ times: [] }),
};
