// The learned half of the sentence splitter: an averaged perceptron that decides, at each token gap the
// rules leave open, whether a sentence ends there.
//
// The rules (sentences.ts) label every gap first: forced (a line break, a header break), forbidden
// (after a title abbreviation, between a period and its closing quote, inside a soft-wrapped line) or
// open, with what the rules would have done as a feature. The model then reads the open gaps left to
// right with hashed features of the tokens around the gap (forms, lower case, shapes, whether the next
// word is a sentence starter), the rules' verdict, the distance since the last boundary it placed and
// the distance to the next terminal punctuation. Training (scripts/train-sentences.ts) and run time use
// this same code, so the two cannot drift.

import { readFileSync } from 'node:fs';
import type { Tokens } from '../../core/index.js';
import { DatelineError } from '../../core/errors.js';
import { readBundle, writeBundle } from '../learn/bundle.js';
import { hashString, mix, mix3 } from '../learn/hash.js';
import { repoPath } from '../learn/repo.js';
import { SparseLinearModel } from '../learn/sparse-model.js';
import { DIGIT, LETTER, LOWER, UPPER } from './chars.js';
import { OPENERS, SENTENCE_STARTERS } from './lexicon.js';

/** Where the trained model lives, relative to the package root. */
export const SENTENCE_MODEL_PATH = 'models/sentences.bin';

/**
 * What the rules say about the gap after a token. The model decides NONE, NO_TERMINAL and NO_ABBREVIATION
 * gaps: it only adds sentence ends, the rules' own ends stand.
 */
export const GAP = {
  /** Not after terminal punctuation; the rules would not split. */
  NONE: 0,
  /** The rules end a sentence after terminal punctuation. */
  END: 1,
  /** The rules end a sentence after an abbreviation (a sentence starter follows). */
  END_ABBREVIATION: 2,
  /** Terminal punctuation the rules do not split after (a lower-case word follows, "Yahoo!"). */
  NO_TERMINAL: 3,
  /** An abbreviation the rules do not split after ("Jan. 5"). */
  NO_ABBREVIATION: 4,
  /** A sentence ends here whatever the model says: a line break, a forced break. */
  FORCED: 5,
  /** No sentence ends here: no white space, a title abbreviation, a closing quote still to come, a soft line break. */
  FORBIDDEN: 6,
} as const;

/** Feature templates; a feature id is mix(template, value). Changing these requires retraining. */
const F = {
  BIAS: 1, RULE: 2, L: 3, R: 4, LSHAPE: 5, RSHAPE: 6, LSHAPE_RSHAPE: 7, L_RSHAPE: 8, LSHAPE_R: 9, L_R: 10,
  L1: 11, R1: 12, L1SHAPE_LSHAPE_RSHAPE: 13, RSHAPE_R1SHAPE: 14, RULE_RSHAPE: 15, RULE_L: 16, RFORM: 17,
  LFORM: 18, STARTER: 19, DIST: 20, DIST_RSHAPE: 21, AHEAD: 22, AHEAD_RSHAPE: 23, L1_L: 24, R_R1: 25,
  RULE_R: 26, RULE_DIST: 27, LSUF: 28, RCLASS_LCLASS: 29, L2: 30, R2: 31, DIST_AHEAD: 32, L_DIST: 33,
  L1_L_RSHAPE: 34,
} as const;

/** Upper bound on features per gap. */
export const MAX_FEATURES = 40;

const NONE_HASH = hashString('-NONE-');
/** Tokens that end a sentence by themselves (as in sentences.ts). */
const TERMINAL = /^(?:[.!?…‼⁇⁈⁉。]+)$/;

/** Per-form hashes, computed once per distinct form (most forms recur). */
interface FormInfo {
  lower: number; form: number; shape: number; suffix: number; kind: number; terminal: boolean; starter: boolean; opener: boolean;
  /** Run time only: the model's score (end minus no end) of this form's own features at each of the 6 positions around a gap. */
  local?: Int32Array;
}

/** Positions of a token relative to the gap after token i: i-2, i-1, i, i+1, i+2, i+3. */
const POSITIONS = 6;

/** Buckets for distances in tokens: 1 2 3 4 5-7 8-12 13-20 21-35 36+. */
function bucket(d: number): number {
  return d <= 4 ? d : d <= 7 ? 5 : d <= 12 ? 6 : d <= 20 ? 7 : d <= 35 ? 8 : 9;
}

/** Word shape with runs collapsed, at most 6 symbols: "Hello" Xx, "U.S." X.X., "2011" d, ":)" :). */
function shapeOf(form: string, cls: Uint8Array): string {
  let out = '', last = '';
  for (let i = 0; i < form.length && out.length < 6; i++) {
    const k = cls[form.charCodeAt(i)]!;
    const c = k & UPPER ? 'X' : k & LOWER ? 'x' : k & DIGIT ? 'd' : k & LETTER ? 'l' : form[i]!;
    if (c !== last) { out += c; last = c; }
  }
  return out;
}

/** Rough class of a token for a cheap conjunction: 1 capitalized, 2 lower case, 3 digit, 4 terminal, 5 other. */
function kindOf(form: string, cls: Uint8Array): number {
  const k = cls[form.charCodeAt(0)]!;
  if (k & UPPER) return 1;
  if (k & LOWER) return 2;
  if (k & DIGIT) return 3;
  return TERMINAL.test(form) ? 4 : 5;
}

/**
 * The features of one token's own form at a position around the gap (0 = i-2 ... 5 = i+3) into out[k..];
 * returns the new count. `info` undefined: the position is outside the document.
 */
function unigramFeatures(info: FormInfo | undefined, position: number, out: Uint32Array, k: number): number {
  const lower = info ? info.lower : NONE_HASH;
  switch (position) {
    case 0: out[k++] = mix(F.L2, lower); break;
    case 1: out[k++] = mix(F.L1, lower); break;
    case 2:
      out[k++] = mix(F.L, lower); out[k++] = mix(F.LSHAPE, info!.shape); out[k++] = mix(F.LFORM, info!.form); out[k++] = mix(F.LSUF, info!.suffix);
      break;
    case 3: out[k++] = mix(F.R, lower); out[k++] = mix(F.RSHAPE, info!.shape); out[k++] = mix(F.RFORM, info!.form); break;
    case 4: out[k++] = mix(F.R1, lower); break;
    case 5: out[k++] = mix(F.R2, lower); break;
  }
  return k;
}

/**
 * Features of the gaps of one document; reused across documents (buffers grow as needed). Tokens are
 * looked up only around the gaps the model decides (a sixth of them in news), on first use.
 */
export class GapFeatures {
  private readonly cache = new Map<string, FormInfo>();
  private infos: FormInfo[] = [];
  private lower = new Uint32Array(256);
  private shape = new Uint32Array(256);
  private kind = new Uint8Array(256);
  private starter = new Uint8Array(256);
  /** Run time: each token's `local` scores (FormInfo.local), POSITIONS per token. */
  private local = new Int32Array(256 * POSITIONS);
  /** Which tokens are filled in: `filled[t] === generation` (one generation per document). */
  private filled = new Int32Array(256);
  private generation = 0;
  private form: readonly string[] = [];
  private gaps: Uint8Array = new Uint8Array(0);
  private cls: Uint8Array = new Uint8Array(0);
  private localScores: ((info: FormInfo) => Int32Array) | undefined;
  /** The last look-ahead answer: no stop in [stopFrom, stopAt), and a stop at stopAt (-1: none within reach). */
  private stopFrom = 0;
  private stopAt = -1;
  /** Tokens in the current document. */
  n = 0;

  private info(form: string, cls: Uint8Array): FormInfo {
    let f = this.cache.get(form);
    if (!f) {
      if (this.cache.size > 50_000) this.cache.clear();
      const lower = form.toLowerCase();
      f = {
        lower: hashString(lower), form: hashString(form), shape: hashString(shapeOf(form, cls)),
        suffix: hashString(lower, 0x9747b28c, Math.max(0, lower.length - 3)), kind: kindOf(form, cls), terminal: TERMINAL.test(form),
        starter: SENTENCE_STARTERS.has(form), opener: OPENERS.has(form),
      };
      this.cache.set(form, f);
    }
    return f;
  }

  /**
   * Starts a document; `gaps` are the rules' labels (sentences.ts). With `localScores` (run time), each
   * distinct form's own features are scored once and kept with the form.
   */
  prepare(tokens: Tokens, gaps: Uint8Array, cls: Uint8Array, localScores?: (info: FormInfo) => Int32Array): void {
    const n = this.n = tokens.count;
    if (n > this.lower.length) {
      const size = n * 2;
      this.lower = new Uint32Array(size); this.shape = new Uint32Array(size);
      this.kind = new Uint8Array(size); this.starter = new Uint8Array(size);
      this.local = new Int32Array(size * POSITIONS); this.filled = new Int32Array(size);
      this.infos = new Array<FormInfo>(size);
    }
    if (++this.generation === 0x7fffffff) { this.filled.fill(0); this.generation = 1; }
    this.form = tokens.form; this.gaps = gaps; this.cls = cls; this.localScores = localScores;
    this.stopFrom = 0; this.stopAt = -1;
  }

  /** Fills in token t's values (once per document). */
  private fill(t: number): void {
    if (this.filled[t] === this.generation) return;
    this.filled[t] = this.generation;
    const f = this.infos[t] = this.info(this.form[t]!, this.cls);
    this.lower[t] = f.lower; this.shape[t] = f.shape; this.kind[t] = f.kind; this.starter[t] = f.starter ? 1 : 0;
    if (this.localScores) {
      const l = f.local ??= this.localScores(f), b = t * POSITIONS;
      for (let p = 0; p < POSITIONS; p++) this.local[b + p] = l[p]!;
    }
  }

  /** Whether the token after t starts in lower case. */
  goesOn(t: number): boolean {
    return (this.cls[this.form[t + 1]!.charCodeAt(0)]! & (UPPER | LOWER)) === LOWER;
  }

  /** Whether token t is an opening quote, bracket or bullet. */
  opener(t: number): boolean {
    return OPENERS.has(this.form[t]!);
  }

  /** Whether the gap after token i has all six tokens around it (so `localSum` applies). */
  inside(i: number): boolean {
    return i >= 2 && i + 3 < this.n;
  }

  /** Sum of the cached scores of the six tokens' own features around the gap after token i (after `extract`, `inside(i)`). */
  localSum(i: number): number {
    const l = this.local, b = (i - 2) * POSITIONS;
    return l[b]! + l[b + POSITIONS + 1]! + l[b + 2 * POSITIONS + 2]! + l[b + 3 * POSITIONS + 3]! + l[b + 4 * POSITIONS + 4]! + l[b + 5 * POSITIONS + 5]!;
  }

  /** Whether token t is terminal punctuation or followed by a forced break. */
  private isStop(t: number): boolean {
    if (this.gaps[t] === GAP.FORCED) return true;
    const f = this.form[t]!, c = f.charCodeAt(0);
    return (c === 0x2e || c === 0x21 || c === 0x3f || c > 0x2000) && TERMINAL.test(f);
  }

  /** Tokens from t to the next terminal punctuation or forced break, capped at 40 (gaps are asked in order). */
  private ahead(t: number): number {
    if (t >= this.stopFrom && (this.stopAt < 0 ? t < this.stopFrom : t <= this.stopAt)) return Math.min(40, this.stopAt - t);
    let s = t;
    const n = this.n;
    while (s < n && s - t < 40 && !this.isStop(s)) s++;
    this.stopFrom = t;
    this.stopAt = s < n && s - t < 40 ? s : -1;
    return this.stopAt < 0 ? 40 : s - t;
  }

  /**
   * Features of the gap after token i (i < count - 1) into `out`; returns their count.
   * @param rule the gap's label (GAP.NONE .. GAP.NO_ABBREVIATION)
   * @param dist tokens since the last sentence start (1 = token i starts the sentence)
   * @param withUnigrams false: leave out the features of single tokens (the caller adds `localSum`)
   */
  extract(i: number, rule: number, dist: number, out: Uint32Array, withUnigrams = true): number {
    const n = this.n;
    for (let t = Math.max(0, i - 2), last = Math.min(n - 1, i + 3); t <= last; t++) this.fill(t);
    let k = 0;
    if (withUnigrams) {
      for (let p = 0; p < POSITIONS; p++) { const t = i - 2 + p; k = unigramFeatures(t >= 0 && t < n ? this.infos[t] : undefined, p, out, k); }
    }
    const l = this.lower[i]!, r = this.lower[i + 1]!;
    const ls = this.shape[i]!, rs = this.shape[i + 1]!;
    const l1 = i > 0 ? this.lower[i - 1]! : NONE_HASH, l1s = i > 0 ? this.shape[i - 1]! : NONE_HASH;
    const r1 = i + 2 < n ? this.lower[i + 2]! : NONE_HASH, r1s = i + 2 < n ? this.shape[i + 2]! : NONE_HASH;
    const d = bucket(dist), a = bucket(this.ahead(i + 1));
    out[k++] = mix(F.BIAS, 0);
    out[k++] = mix(F.RULE, rule);
    out[k++] = mix3(F.LSHAPE_RSHAPE, ls, rs);
    out[k++] = mix3(F.L_RSHAPE, l, rs);
    out[k++] = mix3(F.LSHAPE_R, ls, r);
    out[k++] = mix3(F.L_R, l, r);
    out[k++] = mix3(F.L1SHAPE_LSHAPE_RSHAPE, mix(l1s, ls), rs);
    out[k++] = mix3(F.RSHAPE_R1SHAPE, rs, r1s);
    out[k++] = mix3(F.RULE_RSHAPE, rule, rs);
    out[k++] = mix3(F.RULE_L, rule, l);
    out[k++] = mix3(F.STARTER, this.starter[i + 1]!, this.kind[i]!);
    out[k++] = mix(F.DIST, d);
    out[k++] = mix3(F.DIST_RSHAPE, d, rs);
    out[k++] = mix(F.AHEAD, a);
    out[k++] = mix3(F.AHEAD_RSHAPE, a, rs);
    out[k++] = mix3(F.L1_L, l1, l);
    out[k++] = mix3(F.R_R1, r, r1);
    out[k++] = mix3(F.RULE_R, rule, r);
    out[k++] = mix3(F.RULE_DIST, rule, d);
    out[k++] = mix3(F.RCLASS_LCLASS, this.kind[i + 1]!, this.kind[i]!);
    out[k++] = mix3(F.DIST_AHEAD, d, a);
    // "Hey Vladi, ‖ Do you ...": a greeting line is short.
    out[k++] = mix3(F.L_DIST, l, d);
    out[k++] = mix3(F.L1_L_RSHAPE, mix(l1, l), rs);
    return k;
  }
}

/**
 * Reads a document's gaps left to right: forced and forbidden gaps as labelled, open ones by `decide`
 * (given the gap, its label and the tokens since the sentence start). `ends[i]` becomes 1 where a
 * sentence ends after token i.
 */
export function decodeGaps(
  feats: GapFeatures, gaps: Uint8Array, count: number, ends: Uint8Array,
  decide: (i: number, label: number, dist: number) => boolean,
): void {
  let sentStart = 0;
  for (let i = 0; i < count - 1; i++) {
    const g = gaps[i]!;
    let end: boolean;
    if (g === GAP.FORCED || g === GAP.END || g === GAP.END_ABBREVIATION) end = true;
    else if (g === GAP.FORBIDDEN) end = false;
    // A bullet or an opening quote that starts a sentence is not a sentence of its own.
    else if (i === sentStart && feats.opener(i)) end = false;
    // A word going on in lower case after a word or punctuation other than . ? ! ("the talks would", ", and"):
    // in EWT a sentence ends at under 1 in 1,000 of these, in GUM almost never; skipping them makes the
    // model several times faster.
    else if (g === GAP.NONE && feats.goesOn(i)) end = false;
    else end = decide(i, g, i + 1 - sentStart);
    ends[i] = end ? 1 : 0;
    if (end) sentStart = i + 1;
  }
  if (count > 0) ends[count - 1] = 1;
}

export interface SentenceModelMeta {
  kind: 'dateline-sentences';
  version: 1;
  weights: { nClasses: number; scale: number };
  /** A sentence ends where score(end) - score(no end) exceeds this (in weight units), chosen on dev. */
  threshold: number;
  /** How the model was made: data, seed, epochs, dev scores. */
  training: Record<string, unknown>;
}

/** The frozen boundary model with its decision threshold; one per thread, used read-only. */
export class SentenceModel {
  private readonly feats = new GapFeatures();
  private readonly buf = new Uint32Array(MAX_FEATURES);
  private readonly scores = new Int32Array(2);
  /** The threshold in the model's integer score units. */
  private readonly cut: number;
  /** A form's own features scored at each position (cached with the form by GapFeatures). */
  private readonly localScores = (info: FormInfo): Int32Array => {
    const out = new Int32Array(POSITIONS);
    for (let p = 0; p < POSITIONS; p++) {
      this.model.score(this.buf, unigramFeatures(info, p, this.buf, 0), this.scores);
      out[p] = this.scores[1]! - this.scores[0]!;
    }
    return out;
  };
  private readonly decide = (i: number, label: number, dist: number): boolean => {
    const { feats, buf, scores } = this;
    let margin: number;
    if (feats.inside(i)) {
      this.model.score(buf, feats.extract(i, label, dist, buf, false), scores);
      margin = scores[1]! - scores[0]! + feats.localSum(i);
    } else {
      this.model.score(buf, feats.extract(i, label, dist, buf), scores);
      margin = scores[1]! - scores[0]!;
    }
    return margin > this.cut;
  };

  constructor(readonly model: SparseLinearModel, readonly meta: SentenceModelMeta) {
    this.cut = meta.threshold / model.step;
  }

  /** Marks in `ends` (one per token) where sentences end, given the rules' gap labels. */
  ends(tokens: Tokens, gaps: Uint8Array, cls: Uint8Array, ends: Uint8Array): void {
    this.feats.prepare(tokens, gaps, cls, this.localScores);
    decodeGaps(this.feats, gaps, tokens.count, ends, this.decide);
  }

  serialize(): Buffer {
    const { arrays, meta } = this.model.toArrays('w');
    return writeBundle({ ...this.meta, weights: meta }, arrays);
  }

  static deserialize(data: Uint8Array): SentenceModel {
    const { meta, arrays } = readBundle(data);
    const m = meta as SentenceModelMeta;
    if (m.kind !== 'dateline-sentences' || m.version !== 1) throw new DatelineError('E_MODEL', 'not a dateline sentence model (v1)');
    return new SentenceModel(SparseLinearModel.fromArrays('w', arrays, m.weights), m);
  }
}

let shared: SentenceModel | undefined;

/** The packaged sentence model, loaded once per thread on first use and shared read-only. */
export function defaultSentenceModel(): SentenceModel {
  if (!shared) {
    const path = repoPath(SENTENCE_MODEL_PATH);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new DatelineError('E_MODEL', `sentence model not found at ${path}; run: npm run train -- sentences`, { cause: e });
    }
    shared = SentenceModel.deserialize(bytes);
  }
  return shared;
}
