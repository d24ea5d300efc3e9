// Run-time linear model over hashed features: sparse weight rows in flat typed arrays, looked up by open addressing.

import type { TypedArrays } from './bundle.js';

export class SparseLinearModel {
  /**
   * Open-addressing table, two Int32 per slot: the feature hash (0 = empty) and the row's first entry
   * with its entry count in the top 8 bits. Each entry packs a class (low 8 bits) and a weight quantized
   * to 24 bits, so a feature costs two memory reads and the whole model stays small enough for the cache.
   * Scores are summed as integers (every weight shares one scale, so the best class is the same).
   */
  private readonly slots: Int32Array;
  private readonly packed: Int32Array;
  private readonly mask: number;
  /** Weight units per packed integer step. */
  readonly step: number;

  /**
   * @param keys      feature hash of each row
   * @param rowStart  row r's weights are entries [rowStart[r], rowStart[r + 1])
   * @param cls       class of each entry
   * @param weight    weight of each entry
   */
  constructor(
    readonly nClasses: number,
    readonly keys: Uint32Array,
    readonly rowStart: Int32Array,
    readonly cls: Uint16Array,
    readonly weight: Float32Array,
  ) {
    if (nClasses > 256) throw new RangeError('SparseLinearModel packs classes in 8 bits: at most 256 classes');
    if (weight.length >= 1 << 24) throw new RangeError('SparseLinearModel: too many weights');
    let cap = 16;
    while (cap < keys.length * 1.6) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 2);
    for (let r = 0; r < keys.length; r++) {
      const k = (keys[r]! || 1) | 0;
      const count = rowStart[r + 1]! - rowStart[r]!;
      if (count > 255) throw new RangeError('SparseLinearModel: a feature has more than 255 weights');
      let s = k & this.mask;
      while (this.slots[s * 2] !== 0) s = (s + 1) & this.mask;
      this.slots[s * 2] = k;
      this.slots[s * 2 + 1] = rowStart[r]! | (count << 24);
    }
    let maxAbs = 0;
    for (const w of weight) maxAbs = Math.max(maxAbs, Math.abs(w));
    this.step = maxAbs / 0x7fffff || 1;
    this.packed = new Int32Array(weight.length);
    for (let e = 0; e < weight.length; e++) this.packed[e] = (Math.round(weight[e]! / this.step) << 8) | cls[e]!;
  }

  /**
   * Sums the weights of `features[0, count)` into `scores` (zeroed here), in units of `step`;
   * multiply by `step` for the real scores.
   */
  score(features: Uint32Array, count: number, scores: Int32Array | Float32Array | Float64Array): void {
    scores.fill(0);
    this.accumulate(features, count, scores);
  }

  /** Like `score`, but adds to `scores` as they are (for summing several groups of features). */
  accumulate(features: Uint32Array, count: number, scores: Int32Array | Float32Array | Float64Array): void {
    const { slots, packed, mask } = this;
    for (let f = 0; f < count; f++) {
      const k = (features[f]! || 1) | 0;
      let s = k & mask;
      let key = slots[s * 2]!;
      while (key !== k && key !== 0) { s = (s + 1) & mask; key = slots[s * 2]!; }
      if (key === 0) continue;
      const info = slots[s * 2 + 1]!;
      for (let e = info & 0xffffff, end = e + (info >>> 24); e < end; e++) {
        const p = packed[e]!;
        scores[p & 0xff]! += p >> 8;
      }
    }
  }

  /** A copy without the weights smaller than `minWeight` in absolute value (and without features left empty). */
  pruned(minWeight: number): SparseLinearModel {
    const keys: number[] = [], rowStart: number[] = [0], cls: number[] = [], weight: number[] = [];
    for (let r = 0; r < this.keys.length; r++) {
      const before = cls.length;
      for (let e = this.rowStart[r]!; e < this.rowStart[r + 1]!; e++) {
        if (Math.abs(this.weight[e]!) >= minWeight) { cls.push(this.cls[e]!); weight.push(this.weight[e]!); }
      }
      if (cls.length > before) { keys.push(this.keys[r]!); rowStart.push(cls.length); }
    }
    return new SparseLinearModel(this.nClasses, Uint32Array.from(keys), Int32Array.from(rowStart), Uint16Array.from(cls), Float32Array.from(weight));
  }

  /** Number of weights kept. */
  get entries(): number {
    return this.weight.length;
  }

  /** The arrays to store, weights quantized to 16 bits (a step of maxAbs/32767). */
  toArrays(prefix: string): { arrays: TypedArrays; meta: { nClasses: number; scale: number } } {
    let maxAbs = 0;
    for (const w of this.weight) maxAbs = Math.max(maxAbs, Math.abs(w));
    const scale = maxAbs / 32767 || 1;
    const q = new Int16Array(this.weight.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round(this.weight[i]! / scale);
    const cls = this.nClasses <= 256 ? Uint8Array.from(this.cls) : this.cls;
    return {
      arrays: { [`${prefix}.keys`]: this.keys, [`${prefix}.rowStart`]: this.rowStart, [`${prefix}.cls`]: cls, [`${prefix}.weight`]: q },
      meta: { nClasses: this.nClasses, scale },
    };
  }

  /** Rebuilds a model stored with `toArrays`. */
  static fromArrays(prefix: string, arrays: TypedArrays, meta: { nClasses: number; scale: number }): SparseLinearModel {
    const get = (name: string) => {
      const a = arrays[`${prefix}.${name}`];
      if (!a) throw new Error(`model is missing ${prefix}.${name}`);
      return a;
    };
    const q = get('weight') as Int16Array;
    const weight = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) weight[i] = q[i]! * meta.scale;
    return new SparseLinearModel(meta.nClasses, get('keys') as Uint32Array, get('rowStart') as Int32Array, Uint16Array.from(get('cls') as Uint8Array | Uint16Array), weight);
  }
}
