import { describe, expect, it } from 'vitest';
import { ArcHybridState, LEFT, RIGHT, SHIFT } from './transition.js';
import {
  bufferFeatures, bufferLeftFeatures, encodeSentence, pairFeatures, stackFeatures, stackRightFeatures, transitionFeatures,
  MAX_TRANSITION_FEATURES,
} from './features.js';
import { ParserModel } from './model.js';
import { rng, trainParser, type TreebankSentence } from './train.js';

// The parser scores feature groups once and reuses their sums while what they read is unchanged
// (ParserModel.parseEncodedPacked). These tests check that premise on random legal transition sequences.

const words = ['the', 'minister', 'said', ',', 'on', 'Monday', 'that', 'police', 'arrested', '12', 'men', '(', 'and', ')', 'women', '.'];
function randomSentence(random: () => number, n: number) {
  const forms = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]!);
  const tags = Int32Array.from({ length: n }, () => 3 + Math.floor(random() * 20));
  return encodeSentence(forms, tags, new Set(words.map((w) => w.toLowerCase())));
}

const slice = (out: Int32Array, k: number) => [...out.subarray(0, k)];

describe('transition feature groups', () => {
  for (const extra of [false, true]) {
    it(`stay fixed while what they read is fixed (extra templates: ${extra})`, () => {
      const random = rng(7);
      const out = new Int32Array(MAX_TRANSITION_FEATURES + 32);
      for (let trial = 0; trial < 200; trial++) {
        const n = 1 + Math.floor(random() * 25);
        const sn = randomSentence(random, n);
        const st = new ArcHybridState();
        st.reset(n);
        const stackSeen = new Map<number, number[]>(), rightSeen = new Map<string, number[]>();
        const bufferSeen = new Map<number, number[]>(), leftSeen = new Map<string, number[]>();
        while (st.b < n || st.sp > 1) {
          if (st.sp >= 2 && st.b < n) {
            const s0 = st.stack[st.sp - 1]!, s1 = st.stack[st.sp - 2]!, s2 = st.sp > 2 ? st.stack[st.sp - 3]! : n + 1;
            const groups: [Map<number | string, number[]>, number | string, number[]][] = [
              [stackSeen as Map<number | string, number[]>, s0, slice(out, stackFeatures(st, sn, s0, s1, s2, out, 0, extra))],
              [rightSeen as Map<number | string, number[]>, `${s0}/${st.rightCount[s0]}`, slice(out, stackRightFeatures(st, sn, s0, s1, out, 0, extra))],
              [bufferSeen as Map<number | string, number[]>, st.b, slice(out, bufferFeatures(sn, st.b, out, 0, extra))],
              [leftSeen as Map<number | string, number[]>, `${st.b}/${st.leftCount[st.b]}`, slice(out, bufferLeftFeatures(st, sn, st.b, out, 0, extra))],
            ];
            const all: number[] = [];
            for (const [seen, key, feats] of groups) {
              const before = seen.get(key);
              if (before) expect(feats).toEqual(before);
              else seen.set(key, feats);
              all.push(...feats);
            }
            // The groups and the pair features together are exactly transitionFeatures.
            all.push(...slice(out, pairFeatures(st, sn, out, 0, extra)));
            const k = transitionFeatures(st, sn, out, extra);
            expect(all.sort()).toEqual(slice(out, k).sort());
          }
          const legal = [SHIFT, LEFT, RIGHT].filter((t) => st.isLegal(t));
          st.apply(legal[Math.floor(random() * legal.length)]!);
        }
      }
    });
  }

  it('parse with cached group sums exactly as with all features scored at every transition', () => {
    const sent = (text: string, tags: string, heads: number[], deprels: string): TreebankSentence =>
      ({ forms: text.split(' '), tags: tags.split(' '), head: Int32Array.from(heads), deprel: deprels.split(' ') });
    const data = [
      sent('Israel said 12 people were killed .', 'NNP VBD CD NNS VBD VBN .', [1, -1, 3, 5, 5, 1, 1], 'nsubj root nummod nsubj:pass aux:pass ccomp punct'),
      sent('The minister resigned on Monday .', 'DT NN VBD IN NNP .', [1, 2, -1, 4, 2, 2], 'det nsubj root case obl punct'),
      sent('Police arrested two men .', 'NNS VBD CD NNS .', [1, -1, 3, 1, 1], 'nsubj root nummod obj punct'),
    ];
    for (const extraFeatures of [false, true]) {
      const trained = trainParser(data, { epochs: 5, seed: 2, transitionBits: 12, labelBits: 12, minLabelCount: 1, extraFeatures });
      const model = ParserModel.deserialize(trained.serialize());
      expect(model.extraFeatures).toBe(extraFeatures);
      const random = rng(11);
      const scores = new Float64Array(3), feats = new Int32Array(MAX_TRANSITION_FEATURES + 32);
      for (let trial = 0; trial < 100; trial++) {
        const sn = randomSentence(random, 1 + Math.floor(random() * 30));
        const n = sn.n;
        const cached = new ArcHybridState();
        model.parseEncoded(sn, cached);
        // Reference: every feature scored at every transition, same decision rule.
        const st = new ArcHybridState();
        st.reset(n);
        while (st.b < n || st.sp > 1) {
          if (st.sp === 1) { st.apply(SHIFT); continue; }
          if (st.b >= n) { st.apply(RIGHT); continue; }
          model.scoreTransitions(feats, transitionFeatures(st, sn, feats, extraFeatures), scores);
          let best = SHIFT;
          if (scores[LEFT]! > scores[best]!) best = LEFT;
          if (scores[RIGHT]! > scores[best]! && st.sp > 2) best = RIGHT;
          st.apply(best);
        }
        expect([...cached.head.subarray(0, n)]).toEqual([...st.head.subarray(0, n)]);
      }
    }
  });

  it('trains deterministically with word dropout and the extra templates, which the file records', () => {
    const data = [
      { forms: 'Police arrested two men .'.split(' '), tags: 'NNS VBD CD NNS .'.split(' '), head: Int32Array.from([1, -1, 3, 1, 1]), deprel: 'nsubj root nummod obj punct'.split(' ') },
      { forms: 'The minister resigned on Monday .'.split(' '), tags: 'DT NN VBD IN NNP .'.split(' '), head: Int32Array.from([1, 2, -1, 4, 2, 2]), deprel: 'det nsubj root case obl punct'.split(' ') },
    ];
    const opts = { epochs: 4, seed: 5, transitionBits: 12, labelBits: 12, minLabelCount: 1, wordDropout: 0.25, extraFeatures: true, extraLabelFeatures: true };
    const a = trainParser(data, opts).serialize(), b = trainParser(data, opts).serialize();
    expect(a.equals(b)).toBe(true);
    const back = ParserModel.deserialize(a);
    expect(back.extraFeatures).toBe(true);
    expect(back.extraLabelFeatures).toBe(true);
    expect(back.meta['wordDropout']).toBe(0.25);
  });
});
