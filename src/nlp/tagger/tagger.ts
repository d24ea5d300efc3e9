// The part-of-speech tagger at run time: greedy left-to-right averaged perceptron over joint UPOS+XPOS tags.

import { readFileSync } from 'node:fs';
import { readBundle, writeBundle } from '../learn/bundle.js';
import { SparseLinearModel } from '../learn/sparse-model.js';
import { repoPath } from '../learn/repo.js';
import { hashString } from '../learn/hash.js';
import {
  ALL_CAPS, CASED, END, END2, MAX_FEATURES, Role, START, START2, UNCAPITALISED, UNKNOWN_AMBIGUITY, UPPER_INITIAL, WORD_HASHES,
  casingFlags, casingOf, crossFeatures, hashPseudoWord, hashWord, isCapitalised, neighbourFeatures, normalizeWord, tagFeatures,
  tagWordFeatures, wordFeatures,
} from './features.js';
import { Morphology, type MorphologyTables } from './morphology.js';

/** Where the trained model lives, relative to the package root. */
export const TAGGER_MODEL_PATH = 'models/tagger.bin';

/** Distinct forms kept in the word cache before it is emptied (about 0.9 kB of cached score rows each). */
const WORD_CACHE_SIZE = 1 << 14;
/** Entries kept in the lemma/feats cache before it is emptied. */
const MORPH_CACHE_SIZE = 50_000;
/** Score rows cached per word: its own features and its four neighbour roles. */
const ROWS_PER_WORD = 5;
/**
 * Cached row sums smaller than this (in weight units) are dropped: they almost never decide a tag (EWT/GUM dev
 * accuracy unchanged at 2.0: 95.35 / 96.73 UPOS vs 95.34 / 96.70 with every weight) and dropping them shortens the
 * rows added per token by a third.
 */
const ROW_MIN_WEIGHT = 2.0;
/** Slots of the (word, previous class) row cache: 2^17, emptied with the word cache when 60% full. */
const PAIR_BITS = 17;
const PAIR_LIMIT = Math.floor(0.6 * (1 << PAIR_BITS));
/** Pseudo-words at the start of the word cache: positions -2, -1, n, n + 1 of every sentence. */
const PSEUDO = [START2, START, END, END2] as const;

export interface TaggerMeta {
  kind: 'dateline-tagger';
  version: 1;
  /** Joint classes, `UPOS XPOS` (e.g. `PROPN NNP`). */
  classes: string[];
  /** Frequent unambiguous words (case-sensitive form) -> class. */
  tagDictionary: Record<string, number>;
  /** Normalized word -> ambiguity class (the tags it takes, "3,17"), for words seen often enough. */
  ambiguity: Record<string, string>;
  /** Capitalised form (case-sensitive) -> its ambiguity class, for forms seen often enough. */
  formAmbiguity: Record<string, string>;
  morphology: MorphologyTables;
  weights: { nClasses: number; scale: number };
  /** The second pass, which also sees the first pass's tags of the next words (stacking). */
  second?: { nClasses: number; scale: number };
  /** How the model was made: data, seed, epochs, scores. */
  training: Record<string, unknown>;
}

export interface TaggerOptions {
  /** Cached row sums below this (weight units) are dropped; 0 keeps every weight (exactly the trained scores). */
  minRowWeight?: number;
}

export interface TaggedWords {
  upos: string[];
  xpos: string[];
  lemma: string[];
  feats: string[];
}

/**
 * The model's weights laid out for one memory read per feature: open addressing over 16-byte slots of
 * [feature, count | overflow start << 8, entry, entry]; a feature with at most two weights (most of the word-pair and
 * tag-word features) keeps them in its slot, others in an overflow array. An entry packs a class in its low 8 bits
 * and the weight in integer units of the model's step above, so sums equal SparseLinearModel's exactly.
 */
class WeightTable {
  private readonly slots: Int32Array;
  private readonly overflow: Int32Array;
  private readonly mask: number;

  constructor(model: SparseLinearModel) {
    const { keys, rowStart, cls, weight, step } = model;
    let cap = 16;
    while (cap < keys.length * 1.5) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 4);
    let spill = 0;
    for (let r = 0; r < keys.length; r++) if (rowStart[r + 1]! - rowStart[r]! > 2) spill += rowStart[r + 1]! - rowStart[r]!;
    this.overflow = new Int32Array(spill);
    spill = 0;
    const slots = this.slots, mask = this.mask, overflow = this.overflow;
    for (let r = 0; r < keys.length; r++) {
      const k = (keys[r]! || 1) | 0, from = rowStart[r]!, n = rowStart[r + 1]! - from;
      let s = k & mask;
      while (slots[s * 4] !== 0) s = (s + 1) & mask;
      slots[s * 4] = k;
      slots[s * 4 + 1] = n <= 2 ? n : n | (spill << 8);
      for (let j = 0; j < n; j++) {
        const packed = (Math.round(weight[from + j]! / step) << 8) | cls[from + j]!;
        if (n <= 2) slots[s * 4 + 2 + j] = packed;
        else overflow[spill++] = packed;
      }
    }
  }

  /** Adds the weights of features[0, count) to scores (in the model's integer units). */
  accumulate(features: Uint32Array, count: number, scores: Int32Array): void {
    const { slots, overflow, mask } = this;
    for (let f = 0; f < count; f++) {
      const k = (features[f]! || 1) | 0;
      let s = (k & mask) << 2;
      let key = slots[s]!;
      while (key !== k && key !== 0) { s = (s + 4) & (mask << 2 | 3); key = slots[s]!; }
      if (key === 0) continue;
      const info = slots[s + 1]!, n = info & 0xff;
      if (n <= 2) {
        if (n === 0) continue;
        let p = slots[s + 2]!;
        scores[p & 0xff]! += p >> 8;
        if (n === 2) { p = slots[s + 3]!; scores[p & 0xff]! += p >> 8; }
      } else {
        for (let e = info >>> 8, end = e + n; e < end; e++) { const p = overflow[e]!; scores[p & 0xff]! += p >> 8; }
      }
    }
  }
}

/**
 * Distinct word forms seen at run time: their hashes and tag-dictionary class, computed once per form.
 * Entries 0-3 are the pseudo-words around a sentence.
 */
class WordCache {
  readonly ids = new Map<string, number>();
  readonly hashes = new Uint32Array((WORD_CACHE_SIZE + PSEUDO.length) * WORD_HASHES);
  /** Tag-dictionary class of each entry, -1 when the model must decide. */
  readonly dictClass = new Int32Array(WORD_CACHE_SIZE + PSEUDO.length);
  /** `casingFlags` of each entry, for the sentence's casing. */
  readonly casing = new Uint8Array(WORD_CACHE_SIZE + PSEUDO.length);
  size = 0;
  /** Bumped whenever the cache is emptied, so row caches built on it know to empty themselves. */
  generation = 0;

  constructor(private readonly tagDictionary: ReadonlyMap<string, number>, private readonly ambiguity: ReadonlyMap<string, number>,
    private readonly formAmbiguity: ReadonlyMap<string, number>) {
    this.clear();
  }

  clear(): void {
    this.ids.clear();
    PSEUDO.forEach((marker, e) => { hashPseudoWord(marker, this.hashes, e * WORD_HASHES); this.dictClass[e] = -1; });
    this.size = PSEUDO.length;
    this.generation++;
  }

  /** Room for `n` more forms (emptied if not): call before a sentence, so its entries stay valid throughout. */
  reserve(n: number): void {
    if (this.size + n > WORD_CACHE_SIZE) this.clear();
  }

  id(form: string): number {
    let e = this.ids.get(form);
    if (e === undefined) {
      e = this.size++;
      const formAmb = isCapitalised(form) ? this.formAmbiguity.get(form) ?? UNKNOWN_AMBIGUITY : UNCAPITALISED;
      hashWord(form, this.ambiguity.get(normalizeWord(form)) ?? UNKNOWN_AMBIGUITY, formAmb, this.hashes, e * WORD_HASHES);
      this.dictClass[e] = this.tagDictionary.get(form) ?? -1;
      this.casing[e] = casingFlags(form);
      this.ids.set(form, e);
    }
    return e;
  }
}

/**
 * One model's scores, with the sums that do not depend on the position cached: per word its own features and
 * its four neighbour roles, per pair of previous classes the tag features. A cached sum is a sparse row
 * (classes and integer weights in a shared pool), so a token costs a few row additions plus its cross features.
 */
class PassScorer {
  /** Row of (word entry, slot): start in the pool, or -1 when not built yet; its length alongside. */
  private readonly wordRow = new Int32Array((WORD_CACHE_SIZE + PSEUDO.length) * ROWS_PER_WORD).fill(-1);
  private readonly wordRowLength = new Int32Array((WORD_CACHE_SIZE + PSEUDO.length) * ROWS_PER_WORD);
  /** Per pair of previous classes: start of its dense row of tag-feature scores in tagRows, or -1. */
  private readonly tagRow: Int32Array;
  private tagRows: Int32Array;
  private tagRowsSize = 0;
  /** Open addressing on (word entry, previous class): key (-1 empty), row start and length. */
  private readonly pairKey = new Int32Array(1 << PAIR_BITS).fill(-1);
  private readonly pairRow = new Int32Array(1 << PAIR_BITS);
  private readonly pairRowLength = new Int32Array(1 << PAIR_BITS);
  private pairs = 0;
  private poolClass = new Uint8Array(1 << 18);
  private poolWeight = new Int32Array(1 << 18);
  private poolSize = 0;
  private generation = -1;
  private readonly dense: Int32Array;
  private readonly features = new Uint32Array(MAX_FEATURES);
  /** Summed weights below this (in integer units) are left out of cached rows. */
  private readonly minRowWeight: number;

  private readonly table: WeightTable;

  constructor(readonly model: SparseLinearModel, private readonly words: WordCache, minRowWeight: number) {
    this.table = new WeightTable(model);
    this.minRowWeight = Math.max(1, Math.round(minRowWeight / model.step));
    const n = model.nClasses + 1;
    this.tagRow = new Int32Array(n * n).fill(-1);
    this.tagRows = new Int32Array(model.nClasses * 256);
    this.dense = new Int32Array(model.nClasses);
  }

  /** Empties the cached rows when the word cache was emptied (row ids point into it). */
  /** Empties the word cache (and so every cache) when the pair cache is full: call before a sentence's ids are taken. */
  checkLimits(): void {
    if (this.pairs >= PAIR_LIMIT) this.words.clear();
  }

  sync(): void {
    if (this.generation === this.words.generation) return;
    this.generation = this.words.generation;
    this.wordRow.fill(-1);
    this.tagRow.fill(-1);
    this.tagRowsSize = 0;
    this.pairKey.fill(-1);
    this.pairs = 0;
    this.poolSize = 0;
  }

  /** Scores the features out[0, count) and stores the non-zero sums as a row; returns its start. */
  private build(count: number): number {
    const dense = this.dense;
    dense.fill(0);
    this.table.accumulate(this.features, count, dense);
    const min = this.minRowWeight;
    let nonZero = 0;
    for (let c = 0; c < dense.length; c++) if (Math.abs(dense[c]!) >= min) nonZero++;
    if (this.poolSize + nonZero > this.poolClass.length) {
      const cls = new Uint8Array(Math.max(this.poolClass.length * 2, this.poolSize + nonZero));
      const weight = new Int32Array(cls.length);
      cls.set(this.poolClass);
      weight.set(this.poolWeight);
      this.poolClass = cls;
      this.poolWeight = weight;
    }
    const start = this.poolSize;
    for (let c = 0; c < dense.length; c++) {
      if (Math.abs(dense[c]!) >= min) { this.poolClass[this.poolSize] = c; this.poolWeight[this.poolSize++] = dense[c]!; }
    }
    return start;
  }

  /** Adds row `slot` (0: the word itself, 1 + Role: a neighbour role) of word entry e into scores. */
  private addWordRow(e: number, slot: number, scores: Int32Array): void {
    const k = e * ROWS_PER_WORD + slot;
    let start = this.wordRow[k]!;
    if (start < 0) {
      const h = this.words.hashes, at = e * WORD_HASHES;
      const count = slot === 0 ? wordFeatures(h, at, this.features, 0) : neighbourFeatures((slot - 1) as Role, h, at, this.features, 0);
      start = this.wordRow[k] = this.build(count);
      this.wordRowLength[k] = this.poolSize - start;
    }
    const cls = this.poolClass, weight = this.poolWeight;
    for (let j = start, end = start + this.wordRowLength[k]!; j < end; j++) scores[cls[j]!]! += weight[j]!;
  }

  /**
   * Sets scores to the tag features' scores for the two previous classes (with the bias): nearly every class has
   * a weight there, so the sums are kept dense and copied, which also spares zeroing the scores.
   */
  private setTagRow(prev1: number, prev2: number, scores: Int32Array): void {
    const k = (prev1 + 1) * (this.model.nClasses + 1) + prev2 + 1, width = this.model.nClasses;
    let start = this.tagRow[k]!;
    if (start < 0) {
      if (this.tagRowsSize + width > this.tagRows.length) {
        const grown = new Int32Array(this.tagRows.length * 2);
        grown.set(this.tagRows);
        this.tagRows = grown;
      }
      start = this.tagRow[k] = this.tagRowsSize;
      this.tagRowsSize += width;
      const dense = this.dense;
      dense.fill(0);
      this.table.accumulate(this.features, tagFeatures(prev1, prev2, this.features, 0), dense);
      this.tagRows.set(dense, start);
    }
    const rows = this.tagRows;
    for (let j = 0; j < width; j++) scores[j] = rows[start + j]!;
  }

  /** Adds the row of the previous class with word entry e; cached per pair (past the limit, summed directly). */
  private addTagWordRow(e: number, prev1: number, scores: Int32Array): void {
    const key = e * (this.model.nClasses + 1) + prev1 + 1, mask = (1 << PAIR_BITS) - 1, pairKey = this.pairKey;
    let s = Math.imul(key, 0x9e3779b1) >>> (32 - PAIR_BITS);
    while (pairKey[s] !== key && pairKey[s] !== -1) s = (s + 1) & mask;
    let start: number;
    if (pairKey[s] === key) start = this.pairRow[s]!;
    else {
      const count = tagWordFeatures(this.words.hashes, e * WORD_HASHES, prev1, this.features, 0);
      if (this.pairs >= PAIR_LIMIT) { this.table.accumulate(this.features, count, scores); return; }
      start = this.pairRow[s] = this.build(count);
      this.pairRowLength[s] = this.poolSize - start;
      pairKey[s] = key;
      this.pairs++;
    }
    const cls = this.poolClass, weight = this.poolWeight;
    for (let j = start, end = start + this.pairRowLength[s]!; j < end; j++) scores[cls[j]!]! += weight[j]!;
  }

  /** Scores of token i (word-cache entry ids[i + 2]; ids[i + 2 ± k] are its neighbours) into `scores`. */
  score(ids: Int32Array, i: number, casing: number, prev1: number, prev2: number, scores: Int32Array,
    firstPass?: readonly [number, number, number]): void {
    const p = i + 2;
    this.setTagRow(prev1, prev2, scores);
    this.addWordRow(ids[p]!, 0, scores);
    this.addWordRow(ids[p - 2]!, 1 + Role.PREV2, scores);
    this.addWordRow(ids[p - 1]!, 1 + Role.PREV, scores);
    this.addWordRow(ids[p + 1]!, 1 + Role.NEXT, scores);
    this.addWordRow(ids[p + 2]!, 1 + Role.NEXT2, scores);
    this.addTagWordRow(ids[p]!, prev1, scores);
    const count = crossFeatures(this.words.hashes, ids[p]! * WORD_HASHES, ids[p - 1]! * WORD_HASHES, ids[p + 1]! * WORD_HASHES,
      i === 0, casing, prev1, this.features, 0, firstPass);
    this.table.accumulate(this.features, count, scores);
  }
}

export class Tagger {
  readonly upos: readonly string[];
  readonly xpos: readonly string[];
  readonly morphology: Morphology;
  private readonly words: WordCache;
  private readonly first: PassScorer;
  private readonly stacked?: PassScorer;
  private readonly scores: Int32Array;

  /** Form -> per class [lemma, feats]: most words recur, and the rules need not run again. */
  private readonly morphCache = new Map<string, Array<[string, string] | undefined>>();
  /** Per sentence: word-cache entry of each position (pseudo-words at both ends). */
  private ids = new Int32Array(260);
  private pass1 = new Int32Array(256);
  private pass2 = new Int32Array(256);
  private readonly firstPassTags: [number, number, number] = [0, 0, 0];

  constructor(readonly model: SparseLinearModel, readonly meta: TaggerMeta, readonly second?: SparseLinearModel, options: TaggerOptions = {}) {
    this.upos = meta.classes.map((c) => c.split(' ')[0]!);
    this.xpos = meta.classes.map((c) => c.split(' ')[1]!);
    const hashed = (table: Record<string, string>) => new Map(Object.entries(table).map(([w, a]) => [w, hashString(a)]));
    this.words = new WordCache(new Map(Object.entries(meta.tagDictionary)), hashed(meta.ambiguity), hashed(meta.formAmbiguity));
    this.morphology = new Morphology(meta.morphology);
    this.scores = new Int32Array(model.nClasses);
    const minRowWeight = options.minRowWeight ?? ROW_MIN_WEIGHT;
    this.first = new PassScorer(model, this.words, minRowWeight);
    if (second) this.stacked = new PassScorer(second, this.words, minRowWeight);
  }

  /** Predicts the class of each of forms[from, to) (one sentence) into out[from, to). */
  tagSentence(forms: readonly string[], from: number, to: number, out: Int32Array | number[]): void {
    const n = to - from;
    if (n + 4 > this.ids.length) {
      this.ids = new Int32Array(n * 2 + 4);
      this.pass1 = new Int32Array(n * 2);
      this.pass2 = new Int32Array(n * 2);
    }
    const { words, ids } = this;
    this.first.checkLimits();
    this.stacked?.checkLimits();
    words.reserve(n);
    ids[0] = 0; ids[1] = 1; ids[n + 2] = 2; ids[n + 3] = 3;
    for (let i = 0; i < n; i++) ids[i + 2] = words.id(forms[from + i]!);
    this.first.sync();
    this.stacked?.sync();
    let letters = 0, initial = 0, allCaps = 0;
    for (let p = 2; p < n + 2; p++) {
      const f = words.casing[ids[p]!]!;
      letters += f & CASED; initial += (f & UPPER_INITIAL) >> 1; allCaps += (f & ALL_CAPS) >> 2;
    }
    const casing = casingOf(letters, initial, allCaps);
    this.decode(this.first, n, casing, this.pass1);
    let result = this.pass1;
    if (this.stacked) { this.decode(this.stacked, n, casing, this.pass2, this.pass1); result = this.pass2; }
    for (let i = 0; i < n; i++) out[from + i] = result[i]!;
  }

  /** Greedy left-to-right decoding of the prepared sentence (this.ids) into out[0, n). */
  private decode(scorer: PassScorer, n: number, casing: number, out: Int32Array, firstPass?: Int32Array): void {
    const { ids, scores } = this;
    const dictClass = this.words.dictClass;
    const fp = firstPass ? this.firstPassTags : undefined;
    let prev1 = -1, prev2 = -1;
    for (let i = 0; i < n; i++) {
      let c = dictClass[ids[i + 2]!]!;
      if (c < 0) {
        if (fp) { fp[0] = firstPass![i]!; fp[1] = i + 1 < n ? firstPass![i + 1]! : -1; fp[2] = i + 2 < n ? firstPass![i + 2]! : -1; }
        scorer.score(ids, i, casing, prev1, prev2, scores, fp);
        c = 0;
        for (let j = 1; j < scores.length; j++) if (scores[j]! > scores[c]!) c = j;
      }
      out[i] = c;
      prev2 = prev1;
      prev1 = c;
    }
  }

  /** Tags words; `sentences` gives [start, end) word ranges (default: all words are one sentence). */
  tag(forms: readonly string[], sentences?: ArrayLike<number>[]): TaggedWords {
    const n = forms.length;
    const cls = new Int32Array(n);
    if (sentences) for (const [s, e] of sentences as Array<[number, number]>) this.tagSentence(forms, s, e, cls);
    else this.tagSentence(forms, 0, n, cls);
    return this.describe(forms, cls);
  }

  /** Turns predicted classes into tags, lemmas and feats. */
  describe(forms: readonly string[], cls: Int32Array): TaggedWords {
    const n = forms.length;
    const upos = new Array<string>(n), xpos = new Array<string>(n), lemma = new Array<string>(n), feats = new Array<string>(n);
    const cache = this.morphCache;
    for (let i = 0; i < n; i++) {
      const c = cls[i]!;
      upos[i] = this.upos[c]!;
      const x = (xpos[i] = this.xpos[c]!);
      let byClass = cache.get(forms[i]!);
      if (!byClass) {
        if (cache.size >= MORPH_CACHE_SIZE) cache.clear();
        cache.set(forms[i]!, (byClass = new Array<[string, string] | undefined>(this.upos.length)));
      }
      let m = byClass[c];
      if (!m) m = byClass[c] = [this.morphology.lemma(forms[i]!, x), this.morphology.feats(forms[i]!, x)];
      lemma[i] = m[0];
      feats[i] = m[1];
    }
    return { upos, xpos, lemma, feats };
  }

  /** The model file's bytes. */
  serialize(): Buffer {
    const { arrays, meta } = this.model.toArrays('w');
    const second = this.second?.toArrays('s');
    return writeBundle({ ...this.meta, weights: meta, ...(second ? { second: second.meta } : {}) }, { ...arrays, ...second?.arrays });
  }

  static deserialize(data: Uint8Array, options?: TaggerOptions): Tagger {
    const { meta, arrays } = readBundle(data);
    const m = meta as TaggerMeta;
    if (m.kind !== 'dateline-tagger' || m.version !== 1) throw new Error('not a dateline tagger model (v1)');
    const second = m.second ? SparseLinearModel.fromArrays('s', arrays, m.second) : undefined;
    return new Tagger(SparseLinearModel.fromArrays('w', arrays, m.weights), m, second, options);
  }
}

let shared: Tagger | undefined;

/** The packaged tagger, loaded once per thread on first use and shared read-only. */
export function defaultTagger(): Tagger {
  return (shared ??= Tagger.deserialize(readFileSync(repoPath(TAGGER_MODEL_PATH))));
}

/**
 * Tags one sentence of words (gold or predicted tokenization) with the packaged model: for training and
 * evaluating other models on predicted tags.
 */
export function tagForms(forms: readonly string[]): TaggedWords {
  return defaultTagger().tag(forms);
}
