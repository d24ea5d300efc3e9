// The name tagger's model: a greedy BILOU averaged perceptron over hashed features, and its compact file format.

import type { NamedEntityType } from '../../core/index.js';
import { CONTEXT_WIDTH, type DocumentCues, FeatureExtractor, type CaseWords, HISTORY_FEATURES, MAX_STATIC_FEATURES, PredictionHistory, WORD_IDENTITY_SLOTS, historyFeatures } from './features.js';
import type { LexiconEntries } from './lexicon.js';

/** Entity types in label order: label 1 + 4t + {0 B, 1 I, 2 L, 3 U}; label 0 is O. */
export const ENTITY_TYPES: readonly NamedEntityType[] = ['person', 'organization', 'place', 'facility', 'group'];
export const LABEL_COUNT = 1 + 4 * ENTITY_TYPES.length;
export const enum Bilou { B = 0, I = 1, L = 2, U = 3 }

export const labelOf = (type: number, pos: Bilou): number => 1 + 4 * type + pos;
export const typeOfLabel = (label: number): number => (label - 1) >> 2;
export const posOfLabel = (label: number): Bilou => ((label - 1) & 3) as Bilou;

/** A name as a token range of its sentence, with its type index into ENTITY_TYPES. */
export interface TokenSpan { start: number; end: number; type: number }

/** Gold spans -> BILOU label per token. */
export function spansToLabels(n: number, spans: readonly TokenSpan[]): Uint8Array {
  const y = new Uint8Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) { y[s.start] = labelOf(s.type, Bilou.U); continue; }
    y[s.start] = labelOf(s.type, Bilou.B);
    for (let i = s.start + 1; i < s.end - 1; i++) y[i] = labelOf(s.type, Bilou.I);
    y[s.end - 1] = labelOf(s.type, Bilou.L);
  }
  return y;
}

/** BILOU labels -> spans; an unfinished or inconsistent sequence is closed where it breaks. */
export function labelsToSpans(y: ArrayLike<number>, n: number): TokenSpan[] {
  const out: TokenSpan[] = [];
  let open = -1, openType = -1;
  const close = (end: number) => { if (open >= 0) out.push({ start: open, end, type: openType }); open = -1; };
  for (let i = 0; i < n; i++) {
    const l = y[i]!;
    if (l === 0) { close(i); continue; }
    const t = typeOfLabel(l), p = posOfLabel(l);
    if (p === Bilou.U) { close(i); out.push({ start: i, end: i + 1, type: t }); continue; }
    if (p === Bilou.B || open < 0 || t !== openType) { close(i); open = i; openType = t; }
    if (p === Bilou.L) close(i + 1);
  }
  close(n);
  return out;
}

/** Whether label `cur` may follow label `prev` in a BILOU sequence. */
function allowed(prev: number, cur: number): boolean {
  const inside = prev !== 0 && (posOfLabel(prev) === Bilou.B || posOfLabel(prev) === Bilou.I);
  if (cur === 0) return !inside;
  const p = posOfLabel(cur);
  if (inside) return (p === Bilou.I || p === Bilou.L) && typeOfLabel(cur) === typeOfLabel(prev);
  return p === Bilou.B || p === Bilou.U;
}
const ALLOWED = (() => {
  const a = new Uint8Array(LABEL_COUNT * LABEL_COUNT);
  for (let p = 0; p < LABEL_COUNT; p++) for (let c = 0; c < LABEL_COUNT; c++) a[p * LABEL_COUNT + c] = allowed(p, c) ? 1 : 0;
  return a;
})();

/** What the model file records besides the weights. */
export interface ModelMeta {
  format: 'dateline-ner';
  version: number;
  featureVersion: number;
  hashBits: number;
  types: readonly NamedEntityType[];
  /** The lexicons the model was trained with; the tagger uses exactly these at run time. */
  lexicons: LexiconEntries;
  trainedOn: string;
  seed: number;
  epochs: number;
  usesPos: boolean;
  /** Lower-case words a name may start with ("al", "de"): data/name-particles.tsv. */
  nameParticles?: string[];
  /** Words a name may go on through ("of", "-", "&"): data/name-connectors.tsv. */
  nameConnectors?: string[];
  /** Mid-sentence case usage of common words (UD EWT train), for the CaseUsage features. */
  caseWords?: CaseWords;
  /** Whether the model uses the labels it gave earlier in the document (features.ts PredictionHistory). */
  predictionHistory?: boolean;
}

/** Sparse averaged weights: per used hash bucket, a run of (label, weight) pairs. */
export class NerWeights {
  constructor(
    readonly meta: ModelMeta,
    /** offsets[b]..offsets[b+1] index into labels/weights for bucket b. */
    readonly offsets: Int32Array,
    readonly labels: Uint8Array,
    readonly weights: Float32Array,
  ) {
    this.mask = (1 << meta.hashBits) - 1;
  }

  readonly mask: number;

  /** Adds the weights of features f[from, to) into scores. */
  score(f: Uint32Array, from: number, to: number, scores: Float64Array): void {
    const mask = this.mask, off = this.offsets, lab = this.labels, w = this.weights;
    for (let k = from; k < to; k++) {
      const h = f[k]!;
      if (h === 0xffffffff) continue;
      const b = h & mask;
      for (let j = off[b]!, e = off[b + 1]!; j < e; j++) scores[lab[j]!] += w[j]!;
    }
  }

  /** The mean of several models over the same hashing (models trained with different seeds): steadier than any one. */
  static average(models: readonly NerWeights[], meta: ModelMeta): NerWeights {
    const B = 1 << meta.hashBits;
    const offsets = new Int32Array(B + 1);
    const labels: number[] = [], weights: number[] = [];
    const sum = new Float64Array(LABEL_COUNT);
    const used = new Uint8Array(LABEL_COUNT);
    for (let b = 0; b < B; b++) {
      offsets[b] = labels.length;
      sum.fill(0);
      used.fill(0);
      for (const m of models) {
        for (let j = m.offsets[b]!, e = m.offsets[b + 1]!; j < e; j++) { sum[m.labels[j]!] += m.weights[j]!; used[m.labels[j]!] = 1; }
      }
      for (let l = 0; l < LABEL_COUNT; l++) if (used[l]) { labels.push(l); weights.push(sum[l]! / models.length); }
    }
    offsets[B] = labels.length;
    return new NerWeights(meta, offsets, Uint8Array.from(labels), Float32Array.from(weights));
  }

  /** Binary file: magic, JSON meta, bucket ids, counts, labels, weights (little-endian). */
  serialize(): Uint8Array {
    const used: number[] = [];
    for (let b = 0; b + 1 < this.offsets.length; b++) if (this.offsets[b + 1]! > this.offsets[b]!) used.push(b);
    const json = new TextEncoder().encode(JSON.stringify(this.meta));
    const nEntries = this.labels.length;
    const pad4 = (n: number) => (n + 3) & ~3;
    const headerLen = 8 + 4 + pad4(json.length);
    const size = headerLen + 4 + used.length * 4 + pad4(used.length) + 4 + pad4(nEntries) + nEntries * 4;
    const buf = new Uint8Array(size);
    const dv = new DataView(buf.buffer);
    buf.set(new TextEncoder().encode('DLNER\u0001\u0000\u0000'), 0);
    dv.setUint32(8, json.length, true);
    buf.set(json, 12);
    let p = headerLen;
    dv.setUint32(p, used.length, true); p += 4;
    for (const b of used) { dv.setUint32(p, b, true); p += 4; }
    for (const b of used) buf[p++] = this.offsets[b + 1]! - this.offsets[b]!;
    p = pad4(p);
    dv.setUint32(p, nEntries, true); p += 4;
    buf.set(this.labels, p); p += pad4(nEntries);
    for (let j = 0; j < nEntries; j++) { dv.setFloat32(p, this.weights[j]!, true); p += 4; }
    return buf;
  }

  static deserialize(buf: Uint8Array): NerWeights {
    const magic = new TextDecoder().decode(buf.subarray(0, 6));
    if (magic !== 'DLNER\u0001') throw new Error('not a dateline NER model file');
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const pad4 = (n: number) => (n + 3) & ~3;
    const jsonLen = dv.getUint32(8, true);
    const meta = JSON.parse(new TextDecoder().decode(buf.subarray(12, 12 + jsonLen))) as ModelMeta;
    let p = 12 + pad4(jsonLen);
    const nUsed = dv.getUint32(p, true); p += 4;
    const used = new Uint32Array(nUsed);
    for (let i = 0; i < nUsed; i++) { used[i] = dv.getUint32(p, true); p += 4; }
    const counts = buf.subarray(p, p + nUsed); p = pad4(p + nUsed);
    const nEntries = dv.getUint32(p, true); p += 4;
    const labels = buf.slice(p, p + nEntries); p += pad4(nEntries);
    const weights = new Float32Array(nEntries);
    for (let j = 0; j < nEntries; j++) { weights[j] = dv.getFloat32(p, true); p += 4; }
    const offsets = new Int32Array((1 << meta.hashBits) + 1);
    let at = 0, u = 0;
    for (let b = 0; b < offsets.length - 1; b++) {
      offsets[b] = at;
      if (u < nUsed && used[u] === b) { at += counts[u]!; u++; }
    }
    offsets[offsets.length - 1] = at;
    return new NerWeights(meta, offsets, labels, weights);
  }
}

/**
 * Greedy left-to-right decoding of one sentence with BILOU constraints.
 * Reuses scratch buffers owned by the caller (one Decoder per thread).
 */
export class Decoder {
  private readonly feats = new Uint32Array(MAX_STATIC_FEATURES);
  private ctx = new Uint32Array(CONTEXT_WIDTH * 64);
  private readonly hist = new Uint32Array(HISTORY_FEATURES);
  private readonly scores = new Float64Array(LABEL_COUNT);
  labels = new Uint8Array(64);

  constructor(readonly weights: NerWeights, readonly extractor: FeatureExtractor) {
    this.history = weights.meta.predictionHistory ? new PredictionHistory() : null;
  }

  /** Whether token i (sentence-relative) of the sentence last decoded can end a name. */
  mayEndName(i: number): boolean { return this.extractor.mayEndName(i); }

  /** Whether token i (sentence-relative) of the sentence last decoded is a word usually written in lower case. */
  isCommonWord(i: number): boolean { return this.extractor.isCommonWord(i); }

  /** Lower-case forms of the sentence last decoded (sentence-relative). */
  get lowerForms(): readonly string[] { return this.extractor.lowerForms; }

  /** The labels given so far in the current document, when the model uses them (null otherwise). */
  readonly history: PredictionHistory | null;

  /** Starts a new document (forgets the prediction history). */
  startDocument(): void {
    this.history?.clear();
  }

  /**
   * Labels tokens [from, to) of `forms`; the result is in this.labels[0 .. to-from).
   * With a prediction-history model, sentences of one document go in order after startDocument().
   */
  decode(forms: readonly string[], upos: readonly string[] | null, from: number, to: number): Uint8Array {
    const n = to - from;
    if (this.labels.length < n) this.labels = new Uint8Array(n * 2);
    if (this.ctx.length < n * CONTEXT_WIDTH) this.ctx = new Uint32Array(n * CONTEXT_WIDTH * 2);
    const f = this.feats, y = this.labels, hist = this.hist, scores = this.scores, W = this.weights, ctx = this.ctx, ex = this.extractor, history = this.history;
    ex.prepare(forms, W.meta.usesPos ? upos : null, from, to);
    ex.context(n, ctx);
    let prev = 0, prev2 = 0;
    for (let i = 0; i < n; i++) {
      let inside = prev !== 0 && posOfLabel(prev) <= Bilou.I;
      // A lower-case word that is no connector ends the name before it ("... Baqeri said"): close it there.
      if (inside && !ex.mayContinueName(i)) {
        y[i - 1] = labelOf(typeOfLabel(prev), posOfLabel(prev) === Bilou.B ? Bilou.U : Bilou.L);
        prev = y[i - 1]!;
        inside = false;
      }
      // Outside a name, a lower-case word, number or punctuation mark starts none ("al", "de" excepted):
      // skipping them keeps the tagger fast and changes next to nothing.
      if (!inside && !ex.mayStartName(i)) {
        y[i] = 0;
        history?.add(ctx[i * CONTEXT_WIDTH]!, 0);
        prev2 = prev;
        prev = 0;
        continue;
      }
      scores.fill(0);
      ex.token(i, f, 0);
      W.score(f, 0, MAX_STATIC_FEATURES, scores);
      historyFeatures(ctx, i, prev, prev2, hist, history);
      W.score(hist, 0, HISTORY_FEATURES, scores);
      let best = 0, bestScore = -Infinity;
      const last = i === n - 1;
      const row = prev * LABEL_COUNT;
      for (let l = 0; l < LABEL_COUNT; l++) {
        if (!ALLOWED[row + l]) continue;
        // The last token cannot open a multi-token name.
        if (last && l !== 0 && posOfLabel(l) <= Bilou.I) continue;
        if (scores[l]! > bestScore) { bestScore = scores[l]!; best = l; }
      }
      y[i] = best;
      history?.add(ctx[i * CONTEXT_WIDTH]!, best);
      prev2 = prev;
      prev = best;
    }
    return y;
  }
}

/** A seeded PRNG (mulberry32), so training is deterministic given a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One training sentence: its forms, gold POS (or null) and gold spans. */
export interface TrainSentence {
  forms: string[];
  upos: string[] | null;
  spans: TokenSpan[];
  /** The cues of the sentence's document, for models with document features. */
  doc?: DocumentCues | null;
  /** Which document the sentence is from (any number, the same for one document): for the prediction history. */
  docIndex?: number;
}

export interface TrainOptions {
  seed: number;
  epochs: number;
  hashBits: number;
  /** Share of sentences shown without POS each epoch, so the model copes with a missing or weak tagger. */
  posDropout: number;
  /** Averaged weights with |w| below this are dropped from the saved model. */
  prune: number;
  /** Chance, per token and epoch, of hiding the word's identity features (as if it were unseen): teaches context. */
  wordDropout: number;
  /** Chance of hiding any one feature of a token in an epoch. */
  featureDropout: number;
  /** Learn from the labels predicted earlier for the same word in the same document (PredictionHistory). */
  predictionHistory?: boolean;
  log?: (msg: string) => void;
}

/** Trains the averaged perceptron; features use the model's own previous predictions (as at run time). */
export function train(sentences: readonly TrainSentence[], extractor: FeatureExtractor, opts: TrainOptions, meta: Omit<ModelMeta, 'hashBits' | 'epochs' | 'seed'>): NerWeights {
  const L = LABEL_COUNT;
  const B = 1 << opts.hashBits, mask = B - 1;
  const w = new Float32Array(B * L);
  const total = new Float64Array(B * L);
  const stamp = new Int32Array(B * L);
  const rand = seededRandom(opts.seed);
  const gold = sentences.map((s) => spansToLabels(s.forms.length, s.spans));
  // Static features are computed once per sentence and POS setting.
  const featsWith: Uint32Array[] = [], featsWithout: Uint32Array[] = [];
  const ctxWith: Uint32Array[] = [], ctxWithout: Uint32Array[] = [];
  for (const s of sentences) {
    const n = s.forms.length;
    extractor.setDocument(s.doc ?? null);
    const a = new Uint32Array(n * MAX_STATIC_FEATURES), ca = new Uint32Array(n * CONTEXT_WIDTH);
    extractor.sentence(s.forms, s.upos, 0, n, a);
    extractor.context(n, ca);
    featsWith.push(a); ctxWith.push(ca);
    if (s.upos && opts.posDropout > 0) {
      const b = new Uint32Array(n * MAX_STATIC_FEATURES), cb = new Uint32Array(n * CONTEXT_WIDTH);
      extractor.sentence(s.forms, null, 0, n, b);
      extractor.context(n, cb);
      featsWithout.push(b); ctxWithout.push(cb);
    } else { featsWithout.push(a); ctxWithout.push(ca); }
  }
  extractor.setDocument(null);
  let t = 1;
  const scores = new Float64Array(L);
  const hist = new Uint32Array(HISTORY_FEATURES);
  const row = new Uint32Array(MAX_STATIC_FEATURES);
  const update = (f: Uint32Array, from: number, to: number, label: number, v: number) => {
    for (let k = from; k < to; k++) {
      const h = f[k]!;
      if (h === 0xffffffff) continue;
      const i = (h & mask) * L + label;
      total[i] += (t - stamp[i]!) * w[i]!;
      stamp[i] = t;
      w[i] += v;
    }
  };
  const addScores = (f: Uint32Array, from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const h = f[k]!;
      if (h === 0xffffffff) continue;
      const base = (h & mask) * L;
      for (let l = 0; l < L; l++) scores[l] += w[base + l]!;
    }
  };
  const order = sentences.map((_, i) => i);
  // One prediction history per document, rebuilt every epoch from the model's own predictions (as at run time).
  const histories = new Map<number, PredictionHistory>();
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    histories.clear();
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    let errors = 0, tokens = 0;
    for (const si of order) {
      const s = sentences[si]!;
      const n = s.forms.length;
      const dropPos = rand() < opts.posDropout;
      const f = dropPos ? featsWithout[si]! : featsWith[si]!;
      const ctx = dropPos ? ctxWithout[si]! : ctxWith[si]!;
      const y = gold[si]!;
      let history: PredictionHistory | null = null;
      if (opts.predictionHistory) {
        const d = s.docIndex ?? -1 - si;
        history = histories.get(d) ?? null;
        if (!history) histories.set(d, (history = new PredictionHistory()));
      }
      let prev = 0, prev2 = 0;
      for (let i = 0; i < n; i++) {
        scores.fill(0);
        row.set(f.subarray(i * MAX_STATIC_FEATURES, (i + 1) * MAX_STATIC_FEATURES));
        if (rand() < opts.wordDropout) for (const k of WORD_IDENTITY_SLOTS) row[k] = 0xffffffff;
        if (opts.featureDropout > 0) for (let k = 1; k < MAX_STATIC_FEATURES; k++) if (rand() < opts.featureDropout) row[k] = 0xffffffff;
        addScores(row, 0, MAX_STATIC_FEATURES);
        historyFeatures(ctx, i, prev, prev2, hist, history);
        addScores(hist, 0, HISTORY_FEATURES);
        let best = 0, bestScore = -Infinity;
        for (let l = 0; l < L; l++) if (scores[l]! > bestScore) { bestScore = scores[l]!; best = l; }
        const truth = y[i]!;
        if (best !== truth) {
          update(row, 0, MAX_STATIC_FEATURES, truth, 1);
          update(row, 0, MAX_STATIC_FEATURES, best, -1);
          update(hist, 0, HISTORY_FEATURES, truth, 1);
          update(hist, 0, HISTORY_FEATURES, best, -1);
          errors++;
        }
        tokens++;
        t++;
        history?.add(ctx[i * CONTEXT_WIDTH]!, best);
        prev2 = prev;
        prev = best;
      }
    }
    opts.log?.(`epoch ${epoch + 1}: token error rate ${(100 * errors / tokens).toFixed(2)}%`);
  }
  // Average and keep the weights that matter.
  const offsets = new Int32Array(B + 1);
  const keptLabels: number[] = [], keptWeights: number[] = [];
  for (let b = 0; b < B; b++) {
    offsets[b] = keptLabels.length;
    for (let l = 0; l < L; l++) {
      const i = b * L + l;
      const avg = (total[i]! + (t - stamp[i]!) * w[i]!) / t;
      if (Math.abs(avg) >= opts.prune) { keptLabels.push(l); keptWeights.push(avg); }
    }
  }
  offsets[B] = keptLabels.length;
  return new NerWeights({ ...meta, hashBits: opts.hashBits, epochs: opts.epochs, seed: opts.seed }, offsets, Uint8Array.from(keptLabels), Float32Array.from(keptWeights));
}
