// Hashed features of the part-of-speech tagger: one token in its sentence plus the two tags predicted before it.
//
// Word-level hashes (normalized word, case-sensitive form, prefixes and suffixes 1-4, shape) are computed
// once per sentence; `extract` then combines them with template ids and the previous tags.
// Training (scripts/train-tagger.ts) and tagging use this same code, so the two cannot drift.

import { hashString, mix, mix3 } from '../learn/hash.js';

/** Feature templates; a feature id is mix(template, value). Changing these requires retraining. */
const F = {
  BIAS: 1, WORD: 2, FORM: 3, SUF1: 4, SUF2: 5, SUF3: 6, SUF4: 7, PRE1: 8, PRE2: 9, PRE3: 10, PRE4: 11, SHAPE: 12,
  T1: 13, T2T1: 14, T1WORD: 15, PREV_WORD: 16, PREV_SUF3: 17, PREV2_WORD: 18, NEXT_WORD: 19, NEXT_SUF3: 20,
  NEXT2_WORD: 21, PREV_WORD_WORD: 22, WORD_NEXT_WORD: 23, NEXT_SHAPE: 24, PREV_SHAPE: 25, FIRST_SHAPE: 26,
  T1SUF3: 27, T2: 28, NEXT_SUF1: 29, T1NEXT_WORD: 30,
  AMB: 31, PREV_AMB: 32, NEXT_AMB: 33, NEXT2_AMB: 34, AMB_NEXT_AMB: 35, T1AMB: 36, T1_AMB_NEXT_AMB: 37,
  R0: 38, R1: 39, R2: 40, R1R2: 41, T1R1: 42, T1R0R1: 43, WORD_R1: 44, SUF3_R1: 45,
} as const;

/** Upper bound on features per token. */
export const MAX_FEATURES = 48;


/** The ambiguity class of a word nobody saw in training. */
export const UNKNOWN_AMBIGUITY = hashString('-UNK-');

const START = hashString('-START-'), START2 = hashString('-START2-'), END = hashString('-END-'), END2 = hashString('-END2-');
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

/** Per-sentence word hashes, reused across sentences to avoid allocation. */
export class SentenceFeatures {
  private cap = 0;
  private word!: Uint32Array;
  private form!: Uint32Array;
  private suf!: Uint32Array; // 4 per token
  private pre!: Uint32Array; // 4 per token
  private shape!: Uint32Array;
  /** Ambiguity class of each token: a hash of the set of tags it was seen with in training. */
  amb: Uint32Array = new Uint32Array(0);
  length = 0;

  private ensure(n: number): void {
    if (n <= this.cap) return;
    this.cap = Math.max(64, n * 2);
    this.word = new Uint32Array(this.cap + 4);
    this.form = new Uint32Array(this.cap + 4);
    this.suf = new Uint32Array((this.cap + 4) * 4);
    this.pre = new Uint32Array((this.cap + 4) * 4);
    this.shape = new Uint32Array(this.cap + 4);
    this.amb = new Uint32Array(this.cap + 4);
  }

  /**
   * Computes the word hashes of forms[from, to). Token i of the sentence is forms[from + i].
   * `ambiguity(word, i)` gives each token's ambiguity class hash (from the normalized word).
   */
  prepare(forms: readonly string[], from: number, to: number, ambiguity: (word: string, i: number) => number): void {
    const n = to - from;
    this.ensure(n);
    this.length = n;
    for (let i = 0; i < n; i++) {
      const form = forms[from + i]!;
      const lower = form.toLowerCase();
      const word = normalizeWord(form);
      this.word[i] = hashString(word);
      this.amb[i] = ambiguity(word, i);
      this.form[i] = hashString(form);
      this.shape[i] = hashString(wordShape(form));
      const len = lower.length;
      for (let k = 1; k <= 4; k++) {
        const m = Math.min(k, len);
        this.suf[i * 4 + k - 1] = hashString(lower, 0x811c9dc5 + k, len - m, len);
        this.pre[i * 4 + k - 1] = hashString(form, 0x811c9dc5 + k, 0, m);
      }
    }
  }

  /**
   * Writes the features of token i (given the classes predicted for i-1 and i-2, or -1 before the
   * sentence) into `out`; returns how many. `firstPass` (classes of the sentence's tokens from a first
   * tagging pass) adds the right-context features of the second pass.
   */
  extract(i: number, prev1: number, prev2: number, out: Uint32Array, firstPass?: Int32Array): number {
    const c = this.extractLocal(i, out, 0);
    return this.extractContext(i, prev1, prev2, out, c, firstPass);
  }

  /** The features of token i that depend on its form alone, written from out[at]; returns the new count. */
  extractLocal(i: number, out: Uint32Array, at: number): number {
    const w = this.word[i]!, suf = this.suf, pre = this.pre, b = i * 4;
    let c = at;
    out[c++] = mix(F.BIAS, 0);
    out[c++] = mix(F.WORD, w);
    out[c++] = mix(F.FORM, this.form[i]!);
    out[c++] = mix(F.SUF1, suf[b]!);
    out[c++] = mix(F.SUF2, suf[b + 1]!);
    out[c++] = mix(F.SUF3, suf[b + 2]!);
    out[c++] = mix(F.SUF4, suf[b + 3]!);
    out[c++] = mix(F.PRE1, pre[b]!);
    out[c++] = mix(F.PRE2, pre[b + 1]!);
    out[c++] = mix(F.PRE3, pre[b + 2]!);
    out[c++] = mix(F.PRE4, pre[b + 3]!);
    out[c++] = mix(F.SHAPE, this.shape[i]!);
    out[c++] = mix(F.AMB, this.amb[i]!);
    return c;
  }

  /** The features of token i that depend on its neighbours and the previous tags, written from out[at]. */
  extractContext(i: number, prev1: number, prev2: number, out: Uint32Array, at: number, firstPass?: Int32Array): number {
    const n = this.length;
    const w = this.word[i]!, suf = this.suf, pre = this.pre, b = i * 4;
    const t1 = prev1 < 0 ? START : prev1 + 1, t2 = prev2 < 0 ? (prev1 < 0 ? START2 : START) : prev2 + 1;
    const pw = i > 0 ? this.word[i - 1]! : START, pw2 = i > 1 ? this.word[i - 2]! : i > 0 ? START : START2;
    const nw = i + 1 < n ? this.word[i + 1]! : END, nw2 = i + 2 < n ? this.word[i + 2]! : i + 1 < n ? END : END2;
    let c = at;
    out[c++] = mix(F.T1, t1);
    out[c++] = mix(F.T2, t2);
    out[c++] = mix3(F.T2T1, t2, t1);
    out[c++] = mix3(F.T1WORD, t1, w);
    out[c++] = mix3(F.T1SUF3, t1, suf[b + 2]!);
    out[c++] = mix(F.PREV_WORD, pw);
    out[c++] = mix(F.PREV2_WORD, pw2);
    out[c++] = mix(F.NEXT_WORD, nw);
    out[c++] = mix(F.NEXT2_WORD, nw2);
    out[c++] = mix3(F.PREV_WORD_WORD, pw, w);
    out[c++] = mix3(F.WORD_NEXT_WORD, w, nw);
    out[c++] = mix3(F.T1NEXT_WORD, t1, nw);
    out[c++] = mix(F.PREV_SUF3, i > 0 ? suf[b - 4 + 2]! : START);
    out[c++] = mix(F.NEXT_SUF3, i + 1 < n ? suf[b + 4 + 2]! : END);
    out[c++] = mix(F.NEXT_SUF1, i + 1 < n ? suf[b + 4]! : END);
    out[c++] = mix(F.PREV_SHAPE, i > 0 ? this.shape[i - 1]! : START);
    out[c++] = mix(F.NEXT_SHAPE, i + 1 < n ? this.shape[i + 1]! : END);
    const amb = this.amb, a = amb[i]!, na = i + 1 < n ? amb[i + 1]! : END, na2 = i + 2 < n ? amb[i + 2]! : END;
    out[c++] = mix(F.PREV_AMB, i > 0 ? amb[i - 1]! : START);
    out[c++] = mix(F.NEXT_AMB, na);
    out[c++] = mix(F.NEXT2_AMB, na2);
    out[c++] = mix3(F.AMB_NEXT_AMB, a, na);
    out[c++] = mix3(F.T1AMB, t1, a);
    out[c++] = mix3(F.T1_AMB_NEXT_AMB, t1, mix(a, na));
    if (i === 0) out[c++] = mix(F.FIRST_SHAPE, this.shape[i]!);
    if (firstPass) {
      // Second pass: the first pass's tags of this word and the two after it give the right context.
      const r0 = firstPass[i]! + 1, r1 = i + 1 < n ? firstPass[i + 1]! + 1 : END, r2 = i + 2 < n ? firstPass[i + 2]! + 1 : END;
      out[c++] = mix(F.R0, r0);
      out[c++] = mix(F.R1, r1);
      out[c++] = mix(F.R2, r2);
      out[c++] = mix3(F.R1R2, r1, r2);
      out[c++] = mix3(F.T1R1, t1, r1);
      out[c++] = mix3(F.T1R0R1, t1, mix(r0, r1));
      out[c++] = mix3(F.WORD_R1, w, r1);
      out[c++] = mix3(F.SUF3_R1, suf[b + 2]!, r1);
    }
    return c;
  }
}
