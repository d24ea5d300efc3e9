import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { ArcHybridState, LEFT, N_TRANSITIONS, RIGHT, SHIFT, projectivize } from './transition.js';
import { parseConllu } from '../conllu.js';

/** Follows zero-cost transitions only (preferring SHIFT, then LEFT, then RIGHT) and returns the heads built (-1 root). */
function oracleParse(heads: Int32Array): Int32Array {
  const n = heads.length;
  const gold = Int32Array.from(heads, (h) => (h < 0 ? n : h));
  const st = new ArcHybridState();
  st.reset(n);
  while (!st.terminal) {
    let chosen = -1;
    for (const t of [LEFT, RIGHT, SHIFT]) {
      if (st.isLegal(t) && st.cost(t, gold) === 0) { chosen = t; break; }
    }
    if (chosen < 0) throw new Error('no zero-cost transition');
    st.apply(chosen);
  }
  return Int32Array.from(st.head.subarray(0, n), (h) => (h === n ? -1 : h));
}

function isProjective(h: Int32Array): boolean {
  for (let d = 0; d < h.length; d++) {
    const hd = h[d]!;
    if (hd < 0) continue;
    for (let k = Math.min(hd, d) + 1; k < Math.max(hd, d); k++) {
      let a = k;
      while (a >= 0 && a !== hd) a = h[a]!;
      if (a !== hd) return false;
    }
  }
  return true;
}

// Heads as 0-based indices, -1 = root.
const projectiveTrees: Record<string, number[]> = {
  // Israel said 12 people were killed .
  'Israel said 12 people were killed .': [1, -1, 3, 5, 5, 1, 1],
  // Ali Akbar Velayati , a senior advisor , said it .
  'Ali Akbar Velayati , a senior advisor , said it .': [8, 0, 0, 6, 6, 6, 0, 0, -1, 8, 8],
  // The man who came left early .
  'The man who came left early .': [1, 4, 3, 1, -1, 4, 4],
  single: [-1],
};

describe('arc-hybrid oracle', () => {
  it('reproduces gold projective trees by following zero-cost transitions', () => {
    for (const [name, heads] of Object.entries(projectiveTrees)) {
      expect([...oracleParse(Int32Array.from(heads))], name).toEqual(heads);
    }
  });

  it('never lets the root be attached before the buffer is empty, so there is one root', () => {
    const st = new ArcHybridState();
    st.reset(3);
    st.apply(SHIFT);
    expect(st.isLegal(RIGHT)).toBe(false);
    st.apply(SHIFT);
    expect(st.isLegal(RIGHT)).toBe(true);
    st.apply(RIGHT);
    expect(st.isLegal(RIGHT)).toBe(false);
    st.apply(SHIFT);
    st.apply(RIGHT);
    expect(st.isLegal(RIGHT)).toBe(true);
    st.apply(RIGHT);
    expect(st.terminal).toBe(true);
    expect([...st.head.subarray(0, 3)]).toEqual([3, 0, 0]);
  });

  it('gives a zero-cost transition in every state reached by following the model, for a projective tree', () => {
    const heads = Int32Array.from(projectiveTrees['The man who came left early .']!);
    const n = heads.length;
    const gold = Int32Array.from(heads, (h) => (h < 0 ? n : h));
    // Take a wrong transition first, then the oracle must still find zero-cost continuations.
    const st = new ArcHybridState();
    st.reset(n);
    st.apply(SHIFT); st.apply(LEFT); st.apply(SHIFT); st.apply(SHIFT);
    expect(st.cost(RIGHT, gold)).toBe(1);
    st.apply(RIGHT); // man -> who: wrong, who belongs to came
    while (!st.terminal) {
      let best = -1, bestCost = Infinity;
      for (let t = 0; t < N_TRANSITIONS; t++) if (st.isLegal(t) && st.cost(t, gold) < bestCost) { best = t; bestCost = st.cost(t, gold); }
      expect(bestCost).toBe(0);
      st.apply(best);
    }
    const correct = [...st.head.subarray(0, n)].filter((h, i) => h === gold[i]).length;
    expect(correct).toBe(n - 1);
  });
});

describe('projectivize', () => {
  it('lifts a non-projective arc to the head of its head', () => {
    // A hearing is scheduled on the issue today . ("on the issue" hangs from "hearing", crossing "scheduled")
    const heads = Int32Array.from([1, 3, 3, -1, 6, 6, 1, 3, 3]);
    expect(isProjective(heads)).toBe(false);
    const lifted = projectivize(heads);
    expect(isProjective(lifted)).toBe(true);
    expect(lifted[6]).toBe(3);
    expect([...oracleParse(lifted)]).toEqual([...lifted]);
  });

  const ewtDev = '/work/shared/corpora/ud-ewt/en_ewt-ud-dev.conllu';
  it.skipIf(!existsSync(ewtDev))('makes every UD EWT dev tree projective and reachable by the oracle', () => {
    const sentences = parseConllu(readFileSync(ewtDev, 'utf8')).slice(0, 800);
    for (const s of sentences) {
      const heads = Int32Array.from(s.tokens.map((t) => t.head - 1));
      if (heads.filter((h) => h < 0).length !== 1) continue;
      const lifted = projectivize(heads);
      expect(isProjective(lifted)).toBe(true);
      expect([...oracleParse(lifted)]).toEqual([...lifted]);
    }
  });
});
