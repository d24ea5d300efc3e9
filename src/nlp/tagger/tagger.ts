// The part-of-speech tagger at run time: greedy left-to-right averaged perceptron over joint UPOS+XPOS tags.

import { readFileSync } from 'node:fs';
import { readBundle, writeBundle } from '../learn/bundle.js';
import { SparseLinearModel } from '../learn/sparse-model.js';
import { repoPath } from '../learn/repo.js';
import { hashString } from '../learn/hash.js';
import { MAX_FEATURES, SentenceFeatures, UNKNOWN_AMBIGUITY } from './features.js';
import { Morphology, type MorphologyTables } from './morphology.js';

/** Where the trained model lives, relative to the package root. */
export const TAGGER_MODEL_PATH = 'models/tagger.bin';

/** Forms whose form-only scores are kept before the cache is emptied (about 0.5 kB each). */
const LOCAL_CACHE_SIZE = 20_000;
/** Entries kept in the lemma/feats cache before it is emptied. */
const MORPH_CACHE_SIZE = 50_000;

export interface TaggerMeta {
  kind: 'dateline-tagger';
  version: 1;
  /** Joint classes, `UPOS XPOS` (e.g. `PROPN NNP`). */
  classes: string[];
  /** Frequent unambiguous words (case-sensitive form) -> class. */
  tagDictionary: Record<string, number>;
  /** Normalized word -> ambiguity class (the tags it takes, "3,17"), for words seen often enough. */
  ambiguity: Record<string, string>;
  morphology: MorphologyTables;
  weights: { nClasses: number; scale: number };
  /** The second pass, which also sees the first pass's tags of the next words (stacking). */
  second?: { nClasses: number; scale: number };
  /** How the model was made: data, seed, epochs, scores. */
  training: Record<string, unknown>;
}

export interface TaggedWords {
  upos: string[];
  xpos: string[];
  lemma: string[];
  feats: string[];
}

export class Tagger {
  readonly upos: readonly string[];
  readonly xpos: readonly string[];
  private readonly tagDictionary: Map<string, number>;
  private readonly ambiguity: Map<string, number>;
  private readonly ambiguityOf = (word: string): number => this.ambiguity.get(word) ?? UNKNOWN_AMBIGUITY;
  readonly morphology: Morphology;
  private readonly words = new SentenceFeatures();
  private readonly features = new Uint32Array(MAX_FEATURES);
  private readonly scores: Int32Array;

  /** (form, class) -> [lemma, feats]: most words recur, and the rules need not run again. */
  private readonly morphCache = new Map<string, [string, string]>();
  /** Per model: form -> summed scores of its form-only features. */
  private readonly localCache1 = new Map<string, Int32Array>();
  private readonly localCache2 = new Map<string, Int32Array>();
  private pass1 = new Int32Array(256);
  private pass2 = new Int32Array(256);

  constructor(readonly model: SparseLinearModel, readonly meta: TaggerMeta, readonly second?: SparseLinearModel) {
    this.upos = meta.classes.map((c) => c.split(' ')[0]!);
    this.xpos = meta.classes.map((c) => c.split(' ')[1]!);
    this.tagDictionary = new Map(Object.entries(meta.tagDictionary));
    this.ambiguity = new Map(Object.entries(meta.ambiguity).map(([w, a]) => [w, hashString(a)]));
    this.morphology = new Morphology(meta.morphology);
    this.scores = new Int32Array(model.nClasses);
  }

  /** Predicts the class of each of forms[from, to) (one sentence) into out[from, to). */
  tagSentence(forms: readonly string[], from: number, to: number, out: Int32Array | number[]): void {
    const n = to - from;
    if (n > this.pass1.length) { this.pass1 = new Int32Array(n * 2); this.pass2 = new Int32Array(n * 2); }
    this.words.prepare(forms, from, to, this.ambiguityOf);
    this.decode(this.model, forms, from, n, this.pass1);
    let result = this.pass1;
    if (this.second) { this.decode(this.second, forms, from, n, this.pass2, this.pass1); result = this.pass2; }
    for (let i = 0; i < n; i++) out[from + i] = result[i]!;
  }

  /** Greedy left-to-right decoding of the prepared sentence into out[0, n). */
  decode(model: SparseLinearModel, forms: readonly string[], from: number, n: number, out: Int32Array, firstPass?: Int32Array): void {
    const { words, features, scores } = this;
    const cache = model === this.model ? this.localCache1 : this.localCache2;
    let prev1 = -1, prev2 = -1;
    for (let i = 0; i < n; i++) {
      const form = forms[from + i]!;
      let c = this.tagDictionary.get(form);
      if (c === undefined) {
        // The form's own features score the same everywhere: cache their sum per form.
        let local = cache.get(form);
        if (!local) {
          local = new Int32Array(scores.length);
          model.score(features, words.extractLocal(i, features, 0), local);
          if (cache.size >= LOCAL_CACHE_SIZE) cache.clear();
          cache.set(form, local);
        }
        model.score(features, words.extractContext(i, prev1, prev2, features, 0, firstPass), scores);
        c = 0;
        for (let j = 0; j < scores.length; j++) {
          const v = (scores[j]! += local[j]!);
          if (v > scores[c]!) c = j;
        }
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
      const key = forms[i]! + '\u0001' + c;
      let m = cache.get(key);
      if (!m) {
        if (cache.size >= MORPH_CACHE_SIZE) cache.clear();
        m = [this.morphology.lemma(forms[i]!, x), this.morphology.feats(forms[i]!, x)];
        cache.set(key, m);
      }
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

  static deserialize(data: Uint8Array): Tagger {
    const { meta, arrays } = readBundle(data);
    const m = meta as TaggerMeta;
    if (m.kind !== 'dateline-tagger' || m.version !== 1) throw new Error('not a dateline tagger model (v1)');
    const second = m.second ? SparseLinearModel.fromArrays('s', arrays, m.second) : undefined;
    return new Tagger(SparseLinearModel.fromArrays('w', arrays, m.weights), m, second);
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
