// The parser model: hashed linear weights for transitions and arc labels, greedy decoding, and a compact file format.

import { gunzipSync, gzipSync } from 'node:zlib';
import { ArcHybridState, LEFT, N_TRANSITIONS, RIGHT, SHIFT } from './transition.js';
import {
  FEATURE_VERSION, MAX_LABEL_FEATURES, MAX_TRANSITION_FEATURES, TAG_UNKNOWN, WordValueCache,
  bufferFeatures, bufferLeftFeatures, buildTree, encodeSentence, labelFeatures, pairFeatures, stackFeatures, stackRightFeatures, transitionFeatures, type EncodedSentence, type TreeView,
} from './features.js';

const MAGIC = 0x31504c44; // "DLP1"

/**
 * Which weight (of a feature-hash f) belongs to label l in the label table: slot f + (l + 1) * spread.
 * Spread 1 puts a feature's label weights side by side, so scoring all candidates of an arc touches one or
 * two cache lines per feature; older files used a large odd spread (one cache miss per feature and label).
 */
export function labelBucket(f: number, l: number, mask: number, spread: number): number {
  return (f + Math.imul(l + 1, spread)) & mask;
}

/** Label weights side by side (current training). */
export const LABEL_SPREAD_ADJACENT = 1;
/** Label weights scattered (files written before the spread was recorded). */
export const LABEL_SPREAD_SCATTERED = 0x61c88647;

/** Key for the label candidates of an arc: dependent tag, head tag, direction. */
export function candidateKey(dt: number, ht: number, dir: number): number {
  return (dt * 4096 + ht) * 4 + dir;
}

export interface ParserModelData {
  tags: string[];
  /** Normalized word forms with their own features; others fall into unknown-word classes. */
  vocabulary: string[];
  labels: string[];
  transitionBits: number;
  labelBits: number;
  /**
   * Float weights while training (rows of N_TRANSITIONS); int8 (times a scale) once loaded from a file, with
   * transition rows padded to 4 bytes so a feature costs one aligned 32-bit load. Int16 is accepted from
   * older files and requantized. Run time is bound by cache misses in these tables, hence the small weights.
   */
  transitionWeights: Float32Array | Int16Array | Int8Array;
  labelWeights: Float32Array | Int16Array | Int8Array;
  transitionScale?: number;
  labelScale?: number;
  /** Labels seen in training for each candidateKey. */
  candidates: Map<number, Int32Array>;
  /** See labelBucket; LABEL_SPREAD_ADJACENT unless given. */
  labelSpread?: number;
  meta?: Record<string, unknown>;
  /** Transition templates 110-122 on top of the base set (see transitionFeatures); files record it. */
  extraFeatures?: boolean;
  /** Label templates 32-34 on top of the base set (see labelFeatures); files record it. */
  extraLabelFeatures?: boolean;
}

/** Result buffers of one sentence parse (sentence-local indices, -1 for the root). */
export interface SentenceParse {
  head: Int32Array;
  label: Int32Array;
}

export class ParserModel {
  readonly tags: string[];
  readonly labels: string[];
  readonly vocabulary: ReadonlySet<string>;
  readonly tagIndex = new Map<string, number>();
  readonly transitionMask: number;
  readonly labelMask: number;
  /** Float32 (training, stride N_TRANSITIONS) or int8 (loaded, stride 4 with a zero pad byte). */
  readonly transitionWeights: Float32Array | Int8Array;
  readonly transitionStride: number;
  readonly labelWeights: Float32Array | Int8Array;
  /** The int8 transition rows read as one little-endian int32 each (bytes SHIFT, LEFT, RIGHT, pad); absent while training. */
  private readonly packedTransitions: Int32Array | undefined;
  readonly transitionScale: number;
  readonly labelScale: number;
  readonly labelSpread: number;
  readonly candidates: Map<number, Int32Array>;
  private readonly tagSpan: number;
  private readonly candidateTable: (Int32Array | undefined)[];
  readonly allLabels: Int32Array;
  readonly meta: Record<string, unknown>;
  readonly extraFeatures: boolean;
  readonly extraLabelFeatures: boolean;
  // Scratch buffers, reused by every parse on this thread.
  private readonly state = new ArcHybridState();
  private readonly feats = new Int32Array(Math.max(MAX_TRANSITION_FEATURES, MAX_LABEL_FEATURES) + 32);
  private sent: EncodedSentence | undefined;
  private tree: TreeView | undefined;
  private tagIds = new Int32Array(64);
  private readonly wordValues: WordValueCache;
  private order = new Int32Array(64);
  private labelScores = new Float64Array(64);
  /** Per word: the generation in which its stack-feature sums (3 ints, SHIFT/LEFT/RIGHT) were scored. */
  private stackStamp = new Int32Array(0);
  private stackSum = new Int32Array(0);
  private rightStamp = new Int32Array(0);
  private rightCountSeen = new Int32Array(0);
  private rightSum = new Int32Array(0);
  private generation = 0;

  constructor(d: ParserModelData) {
    this.tags = d.tags;
    this.labels = d.labels;
    this.vocabulary = new Set(d.vocabulary);
    this.wordValues = new WordValueCache(this.vocabulary);
    d.tags.forEach((t, i) => this.tagIndex.set(t, i + 3));
    this.transitionMask = (1 << d.transitionBits) - 1;
    this.labelMask = (1 << d.labelBits) - 1;
    if (d.transitionWeights instanceof Float32Array) {
      this.transitionWeights = d.transitionWeights;
      this.transitionStride = N_TRANSITIONS;
      this.transitionScale = d.transitionScale ?? 1;
      this.packedTransitions = undefined;
    } else {
      const q = toInt8(d.transitionWeights, d.transitionScale ?? 1);
      const rows = q.weights.length / N_TRANSITIONS;
      const packed = new Int32Array(rows);
      const bytes = new Int8Array(packed.buffer);
      for (let r = 0; r < rows; r++) for (let j = 0; j < N_TRANSITIONS; j++) bytes[r * 4 + j] = q.weights[r * N_TRANSITIONS + j]!;
      if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('the parser needs a little-endian machine');
      this.transitionWeights = bytes;
      this.transitionStride = 4;
      this.transitionScale = q.scale;
      this.packedTransitions = packed;
    }
    if (d.labelWeights instanceof Float32Array) {
      this.labelWeights = d.labelWeights;
      this.labelScale = d.labelScale ?? 1;
    } else {
      const q = toInt8(d.labelWeights, d.labelScale ?? 1);
      this.labelWeights = q.weights;
      this.labelScale = q.scale;
    }
    this.candidates = d.candidates;
    // The candidate map as a dense array by (dependent tag, head tag, direction): an index instead of a hash lookup per arc.
    this.tagSpan = d.tags.length + 3;
    this.candidateTable = new Array<Int32Array | undefined>(this.tagSpan * this.tagSpan * 2).fill(undefined);
    for (const [key, cands] of d.candidates) {
      const dir = key & 3, ht = (key >> 2) % 4096, dt = Math.floor((key >> 2) / 4096);
      if (dt < this.tagSpan && ht < this.tagSpan && (dir === 1 || dir === 2)) this.candidateTable[(dt * this.tagSpan + ht) * 2 + dir - 1] = cands;
    }
    this.allLabels = Int32Array.from(d.labels.map((_, i) => i));
    this.labelSpread = d.labelSpread ?? LABEL_SPREAD_ADJACENT;
    this.meta = d.meta ?? {};
    this.extraFeatures = d.extraFeatures ?? false;
    this.extraLabelFeatures = d.extraLabelFeatures ?? false;
  }

  get transitionBits(): number { return Math.log2(this.transitionMask + 1); }
  get labelBits(): number { return Math.log2(this.labelMask + 1); }

  tagId(tag: string): number {
    return this.tagIndex.get(tag) ?? TAG_UNKNOWN;
  }

  /** Scores the three transitions for the features in feats[0..k). */
  scoreTransitions(feats: Int32Array, k: number, scores: Float64Array): void {
    const mask = this.transitionMask;
    const packed = this.packedTransitions;
    if (packed) {
      // Sign-extend the three int8 weights out of one load; integer sums, the scale does not change the argmax.
      let a = 0, b = 0, c = 0;
      for (let i = 0; i < k; i++) {
        const x = packed[feats[i]! & mask]!;
        a += (x << 24) >> 24; b += (x << 16) >> 24; c += (x << 8) >> 24;
      }
      scores[SHIFT] = a; scores[LEFT] = b; scores[RIGHT] = c;
      return;
    }
    const w = this.transitionWeights;
    let a = 0, b = 0, c = 0;
    for (let i = 0; i < k; i++) {
      const o = (feats[i]! & mask) * N_TRANSITIONS;
      a += w[o]!; b += w[o + 1]!; c += w[o + 2]!;
    }
    scores[SHIFT] = a; scores[LEFT] = b; scores[RIGHT] = c;
  }

  labelCandidates(sn: EncodedSentence, d: number, h: number): Int32Array {
    const dt = sn.tag[d]!, ht = sn.tag[h]!, T = this.tagSpan;
    // Tag ids stay below tagSpan, so the dense table answers every arc; the map is kept for odd callers.
    if (dt < T && ht < T) return this.candidateTable[(dt * T + ht) * 2 + (d < h ? 0 : 1)] ?? this.allLabels;
    return this.candidates.get(candidateKey(dt, ht, d < h ? 1 : 2)) ?? this.allLabels;
  }

  scoreLabel(feats: Int32Array, k: number, l: number): number {
    const w = this.labelWeights, mask = this.labelMask, spread = this.labelSpread;
    let s = 0;
    for (let i = 0; i < k; i++) s += w[labelBucket(feats[i]!, l, mask, spread)]!;
    return s;
  }

  /** The best of `cands` for the label features in feats[0..k) (the first of equals). */
  bestLabel(feats: Int32Array, k: number, cands: Int32Array): number {
    const c = cands.length;
    if (this.labelScores.length < c) this.labelScores = new Float64Array(c);
    const w = this.labelWeights, mask = this.labelMask, spread = this.labelSpread;
    if (w instanceof Int8Array) {
      // Int8 weights (a loaded file): integer sums, the same argmax as the float sums of the same values.
      // Label-major with one scalar sum: the first label's pass loads each feature's cache line (all loads
      // independent), the other labels find those lines in L1 (at most ~45 features, a few KB).
      let best = cands[0]!, bestScore = 0;
      for (let j = 0; j < c; j++) {
        const l = cands[j]!, off = Math.imul(l + 1, spread);
        let sum = 0;
        for (let i = 0; i < k; i++) sum += w[(feats[i]! + off) & mask]!;
        if (j === 0 || sum > bestScore) { best = l; bestScore = sum; }
      }
      return best;
    }
    // Float weights (training): feature-major, a feature's candidate weights sit together (spread 1).
    const acc = this.labelScores;
    acc.fill(0, 0, c);
    for (let i = 0; i < k; i++) {
      const f = feats[i]!;
      for (let j = 0; j < c; j++) acc[j] += w[(f + Math.imul(cands[j]! + 1, spread)) & mask]!;
    }
    let best = 0;
    for (let j = 1; j < c; j++) if (acc[j]! > acc[best]!) best = j;
    return cands[best]!;
  }

  /** Greedy arc-hybrid parse of an encoded sentence; heads land in `st.head` (ROOT = n). */
  parseEncoded(sn: EncodedSentence, st: ArcHybridState = this.state): void {
    if (this.packedTransitions) { this.parseEncodedPacked(sn, st, this.packedTransitions); return; }
    const n = sn.n;
    st.reset(n);
    const scores = SCORES;
    // Terminal: buffer empty and only ROOT left on the stack.
    while (st.b < n || st.sp > 1) {
      // Forced moves need no scoring: only SHIFT with ROOT alone on the stack, only RIGHT once the buffer is empty.
      if (st.sp === 1) { st.apply(SHIFT); continue; }
      if (st.b >= n) { st.apply(RIGHT); continue; }
      const k = transitionFeatures(st, sn, this.feats, this.extraFeatures);
      this.scoreTransitions(this.feats, k, scores);
      // Here the buffer is non-empty and sp >= 2, so SHIFT and LEFT are legal; RIGHT is unless s1 is ROOT.
      let best = SHIFT, bestScore = scores[SHIFT]!;
      if (scores[LEFT]! > bestScore) { best = LEFT; bestScore = scores[LEFT]!; }
      if (scores[RIGHT]! > bestScore && st.sp > 2) best = RIGHT;
      st.apply(best);
    }
  }

  /**
   * `parseEncoded` for int8 weights, with the same decisions: the scores are integer sums, so they can be
   * assembled from parts. Each feature group of `transitionFeatures` is scored when what it reads changes and
   * its sum reused until then: the stack group once per word (when it first becomes s0), its right-children
   * group when s0 gains a right child, the buffer group once per position, its left-children group when n0 gains
   * a left child. Only the 28 stack-buffer pair features (30 with the extra templates) are scored at every transition; each feature is a likely
   * cache miss in the 16 MB table, and this reads about 30% fewer rows than scoring all 90 features every time.
   */
  private parseEncodedPacked(sn: EncodedSentence, st: ArcHybridState, packed: Int32Array): void {
    const n = sn.n, X = n + 1;
    st.reset(n);
    if (this.stackStamp.length < n) {
      this.stackStamp = new Int32Array(n * 2);
      this.rightStamp = new Int32Array(n * 2);
      this.rightCountSeen = new Int32Array(n * 2);
      this.stackSum = new Int32Array(n * 6);
      this.rightSum = new Int32Array(n * 6);
      this.generation = 0;
    }
    let gen = (this.generation = (this.generation + 1) | 0);
    if (gen === 0) { this.stackStamp.fill(0); this.rightStamp.fill(0); gen = this.generation = 1; } // wrapped: no stale stamp may match
    const stamp = this.stackStamp, stackSum = this.stackSum, rightStamp = this.rightStamp, rightSeen = this.rightCountSeen, rightSum = this.rightSum;
    const feats = this.feats, mask = this.transitionMask, extra = this.extraFeatures, rightCount = st.rightCount, leftCount = st.leftCount;
    let buffered = -1, bufA = 0, bufB = 0, bufC = 0;
    let leftOf = -1, leftSeen = -1, leftA = 0, leftB = 0, leftC = 0;
    while (st.b < n || st.sp > 1) {
      if (st.sp === 1) { st.apply(SHIFT); continue; }
      if (st.b >= n) { st.apply(RIGHT); continue; }
      const stack = st.stack, sp = st.sp, b = st.b, s0 = stack[sp - 1]!, s1 = stack[sp - 2]!;
      if (b !== buffered) {
        const k = bufferFeatures(sn, b, feats, 0, extra);
        let a = 0, b2 = 0, c = 0;
        for (let i = 0; i < k; i++) {
          const x = packed[feats[i]! & mask]!;
          a += (x << 24) >> 24; b2 += (x << 16) >> 24; c += (x << 8) >> 24;
        }
        bufA = a; bufB = b2; bufC = c; buffered = b;
      }
      if (b !== leftOf || leftCount[b] !== leftSeen) {
        const k = bufferLeftFeatures(st, sn, b, feats, 0, extra);
        let a = 0, b2 = 0, c = 0;
        for (let i = 0; i < k; i++) {
          const x = packed[feats[i]! & mask]!;
          a += (x << 24) >> 24; b2 += (x << 16) >> 24; c += (x << 8) >> 24;
        }
        leftA = a; leftB = b2; leftC = c; leftOf = b; leftSeen = leftCount[b]!;
      }
      const o = s0 * 3;
      if (stamp[s0] !== gen) {
        const k = stackFeatures(st, sn, s0, s1, sp > 2 ? stack[sp - 3]! : X, feats, 0, extra);
        let a = 0, b2 = 0, c = 0;
        for (let i = 0; i < k; i++) {
          const x = packed[feats[i]! & mask]!;
          a += (x << 24) >> 24; b2 += (x << 16) >> 24; c += (x << 8) >> 24;
        }
        stackSum[o] = a; stackSum[o + 1] = b2; stackSum[o + 2] = c;
        stamp[s0] = gen;
      }
      if (rightStamp[s0] !== gen || rightSeen[s0] !== rightCount[s0]) {
        const k = stackRightFeatures(st, sn, s0, s1, feats, 0, extra);
        let a = 0, b2 = 0, c = 0;
        for (let i = 0; i < k; i++) {
          const x = packed[feats[i]! & mask]!;
          a += (x << 24) >> 24; b2 += (x << 16) >> 24; c += (x << 8) >> 24;
        }
        rightSum[o] = a; rightSum[o + 1] = b2; rightSum[o + 2] = c;
        rightStamp[s0] = gen; rightSeen[s0] = rightCount[s0]!;
      }
      const k = pairFeatures(st, sn, feats, 0, extra);
      let shift = bufA + leftA + stackSum[o]! + rightSum[o]!;
      let left = bufB + leftB + stackSum[o + 1]! + rightSum[o + 1]!;
      let right = bufC + leftC + stackSum[o + 2]! + rightSum[o + 2]!;
      for (let i = 0; i < k; i++) {
        const x = packed[feats[i]! & mask]!;
        shift += (x << 24) >> 24; left += (x << 16) >> 24; right += (x << 8) >> 24;
      }
      // Here the buffer is non-empty and sp >= 2, so SHIFT and LEFT are legal; RIGHT is unless s1 is ROOT.
      let best = SHIFT, bestScore = shift;
      if (left > bestScore) { best = LEFT; bestScore = left; }
      if (right > bestScore && sp > 2) best = RIGHT;
      st.apply(best);
    }
  }

  /** Labels every arc of a tree, heads before dependents so a head's label can inform its children's. */
  labelTree(sn: EncodedSentence, tv: TreeView, out: Int32Array): void {
    const n = sn.n;
    if (this.order.length < n + 1) this.order = new Int32Array(n * 2 + 1);
    const order = this.order;
    let qh = 0, qt = 0;
    order[qt++] = n;
    while (qh < qt) {
      const h = order[qh++]!;
      for (let i = tv.childStart[h]!; i < tv.childStart[h + 1]!; i++) order[qt++] = tv.child[i]!;
    }
    for (let i = 1; i < qt; i++) {
      const d = order[i]!;
      const cands = this.labelCandidates(sn, d, tv.head[d]!);
      if (cands.length === 1) { tv.label[d] = cands[0]!; out[d] = cands[0]!; continue; }
      const k = labelFeatures(tv, sn, d, this.feats, this.extraLabelFeatures);
      const best = this.bestLabel(this.feats, k, cands);
      tv.label[d] = best;
      out[d] = best;
    }
  }

  /** Parses one sentence of word forms with their (PTB) tags. */
  parse(forms: readonly string[], tags: readonly string[]): SentenceParse {
    const n = forms.length;
    const head = new Int32Array(n), label = new Int32Array(n);
    this.parseInto(forms, tags, 0, n, head, label);
    return { head, label };
  }

  /**
   * Parses the sentence forms[start..end) of a document (tags aligned with forms) and writes heads (document
   * indices, -1 for the root) and label ids into document-wide arrays at [start, end). No per-sentence copies.
   */
  parseInto(forms: readonly string[], tags: readonly string[], start: number, end: number, head: Int32Array, label: Int32Array): void {
    const n = end - start, offset = start;
    if (n <= 0) return;
    if (this.tagIds.length < n) this.tagIds = new Int32Array(n * 2);
    for (let i = 0; i < n; i++) this.tagIds[i] = this.tagId(tags[start + i] ?? '');
    const sn = (this.sent = encodeSentence(forms, this.tagIds, this.wordValues, this.sent, start, end));
    this.parseEncoded(sn);
    const st = this.state;
    const tv = (this.tree = buildTree(st.head, n, this.tree));
    const lab = LABEL_SCRATCH.length >= n ? LABEL_SCRATCH : (LABEL_SCRATCH = new Int32Array(n * 2));
    this.labelTree(sn, tv, lab);
    for (let i = 0; i < n; i++) {
      const h = st.head[i]!;
      head[offset + i] = h === n ? -1 : offset + h;
      label[offset + i] = lab[i]!;
    }
  }

  /** Compact file: int8-quantized weights, all-zero rows left out, gzip-compressed. */
  serialize(options: { pruneBelow?: number } = {}): Buffer {
    const prune = options.pruneBelow ?? 0;
    const tQ = quantize(this.transitionWeights, this.transitionScale, this.transitionStride, N_TRANSITIONS, prune);
    const lQ = quantize(this.labelWeights, this.labelScale, 1, 1, prune);
    const header = {
      format: 'dateline-parser', featureVersion: FEATURE_VERSION, weightBytes: 1,
      transitionBits: this.transitionBits, labelBits: this.labelBits,
      tags: this.tags, labels: this.labels, vocabulary: [...this.vocabulary],
      candidates: [...this.candidates].map(([k, v]) => [k, [...v]]),
      transitionScale: tQ.scale, labelScale: lQ.scale, labelSpread: this.labelSpread, meta: this.meta,
      ...(this.extraFeatures ? { extraFeatures: true } : {}),
      ...(this.extraLabelFeatures ? { extraLabelFeatures: true } : {}),
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const w = new ByteWriter();
    w.u32(MAGIC); w.u32(headerBytes.length); w.bytes(headerBytes);
    tQ.write(w); lQ.write(w);
    return gzipSync(w.finish(), { level: 9 });
  }

  static deserialize(file: Uint8Array): ParserModel {
    const buf = gunzipSync(file);
    const r = new ByteReader(buf);
    if (r.u32() !== MAGIC) throw new Error('not a dateline parser model');
    const header = JSON.parse(Buffer.from(r.bytes(r.u32())).toString('utf8'));
    if (header.featureVersion !== FEATURE_VERSION) throw new Error(`parser model has feature version ${header.featureVersion}, code expects ${FEATURE_VERSION}`);
    const bytes = header.weightBytes === 1 ? 1 : 2;
    const transitionWeights = dequantize(r, (1 << header.transitionBits) * N_TRANSITIONS, N_TRANSITIONS, bytes);
    const labelWeights = dequantize(r, 1 << header.labelBits, 1, bytes);
    return new ParserModel({
      tags: header.tags, labels: header.labels, vocabulary: header.vocabulary, transitionBits: header.transitionBits, labelBits: header.labelBits,
      transitionWeights, labelWeights, transitionScale: header.transitionScale, labelScale: header.labelScale,
      candidates: new Map((header.candidates as [number, number[]][]).map(([k, v]) => [k, Int32Array.from(v)])),
      labelSpread: header.labelSpread ?? LABEL_SPREAD_SCATTERED, meta: header.meta, extraFeatures: header.extraFeatures === true, extraLabelFeatures: header.extraLabelFeatures === true,
    });
  }
}

const SCORES = new Float64Array(N_TRANSITIONS);
let LABEL_SCRATCH = new Int32Array(256);

/** Int8 weights: the largest magnitude maps to 127 (clipping large weights costs accuracy, coarse steps do not). */
const INT8_MAX = 127;

/** Requantizes int16 (older files) or passes int8 through; returns weights and the scale of one step. */
function toInt8(w: Int16Array | Int8Array, scale: number): { weights: Int8Array; scale: number } {
  if (w instanceof Int8Array) return { weights: w, scale };
  let max = 0;
  for (let i = 0; i < w.length; i++) { const a = Math.abs(w[i]!); if (a > max) max = a; }
  if (max === 0) return { weights: new Int8Array(w.length), scale };
  const out = new Int8Array(w.length), f = INT8_MAX / max;
  for (let i = 0; i < w.length; i++) out[i] = Math.round(w[i]! * f);
  return { weights: out, scale: scale / f };
}

/**
 * Rows of `width` weights (stored `stride` apart) kept when any weight quantizes to at least `prune` int8 steps.
 * Float weights are scaled so the largest becomes 127; int8 weights keep their scale.
 */
function quantize(w: Float32Array | Int8Array, currentScale: number, stride: number, width: number, prune: number) {
  let scale = currentScale, factor = 1;
  if (w instanceof Float32Array) {
    let max = 0;
    for (let i = 0; i < w.length; i++) { const a = Math.abs(w[i]!); if (a > max) max = a; }
    scale = max > 0 ? (max / INT8_MAX) * currentScale : currentScale;
    factor = max > 0 ? INT8_MAX / max : 1;
  }
  const threshold = Math.max(0.5, prune);
  const rows: number[] = [];
  for (let r = 0; r < w.length / stride; r++) {
    for (let j = 0; j < width; j++) if (Math.abs(w[r * stride + j]! * factor) >= threshold) { rows.push(r); break; }
  }
  return {
    scale,
    write(out: ByteWriter) {
      out.u32(rows.length);
      let prev = 0;
      for (const r of rows) { out.varint(r - prev); prev = r; }
      for (const r of rows) for (let j = 0; j < width; j++) out.i8(Math.round(w[r * stride + j]! * factor));
    },
  };
}

function dequantize(r: ByteReader, size: number, stride: number, bytes: 1 | 2): Int8Array | Int16Array {
  const w = bytes === 1 ? new Int8Array(size) : new Int16Array(size);
  const count = r.u32();
  const rows = new Int32Array(count);
  let prev = 0;
  for (let i = 0; i < count; i++) { prev += r.varint(); rows[i] = prev; }
  for (let i = 0; i < count; i++) for (let j = 0; j < stride; j++) w[rows[i]! * stride + j] = bytes === 1 ? r.i8() : r.i16();
  return w;
}

class ByteWriter {
  private buf = new Uint8Array(1 << 20);
  private view = new DataView(this.buf.buffer);
  private pos = 0;
  private ensure(n: number) {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u32(v: number) { this.ensure(4); this.view.setUint32(this.pos, v, true); this.pos += 4; }
  i8(v: number) { this.ensure(1); this.view.setInt8(this.pos, Math.max(-127, Math.min(127, v))); this.pos += 1; }
  varint(v: number) { this.ensure(5); while (v >= 0x80) { this.buf[this.pos++] = (v & 0x7f) | 0x80; v >>>= 7; } this.buf[this.pos++] = v; }
  bytes(b: Uint8Array) { this.ensure(b.length); this.buf.set(b, this.pos); this.pos += b.length; }
  finish(): Uint8Array { return this.buf.subarray(0, this.pos); }
}

class ByteReader {
  private pos = 0;
  private readonly view: DataView;
  constructor(private readonly buf: Uint8Array) { this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
  u32() { const v = this.view.getUint32(this.pos, true); this.pos += 4; return v; }
  i16() { const v = this.view.getInt16(this.pos, true); this.pos += 2; return v; }
  i8() { const v = this.view.getInt8(this.pos); this.pos += 1; return v; }
  varint() { let v = 0, s = 0, b; do { b = this.buf[this.pos++]!; v |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return v >>> 0; }
  bytes(n: number) { const b = this.buf.subarray(this.pos, this.pos + n); this.pos += n; return b; }
}
