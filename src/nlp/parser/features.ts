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

export function encodeSentence(forms: readonly string[], tagIds: ArrayLike<number>, vocabulary: ReadonlySet<string> | WordValueCache | undefined, into?: EncodedSentence): EncodedSentence {
  const n = forms.length;
  const s = into && into.word.length >= n + 2 ? into : {
    n, word: new Int32Array(n + 2), tag: new Int32Array(n + 2), wt: new Int32Array(n + 2), commas: new Int32Array(n + 2),
  };
  s.n = n;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const f = forms[i]!;
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
  let h = Math.imul(t ^ a, 0xcc9e2d51) ^ b;
  h = Math.imul(h, 0x1b873593) ^ c;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return h ^ (h >>> 13);
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
export const MAX_TRANSITION_FEATURES = 96;

/**
 * Writes the transition features of `st` into `out`; returns how many.
 * Absent positions read slot n+1 of the sentence arrays (WORD_NONE / TAG_NONE), avoiding branches.
 */
export function transitionFeatures(st: ArcHybridState, sn: EncodedSentence, out: Int32Array): number {
  const word = sn.word, tag = sn.tag, wt = sn.wt, commas = sn.commas;
  const n = sn.n, X = n + 1;
  const stack = st.stack, sp = st.sp, b = st.b;
  const lc1 = st.lc1, lc2 = st.lc2, rc1 = st.rc1, rc2 = st.rc2, lcount = st.leftCount, rcount = st.rightCount;
  const s0 = sp > 0 ? stack[sp - 1]! : X, s1 = sp > 1 ? stack[sp - 2]! : X, s2 = sp > 2 ? stack[sp - 3]! : X;
  const n0 = b < n ? b : X, n1 = b + 1 < n ? b + 1 : X, n2 = b + 2 < n ? b + 2 : X;
  const s0w = word[s0]!, s0t = tag[s0]!, s0wt = wt[s0]!;
  const s1w = word[s1]!, s1t = tag[s1]!, s1wt = wt[s1]!;
  const s2t = tag[s2]!, s2wt = wt[s2]!;
  const n0w = word[n0]!, n0t = tag[n0]!, n0wt = wt[n0]!;
  const n1w = word[n1]!, n1t = tag[n1]!, n1wt = wt[n1]!;
  const n2w = word[n2]!, n2t = tag[n2]!, n2wt = wt[n2]!;
  const s0l = lc1[s0]!, s0l2 = lc2[s0]!, s0r = rc1[s0]!, s0r2 = rc2[s0]!;
  const s1l = lc1[s1]!, s1r = rc1[s1]!, s1r2 = rc2[s1]!;
  const n0l = lc1[n0]!, n0l2 = lc2[n0]!;
  const s0lt = tag[s0l]!, s0l2t = tag[s0l2]!, s0rt = tag[s0r]!, s0r2t = tag[s0r2]!;
  const s1lt = tag[s1l]!, s1rt = tag[s1r]!, s1r2t = tag[s1r2]!, n0lt = tag[n0l]!, n0l2t = tag[n0l2]!;
  const s0lv = cap(lcount[s0]!, 4), s0rv = cap(rcount[s0]!, 4), s1lv = cap(lcount[s1]!, 4), s1rv = cap(rcount[s1]!, 4);
  const n0lv = cap(lcount[n0]!, 4);
  // Distances and commas between s0 and n0, and between s1 and s0 (ROOT sits at n, after every word).
  const bothS0N0 = s0 < n && n0 < n, bothS1S0 = s1 < n && s0 < n;
  const dS0N0 = bothS0N0 ? distBucket(n0 - s0) : 15;
  const dS1S0 = bothS1S0 ? distBucket(s0 - s1) : 15;
  const cS0N0 = bothS0N0 ? cap(commas[n0]! - commas[s0 + 1]!, 2) : 3;
  const cS1S0 = bothS1S0 ? cap(commas[s0]! - commas[s1 + 1]!, 2) : 3;
  const S = SALT;
  let k = 0;
  // Unigrams.
  out[k++] = mix(S[1]!, s0w, 0, 0); out[k++] = mix(S[2]!, s0t, 0, 0); out[k++] = mix(S[3]!, s0wt, 0, 0);
  out[k++] = mix(S[4]!, s1w, 0, 0); out[k++] = mix(S[5]!, s1t, 0, 0); out[k++] = mix(S[6]!, s1wt, 0, 0);
  out[k++] = mix(S[7]!, n0w, 0, 0); out[k++] = mix(S[8]!, n0t, 0, 0); out[k++] = mix(S[9]!, n0wt, 0, 0);
  out[k++] = mix(S[10]!, n1w, 0, 0); out[k++] = mix(S[11]!, n1t, 0, 0); out[k++] = mix(S[12]!, n1wt, 0, 0);
  out[k++] = mix(S[13]!, n2w, 0, 0); out[k++] = mix(S[14]!, n2t, 0, 0); out[k++] = mix(S[15]!, n2wt, 0, 0);
  out[k++] = mix(S[16]!, s2t, 0, 0); out[k++] = mix(S[17]!, s2wt, 0, 0);
  // s0 with n0 (LEFT decisions).
  out[k++] = mix(S[20]!, s0wt, n0wt, 0); out[k++] = mix(S[21]!, s0wt, n0w, 0); out[k++] = mix(S[22]!, s0w, n0wt, 0);
  out[k++] = mix(S[23]!, s0wt, n0t, 0); out[k++] = mix(S[24]!, s0t, n0wt, 0); out[k++] = mix(S[25]!, s0w, n0w, 0);
  out[k++] = mix(S[26]!, s0t, n0t, 0);
  // s1 with s0 (RIGHT decisions).
  out[k++] = mix(S[30]!, s1wt, s0wt, 0); out[k++] = mix(S[31]!, s1wt, s0w, 0); out[k++] = mix(S[32]!, s1w, s0wt, 0);
  out[k++] = mix(S[33]!, s1wt, s0t, 0); out[k++] = mix(S[34]!, s1t, s0wt, 0); out[k++] = mix(S[35]!, s1w, s0w, 0);
  out[k++] = mix(S[36]!, s1t, s0t, 0);
  out[k++] = mix(S[37]!, s1t, n0t, 0); out[k++] = mix(S[38]!, s1w, n0t, 0); out[k++] = mix(S[39]!, s1t, n0w, 0);
  // Tag trigrams.
  out[k++] = mix(S[40]!, n0t, n1t, n2t); out[k++] = mix(S[41]!, s0t, n0t, n1t); out[k++] = mix(S[42]!, s1t, s0t, n0t);
  out[k++] = mix(S[43]!, s2t, s1t, s0t); out[k++] = mix(S[44]!, s0w, n0t, n1t); out[k++] = mix(S[45]!, s0t, n0w, n1t);
  out[k++] = mix(S[46]!, s1t, s0t, n1t); out[k++] = mix(S[47]!, n0w, n1t, n2t); out[k++] = mix(S[48]!, n0t, n1w, 0);
  // Children.
  out[k++] = mix(S[50]!, s0t, s0lt, n0t); out[k++] = mix(S[51]!, s0t, s0rt, n0t); out[k++] = mix(S[52]!, s0t, n0t, n0lt);
  out[k++] = mix(S[53]!, s1t, s0t, s0lt); out[k++] = mix(S[54]!, s1t, s0t, s0rt); out[k++] = mix(S[55]!, s1t, s1rt, s0t);
  out[k++] = mix(S[56]!, s1t, s1lt, s0t); out[k++] = mix(S[57]!, wt[s0l]!, 0, 0); out[k++] = mix(S[58]!, wt[s0r]!, 0, 0);
  out[k++] = mix(S[59]!, wt[n0l]!, 0, 0); out[k++] = mix(S[60]!, s0lt, 0, 0); out[k++] = mix(S[61]!, s0rt, 0, 0);
  out[k++] = mix(S[62]!, n0lt, 0, 0); out[k++] = mix(S[63]!, wt[s1r]!, 0, 0); out[k++] = mix(S[64]!, s1rt, s1lt, 0);
  out[k++] = mix(S[65]!, s0t, s0lt, s0l2t); out[k++] = mix(S[66]!, s0t, s0rt, s0r2t); out[k++] = mix(S[67]!, n0t, n0lt, n0l2t);
  out[k++] = mix(S[68]!, s1t, s1rt, s1r2t); out[k++] = mix(S[69]!, s0w, s0rt, n0t); out[k++] = mix(S[70]!, s0w, s0lt, n0t);
  out[k++] = mix(S[71]!, s1w, s0t, s0rt); out[k++] = mix(S[72]!, s0w, n0t, n0lt);
  // Distance.
  out[k++] = mix(S[80]!, dS0N0, s0w, 0); out[k++] = mix(S[81]!, dS0N0, s0t, 0); out[k++] = mix(S[82]!, dS0N0, n0w, 0);
  out[k++] = mix(S[83]!, dS0N0, n0t, 0); out[k++] = mix(S[84]!, dS0N0, s0t, n0t); out[k++] = mix(S[85]!, dS1S0, s1w, 0);
  out[k++] = mix(S[86]!, dS1S0, s1t, 0); out[k++] = mix(S[87]!, dS1S0, s0w, 0); out[k++] = mix(S[88]!, dS1S0, s0t, 0);
  out[k++] = mix(S[89]!, dS1S0, s1t, s0t);
  // Valency.
  out[k++] = mix(S[90]!, s0lv, s0w, 0); out[k++] = mix(S[91]!, s0lv, s0t, 0); out[k++] = mix(S[92]!, s0rv, s0w, 0);
  out[k++] = mix(S[93]!, s0rv, s0t, 0); out[k++] = mix(S[94]!, n0lv, n0w, 0); out[k++] = mix(S[95]!, n0lv, n0t, 0);
  out[k++] = mix(S[96]!, s1rv, s1t, 0); out[k++] = mix(S[97]!, s1lv, s1t, 0); out[k++] = mix(S[98]!, s1rv, s1w, 0);
  // Commas between the items (apposition, coordination, parentheticals).
  out[k++] = mix(S[100]!, cS0N0, s0t, n0t); out[k++] = mix(S[101]!, cS1S0, s1t, s0t); out[k++] = mix(S[102]!, cS0N0, cS1S0, 0);
  out[k++] = mix(S[103]!, cS1S0, s1t, s0rt);
  out[k++] = S[104]!; // bias
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
export function labelFeatures(tv: TreeView, sn: EncodedSentence, d: number, out: Int32Array): number {
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
  out[k++] = mix(L[1]!, dw, 0, 0); out[k++] = mix(L[2]!, dt, 0, 0); out[k++] = mix(L[3]!, dw, dt, 0);
  out[k++] = mix(L[4]!, hw, 0, 0); out[k++] = mix(L[5]!, ht, 0, 0); out[k++] = mix(L[6]!, hw, ht, 0);
  out[k++] = mix(L[7]!, dt, ht, dir); out[k++] = mix(L[8]!, dw, ht, dir); out[k++] = mix(L[9]!, dt, hw, dir);
  out[k++] = mix(L[10]!, dw, hw, dir); out[k++] = mix(L[11]!, dt, ht, dir * 16 + dist); out[k++] = mix(L[12]!, dw, dir, 0);
  out[k++] = mix(L[13]!, hl, dt, ht); out[k++] = mix(L[14]!, hl, dt, dir); out[k++] = mix(L[15]!, gt, ht, dt * 4 + dir);
  out[k++] = mix(L[16]!, pt, dt, nt); out[k++] = mix(L[17]!, pw, dt, dir); out[k++] = mix(L[18]!, commasBetween, dt, ht * 4 + dir);
  out[k++] = mix(L[19]!, dir, dist, 0); out[k++] = mix(L[20]!, hl, 0, 0);
  // The dependent's own children: function words ("to", "that", "by", "were") decide many labels.
  const ds = tv.childStart[d]!, de = tv.childStart[d + 1]!;
  const leftmost = ds < de ? tv.child[ds]! : NONE, rightmost = ds < de ? tv.child[de - 1]! : NONE;
  out[k++] = mix(L[21]!, leftmost === NONE ? TAG_NONE : tag[leftmost]!, dt, 0);
  out[k++] = mix(L[22]!, rightmost === NONE ? TAG_NONE : tag[rightmost]!, dt, 0);
  out[k++] = mix(L[23]!, leftmost === NONE ? WORD_NONE : word[leftmost]!, dt, dir);
  out[k++] = mix(L[24]!, cap(de - ds, 5), dt, 0);
  for (let i = ds, m = 0; i < de && m < MAX_CHILD_FEATURES; i++, m++) {
    const c = tv.child[i]!;
    const side = c < d ? 1 : 2;
    out[k++] = mix(L[25]!, word[c]!, dt, side);
    out[k++] = mix(L[26]!, tag[c]!, dt, side * 8 + dir);
  }
  // Siblings under the same head: who else the head governs decides subject vs object.
  const hs = tv.childStart[h]!, he = tv.childStart[h + 1]!;
  let leftSib = NONE, rightSib = NONE;
  for (let i = hs; i < he; i++) {
    const c = tv.child[i]!;
    if (c < d) leftSib = c;
    else if (c > d) { rightSib = c; break; }
  }
  out[k++] = mix(L[27]!, leftSib === NONE ? TAG_NONE : tag[leftSib]!, dt, ht * 4 + dir);
  out[k++] = mix(L[28]!, rightSib === NONE ? TAG_NONE : tag[rightSib]!, dt, ht * 4 + dir);
  out[k++] = mix(L[29]!, leftSib === NONE ? WORD_NONE : word[leftSib]!, dt, dir);
  for (let i = hs, m = 0; i < he && m < MAX_CHILD_FEATURES; i++) {
    const c = tv.child[i]!;
    if (c === d) continue;
    m++;
    const side = (c < d ? 1 : 2) + (c < h ? 4 : 8);
    out[k++] = mix(L[30]!, word[c]!, dt, side);
  }
  out[k++] = L[31]!; // bias
  return k;
}
