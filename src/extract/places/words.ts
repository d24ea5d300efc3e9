// The places layer's own word split: the same rule cuts gazetteer names and article text, so their token keys meet.

/** Parts of a word token, named. */
const ABBREVIATION = String.raw`(?:\p{L}\.){2,}`; // U.S., D.C., U.A.E.
const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:['’](?!s(?![\p{L}\p{M}]))[\p{L}\p{M}]+)*`; // Sana'a, O'Hare; not the possessive 's
const PUNCT = String.raw`[^\s\p{L}\p{M}\p{N}]`;
const TOKEN = new RegExp(`${ABBREVIATION}|${WORD}|${PUNCT}`, 'gu');

export interface WordTokens {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly form: string[];
}

/** Splits text into word and punctuation tokens with their offsets. */
export function splitWords(text: string): WordTokens {
  const starts: number[] = [], ends: number[] = [], form: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    form.push(m[0]);
  }
  return { count: form.length, start: Int32Array.from(starts), end: Int32Array.from(ends), form };
}

/** A gazetteer name as folded tokens, case kept: "Şanlıurfa" -> ["Sanliurfa"]. */
export function nameTokens(name: string): string[] {
  if (SIMPLE_NAME.test(name)) return name.split(' '); // most names: plain ASCII words, no need for the full split
  return (name.match(TOKEN) ?? []).map(fold);
}
const SIMPLE_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/** Strips diacritics and unifies apostrophes so 'Viña' meets 'Vina' and ’ meets '. */
export function fold(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/ı/g, 'i').replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L')).replace(/ø/g, 'o').replace(/đ/g, 'd').replace(/[’‘`]/g, "'");
}

/** The index key of a token sequence: folded, upper-cased, space-joined. */
export function foldKey(tokens: readonly string[]): string {
  return tokens.join(' ').toUpperCase();
}

export const isCapitalized = (w: string): boolean => /^\p{Lu}/u.test(w);
export const isAllCaps = (w: string): boolean => /^[\p{Lu}\p{N}.]+$/u.test(w) && /\p{Lu}/u.test(w);
export const isWord = (w: string): boolean => /^[\p{L}\p{N}]/u.test(w);
