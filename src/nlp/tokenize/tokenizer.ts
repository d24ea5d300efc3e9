// Splits text into UD/PTB-style tokens with exact character offsets, in one pass over char codes.
//
// Conventions (see docs/models.md): clitics split ("don't" -> do n't, "Hezbollah's" -> Hezbollah 's,
// "cannot" -> can not); punctuation split off; kept whole: abbreviations (U.S., a.m., Gen.),
// hyphenated words (al-Qaddoumi, 14-year-old), numbers (2,000 1.5 23:00 4/13/2011 1990s 21st),
// URLs, e-mails, @handles, #hashtags; a unit or multiplier written onto a number is split off as
// UD EWT does for "11:30am" ("$3bn" -> $ 3 bn, "2:00am" -> 2:00 am, "15%" -> 15 %).

import type { Tokens } from '../../core/index.js';
import { charClasses, LETTER, DIGIT, SPACE, MARK, UPPER, SURROGATE } from './chars.js';
import { TITLE_ABBREVIATIONS, OTHER_ABBREVIATIONS, NUMBER_ABBREVIATIONS, CLITIC_SUFFIXES, FUSED_WORDS, NUMBER_SUFFIXES } from './lexicon.js';

const ALNUM = LETTER | DIGIT;
const WORD = LETTER | DIGIT | MARK;

const C_APOS = 0x27, C_RSQUO = 0x2019, C_DOT = 0x2e, C_COMMA = 0x2c, C_COLON = 0x3a, C_SLASH = 0x2f;
const C_HYPHEN = 0x2d, C_UHYPHEN = 0x2010, C_NBHYPHEN = 0x2011, C_AMP = 0x26, C_AT = 0x40, C_HASH = 0x23;
const C_UNDERSCORE = 0x5f, C_BANG = 0x21, C_QUESTION = 0x3f;

const URL_START = /(?:https?:\/\/|ftp:\/\/|www\.)/iy;
/** Characters a URL does not end with: sentence punctuation and closing quotes after it belong to the text. */
const URL_TRAILING = /[.,;:!?'"”’)\]}>]+$/;
/** Ordinal and decade endings that stay on a number: 1st 2nd 3rd 4th 1990s. */
const NUMBER_ENDING = /^(?:st|nd|rd|th|s)$/i;
/** Letter groups joined by periods, each short: U.S, a.m, e.g, Ph.D, a.k.a. */
const DOTTED_ABBREVIATION = /^\p{L}{1,3}(?:\.\p{L}{1,3})+$/u;
/** Symbols whose runs are one token; quotes and brackets are not among them, each of those is a token. */
const REPEATABLE = new Set(Array.from('_*=~+#^<>/\\|', (ch) => ch.charCodeAt(0)));
/** Leading number of a run: 2,000  1.5  23:00  4/13/2011. */
const LEADING_NUMBER = /^\d+(?:[.,:/]\d+)*/;

/** Growable token buffers; one per tokenize call. */
class TokenBuffer {
  start = new Int32Array(256);
  end = new Int32Array(256);
  count = 0;
  push(s: number, e: number): void {
    if (this.count === this.start.length) {
      const ns = new Int32Array(this.count * 2), ne = new Int32Array(this.count * 2);
      ns.set(this.start); ne.set(this.end);
      this.start = ns; this.end = ne;
    }
    this.start[this.count] = s;
    this.end[this.count++] = e;
  }
}

/** Tokenizes `text`. Offsets are JS string indices into it; the text is never changed. */
export function tokenize(text: string): Tokens {
  const cls = charClasses(text);
  const out = new TokenBuffer();
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    const k = cls[c]!;
    if (k & SPACE) { p++; continue; }
    if (k & ALNUM) p = scanWord(text, p, out, cls);
    else p = scanSymbol(text, p, c, out, cls);
  }
  const count = out.count;
  const start = out.start.slice(0, count), end = out.end.slice(0, count);
  const form = new Array<string>(count);
  const spaceAfter = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    form[i] = text.slice(start[i], end[i]);
    const e = end[i]!;
    spaceAfter[i] = e < n && cls[text.charCodeAt(e)]! & SPACE ? 1 : 0;
  }
  return { count, start, end, form, spaceAfter };
}

/** A word, number, URL or e-mail starting at p (an alphanumeric character); returns the position after it. */
function scanWord(text: string, p: number, out: TokenBuffer, cls: Uint8Array): number {
  const n = text.length;
  URL_START.lastIndex = p;
  if (URL_START.test(text)) return scanUrl(text, p, out, cls);

  // The run: alphanumerics joined by connectors that only join when an alphanumeric follows.
  let q = p;
  let hasApostrophe = false;
  for (;;) {
    while (q < n && cls[text.charCodeAt(q)]! & WORD) q++;
    if (q + 1 >= n) break;
    const ch = text.charCodeAt(q);
    const next = text.charCodeAt(q + 1);
    const nextK = cls[next]!;
    if (!(nextK & ALNUM)) break;
    const prevK = cls[text.charCodeAt(q - 1)]!;
    let join = false;
    switch (ch) {
      case C_HYPHEN: case C_UHYPHEN: case C_NBHYPHEN: case C_DOT: case C_UNDERSCORE: case C_AT:
        join = true; break;
      case C_APOS: case C_RSQUO:
        join = (prevK & LETTER) !== 0 && (nextK & LETTER) !== 0; hasApostrophe ||= join; break;
      case C_COMMA:
        // Thousands grouping only: a digit, then exactly three digits.
        join = (prevK & DIGIT) !== 0 && q + 3 < n + 1 && isDigits(text, q + 1, 3, cls) && !(q + 4 < n && cls[text.charCodeAt(q + 4)]! & DIGIT);
        break;
      case C_COLON: case C_SLASH:
        join = (prevK & DIGIT) !== 0 && (nextK & DIGIT) !== 0; break;
      case C_AMP:
        join = (prevK & UPPER) !== 0 && (nextK & UPPER) !== 0; break;
    }
    if (!join) break;
    q++;
  }

  // A trailing period stays on abbreviations and initials.
  if (q < n && text.charCodeAt(q) === C_DOT && !(q + 1 < n && text.charCodeAt(q + 1) === C_DOT) && keepsPeriod(text, p, q, cls)) {
    out.push(p, q + 1);
    return q + 1;
  }

  if (cls[text.charCodeAt(p)]! & DIGIT) return pushNumberRun(text, p, q, out);
  if (hasApostrophe && splitClitic(text, p, q, out)) return q;
  if (q - p <= 7 && q - p >= 4) {
    const fused = FUSED_WORDS.get(text.slice(p, q).toLowerCase());
    if (fused) {
      let s = p;
      for (const cut of fused) { out.push(s, p + cut); s = p + cut; }
      out.push(s, q);
      return q;
    }
  }
  out.push(p, q);
  return q;
}

function isDigits(text: string, at: number, len: number, cls: Uint8Array): boolean {
  if (at + len > text.length) return false;
  for (let i = at; i < at + len; i++) if (!(cls[text.charCodeAt(i)]! & DIGIT)) return false;
  return true;
}

/** Whether the word [p, q) keeps the period that follows it. */
function keepsPeriod(text: string, p: number, q: number, cls: Uint8Array): boolean {
  if (q - p === 1) return (cls[text.charCodeAt(p)]! & LETTER) !== 0; // an initial: "J. R. R. Tolkien"
  const word = text.slice(p, q);
  if (TITLE_ABBREVIATIONS.has(word) || OTHER_ABBREVIATIONS.has(word)) return true;
  if (NUMBER_ABBREVIATIONS.has(word)) {
    let r = q + 1;
    while (r < text.length && cls[text.charCodeAt(r)]! & SPACE) r++;
    return r < text.length && (cls[text.charCodeAt(r)]! & DIGIT) !== 0;
  }
  return DOTTED_ABBREVIATION.test(word);
}

/** Splits a final clitic ('s n't 're ...) off a word; false when there is none. */
function splitClitic(text: string, p: number, q: number, out: TokenBuffer): boolean {
  const lower = text.slice(Math.max(p, q - 3), q).toLowerCase().replace('’', "'");
  for (const suffix of CLITIC_SUFFIXES) {
    if (q - p > suffix.length && lower.endsWith(suffix)) {
      out.push(p, q - suffix.length);
      out.push(q - suffix.length, q);
      return true;
    }
  }
  return false;
}

/** A run that starts with a digit: a number, maybe with a unit or multiplier written onto it. */
function pushNumberRun(text: string, p: number, q: number, out: TokenBuffer): number {
  const run = text.slice(p, q);
  const m = LEADING_NUMBER.exec(run)!;
  const numEnd = p + m[0].length;
  if (numEnd < q) {
    const rest = text.slice(numEnd, q);
    // "2:00a.m." : the unit keeps its period.
    const withPeriod = q < text.length && text.charCodeAt(q) === C_DOT && NUMBER_SUFFIXES.has(rest) && rest.includes('.');
    if (!NUMBER_ENDING.test(rest) && NUMBER_SUFFIXES.has(rest)) {
      out.push(p, numEnd);
      out.push(numEnd, withPeriod ? q + 1 : q);
      return withPeriod ? q + 1 : q;
    }
  }
  out.push(p, q);
  return q;
}

/** A URL: up to white space, less the punctuation that closes the sentence or a bracket opened before it. */
function scanUrl(text: string, p: number, out: TokenBuffer, cls: Uint8Array): number {
  let q = p;
  while (q < text.length && !(cls[text.charCodeAt(q)]! & SPACE)) q++;
  let url = text.slice(p, q);
  const trail = URL_TRAILING.exec(url);
  if (trail) {
    let cut = trail[0].length;
    // Keep a closing parenthesis the URL itself opened (Wikipedia links).
    if (url.includes('(') && trail[0].startsWith(')')) cut = trail[0].length - 1;
    url = url.slice(0, url.length - cut);
  }
  out.push(p, p + url.length);
  return p + url.length;
}

/** Punctuation, symbols, handles, hashtags and lone clitics starting at p. */
function scanSymbol(text: string, p: number, c: number, out: TokenBuffer, cls: Uint8Array): number {
  const n = text.length;
  let q = p + 1;
  switch (c) {
    case C_DOT:
      while (q < n && text.charCodeAt(q) === C_DOT) q++;
      if (q === p + 1 && q < n && cls[text.charCodeAt(q)]! & DIGIT && (p === 0 || cls[text.charCodeAt(p - 1)]! & SPACE)) {
        // ".5": a number without its leading zero.
        while (q < n && cls[text.charCodeAt(q)]! & DIGIT) q++;
      }
      break;
    case C_HYPHEN:
      while (q < n && text.charCodeAt(q) === C_HYPHEN) q++;
      break;
    case C_BANG: case C_QUESTION:
      while (q < n && (text.charCodeAt(q) === C_BANG || text.charCodeAt(q) === C_QUESTION)) q++;
      break;
    case C_AT: case C_HASH:
      // @handle, #hashtag
      if (q < n && cls[text.charCodeAt(q)]! & (c === C_HASH ? LETTER : ALNUM)) {
        while (q < n && (cls[text.charCodeAt(q)]! & WORD || text.charCodeAt(q) === C_UNDERSCORE)) q++;
      }
      break;
    case C_APOS: case C_RSQUO: {
      // A clitic written apart ("Jones 's"), or a decade ("'90s"); otherwise a quote mark.
      let r = q;
      while (r < n && cls[text.charCodeAt(r)]! & ALNUM) r++;
      if (r > q && (r === n || !(cls[text.charCodeAt(r)]! & ALNUM))) {
        const tail = "'" + text.slice(q, r).toLowerCase();
        if (CLITIC_SUFFIXES.includes(tail) || /^'\d\ds?$/.test(tail)) q = r;
      }
      break;
    }
    default:
      if (cls[c]! & SURROGATE && q < n && cls[text.charCodeAt(q)]! & SURROGATE) q++;
      // A rule or decoration drawn with one repeated symbol ("_____", "***", "===") is one token.
      else if (REPEATABLE.has(c)) while (q < n && text.charCodeAt(q) === c) q++;
  }
  // Combining marks, variation selectors and joiners stay with the symbol they follow.
  while (q < n && cls[text.charCodeAt(q)]! & MARK) q++;
  out.push(p, q);
  return q;
}
