// Hashed feature templates for the parser's transition classifier and its arc labeller.
//
// Templates follow Zhang & Nivre (2011), adapted to arc-hybrid: words and tags of s0-s2 and
// n0-n2, leftmost/rightmost children, valency, distance, and commas between the items.
// Every feature is a 32-bit hash of (template id, values); the model masks it into its table.

import { NONE, type ArcHybridState } from './transition.js';

/** Bump when templates change: a model trained on other templates must not be loaded. */
export const FEATURE_VERSION = 3;

/** Tag ids: 0 absent, 1 ROOT, 2 unknown tag, 3.. the model's tag vocabulary. */
export const TAG_NONE = 0;
export const TAG_ROOT = 1;
export const TAG_UNKNOWN = 2;
const WORD_NONE = 0x1b873593;
const WORD_ROOT = 0x2f6b1a4d;

/** A sentence as the parser sees it: word hashes and tag ids, ROOT appended at index n. */
export interface EncodedSentence {
  n: number;
  word: Int32Array;
  tag: Int32Array;
  /** Hash of word and tag together. Slot n+1 of word/tag/wt describes an absent position. */
  wt: Int32Array;
  /** commas[i] = number of comma-like tokens among words 0..i-1 (length n+2). */
  commas: Int32Array;
}

/** Lowercases and maps digits to 0, so "Monday"/"monday" and "12"/"47" share features. */
export function normalizeWord(form: string): string {
  const lower = form.toLowerCase();
  return DIGIT.test(lower) ? lower.replace(DIGITS, '0') : lower;
}
const DIGIT = /[0-9]/;
const DIGITS = /[0-9]/g;

/** FNV-1a hash of a string. */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

const UPPER = /^[A-Z]/;
const ALL_UPPER = /^[A-Z]+$/;

/**
 * The word value features see: the normalized form when it is in the vocabulary, otherwise a class
 * for unknown words (capitalisation and last two letters). Rare training words become unknown too,
 * so the model learns what to do with words it has never seen; it also keeps the weight tables small.
 */
export function wordValue(form: string, vocabulary: ReadonlySet<string> | undefined): number {
  const norm = normalizeWord(form);
  if (!vocabulary || vocabulary.has(norm)) return stringHash(norm);
  const shape = ALL_UPPER.test(form) ? 'X' : UPPER.test(form) ? 'Xx' : DIGIT.test(form) ? 'd' : 'x';
  return stringHash('\u0001' + shape + norm.slice(-2));
}

/** Salt of the word-and-tag hash. */
export const WORD_TAG_SALT = 0x7f4a7c15;

const COMMA_LIKE = new Set([',', ';', ':', '--', '—', '–', '-', '(', ')']);

/** Word values of forms seen before (a parse-time cache: one map lookup instead of lowercasing and hashing). */
export class WordValueCache {
  private readonly values = new Map<string, number>();
  constructor(private readonly vocabulary: ReadonlySet<string>, private readonly limit = 50_000) {}
  get(form: string): number {
    let v = this.values.get(form);
    if (v === undefined) {
      if (this.values.size >= this.limit) this.values.clear();
      v = wordValue(form, this.vocabulary);
      this.values.set(form, v);
    }
    return v;
  }
}

/** Encodes forms[start..end) of a sentence or document (tagIds indexed from 0). */
export function encodeSentence(
  forms: readonly string[], tagIds: ArrayLike<number>, vocabulary: ReadonlySet<string> | WordValueCache | undefined,
  into?: EncodedSentence, start = 0, end = forms.length,
): EncodedSentence {
  const n = end - start;
  const s = into && into.word.length >= n + 2 ? into : {
    n, word: new Int32Array(n + 2), tag: new Int32Array(n + 2), wt: new Int32Array(n + 2), commas: new Int32Array(n + 2),
  };
  s.n = n;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const f = forms[start + i]!;
    s.word[i] = vocabulary instanceof WordValueCache ? vocabulary.get(f) : wordValue(f, vocabulary);
    s.tag[i] = tagIds[i]!;
    s.commas[i] = c;
    if (COMMA_LIKE.has(f)) c++;
  }
  s.word[n] = WORD_ROOT; s.tag[n] = TAG_ROOT;
  s.word[n + 1] = WORD_NONE; s.tag[n + 1] = TAG_NONE;
  for (let i = 0; i <= n + 1; i++) s.wt[i] = mix(WORD_TAG_SALT, s.word[i]!, s.tag[i]!, 0);
  s.commas[n] = c;
  s.commas[n + 1] = c;
  return s;
}

/** Mixes a template id and up to three values into a 32-bit hash (cheap multiply-xor rounds, murmur3 finaliser). */
export function mix(t: number, a: number, b: number, c: number): number {
  return finish(pre(t, a, b, c));
}

/**
 * The multiply-xor rounds of `mix` without its finaliser. The feature functions write these rounds out inline
 * (`H(H(t ^ a, K1) ^ b, K2) ^ c`, with `^ 0` left out): as ~100 calls of a helper they overran V8's inlining
 * budget and most features became real calls. They finalise their whole output in one loop, so features hash
 * exactly as `mix` would.
 */
function pre(t: number, a: number, b: number, c: number): number {
  return H(H(t ^ a, K1) ^ b, K2) ^ c;
}
const H = Math.imul, K1 = 0xcc9e2d51, K2 = 0x1b873593;

function finish(h: number): number {
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return h ^ (h >>> 13);
}

function finishAll(out: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const h = Math.imul(out[i]! ^ (out[i]! >>> 15), 0x85ebca6b);
    out[i] = h ^ (h >>> 13);
  }
}

/** Random 32-bit salts, one per template id, so small values xor-ed into them stay distinct. */
const SALT = new Int32Array(256);
const LABEL_SALT = new Int32Array(64);
for (let i = 0; i < SALT.length; i++) SALT[i] = mix(0x2545f491, i, 0x6a09e667, 0);
for (let i = 0; i < LABEL_SALT.length; i++) LABEL_SALT[i] = mix(0x3c6ef372, i, 0x510e527f, 0);

function distBucket(d: number): number {
  if (d < 0) d = -d;
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  if (d <= 14) return 7;
  return 8;
}

function cap(v: number, m: number): number {
  return v > m ? m : v;
}

/** Upper bound on the number of transition features. */
export const MAX_TRANSITION_FEATURES = 112;

/**
 * Writes the transition features of `st` into `out`; returns how many.
 * Absent positions read slot n+1 of the sentence arrays (WORD_NONE / TAG_NONE), avoiding branches.
 *
 * The features fall into groups by what they read, so parsing can score a group once and reuse its sum while
 * what it reads stays the same (see ParserModel.parseEncodedPacked). In arc-hybrid a word gains left children
 * only while it is n0 and right children only as s1 of a RIGHT (which pops the word above it), so:
 * - `stackFeatures`: s0, s1, s2, s0's left children and s1's children: fixed while s0 is on the stack;
 * - `stackRightFeatures`: s0 (with s1) and its right children: fixed while s0 keeps its number of right children;
 * - `bufferFeatures`: n0, n1, n2 and the bias: fixed while b is;
 * - `bufferLeftFeatures`: n0 and its left children: fixed while b and n0's number of left children are;
 * - `pairFeatures`: everything combining the stack with the buffer, scored at every transition.
 */
export function transitionFeatures(st: ArcHybridState, sn: EncodedSentence, out: Int32Array, extra = false): number {
  const X = sn.n + 1, stack = st.stack, sp = st.sp;
  const s0 = sp > 0 ? stack[sp - 1]! : X, s1 = sp > 1 ? stack[sp - 2]! : X, s2 = sp > 2 ? stack[sp - 3]! : X;
  let k = stackFeatures(st, sn, s0, s1, s2, out, 0, extra);
  k = stackRightFeatures(st, sn, s0, s1, out, k, extra);
  k = bufferFeatures(sn, st.b, out, k, extra);
  k = bufferLeftFeatures(st, sn, st.b, out, k, extra);
  return pairFeatures(st, sn, out, k, extra);
}

/*
 * `extra` (models trained with `extraFeatures`) adds templates 110-122: third-order children (a child's own
 * outermost child), second children's words, buffer bigrams, s2 with s1's word, s0-n0 word pair with distance,
 * and n0's word with the two stack tags (where punctuation attaches).
 */

/** Features of s0, s1, s2 (words, tags, distance and commas between s1 and s0), s0's left and s1's children, from out[k0]. */
export function stackFeatures(st: ArcHybridState, sn: EncodedSentence, s0: number, s1: number, s2: number, out: Int32Array, k0: number, extra = false): number {
  const word = sn.word, tag = sn.tag, wt = sn.wt, commas = sn.commas, n = sn.n;
  const s0l = st.lc1[s0]!, s0l2 = st.lc2[s0]!;
  const s0lt = tag[s0l]!, s0l2t = tag[s0l2]!, s0lv = cap(st.leftCount[s0]!, 4);
  const s1l = st.lc1[s1]!, s1r = st.rc1[s1]!, s1r2 = st.rc2[s1]!;
  const s1lt = tag[s1l]!, s1rt = tag[s1r]!, s1r2t = tag[s1r2]!;
  const s1lv = cap(st.leftCount[s1]!, 4), s1rv = cap(st.rightCount[s1]!, 4);
  const s0w = word[s0]!, s0t = tag[s0]!, s0wt = wt[s0]!;
  const s1w = word[s1]!, s1t = tag[s1]!, s1wt = wt[s1]!;
  const s2t = tag[s2]!, s2wt = wt[s2]!;
  const bothS1S0 = s1 < n && s0 < n;
  const dS1S0 = bothS1S0 ? distBucket(s0 - s1) : 15;
  const cS1S0 = bothS1S0 ? cap(commas[s0]! - commas[s1 + 1]!, 2) : 3;
  const S = SALT;
  let k = k0;
  out[k++] = H(H(S[1]! ^ s0w, K1), K2); out[k++] = H(H(S[2]! ^ s0t, K1), K2); out[k++] = H(H(S[3]! ^ s0wt, K1), K2);
  out[k++] = H(H(S[4]! ^ s1w, K1), K2); out[k++] = H(H(S[5]! ^ s1t, K1), K2); out[k++] = H(H(S[6]! ^ s1wt, K1), K2);
  out[k++] = H(H(S[16]! ^ s2t, K1), K2); out[k++] = H(H(S[17]! ^ s2wt, K1), K2);
  // s1 with s0 (RIGHT decisions).
  out[k++] = H(H(S[30]! ^ s1wt, K1) ^ s0wt, K2); out[k++] = H(H(S[31]! ^ s1wt, K1) ^ s0w, K2); out[k++] = H(H(S[32]! ^ s1w, K1) ^ s0wt, K2);
  out[k++] = H(H(S[33]! ^ s1wt, K1) ^ s0t, K2); out[k++] = H(H(S[34]! ^ s1t, K1) ^ s0wt, K2); out[k++] = H(H(S[35]! ^ s1w, K1) ^ s0w, K2);
  out[k++] = H(H(S[36]! ^ s1t, K1) ^ s0t, K2);
  out[k++] = H(H(S[43]! ^ s2t, K1) ^ s1t, K2) ^ s0t;
  // Children.
  out[k++] = H(H(S[53]! ^ s1t, K1) ^ s0t, K2) ^ s0lt; out[k++] = H(H(S[55]! ^ s1t, K1) ^ s1rt, K2) ^ s0t; out[k++] = H(H(S[56]! ^ s1t, K1) ^ s1lt, K2) ^ s0t;
  out[k++] = H(H(S[57]! ^ wt[s0l]!, K1), K2); out[k++] = H(H(S[60]! ^ s0lt, K1), K2); out[k++] = H(H(S[63]! ^ wt[s1r]!, K1), K2);
  out[k++] = H(H(S[64]! ^ s1rt, K1) ^ s1lt, K2); out[k++] = H(H(S[65]! ^ s0t, K1) ^ s0lt, K2) ^ s0l2t; out[k++] = H(H(S[68]! ^ s1t, K1) ^ s1rt, K2) ^ s1r2t;
  // Distance and commas between s1 and s0.
  out[k++] = H(H(S[85]! ^ dS1S0, K1) ^ s1w, K2); out[k++] = H(H(S[86]! ^ dS1S0, K1) ^ s1t, K2); out[k++] = H(H(S[87]! ^ dS1S0, K1) ^ s0w, K2);
  out[k++] = H(H(S[88]! ^ dS1S0, K1) ^ s0t, K2); out[k++] = H(H(S[89]! ^ dS1S0, K1) ^ s1t, K2) ^ s0t;
  out[k++] = H(H(S[101]! ^ cS1S0, K1) ^ s1t, K2) ^ s0t;
  // Valency.
  out[k++] = H(H(S[90]! ^ s0lv, K1) ^ s0w, K2); out[k++] = H(H(S[91]! ^ s0lv, K1) ^ s0t, K2);
  out[k++] = H(H(S[96]! ^ s1rv, K1) ^ s1t, K2); out[k++] = H(H(S[97]! ^ s1lv, K1) ^ s1t, K2); out[k++] = H(H(S[98]! ^ s1rv, K1) ^ s1w, K2);
  if (extra) {
    // A left child of s0 and a right child of s1 are complete subtrees, so their own children are final too.
    out[k++] = H(H(S[110]! ^ s0t, K1) ^ s0lt, K2) ^ tag[st.lc1[s0l]!]!; out[k++] = H(H(S[111]! ^ s1t, K1) ^ s1rt, K2) ^ tag[st.rc1[s1r]!]!;
    out[k++] = H(H(S[112]! ^ wt[s0l2]!, K1), K2); out[k++] = H(H(S[113]! ^ s2t, K1) ^ s1w, K2);
  }
  finishAll(out, k0, k);
  return k;
}

/** Features of s0's right children (with s0 and s1), from out[k0]. */
export function stackRightFeatures(st: ArcHybridState, sn: EncodedSentence, s0: number, s1: number, out: Int32Array, k0: number, extra = false): number {
  const word = sn.word, tag = sn.tag, wt = sn.wt, commas = sn.commas, n = sn.n;
  const s0r = st.rc1[s0]!, s0r2 = st.rc2[s0]!;
  const s0rt = tag[s0r]!, s0r2t = tag[s0r2]!, s0rv = cap(st.rightCount[s0]!, 4);
  const s0w = word[s0]!, s0t = tag[s0]!, s1w = word[s1]!, s1t = tag[s1]!;
  const cS1S0 = s1 < n && s0 < n ? cap(commas[s0]! - commas[s1 + 1]!, 2) : 3;
  const S = SALT;
  let k = k0;
  out[k++] = H(H(S[54]! ^ s1t, K1) ^ s0t, K2) ^ s0rt; out[k++] = H(H(S[58]! ^ wt[s0r]!, K1), K2); out[k++] = H(H(S[61]! ^ s0rt, K1), K2);
  out[k++] = H(H(S[66]! ^ s0t, K1) ^ s0rt, K2) ^ s0r2t; out[k++] = H(H(S[71]! ^ s1w, K1) ^ s0t, K2) ^ s0rt;
  out[k++] = H(H(S[92]! ^ s0rv, K1) ^ s0w, K2); out[k++] = H(H(S[93]! ^ s0rv, K1) ^ s0t, K2);
  out[k++] = H(H(S[103]! ^ cS1S0, K1) ^ s1t, K2) ^ s0rt;
  if (extra) { out[k++] = H(H(S[114]! ^ s0t, K1) ^ s0rt, K2) ^ tag[st.rc1[s0r]!]!; out[k++] = H(H(S[115]! ^ wt[s0r2]!, K1), K2); }
  finishAll(out, k0, k);
  return k;
}

/** Features of the buffer front alone (n0, n1, n2) and the bias, from out[k0]. */
export function bufferFeatures(sn: EncodedSentence, b: number, out: Int32Array, k0: number, extra = false): number {
  const word = sn.word, tag = sn.tag, wt = sn.wt, n = sn.n, X = n + 1;
  const n0 = b < n ? b : X, n1 = b + 1 < n ? b + 1 : X, n2 = b + 2 < n ? b + 2 : X;
  const n0w = word[n0]!, n0t = tag[n0]!, n0wt = wt[n0]!;
  const n1w = word[n1]!, n1t = tag[n1]!, n1wt = wt[n1]!;
  const n2w = word[n2]!, n2t = tag[n2]!, n2wt = wt[n2]!;
  const S = SALT;
  let k = k0;
  out[k++] = H(H(S[7]! ^ n0w, K1), K2); out[k++] = H(H(S[8]! ^ n0t, K1), K2); out[k++] = H(H(S[9]! ^ n0wt, K1), K2);
  out[k++] = H(H(S[10]! ^ n1w, K1), K2); out[k++] = H(H(S[11]! ^ n1t, K1), K2); out[k++] = H(H(S[12]! ^ n1wt, K1), K2);
  out[k++] = H(H(S[13]! ^ n2w, K1), K2); out[k++] = H(H(S[14]! ^ n2t, K1), K2); out[k++] = H(H(S[15]! ^ n2wt, K1), K2);
  out[k++] = H(H(S[40]! ^ n0t, K1) ^ n1t, K2) ^ n2t; out[k++] = H(H(S[47]! ^ n0w, K1) ^ n1t, K2) ^ n2t; out[k++] = H(H(S[48]! ^ n0t, K1) ^ n1w, K2);
  if (extra) { out[k++] = H(H(S[116]! ^ n0w, K1) ^ n1w, K2); out[k++] = H(H(S[117]! ^ n0t, K1) ^ n1t, K2); out[k++] = H(H(S[118]! ^ n1t, K1) ^ n2t, K2); }
  finishAll(out, k0, k);
  out[k++] = S[104]!; // bias
  return k;
}

/** Features of n0's left children (with n0), from out[k0]. */
export function bufferLeftFeatures(st: ArcHybridState, sn: EncodedSentence, b: number, out: Int32Array, k0: number, extra = false): number {
  const word = sn.word, tag = sn.tag, wt = sn.wt, n = sn.n, X = n + 1;
  const n0 = b < n ? b : X;
  const n0w = word[n0]!, n0t = tag[n0]!;
  const n0l = st.lc1[n0]!, n0l2 = st.lc2[n0]!;
  const n0lt = tag[n0l]!, n0l2t = tag[n0l2]!, n0lv = cap(st.leftCount[n0]!, 4);
  const S = SALT;
  let k = k0;
  out[k++] = H(H(S[59]! ^ wt[n0l]!, K1), K2); out[k++] = H(H(S[62]! ^ n0lt, K1), K2); out[k++] = H(H(S[67]! ^ n0t, K1) ^ n0lt, K2) ^ n0l2t;
  out[k++] = H(H(S[94]! ^ n0lv, K1) ^ n0w, K2); out[k++] = H(H(S[95]! ^ n0lv, K1) ^ n0t, K2);
  if (extra) { out[k++] = H(H(S[119]! ^ n0t, K1) ^ n0lt, K2) ^ tag[st.lc1[n0l]!]!; out[k++] = H(H(S[120]! ^ wt[n0l2]!, K1), K2); }
  finishAll(out, k0, k);
  return k;
}

/** The features combining the stack with the buffer (s0 or s1 with n0, n1): they change at every transition. */
export function pairFeatures(st: ArcHybridState, sn: EncodedSentence, out: Int32Array, k0: number, extra = false): number {
  const word = sn.word, tag = sn.tag, wt = sn.wt, commas = sn.commas;
  const n = sn.n, X = n + 1;
  const stack = st.stack, sp = st.sp, b = st.b;
  const s0 = sp > 0 ? stack[sp - 1]! : X, s1 = sp > 1 ? stack[sp - 2]! : X;
  const n0 = b < n ? b : X, n1 = b + 1 < n ? b + 1 : X;
  const s0w = word[s0]!, s0t = tag[s0]!, s0wt = wt[s0]!;
  const s1w = word[s1]!, s1t = tag[s1]!;
  const n0w = word[n0]!, n0t = tag[n0]!, n0wt = wt[n0]!;
  const n1t = tag[n1]!;
  const s0lt = tag[st.lc1[s0]!]!, s0rt = tag[st.rc1[s0]!]!, n0lt = tag[st.lc1[n0]!]!;
  // Distances and commas between s0 and n0, and between s1 and s0 (ROOT sits at n, after every word).
  const bothS0N0 = s0 < n && n0 < n, bothS1S0 = s1 < n && s0 < n;
  const dS0N0 = bothS0N0 ? distBucket(n0 - s0) : 15;
  const cS0N0 = bothS0N0 ? cap(commas[n0]! - commas[s0 + 1]!, 2) : 3;
  const cS1S0 = bothS1S0 ? cap(commas[s0]! - commas[s1 + 1]!, 2) : 3;
  const S = SALT;
  let k = k0;
  // s0 with n0 (LEFT decisions).
  out[k++] = H(H(S[20]! ^ s0wt, K1) ^ n0wt, K2); out[k++] = H(H(S[21]! ^ s0wt, K1) ^ n0w, K2); out[k++] = H(H(S[22]! ^ s0w, K1) ^ n0wt, K2);
  out[k++] = H(H(S[23]! ^ s0wt, K1) ^ n0t, K2); out[k++] = H(H(S[24]! ^ s0t, K1) ^ n0wt, K2); out[k++] = H(H(S[25]! ^ s0w, K1) ^ n0w, K2);
  out[k++] = H(H(S[26]! ^ s0t, K1) ^ n0t, K2);
  out[k++] = H(H(S[37]! ^ s1t, K1) ^ n0t, K2); out[k++] = H(H(S[38]! ^ s1w, K1) ^ n0t, K2); out[k++] = H(H(S[39]! ^ s1t, K1) ^ n0w, K2);
  // Tag trigrams.
  out[k++] = H(H(S[41]! ^ s0t, K1) ^ n0t, K2) ^ n1t; out[k++] = H(H(S[42]! ^ s1t, K1) ^ s0t, K2) ^ n0t;
  out[k++] = H(H(S[44]! ^ s0w, K1) ^ n0t, K2) ^ n1t; out[k++] = H(H(S[45]! ^ s0t, K1) ^ n0w, K2) ^ n1t;
  out[k++] = H(H(S[46]! ^ s1t, K1) ^ s0t, K2) ^ n1t;
  // Children.
  out[k++] = H(H(S[50]! ^ s0t, K1) ^ s0lt, K2) ^ n0t; out[k++] = H(H(S[51]! ^ s0t, K1) ^ s0rt, K2) ^ n0t; out[k++] = H(H(S[52]! ^ s0t, K1) ^ n0t, K2) ^ n0lt;
  out[k++] = H(H(S[69]! ^ s0w, K1) ^ s0rt, K2) ^ n0t; out[k++] = H(H(S[70]! ^ s0w, K1) ^ s0lt, K2) ^ n0t; out[k++] = H(H(S[72]! ^ s0w, K1) ^ n0t, K2) ^ n0lt;
  // Distance between s0 and n0.
  out[k++] = H(H(S[80]! ^ dS0N0, K1) ^ s0w, K2); out[k++] = H(H(S[81]! ^ dS0N0, K1) ^ s0t, K2); out[k++] = H(H(S[82]! ^ dS0N0, K1) ^ n0w, K2);
  out[k++] = H(H(S[83]! ^ dS0N0, K1) ^ n0t, K2); out[k++] = H(H(S[84]! ^ dS0N0, K1) ^ s0t, K2) ^ n0t;
  // Commas between the items (apposition, coordination, parentheticals).
  out[k++] = H(H(S[100]! ^ cS0N0, K1) ^ s0t, K2) ^ n0t; out[k++] = H(H(S[102]! ^ cS0N0, K1) ^ cS1S0, K2);
  if (extra) { out[k++] = H(H(S[121]! ^ dS0N0, K1) ^ s0w, K2) ^ n0w; out[k++] = H(H(S[122]! ^ n0w, K1) ^ s0t, K2) ^ s1t; }
  finishAll(out, k0, k);
  return k;
}

/** Upper bound on the number of arc-label features. */
export const MAX_LABEL_FEATURES = 64;
const MAX_CHILD_FEATURES = 5;

/** The tree the labeller reads: heads (ROOT = n) and children in CSR form. */
export interface TreeView {
  head: Int32Array;
  childStart: Int32Array;
  child: Int32Array;
  /** Labels already assigned (ids), for the head-label feature; -1 when not yet. */
  label: Int32Array;
}

export function buildTree(head: Int32Array, n: number, into?: TreeView): TreeView {
  const tv = into && into.childStart.length >= n + 2 ? into : {
    head, childStart: new Int32Array(n + 2), child: new Int32Array(n + 1), label: new Int32Array(n + 1),
  };
  tv.head = head;
  const cs = tv.childStart;
  cs.fill(0, 0, n + 2);
  for (let d = 0; d < n; d++) cs[head[d]! + 1]!++;
  for (let i = 1; i <= n + 1; i++) cs[i]! += cs[i - 1]!;
  // Fill in order of d so children come out left to right; cs[h] runs up to the end of h's children
  // (the start of h+1's), so shifting by one afterwards restores the starts without a scratch copy.
  for (let d = 0; d < n; d++) tv.child[cs[head[d]!]!++] = d;
  for (let i = n + 1; i > 0; i--) cs[i] = cs[i - 1]!;
  cs[0] = 0;
  tv.label.fill(-1, 0, n + 1);
  return tv;
}

/** Writes the features for labelling the arc head(d) -> d; returns how many. */
/**
 * `extra` (models trained with `extraLabelFeatures`) adds templates 32-34: the label of the nearest left sibling,
 * which is already assigned (arcs are labelled head first, a head's children left to right).
 */
export function labelFeatures(tv: TreeView, sn: EncodedSentence, d: number, out: Int32Array, extra = false): number {
  const word = sn.word, tag = sn.tag, n = sn.n;
  const h = tv.head[d]!;
  const dw = word[d]!, dt = tag[d]!, hw = word[h]!, ht = tag[h]!;
  const dir = d < h ? 1 : 2;
  const dist = distBucket(h === n ? 0 : h - d);
  const hl = h === n ? -2 : tv.label[h]!;
  const g = h === n ? n : tv.head[h]!;
  const gt = g === n ? TAG_ROOT : tag[g]!;
  const pt = d > 0 ? tag[d - 1]! : TAG_NONE, nt = d + 1 < n ? tag[d + 1]! : TAG_NONE;
  const pw = d > 0 ? word[d - 1]! : WORD_NONE;
  const commasBetween = h === n ? 3 : cap(Math.abs(sn.commas[Math.max(h, d)]! - sn.commas[Math.min(h, d) + 1]!), 2);
  const L = LABEL_SALT;
  let k = 0;
  out[k++] = H(H(L[1]! ^ dw, K1), K2); out[k++] = H(H(L[2]! ^ dt, K1), K2); out[k++] = H(H(L[3]! ^ dw, K1) ^ dt, K2);
  out[k++] = H(H(L[4]! ^ hw, K1), K2); out[k++] = H(H(L[5]! ^ ht, K1), K2); out[k++] = H(H(L[6]! ^ hw, K1) ^ ht, K2);
  out[k++] = H(H(L[7]! ^ dt, K1) ^ ht, K2) ^ dir; out[k++] = H(H(L[8]! ^ dw, K1) ^ ht, K2) ^ dir; out[k++] = H(H(L[9]! ^ dt, K1) ^ hw, K2) ^ dir;
  out[k++] = H(H(L[10]! ^ dw, K1) ^ hw, K2) ^ dir; out[k++] = H(H(L[11]! ^ dt, K1) ^ ht, K2) ^ dir * 16 + dist; out[k++] = H(H(L[12]! ^ dw, K1) ^ dir, K2);
  out[k++] = H(H(L[13]! ^ hl, K1) ^ dt, K2) ^ ht; out[k++] = H(H(L[14]! ^ hl, K1) ^ dt, K2) ^ dir; out[k++] = H(H(L[15]! ^ gt, K1) ^ ht, K2) ^ dt * 4 + dir;
  out[k++] = H(H(L[16]! ^ pt, K1) ^ dt, K2) ^ nt; out[k++] = H(H(L[17]! ^ pw, K1) ^ dt, K2) ^ dir; out[k++] = H(H(L[18]! ^ commasBetween, K1) ^ dt, K2) ^ ht * 4 + dir;
  out[k++] = H(H(L[19]! ^ dir, K1) ^ dist, K2); out[k++] = H(H(L[20]! ^ hl, K1), K2);
  // The dependent's own children: function words ("to", "that", "by", "were") decide many labels.
  const ds = tv.childStart[d]!, de = tv.childStart[d + 1]!;
  const leftmost = ds < de ? tv.child[ds]! : NONE, rightmost = ds < de ? tv.child[de - 1]! : NONE;
  out[k++] = H(H(L[21]! ^ (leftmost === NONE ? TAG_NONE : tag[leftmost]!), K1) ^ dt, K2);
  out[k++] = H(H(L[22]! ^ (rightmost === NONE ? TAG_NONE : tag[rightmost]!), K1) ^ dt, K2);
  out[k++] = H(H(L[23]! ^ (leftmost === NONE ? WORD_NONE : word[leftmost]!), K1) ^ dt, K2) ^ dir;
  out[k++] = H(H(L[24]! ^ cap(de - ds, 5), K1) ^ dt, K2);
  for (let i = ds, m = 0; i < de && m < MAX_CHILD_FEATURES; i++, m++) {
    const c = tv.child[i]!;
    const side = c < d ? 1 : 2;
    out[k++] = H(H(L[25]! ^ word[c]!, K1) ^ dt, K2) ^ side;
    out[k++] = H(H(L[26]! ^ tag[c]!, K1) ^ dt, K2) ^ side * 8 + dir;
  }
  // Siblings under the same head: who else the head governs decides subject vs object.
  const hs = tv.childStart[h]!, he = tv.childStart[h + 1]!;
  let leftSib = NONE, rightSib = NONE;
  for (let i = hs; i < he; i++) {
    const c = tv.child[i]!;
    if (c < d) leftSib = c;
    else if (c > d) { rightSib = c; break; }
  }
  out[k++] = H(H(L[27]! ^ (leftSib === NONE ? TAG_NONE : tag[leftSib]!), K1) ^ dt, K2) ^ ht * 4 + dir;
  out[k++] = H(H(L[28]! ^ (rightSib === NONE ? TAG_NONE : tag[rightSib]!), K1) ^ dt, K2) ^ ht * 4 + dir;
  out[k++] = H(H(L[29]! ^ (leftSib === NONE ? WORD_NONE : word[leftSib]!), K1) ^ dt, K2) ^ dir;
  if (extra) {
    const sibLabel = leftSib === NONE ? -3 : tv.label[leftSib]!;
    out[k++] = H(H(L[32]! ^ sibLabel, K1) ^ dt, K2) ^ dir; out[k++] = H(H(L[33]! ^ sibLabel, K1) ^ dw, K2);
    out[k++] = H(H(L[34]! ^ sibLabel, K1) ^ dt, K2) ^ ht * 4 + dir;
  }
  for (let i = hs, m = 0; i < he && m < MAX_CHILD_FEATURES; i++) {
    const c = tv.child[i]!;
    if (c === d) continue;
    m++;
    const side = (c < d ? 1 : 2) + (c < h ? 4 : 8);
    out[k++] = H(H(L[30]! ^ word[c]!, K1) ^ dt, K2) ^ side;
  }
  finishAll(out, 0, k);
  out[k++] = L[31]!; // bias
  return k;
}
