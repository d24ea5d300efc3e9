// The name tagger's model: a greedy BILOU averaged perceptron over hashed features, and its compact file format.

import type { NamedEntityType } from '../../core/index.js';
import { CONTEXT_WIDTH, type DocumentCues, FeatureExtractor, type CaseWords, HISTORY_FEATURES, MAX_EDGE_FEATURES, MAX_STATIC_FEATURES, PredictionHistory, WORD_IDENTITY_SLOTS, edgeFeatures, historyEmission, historyFeatures, transitionFeature } from './features.js';
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

/**
 * The labels a token may take in a structured decode, by token class: a lower-case word is outside any name (0);
 * a connector ("of", "-") may be inside one (1); a number may also end one (2); a capitalized word or particle may
 * be anything (3). The same limits as the greedy decoder's, so most tokens cost nothing.
 */
const CLASS_LABELS: readonly Uint8Array[] = (() => {
  const inner: number[] = [], ends: number[] = [];
  for (let t = 0; t < ENTITY_TYPES.length; t++) { inner.push(labelOf(t, Bilou.I)); ends.push(labelOf(t, Bilou.I), labelOf(t, Bilou.L)); }
  return [Uint8Array.of(0), Uint8Array.from([0, ...inner]), Uint8Array.from([0, ...ends]), Uint8Array.from({ length: LABEL_COUNT }, (_, l) => l)];
})();
/** A label that may close a sentence (O, L, U). */
const MAY_END = Uint8Array.from({ length: LABEL_COUNT }, (_, l) => (l === 0 || posOfLabel(l) >= Bilou.L ? 1 : 0));

/** Token classes (CLASS_LABELS) of the prepared sentence. */
function tokenClasses(ex: FeatureExtractor, n: number, out: Uint8Array): void {
  for (let i = 0; i < n; i++) out[i] = ex.mayStartName(i) ? 3 : ex.mayContinueName(i) ? (ex.mayEndName(i) ? 2 : 1) : 0;
  // A connector or number is inside a name only when a run of such tokens goes back to one that may start it.
  for (let i = 0; i < n; i++) if ((out[i] === 1 || out[i] === 2) && (i === 0 || out[i - 1] === 0)) out[i] = 0;
}

/** By class of the previous token, for each label: the labels of that class that may come right before it (ALLOWED). */
const PREVIOUS_IN_CLASS: readonly (readonly Uint8Array[])[] = CLASS_LABELS.map((labels) => Array.from({ length: LABEL_COUNT }, (_, c) =>
  labels.filter((p) => ALLOWED[p * LABEL_COUNT + c] === 1)));

/**
 * First-order Viterbi over BILOU labels restricted by token class. `emit(i, scores)` adds token i's label scores
 * (called only for tokens of class > 0); `transitions` holds the score of label c after label p at p * LABEL_COUNT + c;
 * `edge(i, prev, scores)` (optional) adds the edge feature scores of every label at i after `prev`. Tokens where
 * neither token i nor i - 1 has more than one possible label are skipped: every path goes O -> O there and scores
 * the same. The best sequence goes to `out`.
 */
class Lattice {
  private delta = new Float64Array(0);
  private back = new Uint8Array(0);
  private readonly e = new Float64Array(LABEL_COUNT);
  private readonly es = new Float64Array(LABEL_COUNT * LABEL_COUNT);

  best(n: number, cls: Uint8Array, emit: (i: number, scores: Float64Array) => void, transitions: Float64Array,
    edge: ((i: number, prev: number, scores: Float64Array, at: number) => void) | null, out: Uint8Array): void {
    const L = LABEL_COUNT;
    if (this.delta.length < n * L) { this.delta = new Float64Array(n * L * 2); this.back = new Uint8Array(n * L * 2); }
    const delta = this.delta, back = this.back, e = this.e, es = this.es;
    for (let i = 0; i < n; i++) {
      const row = i * L, prow = row - L;
      const ci = cls[i]!, pc = i > 0 ? cls[i - 1]! : 0;
      // Only the labels of a token's class are written (and read back through PREVIOUS_IN_CLASS).
      if (ci === 0 && pc === 0) { delta[row] = i > 0 ? delta[prow]! : 0; back[row] = 0; continue; }
      e.fill(0);
      if (ci > 0) emit(i, e);
      let E = transitions;
      if (edge) {
        E = es;
        const P = CLASS_LABELS[pc]!;
        for (let k = 0; k < P.length; k++) {
          const p = P[k]!, at = p * L;
          for (let c = 0; c < L; c++) es[at + c] = transitions[at + c]!;
          edge(i, p, es, at);
        }
      }
      const A = CLASS_LABELS[ci]!;
      const before = PREVIOUS_IN_CLASS[pc]!;
      for (let k = 0; k < A.length; k++) {
        const c = A[k]!;
        let best = -Infinity, arg = 0;
        if (i === 0) {
          if (ALLOWED[c]) best = E[c]!;
        } else {
          const prevs = before[c]!;
          for (let j = 0; j < prevs.length; j++) {
            const p = prevs[j]!;
            const v = delta[prow + p]! + E[p * L + c]!;
            if (v > best) { best = v; arg = p; }
          }
        }
        delta[row + c] = best + e[c]!;
        back[row + c] = arg;
      }
    }
    // The sentence ends outside a name.
    let best = 0, bestScore = -Infinity;
    const last = (n - 1) * L, E = CLASS_LABELS[cls[n - 1]!]!;
    for (let k = 0; k < E.length; k++) { const c = E[k]!; if (MAY_END[c] && delta[last + c]! > bestScore) { bestScore = delta[last + c]!; best = c; } }
    for (let i = n - 1; i >= 0; i--) {
      out[i] = best;
      best = back[i * L + best]!;
    }
  }
}
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
  /**
   * 'viterbi': a structured (first-order) averaged perceptron, decoded exactly over BILOU sequences with
   * label-transition weights; absent or 'greedy': left to right with the previous two labels as features.
   */
  decoding?: 'greedy' | 'viterbi';
  /** Whether the model uses the features of the capitalized run around each word (features.ts findRuns). */
  runFeatures?: boolean;
  /** Viterbi models: how many edge feature templates (features.ts edgeFeatures) pair the previous label with the token. */
  edges?: number;
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

  /** As score(), into scores[at, at + LABEL_COUNT). */
  scoreAt(f: Uint32Array, from: number, to: number, scores: Float64Array, at: number): void {
    const mask = this.mask, off = this.offsets, lab = this.labels, w = this.weights;
    for (let k = from; k < to; k++) {
      const h = f[k]!;
      if (h === 0xffffffff) continue;
      const b = h & mask;
      for (let j = off[b]!, e = off[b + 1]!; j < e; j++) scores[at + lab[j]!] += w[j]!;
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
    extractor.runFeatures = weights.meta.runFeatures ?? false;
    this.history = weights.meta.predictionHistory ? new PredictionHistory() : null;
    this.viterbi = weights.meta.decoding === 'viterbi';
    this.edges = weights.meta.edges ?? 0;
    if (this.viterbi) {
      // The label-transition weights as a dense matrix: one row per previous label.
      const one = new Uint32Array(1), row = new Float64Array(LABEL_COUNT);
      for (let p = 0; p < LABEL_COUNT; p++) {
        row.fill(0);
        one[0] = transitionFeature(p);
        weights.score(one, 0, 1, row);
        this.transitions.set(row, p * LABEL_COUNT);
      }
    }
  }

  private readonly viterbi: boolean;
  private readonly edges: number;
  private readonly transitions = new Float64Array(LABEL_COUNT * LABEL_COUNT);
  private readonly lattice = new Lattice();
  private cls = new Uint8Array(64);
  private readonly edgeRow = new Uint32Array(MAX_EDGE_FEATURES);
  private readonly histRow = new Uint32Array(2);

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
    if (this.viterbi) return this.decodeViterbi(forms, upos, from, to);
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
  /** A structured model's decode: the best BILOU sequence of the sentence under the token-class limits. */
  private decodeViterbi(forms: readonly string[], upos: readonly string[] | null, from: number, to: number): Uint8Array {
    const n = to - from;
    if (this.labels.length < n) this.labels = new Uint8Array(n * 2);
    if (this.ctx.length < n * CONTEXT_WIDTH) this.ctx = new Uint32Array(n * CONTEXT_WIDTH * 2);
    if (this.cls.length < n) this.cls = new Uint8Array(n * 2);
    const W = this.weights, ex = this.extractor, ctx = this.ctx, f = this.feats, history = this.history, edges = this.edges;
    const trans = this.transitions, edgeRow = this.edgeRow, histRow = this.histRow;
    ex.prepare(forms, W.meta.usesPos ? upos : null, from, to);
    ex.context(n, ctx);
    tokenClasses(ex, n, this.cls);
    this.lattice.best(n, this.cls, (i, scores) => {
      ex.token(i, f, 0);
      W.score(f, 0, MAX_STATIC_FEATURES, scores);
      if (history) { historyEmission(ctx, i, history, histRow); W.score(histRow, 0, 2, scores); }
    }, trans, edges ? (i, prev, scores, at) => { edgeFeatures(ctx, i, prev, edges, edgeRow); W.scoreAt(edgeRow, 0, edges, scores, at); } : null, this.labels);
    if (history) for (let i = 0; i < n; i++) history.add(ctx[i * CONTEXT_WIDTH]!, this.labels[i]!);
    return this.labels;
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
  const { offsets, labels, weights } = averaged(w, total, stamp, t, B, L, opts.prune);
  return new NerWeights({ ...meta, hashBits: opts.hashBits, epochs: opts.epochs, seed: opts.seed }, offsets, labels, weights);
}

/** The averaged weights (lazy averaging: totals plus the current weight since its last update), keeping those of at least `prune`. */
function averaged(w: ArrayLike<number>, total: ArrayLike<number>, stamp: ArrayLike<number>, t: number, B: number, L: number, prune: number) {
  const offsets = new Int32Array(B + 1);
  const keptLabels: number[] = [], keptWeights: number[] = [];
  for (let b = 0; b < B; b++) {
    offsets[b] = keptLabels.length;
    for (let l = 0; l < L; l++) {
      const i = b * L + l;
      const avg = (total[i]! + (t - stamp[i]!) * w[i]!) / t;
      if (Math.abs(avg) >= prune) { keptLabels.push(l); keptWeights.push(avg); }
    }
  }
  offsets[B] = keptLabels.length;
  return { offsets, labels: Uint8Array.from(keptLabels), weights: Float32Array.from(keptWeights) };
}

/**
 * Trains a structured averaged perceptron: each sentence is decoded with first-order Viterbi (as at run time, see
 * Lattice) and, when the best sequence is not the gold one, the features of the gold sequence gain and those of the
 * predicted one lose, token by token (emissions) and label pair by label pair (transitions and edge features).
 * A token whose gold label its class forbids (a lower-case word inside a GUM name) may take any label in training.
 */
export function trainStructured(sentences: readonly TrainSentence[], extractor: FeatureExtractor, opts: TrainOptions & { edges: number }, meta: Omit<ModelMeta, 'hashBits' | 'epochs' | 'seed' | 'decoding' | 'edges'>): NerWeights {
  const L = LABEL_COUNT;
  const B = 1 << opts.hashBits, mask = B - 1;
  const w = new Float32Array(B * L);
  const total = new Float64Array(B * L);
  const stamp = new Int32Array(B * L);
  const rand = seededRandom(opts.seed);
  const gold = sentences.map((s) => spansToLabels(s.forms.length, s.spans));
  const feats: Uint32Array[] = [], ctxs: Uint32Array[] = [], classes: Uint8Array[] = [];
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const n = s.forms.length;
    extractor.setDocument(s.doc ?? null);
    const a = new Uint32Array(n * MAX_STATIC_FEATURES), ca = new Uint32Array(n * CONTEXT_WIDTH), cl = new Uint8Array(n);
    extractor.sentence(s.forms, s.upos, 0, n, a);
    extractor.context(n, ca);
    tokenClasses(extractor, n, cl);
    const y = gold[si]!;
    for (let i = 0; i < n; i++) if (!CLASS_LABELS[cl[i]!]!.includes(y[i]!)) cl[i] = 3;
    feats.push(a); ctxs.push(ca); classes.push(cl);
  }
  extractor.setDocument(null);
  let t = 1;
  const edges = opts.edges;
  const edgeRow = new Uint32Array(MAX_EDGE_FEATURES), edgeTrainRow = new Uint32Array(1 + MAX_EDGE_FEATURES);
  const histRow = new Uint32Array(2);
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
  const addScores = (f: Uint32Array, from: number, to: number, scores: Float64Array, at = 0) => {
    for (let k = from; k < to; k++) {
      const h = f[k]!;
      if (h === 0xffffffff) continue;
      const base = (h & mask) * L;
      for (let l = 0; l < L; l++) scores[at + l] += w[base + l]!;
    }
  };
  const transitions = new Float64Array(L * L);
  const one = new Uint32Array(1);
  const edgeFor = (ctx: Uint32Array, i: number, prev: number) => {
    edgeTrainRow[0] = transitionFeature(prev);
    edgeFeatures(ctx, i, prev, edges, edgeRow);
    for (let k = 0; k < edges; k++) edgeTrainRow[1 + k] = edgeRow[k]!;
  };
  const lattice = new Lattice();
  let rows = new Uint32Array(64 * MAX_STATIC_FEATURES), hrows = new Uint32Array(64 * 2), pred = new Uint8Array(64);
  const order = sentences.map((_, i) => i);
  const histories = new Map<number, PredictionHistory>();
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    histories.clear();
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    let errors = 0, tokens = 0;
    for (const si of order) {
      const s = sentences[si]!;
      const n = s.forms.length;
      const f = feats[si]!, ctx = ctxs[si]!, cls = classes[si]!, y = gold[si]!;
      let history: PredictionHistory | null = null;
      if (opts.predictionHistory) {
        const d = s.docIndex ?? -1 - si;
        history = histories.get(d) ?? null;
        if (!history) histories.set(d, (history = new PredictionHistory()));
      }
      if (rows.length < n * MAX_STATIC_FEATURES) { rows = new Uint32Array(n * MAX_STATIC_FEATURES * 2); hrows = new Uint32Array(n * 4); pred = new Uint8Array(n * 2); }
      // This epoch's view of the sentence: dropout fixed for the decode and the update alike.
      for (let i = 0; i < n; i++) {
        const o = i * MAX_STATIC_FEATURES;
        if (cls[i] === 0) continue;
        rows.set(f.subarray(o, o + MAX_STATIC_FEATURES), o);
        if (rand() < opts.wordDropout) for (const k of WORD_IDENTITY_SLOTS) rows[o + k] = 0xffffffff;
        if (opts.featureDropout > 0) for (let k = 1; k < MAX_STATIC_FEATURES; k++) if (rand() < opts.featureDropout) rows[o + k] = 0xffffffff;
        historyEmission(ctx, i, history, histRow);
        hrows[2 * i] = histRow[0]!; hrows[2 * i + 1] = histRow[1]!;
      }
      transitions.fill(0);
      for (let p = 0; p < L; p++) { one[0] = transitionFeature(p); addScores(one, 0, 1, transitions, p * L); }
      lattice.best(n, cls, (i, scores) => {
        addScores(rows, i * MAX_STATIC_FEATURES, (i + 1) * MAX_STATIC_FEATURES, scores);
        addScores(hrows, 2 * i, 2 * i + 2, scores);
      }, transitions, edges ? (i, prev, scores, at) => {
        edgeFeatures(ctx, i, prev, edges, edgeRow);
        addScores(edgeRow, 0, edges, scores, at);
      } : null, pred);
      for (let i = 0; i < n; i++) {
        const g = y[i]!, p = pred[i]!;
        const gp = i > 0 ? y[i - 1]! : 0, pp = i > 0 ? pred[i - 1]! : 0;
        if (g !== p) {
          errors++;
          update(rows, i * MAX_STATIC_FEATURES, (i + 1) * MAX_STATIC_FEATURES, g, 1);
          update(rows, i * MAX_STATIC_FEATURES, (i + 1) * MAX_STATIC_FEATURES, p, -1);
          update(hrows, 2 * i, 2 * i + 2, g, 1);
          update(hrows, 2 * i, 2 * i + 2, p, -1);
        }
        if (g !== p || gp !== pp) {
          edgeFor(ctx, i, gp);
          update(edgeTrainRow, 0, 1 + edges, g, 1);
          edgeFor(ctx, i, pp);
          update(edgeTrainRow, 0, 1 + edges, p, -1);
        }
      }
      if (history) for (let i = 0; i < n; i++) history.add(ctx[i * CONTEXT_WIDTH]!, pred[i]!);
      tokens += n;
      t++;
    }
    opts.log?.(`epoch ${epoch + 1}: token error rate ${(100 * errors / tokens).toFixed(2)}%`);
  }
  const { offsets, labels, weights } = averaged(w, total, stamp, t, B, L, opts.prune);
  return new NerWeights({ ...meta, hashBits: opts.hashBits, epochs: opts.epochs, seed: opts.seed, decoding: 'viterbi', edges }, offsets, labels, weights);
}
