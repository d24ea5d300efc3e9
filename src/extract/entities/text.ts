// A light, quote-aware view of a document for attribution: paragraphs, quotations, sentences and words (with POS when the tagger ran).

import { tokenAt, type Span, type Tokens, type Tags, type NameMention } from '../../core/index.js';

export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
  /** First letter is upper case (after any "al-"-style particle). */
  readonly cap: boolean;
  /** Universal POS from the tagger, '' when no tagger output covers this word. */
  readonly upos: string;
  /** Index of the quotation that holds the word, or -1. */
  readonly quote: number;
}

export interface Quotation {
  /** From the opening mark to just after the closing mark (or the paragraph's end when it never closes). */
  readonly start: number;
  readonly end: number;
  readonly closed: boolean;
  readonly paragraph: number;
  /** Words inside the marks. */
  readonly words: number;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  readonly index: number;
  readonly words: readonly Word[];
}

export interface TextView {
  readonly text: string;
  readonly paragraphs: readonly Span[];
  readonly quotes: readonly Quotation[];
  readonly sentences: readonly Sentence[];
  readonly names: readonly NameMention[];
}

const OPENERS = new Set(['\u201C', '\u00AB', '\u201E']);
const CLOSERS = new Set(['\u201D', '\u00BB']);
const STRAIGHT = '"';
/** By char code: is it one of the marks above? Lets the scan skip other characters without building strings. */
const QUOTE_MARK = (() => {
  const marks = [...OPENERS, ...CLOSERS, STRAIGHT].map((c) => c.charCodeAt(0));
  const table = new Uint8Array(Math.max(...marks) + 1);
  for (const m of marks) table[m] = 1;
  return table;
})();

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATION = /^(?:mr|mrs|ms|dr|prof|gen|lt|col|sgt|capt|maj|brig|adm|gov|sen|rep|rev|st|jr|sr|no|vs|etc|inc|ltd|co|corp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.s|u\.k|u\.n|[a-z])$/i;

const LETTER = /\p{L}/u;
const UPPER_START = /^[^\p{L}]*(?:(?:al|el|ad|as|an|ibn|bin|abu)-)?\p{Lu}/u;
const WORD_CHARS = String.raw`[\p{L}\p{M}\p{N}]+`;
// Joins "al-Quds", "2,000", "U.S." and web names ("Secunia.com", "Gawker.com"), which news uses as sources.
const WORD_JOINERS = String.raw`(?:[-'\u2019&]|(?<=\p{N})[.,:](?=\p{N})|\.(?=\p{L}\.)|(?<=\p{L})\.(?=(?:com|org|net|gov|edu|info|io)(?![\p{L}\p{N}])))`;
const TOKEN = new RegExp(String.raw`${WORD_CHARS}(?:${WORD_JOINERS}${WORD_CHARS})*\.?|[^\s]`, 'gu');

/** Builds the view; uses the tagger's POS and the NER names when those layers are filled. */
export function viewOf(text: string, layers: { tokens?: Tokens; tags?: Tags; names?: readonly NameMention[] }, header: readonly Span[] = []): TextView {
  const paragraphs = paragraphsOf(text, header);
  const quotes: Quotation[] = [];
  paragraphs.forEach((p, i) => quotesOf(text, p, i, quotes));
  const sentences: Sentence[] = [];
  const tagged = layers.tokens && layers.tags && layers.tokens.count > 0 && layers.tags.upos.length === layers.tokens.count ? { tokens: layers.tokens, upos: layers.tags.upos } : undefined;
  paragraphs.forEach((p, i) => {
    for (const s of sentencesOf(text, p, quotes)) {
      sentences.push({ start: s.start, end: s.end, paragraph: i, index: sentences.length, words: wordsOf(text, s, quotes, tagged) });
    }
  });
  return { text, paragraphs, quotes, sentences, names: layers.names ?? [] };
}

const DATE_HEADER = /^date\s+\d{4}-\d{2}-\d{2}\s*/;

/** Paragraphs are lines: news text uses a line break (blank or not) between paragraphs. The date header and dateline are left out. */
function paragraphsOf(text: string, header: readonly Span[]): Span[] {
  const out: Span[] = [];
  const line = /[^\n]+/g;
  for (let m; (m = line.exec(text)); ) {
    let s = m.index, e = m.index + m[0].length;
    while (s < e && /\s/.test(text[s]!)) s++;
    const d = DATE_HEADER.exec(text.slice(s, e));
    if (d) s += d[0].length;
    for (const h of header) if (h.start <= s + 1 && h.end > s && h.end <= e) { s = h.end; while (s < e && /[\s\-\u2013\u2014:]/.test(text[s]!)) s++; }
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/** Pairs quotation marks in a paragraph; a quotation left open runs to the paragraph's end. */
function quotesOf(text: string, p: Span, paragraph: number, out: Quotation[]): void {
  let open = -1, openMark = '';
  const push = (start: number, end: number, closed: boolean) => {
    const words = (text.slice(start, end).match(/[\p{L}\p{N}]+/gu) ?? []).length;
    if (words > 0) out.push({ start, end, closed, paragraph, words });
  };
  // A quotation left open at the end of the previous paragraph may close in this one without opening again: the
  // paragraph up to that closing mark goes on with it ("… today's game.¶It was a very emotional day … better.\"").
  const prev = out[out.length - 1];
  let carried = prev !== undefined && prev.paragraph === paragraph - 1 && !prev.closed;
  for (let i = p.start; i < p.end; i++) {
    if (QUOTE_MARK[text.charCodeAt(i)] !== 1) continue; // most characters are no quotation mark
    const c = text[i]!;
    const after = i + 1 < p.end ? text[i + 1]! : ' ';
    const before = i > p.start ? text[i - 1]! : ' ';
    if (OPENERS.has(c)) {
      if (open >= 0) push(open, trimEnd(text, i), false);
      open = i; openMark = c;
    } else if (CLOSERS.has(c)) {
      if (open >= 0 && openMark !== STRAIGHT) { push(open, i + 1, true); open = -1; }
      else if (open < 0 && carried && /\S/.test(before)) push(p.start, i + 1, true);
    } else if (c === STRAIGHT) {
      // A straight mark closes any open quotation when no letter follows it ("…community.\"").
      if (open >= 0 && (openMark === STRAIGHT || !LETTER.test(after))) { push(open, i + 1, true); open = -1; }
      else if (open < 0) {
        if (carried && /[\p{L}\p{N}.,!?]/u.test(before) && !LETTER.test(after)) push(p.start, i + 1, true);
        // An opening mark has a word after it: a mark between sentence punctuation and a space closes.
        else if (!LETTER.test(before) && !/\d/.test(before) && !(/[.!?]/.test(before) && /\s/.test(after))) { open = i; openMark = c; }
      }
    }
    carried = false;
  }
  if (open >= 0) push(open, p.end, false);
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function quoteAt(quotes: readonly Quotation[], offset: number): number {
  // Binary search: quotations are sorted and do not overlap.
  let lo = 0, hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    if (q.end <= offset) lo = mid + 1;
    else if (q.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Splits a paragraph at sentence ends, never inside a quotation (a quoted passage stays with its attribution). */
function sentencesOf(text: string, p: Span, quotes: readonly Quotation[]): Span[] {
  const out: Span[] = [];
  let start = p.start;
  for (let i = p.start; i < p.end; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < p.end && (CLOSERS.has(text[j]!) || text[j] === STRAIGHT || text[j] === ')' || text[j] === '\u2019')) j++;
    // A period inside a quotation ends a sentence only where the quotation closes.
    const q = quoteAt(quotes, i);
    if (q >= 0 && quotes[q]!.end > j) continue;
    if (j >= p.end || !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < p.end && /\s/.test(text[k]!)) k++;
    const next = text[k] ?? '';
    if (!(/[\p{Lu}\p{N}]/u.test(next) || OPENERS.has(next) || next === STRAIGHT)) continue;
    if (c === '.') {
      const before = /([\p{L}.]+)\.$/u.exec(text.slice(Math.max(p.start, i - 12), i + 1));
      if (before && ABBREVIATION.test(before[1]!) && !/\.\w\.$/.test(before[0]) ) continue;
    }
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < p.end) out.push({ start, end: p.end });
  return out;
}

/** First letter upper case, looking past an Arabic article prefix ("al-Qaddoumi"). */
function isCapitalized(w: string, low: string): boolean {
  const c = w[0]!;
  if (c !== low[0]) return true;
  if (low.length > 3 && (low[2] === '-' || low[3] === '-')) return UPPER_START.test(w);
  return false;
}

function wordsOf(text: string, s: Span, quotes: readonly Quotation[], tagged?: { tokens: Tokens; upos: readonly string[] }): Word[] {
  const out: Word[] = [];
  const slice = text.slice(s.start, s.end);
  TOKEN.lastIndex = 0;
  for (let m; (m = TOKEN.exec(slice)); ) {
    let w = m[0];
    // Keep a final period only on abbreviations ("Mr.", "p.m."); otherwise it is punctuation.
    if (w.length > 1 && w.endsWith('.') && !ABBREVIATION.test(w.slice(0, -1)) && !/\.\p{L}\.$/u.test(w)) {
      w = w.slice(0, -1);
      TOKEN.lastIndex = m.index + w.length;
    }
    const start = s.start + m.index, end = start + w.length;
    let upos = '';
    if (tagged) {
      const t = tokenAt(tagged.tokens, start);
      if (t >= 0 && tagged.tokens.start[t] === start) upos = tagged.upos[t] ?? '';
    }
    const low = w.toLowerCase();
    out.push({ start, end, text: w, lower: low.includes('\u2019') ? low.replace(/\u2019/g, "'") : low, cap: isCapitalized(w, low), upos, quote: quoteAt(quotes, start) });
  }
  return out;
}
