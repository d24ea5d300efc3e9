// Hashed features of the part-of-speech tagger: one token in its sentence plus the two tags predicted before it.
//
// Features come in groups by what they depend on, so the run-time tagger can sum most of them once and reuse
// the sums (src/nlp/tagger/tagger.ts):
// - word features: the token's own form (word, form, affixes, shape, ambiguity classes of the word and form);
// - neighbour features: one neighbouring word alone, in one role (previous, second previous, next, second next);
// - tag features: the two previous predicted tags alone (and the bias);
// - tag-word features: the previous tag with the token's word, suffix and ambiguity class;
// - cross features: everything else (word pairs, the previous tag with the next word, the first word, the
//   sentence's casing with the word, the first pass's tags when stacked).
// Training (scripts/train-tagger.ts) calls `extract`, the union of the groups, so the two cannot drift.

import { hashString, mix, mix3 } from '../learn/hash.js';

/** Feature templates; a feature id is mix(template, value). Changing these requires retraining. */
const F = {
  BIAS: 1, WORD: 2, FORM: 3, SUF1: 4, SUF2: 5, SUF3: 6, SUF4: 7, PRE1: 8, PRE2: 9, PRE3: 10, PRE4: 11, SHAPE: 12,
  T1: 13, T2T1: 14, T1WORD: 15, PREV_WORD: 16, PREV_SUF3: 17, PREV2_WORD: 18, NEXT_WORD: 19, NEXT_SUF3: 20,
  NEXT2_WORD: 21, PREV_WORD_WORD: 22, WORD_NEXT_WORD: 23, NEXT_SHAPE: 24, PREV_SHAPE: 25, FIRST_SHAPE: 26,
  T1SUF3: 27, T2: 28, NEXT_SUF1: 29, T1NEXT_WORD: 30,
  AMB: 31, PREV_AMB: 32, NEXT_AMB: 33, NEXT2_AMB: 34, AMB_NEXT_AMB: 35, T1AMB: 36, T1_AMB_NEXT_AMB: 37,
  R0: 38, R1: 39, R2: 40, R1R2: 41, T1R1: 42, T1R0R1: 43, WORD_R1: 44, SUF3_R1: 45,
  FORM_AMB: 46, NEXT_FORM_AMB: 47, NEXT2_SHAPE: 48, PREV2_AMB: 49, FIRST_WORD: 50,
  CASING_SHAPE: 51, CASING_WORD: 52, CASING_AMB: 53,
} as const;

/** Upper bound on features per token (all groups together). */
export const MAX_FEATURES = 64;

/** The ambiguity class of a word nobody saw in training. */
export const UNKNOWN_AMBIGUITY = hashString('-UNK-');
/** The form ambiguity class of every form that does not start with a capital (only capitalised forms get their own). */
export const UNCAPITALISED = hashString('-LOWER-');

/** Whether a form gets a case-sensitive ambiguity class: it starts with a capital letter. */
export function isCapitalised(form: string): boolean {
  const ch = form[0];
  return ch !== undefined && ch !== ch.toLowerCase();
}

/** Pseudo-words around a sentence: positions -2, -1, n and n + 1. Every hash of a pseudo-word is its marker. */
export const START2 = hashString('-START2-'), START = hashString('-START-'), END = hashString('-END-'), END2 = hashString('-END2-');
const YEAR = /^\d{4}$/;
const NUMBERISH = /^[\d.,:/\-+%$]*\d[\d.,:/\-+%$]*$/;

/** The normalized word the tagger keys on: lower case, years and numbers folded together. */
export function normalizeWord(form: string): string {
  if (YEAR.test(form)) return '!YEAR';
  if (NUMBERISH.test(form)) return '!DIGITS';
  return form.toLowerCase();
}

/** Words seen fewer times than this in training count as unknown for ambiguity classes. */
export const AMBIGUITY_MIN_COUNT = 2;
/** Tags a word takes at least this share of the time are in its ambiguity class. */
const AMBIGUITY_MIN_SHARE = 0.05;

/** A word's ambiguity class from its tag counts: the tags it often takes, as "3,17"; undefined when too rare. */
export function ambiguityClass(counts: ReadonlyMap<number, number>): string | undefined {
  let total = 0;
  for (const n of counts.values()) total += n;
  if (total < AMBIGUITY_MIN_COUNT) return undefined;
  return [...counts.entries()].filter(([, n]) => n / total >= AMBIGUITY_MIN_SHARE).map(([c]) => c).sort((a, b) => a - b).join(',');
}

/** Word shape: X for capitals, x for small letters, d for digits, other characters kept; runs capped at two. */
export function wordShape(form: string): string {
  let out = '';
  let last = '', run = 0;
  for (let i = 0; i < form.length && out.length < 12; i++) {
    const ch = form[i]!;
    const code = form.charCodeAt(i);
    const s = code >= 48 && code <= 57 ? 'd' : ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    if (s === last) { if (++run > 2) continue; } else { last = s; run = 1; }
    out += s;
  }
  return out;
}

/** Number of hashes kept per word (a row of `H` offsets). */
export const WORD_HASHES = 13;
/** Offsets of a word's hashes in its row. FORM_AMB: the ambiguity class of the case-sensitive form. */
const H = { WORD: 0, FORM: 1, SHAPE: 2, AMB: 3, SUF1: 4, SUF2: 5, SUF3: 6, SUF4: 7, PRE1: 8, PRE2: 9, PRE3: 10, PRE4: 11, FORM_AMB: 12 } as const;

/**
 * The hashes of one word form, written into h[at, at + WORD_HASHES). The ambiguity classes of the normalized
 * word and of the form are given, since training computes them per sentence and run time per form.
 */
export function hashWord(form: string, amb: number, formAmb: number, h: Uint32Array, at: number): void {
  const lower = form.toLowerCase();
  h[at + H.WORD] = hashString(normalizeWord(form));
  h[at + H.FORM] = hashString(form);
  h[at + H.SHAPE] = hashString(wordShape(form));
  h[at + H.AMB] = amb;
  h[at + H.FORM_AMB] = formAmb;
  const len = lower.length;
  for (let k = 1; k <= 4; k++) {
    const m = Math.min(k, len);
    h[at + H.SUF1 + k - 1] = hashString(lower, 0x811c9dc5 + k, len - m, len);
    h[at + H.PRE1 + k - 1] = hashString(form, 0x811c9dc5 + k, 0, m);
  }
}

/** The hashes of a pseudo-word (START, END, ...): every hash is the marker. */
export function hashPseudoWord(marker: number, h: Uint32Array, at: number): void {
  h.fill(marker, at, at + WORD_HASHES);
}

/** The features of a word by itself, from its hashes h[at, ...); written from out[c]; returns the new count. */
export function wordFeatures(h: Uint32Array, at: number, out: Uint32Array, c: number): number {
  out[c++] = mix(F.WORD, h[at + H.WORD]!);
  out[c++] = mix(F.FORM, h[at + H.FORM]!);
  out[c++] = mix(F.SUF1, h[at + H.SUF1]!);
  out[c++] = mix(F.SUF2, h[at + H.SUF2]!);
  out[c++] = mix(F.SUF3, h[at + H.SUF3]!);
  out[c++] = mix(F.SUF4, h[at + H.SUF4]!);
  out[c++] = mix(F.PRE1, h[at + H.PRE1]!);
  out[c++] = mix(F.PRE2, h[at + H.PRE2]!);
  out[c++] = mix(F.PRE3, h[at + H.PRE3]!);
  out[c++] = mix(F.PRE4, h[at + H.PRE4]!);
  out[c++] = mix(F.SHAPE, h[at + H.SHAPE]!);
  out[c++] = mix(F.AMB, h[at + H.AMB]!);
  out[c++] = mix(F.FORM_AMB, h[at + H.FORM_AMB]!);
  return c;
}

/** Roles a neighbouring word plays for the token being tagged. */
export const Role = { PREV2: 0, PREV: 1, NEXT: 2, NEXT2: 3 } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The features a word contributes in one neighbour role, from its hashes h[at, ...). */
export function neighbourFeatures(role: Role, h: Uint32Array, at: number, out: Uint32Array, c: number): number {
  switch (role) {
    case Role.PREV2:
      out[c++] = mix(F.PREV2_WORD, h[at + H.WORD]!);
      out[c++] = mix(F.PREV2_AMB, h[at + H.AMB]!);
      break;
    case Role.PREV:
      out[c++] = mix(F.PREV_WORD, h[at + H.WORD]!);
      out[c++] = mix(F.PREV_SUF3, h[at + H.SUF3]!);
      out[c++] = mix(F.PREV_SHAPE, h[at + H.SHAPE]!);
      out[c++] = mix(F.PREV_AMB, h[at + H.AMB]!);
      break;
    case Role.NEXT:
      out[c++] = mix(F.NEXT_WORD, h[at + H.WORD]!);
      out[c++] = mix(F.NEXT_SUF3, h[at + H.SUF3]!);
      out[c++] = mix(F.NEXT_SUF1, h[at + H.SUF1]!);
      out[c++] = mix(F.NEXT_SHAPE, h[at + H.SHAPE]!);
      out[c++] = mix(F.NEXT_AMB, h[at + H.AMB]!);
      out[c++] = mix(F.NEXT_FORM_AMB, h[at + H.FORM_AMB]!);
      break;
    case Role.NEXT2:
      out[c++] = mix(F.NEXT2_WORD, h[at + H.WORD]!);
      out[c++] = mix(F.NEXT2_AMB, h[at + H.AMB]!);
      out[c++] = mix(F.NEXT2_SHAPE, h[at + H.SHAPE]!);
      break;
  }
  return c;
}

/** The tag value of a previous class (-1: none, before the sentence). */
const tagValue = (cls: number, marker: number) => (cls < 0 ? marker : cls + 1);

/** The features of the two previous predicted classes alone (-1 before the sentence), with the bias. */
export function tagFeatures(prev1: number, prev2: number, out: Uint32Array, c: number): number {
  const t1 = tagValue(prev1, START), t2 = prev2 < 0 ? (prev1 < 0 ? START2 : START) : prev2 + 1;
  out[c++] = mix(F.BIAS, 0);
  out[c++] = mix(F.T1, t1);
  out[c++] = mix(F.T2, t2);
  out[c++] = mix3(F.T2T1, t2, t1);
  return c;
}

/** The features of the previous class with the token's own word (hashes at h[at]). */
export function tagWordFeatures(h: Uint32Array, at: number, prev1: number, out: Uint32Array, c: number): number {
  const t1 = tagValue(prev1, START);
  out[c++] = mix3(F.T1WORD, t1, h[at + H.WORD]!);
  out[c++] = mix3(F.T1SUF3, t1, h[at + H.SUF3]!);
  out[c++] = mix3(F.T1AMB, t1, h[at + H.AMB]!);
  return c;
}

/**
 * The remaining cross features of the token whose hashes start at h[at] (the previous and next words' at h[prevAt] and
 * h[nextAt]): word pairs, the previous tag with the next word, the sentence's casing. `firstPass` gives the classes of the token
 * and the next two from a first tagging pass (-1 past the sentence end) for the stacked second pass.
 */
export function crossFeatures(h: Uint32Array, at: number, prevAt: number, nextAt: number, first: boolean, casing: number,
  prev1: number, out: Uint32Array, c: number, firstPass?: readonly [number, number, number]): number {
  const t1 = tagValue(prev1, START);
  const w = h[at + H.WORD]!, pw = h[prevAt + H.WORD]!, nw = h[nextAt + H.WORD]!;
  const a = h[at + H.AMB]!, na = h[nextAt + H.AMB]!, suf3 = h[at + H.SUF3]!;
  out[c++] = mix3(F.PREV_WORD_WORD, pw, w);
  out[c++] = mix3(F.WORD_NEXT_WORD, w, nw);
  out[c++] = mix3(F.T1NEXT_WORD, t1, nw);
  out[c++] = mix3(F.AMB_NEXT_AMB, a, na);
  out[c++] = mix3(F.T1_AMB_NEXT_AMB, t1, mix(a, na));
  if (first) {
    out[c++] = mix(F.FIRST_SHAPE, h[at + H.SHAPE]!);
    out[c++] = mix(F.FIRST_WORD, w);
  }
  if (casing !== Casing.NORMAL) {
    out[c++] = mix3(F.CASING_SHAPE, casing, h[at + H.SHAPE]!);
    out[c++] = mix3(F.CASING_WORD, casing, w);
    out[c++] = mix3(F.CASING_AMB, casing, a);
  }
  if (firstPass) {
    const r0 = firstPass[0] + 1, r1 = firstPass[1] < 0 ? END : firstPass[1] + 1, r2 = firstPass[2] < 0 ? END : firstPass[2] + 1;
    out[c++] = mix(F.R0, r0);
    out[c++] = mix(F.R1, r1);
    out[c++] = mix(F.R2, r2);
    out[c++] = mix3(F.R1R2, r1, r2);
    out[c++] = mix3(F.T1R1, t1, r1);
    out[c++] = mix3(F.T1R0R1, t1, mix(r0, r1));
    out[c++] = mix3(F.WORD_R1, w, r1);
    out[c++] = mix3(F.SUF3_R1, suf3, r1);
  }
  return c;
}

/** How a sentence is capitalised: headlines, signatures and shouting tag differently from running text. */
export const Casing = { NORMAL: 0, ALL_CAPS: 1, TITLE: 2, LOWER: 3 } as const;

/** `casingFlags` bits: the form starts with a cased letter, with a capital, and is all capitals (two or more characters). */
export const CASED = 1, UPPER_INITIAL = 2, ALL_CAPS = 4;

/** What a form adds to its sentence's casing (computed once per form at run time). */
export function casingFlags(form: string): number {
  const ch = form[0];
  if (ch === undefined) return 0;
  const lower = ch.toLowerCase();
  if (lower === ch.toUpperCase()) return 0;
  if (ch === lower) return CASED;
  return CASED | UPPER_INITIAL | (form.length > 1 && form === form.toUpperCase() ? ALL_CAPS : 0);
}

/** The casing of a sentence from the counts of its words with a cased initial, a capital initial, all capitals. */
export function casingOf(letters: number, initial: number, allCaps: number): number {
  if (letters < 2) return Casing.NORMAL;
  if (allCaps >= 0.8 * letters) return Casing.ALL_CAPS;
  if (initial >= 0.7 * letters) return Casing.TITLE;
  if (initial === 0) return Casing.LOWER;
  return Casing.NORMAL;
}

/** The casing of forms[from, to). */
export function sentenceCasing(forms: readonly string[], from: number, to: number): number {
  let letters = 0, initial = 0, allCaps = 0;
  for (let i = from; i < to; i++) {
    const f = casingFlags(forms[i]!);
    letters += f & CASED; initial += (f & UPPER_INITIAL) >> 1; allCaps += (f & ALL_CAPS) >> 2;
  }
  return casingOf(letters, initial, allCaps);
}

/**
 * Per-sentence word hashes for training: row p + 2 holds token p (rows 0, 1 and n + 2, n + 3 the pseudo-words),
 * reused across sentences to avoid allocation.
 */
export class SentenceFeatures {
  private cap = 0;
  /** WORD_HASHES per row. */
  hashes = new Uint32Array(0);
  length = 0;
  casing: number = Casing.NORMAL;
  /** Form -> its hashes (without the ambiguity class), so each form is hashed once. */
  private readonly formCache = new Map<string, Uint32Array>();
  private readonly scratch = new Uint32Array(WORD_HASHES);
  private readonly firstPassTags: [number, number, number] = [0, 0, 0];

  private ensure(n: number): void {
    if (n + 4 <= this.cap) return;
    this.cap = Math.max(64, n * 2) + 4;
    this.hashes = new Uint32Array(this.cap * WORD_HASHES);
  }

  /**
   * Computes the word hashes of forms[from, to). Token i of the sentence is forms[from + i].
   * `ambiguity(word, i)` gives each token's ambiguity class hash (from the normalized word), `formAmbiguity(form, i)`
   * that of its case-sensitive form.
   */
  prepare(forms: readonly string[], from: number, to: number, ambiguity: (word: string, i: number) => number,
    formAmbiguity: (form: string, i: number) => number): void {
    const n = to - from;
    this.ensure(n);
    this.length = n;
    const h = this.hashes;
    hashPseudoWord(START2, h, 0);
    hashPseudoWord(START, h, WORD_HASHES);
    hashPseudoWord(END, h, (n + 2) * WORD_HASHES);
    hashPseudoWord(END2, h, (n + 3) * WORD_HASHES);
    for (let i = 0; i < n; i++) {
      const form = forms[from + i]!;
      let cached = this.formCache.get(form);
      if (!cached) {
        hashWord(form, 0, 0, this.scratch, 0);
        cached = this.scratch.slice();
        if (this.formCache.size > 200_000) this.formCache.clear();
        this.formCache.set(form, cached);
      }
      const at = (i + 2) * WORD_HASHES;
      h.set(cached, at);
      h[at + H.AMB] = ambiguity(normalizeWord(form), i);
      h[at + H.FORM_AMB] = formAmbiguity(form, i);
    }
    this.casing = sentenceCasing(forms, from, to);
  }

  /**
   * Writes all features of token i (given the classes predicted for i-1 and i-2, or -1 before the
   * sentence) into `out`; returns how many. `firstPass` (classes of the sentence's tokens from a first
   * tagging pass) adds the right-context features of the second pass.
   */
  extract(i: number, prev1: number, prev2: number, out: Uint32Array, firstPass?: Int32Array): number {
    const h = this.hashes, at = (i + 2) * WORD_HASHES, n = this.length;
    let c = wordFeatures(h, at, out, 0);
    c = neighbourFeatures(Role.PREV2, h, at - 2 * WORD_HASHES, out, c);
    c = neighbourFeatures(Role.PREV, h, at - WORD_HASHES, out, c);
    c = neighbourFeatures(Role.NEXT, h, at + WORD_HASHES, out, c);
    c = neighbourFeatures(Role.NEXT2, h, at + 2 * WORD_HASHES, out, c);
    c = tagFeatures(prev1, prev2, out, c);
    c = tagWordFeatures(h, at, prev1, out, c);
    let fp: [number, number, number] | undefined;
    if (firstPass) {
      fp = this.firstPassTags;
      fp[0] = firstPass[i]!;
      fp[1] = i + 1 < n ? firstPass[i + 1]! : -1;
      fp[2] = i + 2 < n ? firstPass[i + 2]! : -1;
    }
    return crossFeatures(h, at, at - WORD_HASHES, at + WORD_HASHES, i === 0, this.casing, prev1, out, c, fp);
  }
}
