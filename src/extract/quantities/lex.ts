// A small character-exact lexer for the quantities scanner: numbers, words and single punctuation marks in flat arrays.

/** Token kinds. */
export const NUM = 1, WORD = 2, PUNCT = 3;

/**
 * Tokens, in the order tried: digits with thousands separators ("2,300,000") or plain digits, each with an
 * optional decimal part ("7.8"); letters with inner apostrophes ("country's", "o'clock"); any other single
 * non-space character. A hand-written scanner rather than one regex, to allocate nothing per token but its form.
 */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const LETTER = /\p{L}/u;
const isLetter = (text: string, i: number, c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000 ? LETTER.test(text[i]!) : c >= 0x2000 && LETTER.test(String.fromCodePoint(text.codePointAt(i)!)));
const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** End of the digits token starting at i. */
function digitsEnd(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && isDigit(text.charCodeAt(j))) j++;
  if (j - i <= 3) {
    // thousands groups: ",ddd" repeated
    while (j + 3 < to && text.charCodeAt(j) === 44 && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2)) && isDigit(text.charCodeAt(j + 3))) j += 4;
  }
  if (j + 1 < to && text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
    j += 1;
    while (j < to && isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/** End of the letters token starting at i. */
function lettersEnd(text: string, i: number, to: number): number {
  let j = i;
  for (;;) {
    while (j < to) {
      const c = text.charCodeAt(j);
      if (!isLetter(text, j, c)) break;
      j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    const a = text.charCodeAt(j);
    if (j + 1 < to && (a === 39 || a === 0x2019) && isLetter(text, j + 1, text.charCodeAt(j + 1))) { j++; continue; }
    return j;
  }
}

export interface Lexed {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  /** 0: no space before the token; 1: spaces; 2: a line break before it. */
  readonly gap: Uint8Array;
  /** Lower-cased surface form. */
  readonly lower: readonly string[];
}

/** Lexes `text[from, to)`, or only the given [from, to) ranges (in order); a token opening a range counts as after a line break. */
export function lex(text: string, from = 0, to = text.length, ranges?: readonly (readonly [number, number])[]): Lexed {
  const start: number[] = [], end: number[] = [], kind: number[] = [], gap: number[] = [], lower: string[] = [];
  for (const [a, b] of ranges ?? [[from, to] as const]) {
    let prevEnd = a, opening = start.length > 0, i = a;
    while (i < b) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) { i++; continue; }
      let e: number, k: number;
      if (isDigit(c)) { e = digitsEnd(text, i, b); k = NUM; }
      else if (isLetter(text, i, c)) { e = lettersEnd(text, i, b); k = WORD; }
      else { e = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < b ? 2 : 1); k = PUNCT; }
      start.push(i); end.push(e); kind.push(k);
      if (opening) { gap.push(2); opening = false; }
      else if (i === prevEnd) gap.push(0);
      else {
        // A line break in the gap (scanned within it: an indexOf could run on through a text without line breaks).
        let nl = false;
        for (let k = prevEnd; k < i && !nl; k++) if (text.charCodeAt(k) === 10) nl = true;
        gap.push(nl ? 2 : 1);
      }
      const form = text.slice(i, e).toLowerCase();
      lower.push(k === WORD && form.includes('’') ? form.replace(/’/g, "'") : form);
      prevEnd = e;
      i = e;
    }
  }
  return { count: start.length, start: Int32Array.from(start), end: Int32Array.from(end), kind: Uint8Array.from(kind), gap: Uint8Array.from(gap), lower };
}

/** A lexicon phrase as the lower-cased token forms the lexer would produce. */
export function lexPhrase(phrase: string): string[] {
  return lex(phrase).lower.slice();
}
