// The arc-hybrid transition system (Kuhlmann et al. 2011) with its dynamic oracle (Goldberg & Nivre 2013).
//
// Words are 0..n-1; the artificial ROOT is index n and sits at the bottom of the stack.
// SHIFT moves b0 onto the stack; LEFT makes b0 the head of s0 and pops s0; RIGHT makes s1
// the head of s0 and pops s0. RIGHT onto ROOT is only allowed as the very last transition,
// so every parse has exactly one root.

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const N_TRANSITIONS = 3;
export const TRANSITION_NAMES = ['SHIFT', 'LEFT', 'RIGHT'] as const;

/** Marks an absent position (empty stack slot, no child, end of buffer). */
export const NONE = -1;

/** Parser configuration; arrays are reused across sentences to avoid per-sentence churn. */
export class ArcHybridState {
  n = 0;
  /** Stack of word indices; stack[0] is ROOT (= n). */
  stack = new Int32Array(64);
  sp = 0;
  /** Front of the buffer: words b..n-1 remain. */
  b = 0;
  head = new Int32Array(64);
  /** Leftmost, second-leftmost, rightmost, second-rightmost children; n+1 when absent (a slot features read as 'none'). */
  lc1 = new Int32Array(64);
  lc2 = new Int32Array(64);
  rc1 = new Int32Array(64);
  rc2 = new Int32Array(64);
  leftCount = new Int32Array(64);
  rightCount = new Int32Array(64);

  reset(n: number): void {
    if (this.head.length < n + 2) this.grow(n + 2);
    this.n = n;
    this.sp = 1;
    this.stack[0] = n;
    this.b = 0;
    const absent = n + 1;
    for (let i = 0; i <= absent; i++) {
      this.head[i] = NONE;
      this.lc1[i] = absent; this.lc2[i] = absent; this.rc1[i] = absent; this.rc2[i] = absent;
      this.leftCount[i] = 0; this.rightCount[i] = 0;
    }
  }

  private grow(size: number): void {
    const cap = Math.max(size, this.head.length * 2);
    this.stack = new Int32Array(cap);
    this.head = new Int32Array(cap);
    this.lc1 = new Int32Array(cap); this.lc2 = new Int32Array(cap);
    this.rc1 = new Int32Array(cap); this.rc2 = new Int32Array(cap);
    this.leftCount = new Int32Array(cap); this.rightCount = new Int32Array(cap);
  }

  get terminal(): boolean {
    return this.b >= this.n && this.sp <= 1;
  }

  /** Stack item i from the top (0 = s0), or NONE. */
  s(i: number): number {
    return this.sp - 1 - i >= 0 ? this.stack[this.sp - 1 - i]! : NONE;
  }

  isLegal(t: number): boolean {
    switch (t) {
      case SHIFT: return this.b < this.n;
      case LEFT: return this.b < this.n && this.sp >= 2;
      case RIGHT:
        if (this.sp < 2) return false;
        // s1 is ROOT only when sp == 2: allowed once the buffer is empty (single root).
        return this.sp > 2 || this.b >= this.n;
      default: return false;
    }
  }

  apply(t: number): void {
    if (t === SHIFT) {
      this.stack[this.sp++] = this.b++;
    } else if (t === LEFT) {
      const dep = this.stack[--this.sp]!;
      const h = this.b;
      this.head[dep] = h;
      // Left children arrive nearest first, so each new one is the new leftmost.
      this.lc2[h] = this.lc1[h]!;
      this.lc1[h] = dep;
      this.leftCount[h]!++;
    } else {
      const dep = this.stack[--this.sp]!;
      const h = this.stack[this.sp - 1]!;
      this.head[dep] = h;
      this.rc2[h] = this.rc1[h]!;
      this.rc1[h] = dep;
      this.rightCount[h]!++;
    }
  }

  /**
   * Dynamic-oracle cost of transition t against gold heads (ROOT = n): how many gold arcs
   * become unreachable. Exact for projective gold trees.
   */
  cost(t: number, gold: Int32Array): number {
    const { b, n, sp, stack } = this;
    const s0 = stack[sp - 1]!;
    if (t === SHIFT) {
      let c = 0;
      const hb = gold[b]!;
      for (let i = 0; i < sp; i++) {
        const k = stack[i]!;
        if (k !== n && gold[k] === b) c++;
        if (k === hb && i !== sp - 1) c++;
      }
      return c;
    }
    let c = 0;
    for (let k = b; k < n; k++) if (gold[k] === s0) c++;
    const h = gold[s0]!;
    if (t === LEFT) {
      if (h !== b && (h === stack[sp - 2] || (h > b && h < n))) c++;
    } else {
      if (h >= b && h < n) c++;
    }
    return c;
  }
}

/** Lifts non-projective arcs (shortest first) to the head's head until the tree is projective. */
export function projectivize(heads: Int32Array): Int32Array {
  const h = Int32Array.from(heads);
  const n = h.length;
  for (let guard = 0; guard < n * n; guard++) {
    let best = -1, bestLen = Infinity;
    for (let d = 0; d < n; d++) {
      const hd = h[d]!;
      if (hd < 0) continue;
      const len = Math.abs(hd - d);
      if (len >= bestLen || len < 2) continue;
      if (!isProjectiveArc(h, hd, d)) { best = d; bestLen = len; }
    }
    if (best < 0) break;
    const grand = h[h[best]!]!;
    if (grand < 0) break; // Only possible with several roots; leave the tree as it is.
    h[best] = grand;
  }
  return h;
}

function isProjectiveArc(h: Int32Array, head: number, dep: number): boolean {
  const lo = Math.min(head, dep), hi = Math.max(head, dep);
  for (let k = lo + 1; k < hi; k++) {
    let a = k;
    while (a >= 0 && a !== head) a = h[a]!;
    if (a !== head) return false;
  }
  return true;
}
