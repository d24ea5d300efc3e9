// Splits a tokenized text into sentences and paragraphs: terminal punctuation, abbreviations, quotes and line breaks.
//
// A sentence ends after . ! ? or an ellipsis (with the closing quotes and brackets attached to it) when the
// next token starts a sentence: a capital or digit, or an opening quote before one. After an abbreviation
// that keeps its period ("U.S.", "a.m.", "J.") only a clear sentence starter ("The", "He", "But") ends it,
// and never after a title ("Gen.", "Dr."). Every line break ends a sentence and a paragraph, except a single
// line break inside a paragraph of hard-wrapped text (a text that separates paragraphs by blank lines,
// where the line goes on in lower case).

import type { Sentences, Span, Tokens } from '../../core/index.js';
import { charClasses, DIGIT, LETTER, LOWER, UPPER } from './chars.js';
import { SENTENCE_STARTERS, TITLE_ABBREVIATIONS } from './lexicon.js';

/** Words that, after a quoted exclamation or question, show the quote goes on ("“Stop!” Smith said."). */
const SPEECH_VERBS = new Set(['said', 'says', 'asked', 'asks', 'added', 'adds', 'told', 'tells', 'wrote', 'writes', 'replied', 'replies', 'shouted', 'cried', 'yelled', 'exclaimed', 'insisted', 'warned', 'declared']);

const BLANK_LINE = /\n[ \t\r\f\v\u00a0]*\n/;
/** Closing marks that stay with the sentence whose end they follow. */
const CLOSERS = new Set(['"', '”', "'", '’', ')', ']', '}', '»', '›', "''"]);
/** Opening marks that may stand before the first word of a sentence. */
const OPENERS = new Set(['"', '“', "'", '‘', '(', '[', '{', '«', '‹', '-', '–', '—', '•', '*', '¿', '¡', '``']);
/** Numbers and letters that label list items. */
const LIST_MARKER = /^(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})$/;
/** Terminals that end a sentence even before a lower-case word (not "!": Yahoo!, Jeopardy!); so do runs like "!!!" and "?!". */
const LOWERCASE_AFTER = new Set(['.', '?']);
/** Tokens that end a sentence by themselves. */
const TERMINAL = /^(?:[.!?…‼⁇⁈⁉。]+)$/;

export interface SentenceOptions {
  /** Character offsets where a sentence must start (the title after a `date` header, say). */
  breaksAt?: readonly number[];
}

/** Groups tokens into sentences with spans and paragraph indices. */
export function splitSentences(text: string, tokens: Tokens, options: SentenceOptions = {}): Sentences {
  const cls = charClasses(text);
  const n = tokens.count;
  const { start, end, form, spaceAfter } = tokens;
  const wrapped = isHardWrapped(text);
  const forced = new Set(options.breaksAt ?? []);
  /** In hard-wrapped text only blank lines separate paragraphs; elsewhere every line is one. */
  const newParagraph = (lines: number) => lines >= 2 || !wrapped;

  const tokenStart: number[] = [], tokenEnd: number[] = [], paragraphs: number[] = [];
  let sentStart = 0, paragraph = 0;
  const close = (endToken: number) => {
    tokenStart.push(sentStart); tokenEnd.push(endToken); paragraphs.push(paragraph);
    sentStart = endToken;
  };
  const firstClass = (t: number) => cls[form[t]!.charCodeAt(0)]!;
  /** The first word of the sentence token t would open: t itself, or the word after opening marks. */
  const wordAfterOpeners = (t: number): number => {
    let w = t;
    while (w < n - 1 && OPENERS.has(form[w]!) && newlinesBetween(text, end[w]!, start[w + 1]!) === 0) w++;
    return w;
  };

  for (let i = 0; i < n; i++) {
    if (i === n - 1) { close(n); break; }
    const lines = newlinesBetween(text, end[i]!, start[i + 1]!);
    if (lines > 0) {
      const soft = lines === 1 && wrapped && !endsClause(form[i]!) && (firstClass(i + 1) & LOWER) !== 0;
      if (!soft) { close(i + 1); if (newParagraph(lines)) paragraph++; }
      continue;
    }
    if (forced.has(start[i + 1]!)) { close(i + 1); continue; }

    const f = form[i]!;
    const abbreviation = !TERMINAL.test(f) && f.length > 1 && f.charCodeAt(f.length - 1) === 0x2e && (cls[f.charCodeAt(0)]! & LETTER) !== 0;
    if (!abbreviation && !TERMINAL.test(f)) continue;
    // The period of a list number or letter opening a line ("1. Matter is ...") ends nothing.
    if (f === '.' && i === sentStart + 1 && LIST_MARKER.test(form[i - 1]!)) continue;

    // Closing quotes and brackets written right after the terminal stay with this sentence.
    let j = i;
    while (j + 1 < n && CLOSERS.has(form[j + 1]!) && spaceAfter[j] === 0 && !(j + 2 < n && spaceAfter[j + 1] === 0 && (cls[form[j + 2]!.charCodeAt(0)]! & (LETTER | DIGIT)) !== 0)) j++;
    // A citation mark after the period ("... bias. [11]") stays with the sentence it cites for.
    if (j + 1 < n && form[j + 1] === '[' && spaceAfter[j] === 1) j = citationEnd(form, j + 1, n) ?? j;
    if (j + 1 >= n) { close(n); break; }
    const linesAfter = newlinesBetween(text, end[j]!, start[j + 1]!);
    if (linesAfter > 0) { close(j + 1); if (newParagraph(linesAfter)) paragraph++; i = j; continue; }

    const k = j + 1;
    const w = wordAfterOpeners(k);
    const wClass = firstClass(w);
    let ends: boolean;
    // An abbreviation with a quote or bracket closed after it ends its sentence like a period does.
    if (abbreviation && j === i) {
      const bare = f.slice(0, -1);
      ends = !TITLE_ABBREVIATIONS.has(bare) && (SENTENCE_STARTERS.has(form[w]!) || (w > k && (wClass & UPPER) !== 0));
    } else {
      ends = (wClass & (UPPER | DIGIT)) !== 0
        // Web and chat text starts sentences in lower case; a bare period or ?/! before a lower-case word still ends one.
        || ((LOWERCASE_AFTER.has(f) || (f.length > 1 && f[0] !== '.')) && j === i && w === k && spaceAfter[i] === 1 && (wClass & LOWER) !== 0);
      // "“Stop!” Smith said." goes on: a quoted ! or ? followed by a name and a speech verb.
      if (ends && j > i && f !== '.' && w === k && k + 1 < n && SPEECH_VERBS.has(form[k + 1]!)) ends = false;
    }
    if (ends) { close(k); }
    i = j;
  }

  const count = tokenStart.length;
  const spans: Span[] = new Array(count);
  for (let s = 0; s < count; s++) spans[s] = { start: start[tokenStart[s]!]!, end: end[tokenEnd[s]! - 1]! };
  return {
    count,
    tokenStart: Int32Array.from(tokenStart),
    tokenEnd: Int32Array.from(tokenEnd),
    spans,
    paragraph: Int32Array.from(paragraphs),
  };
}

/**
 * Whether the text is hard-wrapped: paragraphs separated by blank lines, and lines inside them that
 * often go on in lower case after a line that does not close a clause (e-mail, wire copy at 72 columns).
 */
function isHardWrapped(text: string): boolean {
  if (!BLANK_LINE.test(text)) return false;
  const lines = text.split('\n');
  let joined = 0, continued = 0;
  for (let l = 0; l + 1 < lines.length; l++) {
    const line = lines[l]!.trimEnd(), next = lines[l + 1]!.trimStart();
    if (!line || !next) continue;
    joined++;
    if (!endsClause(line) && /^\p{Ll}/u.test(next)) continued++;
  }
  return continued >= 2 && continued >= 0.3 * joined;
}

/** Number of line breaks in the white space [from, to). */
function newlinesBetween(text: string, from: number, to: number): number {
  let lines = 0;
  for (let p = from; p < to; p++) if (text.charCodeAt(p) === 10) lines++;
  return lines;
}

/** Whether a line ending in this token closes a clause, so a line break after it is a real break. */
function endsClause(form: string): boolean {
  const last = form[form.length - 1]!;
  return TERMINAL.test(last) || last === ':' || CLOSERS.has(last);
}

/** The index of the `]` closing a numeric citation mark opened at `open` ("[3]", "[1 - 3]", "[2, 5]"), or undefined. */
function citationEnd(form: readonly string[], open: number, n: number): number | undefined {
  for (let t = open + 1; t < n && t < open + 8; t++) {
    const f = form[t]!;
    if (f === ']') return t > open + 1 ? t : undefined;
    if (!/^(?:\d+|[-–,])$/.test(f)) return undefined;
  }
  return undefined;
}
