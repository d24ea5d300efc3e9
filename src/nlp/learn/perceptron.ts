// Training side of the averaged perceptron (Collins 2002; Honnibal's tagger recipe) over hashed features.
//
// Features are 32-bit hashes (see hash.ts). Each feature keeps a short linked list of (class, weight)
// entries in flat typed arrays: a weight exists only for classes the feature was ever updated for,
// so memory grows with what is learnt, not with features × classes. `toModel()` averages, prunes and
// freezes the weights into a compact SparseLinearModel for run time.

import { SparseLinearModel } from './sparse-model.js';

export class AveragedPerceptron {
  /** Feature hash -> index of its first entry. */
  private readonly head = new Map<number, number>();
  private next = new Int32Array(1 << 16);
  private cls = new Uint16Array(1 << 16);
  private weight = new Float64Array(1 << 16);
  private total = new Float64Array(1 << 16);
  private stamp = new Int32Array(1 << 16);
  private size = 0;
  /** Training instances seen so far: the clock for lazy averaging. */
  private instances = 0;

  constructor(readonly nClasses: number) {
    if (nClasses > 0xffff) throw new RangeError('too many classes');
  }

  /** Adds each feature's weights into `scores` (length nClasses, zeroed here). */
  score(features: Uint32Array, count: number, scores: Float64Array): void {
    scores.fill(0);
    for (let f = 0; f < count; f++) {
      let e = this.head.get(features[f]!);
      while (e !== undefined && e >= 0) {
        scores[this.cls[e]!]! += this.weight[e]!;
        e = this.next[e]!;
      }
    }
  }

  /** Best class by score (ties go to the lower class index, so training is deterministic). */
  predict(features: Uint32Array, count: number, scores: Float64Array): number {
    this.score(features, count, scores);
    return argmax(scores);
  }

  /** One training instance: moves weights towards `truth` and away from `guess` when they differ. */
  update(truth: number, guess: number, features: Uint32Array, count: number): void {
    this.instances++;
    if (truth === guess) return;
    for (let f = 0; f < count; f++) {
      this.bump(features[f]!, truth, 1);
      this.bump(features[f]!, guess, -1);
    }
  }

  private bump(feature: number, c: number, delta: number): void {
    let e = this.head.get(feature);
    const first = e ?? -1;
    while (e !== undefined && e >= 0 && this.cls[e] !== c) e = this.next[e]!;
    if (e === undefined || e < 0) {
      e = this.allocate();
      this.cls[e] = c;
      this.next[e] = first;
      this.stamp[e] = this.instances;
      this.head.set(feature, e);
    }
    this.total[e]! += (this.instances - this.stamp[e]!) * this.weight[e]!;
    this.stamp[e] = this.instances;
    this.weight[e]! += delta;
  }

  private allocate(): number {
    if (this.size === this.next.length) {
      const grow = <T extends Int32Array | Uint16Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.next = grow(this.next); this.cls = grow(this.cls); this.weight = grow(this.weight);
      this.total = grow(this.total); this.stamp = grow(this.stamp);
    }
    return this.size++;
  }

  /** Number of (feature, class) weights learnt. */
  get entries(): number {
    return this.size;
  }

  /**
   * Averages the weights and freezes them: entries whose averaged |weight| is below `minWeight` are
   * dropped (they rarely change a decision and make up most of the table).
   */
  toModel(minWeight = 0): SparseLinearModel {
    const rows: Array<[number, number]> = [...this.head.entries()].sort((a, b) => a[0] - b[0]);
    const keys: number[] = [], rowStart: number[] = [0], cls: number[] = [], weight: number[] = [];
    for (const [feature, first] of rows) {
      const kept: Array<[number, number]> = [];
      for (let e = first; e >= 0; e = this.next[e]!) {
        const t = this.total[e]! + (this.instances - this.stamp[e]!) * this.weight[e]!;
        const avg = t / Math.max(1, this.instances);
        if (Math.abs(avg) >= minWeight && avg !== 0) kept.push([this.cls[e]!, avg]);
      }
      if (!kept.length) continue;
      kept.sort((a, b) => a[0] - b[0]);
      keys.push(feature);
      for (const [c, w] of kept) { cls.push(c); weight.push(w); }
      rowStart.push(cls.length);
    }
    return new SparseLinearModel(this.nClasses, Uint32Array.from(keys), Int32Array.from(rowStart), Uint16Array.from(cls), Float32Array.from(weight));
  }
}

/** Index of the largest value; the first one on ties. */
export function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  return best;
}
