// Character classes for the tokenizer and sentence splitter: one table lookup per UTF-16 code unit.

export const LETTER = 1;
export const DIGIT = 2;
export const SPACE = 4;
/** Combining marks and joiners: they continue the word they follow. */
export const MARK = 8;
export const UPPER = 16;
export const LOWER = 32;
/** UTF-16 surrogate halves: a pair is one symbol (emoji, rare letters). */
export const SURROGATE = 64;

const table = new Uint8Array(0x10000);
/** Which 256-code-unit blocks of the table are filled: blocks are classified on first sight (about 0.1 ms each). */
const ready = new Uint8Array(0x100);

const LETTER_RE = /\p{L}/u, DIGIT_RE = /\p{Nd}/u, SPACE_RE = /\s/u, MARK_RE = /[\p{M}\u200c\u200d]/u, UPPER_RE = /\p{Lu}|\p{Lt}/u, LOWER_RE = /\p{Ll}/u;

function fillBlock(block: number): void {
  for (let c = block << 8, end = c + 256; c < end; c++) {
    if (c >= 0xd800 && c <= 0xdfff) { table[c] = SURROGATE; continue; }
    const ch = String.fromCharCode(c);
    let bits = 0;
    if (LETTER_RE.test(ch)) bits |= LETTER;
    if (DIGIT_RE.test(ch)) bits |= DIGIT;
    // Zero-width spaces and the BOM separate words without showing; a soft hyphen sits inside a word.
    if (SPACE_RE.test(ch) || c === 0xfeff || c === 0x200b || c === 0x2060) bits |= SPACE;
    if (MARK_RE.test(ch) || c === 0x00ad) bits |= MARK;
    if (UPPER_RE.test(ch)) bits |= UPPER;
    if (LOWER_RE.test(ch)) bits |= LOWER;
    table[c] = bits;
  }
  ready[block] = 1;
}

/**
 * The class bits of every UTF-16 code unit of `text` (and of ASCII/Latin-1 always): call with the text
 * before looking its characters up, so the blocks it uses are filled.
 */
export function charClasses(text = ''): Uint8Array {
  if (!ready[0]) fillBlock(0);
  for (let i = 0; i < text.length; i++) {
    const b = text.charCodeAt(i) >> 8;
    if (!ready[b]) fillBlock(b);
  }
  return table;
}
