// Which way a sentence looks from the publication date: past (reports) or future (plans), for weekdays and bare months.

import type { Sentences, Tags, Tokens } from '../../core/index.js';
import type { Direction } from './types.js';

/** Future cues, including the scheduling present ("the summit opens on Monday"); matched first so "will be held" is not read as the past participle "held". */
const FUTURE = /\b(?:will|won['’]t|shall|['’]ll|would|(?:is|are|was|were)\s+(?:due|scheduled|set|slated|expected|planned|poised|going)\s+to|(?:is|are)\s+(?:due|scheduled|slated|planned|set)\b|plans?\s+to|intends?\s+to|aims?\s+to|expects?|forecasts?|predicts?|projects?\s+that|wants?\s+to|seeks?\s+to|until|to\s+be\s+held|starts|begins|opens|closes|resumes|launches|kicks\s+off|takes\s+place|(?:is|are)\s+held|upcoming|next|coming|tomorrow|later\s+this|expected\s+to|hopes?\s+to|vowed\s+to|promised\s+to|threatened\s+to|deadline|ahead\s+of)\b/gi;
/** Past cues that are not verb forms, or are verbs whose tag may be missing: always read from the text. */
const PAST_WORDS = /\b(?:was|were|had|did|said|told|ago|last|yesterday|earlier|since|previously)\b/gi;
/** Past-tense verb forms, read from the text only when there are no tags (VBD). */
const PAST_FORMS = /\b(?:began|came|went|took|gave|made|held|met|left|fell|rose|won|lost|saw|found|fought|struck|hit|killed|\w{2,}ed)\b/gi;

/** Character spans of sentences: from the NLP layer when it has any, else a plain punctuation split. */
export function sentenceSpans(text: string, sentences: Sentences | undefined): { start: number; end: number }[] {
  if (sentences && sentences.count > 0) return sentences.spans.map((s) => ({ start: s.start, end: s.end }));
  const out: { start: number; end: number }[] = [];
  // Not after abbreviations ("Oct.", "Mr.", "U.S.", "a.m.").
  const BREAK = /(?<!\b[A-Z][a-z]{0,3}|\b(?:[A-Za-z]\.)+[A-Za-z])[.!?]+["”’)]*\s+(?=["“‘(]?[A-Z0-9])|\n+/g;
  let start = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    const end = m.index + m[0].trimEnd().length;
    if (end > start) out.push({ start, end });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

interface Cue { at: number; dir: Direction }

/** Index of the first token starting at or after `offset`. */
function firstTokenFrom(tokens: Tokens, offset: number): number {
  let lo = 0, hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cues of one sentence, from tags when the tagger ran (MD will/shall, VBD), else from the word patterns. */
function cuesOf(text: string, span: { start: number; end: number }, tokens?: Tokens, tags?: Tags): Cue[] {
  const cues: Cue[] = [];
  const sentence = text.slice(span.start, span.end);
  const futureSpans: [number, number][] = [];
  FUTURE.lastIndex = 0;
  for (let m = FUTURE.exec(sentence); m; m = FUTURE.exec(sentence)) {
    cues.push({ at: span.start + m.index, dir: 'future' });
    futureSpans.push([m.index, m.index + m[0].length + 20]);
  }
  const past = (at: number): void => {
    if (!futureSpans.some(([a, b]) => at >= a && at < b)) cues.push({ at: span.start + at, dir: 'past' });
  };
  PAST_WORDS.lastIndex = 0;
  for (let m = PAST_WORDS.exec(sentence); m; m = PAST_WORDS.exec(sentence)) past(m.index);
  if (tokens && tags && tokens.count > 0 && tags.xpos.length === tokens.count) {
    // The tagger knows "armed" and "united" are adjectives; trust its VBD over the -ed pattern.
    for (let i = firstTokenFrom(tokens, span.start); i < tokens.count && tokens.start[i]! < span.end; i++) {
      if (tags.xpos[i] === 'VBD') past(tokens.start[i]! - span.start);
    }
  } else {
    PAST_FORMS.lastIndex = 0;
    for (let m = PAST_FORMS.exec(sentence); m; m = PAST_FORMS.exec(sentence)) past(m.index);
  }
  return cues;
}

/** A direction finder over the document: the cue nearest the offset in its sentence wins (preferring cues before it); undefined when there is none. */
export function directionFinder(text: string, spans: { start: number; end: number }[], tokens?: Tokens, tags?: Tags): (offset: number, within?: number) => Direction | undefined {
  const cache = new Map<number, Cue[]>();
  return (offset: number, within = Infinity): Direction | undefined => {
    let lo = 0, hi = spans.length - 1, si = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.end <= offset) lo = mid + 1;
      else if (spans[mid]!.start > offset) hi = mid - 1;
      else { si = mid; break; }
    }
    if (si < 0) return undefined;
    let cues = cache.get(si);
    if (!cues) { cues = cuesOf(text, spans[si]!, tokens, tags); cache.set(si, cues); }
    let best: Cue | undefined, bestDist = Infinity;
    for (const c of cues) {
      // English puts the verb before its time adjunct ("reported earnings Tuesday and will meet Thursday"): cues after count double.
      const d = c.at <= offset ? offset - c.at : 2 * (c.at - offset);
      if (d < bestDist) { best = c; bestDist = d; }
    }
    return bestDist <= within ? best?.dir : undefined;
  };
}
