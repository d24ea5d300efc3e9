import { describe, expect, it } from 'vitest';
import { ParserModel } from './model.js';
import { trainParser, type TreebankSentence } from './train.js';

// Tiny hand-made treebank (heads 0-based, -1 = root).
function sent(text: string, tags: string, heads: number[], deprels: string): TreebankSentence {
  return { forms: text.split(' '), tags: tags.split(' '), head: Int32Array.from(heads), deprel: deprels.split(' ') };
}
const tiny: TreebankSentence[] = [
  sent('Israel said 12 people were killed .', 'NNP VBD CD NNS VBD VBN .', [1, -1, 3, 5, 5, 1, 1], 'nsubj root nummod nsubj:pass aux:pass ccomp punct'),
  sent('The minister resigned on Monday .', 'DT NN VBD IN NNP .', [1, 2, -1, 4, 2, 2], 'det nsubj root case obl punct'),
  sent('Police arrested two men .', 'NNS VBD CD NNS .', [1, -1, 3, 1, 1], 'nsubj root nummod obj punct'),
  sent('She said the talks failed .', 'PRP VBD DT NNS VBD .', [1, -1, 3, 4, 1, 1], 'nsubj root det nsubj ccomp punct'),
];

describe('parser model', () => {
  const model = trainParser(tiny, { epochs: 8, seed: 3, transitionBits: 14, labelBits: 14, minLabelCount: 1, minWordCount: 1, minCandidateCount: 1 });

  it('learns a tiny treebank well enough to reproduce its trees', () => {
    const p = model.parse(tiny[0]!.forms, tiny[0]!.tags);
    expect([...p.head]).toEqual([1, -1, 3, 5, 5, 1, 1]);
    expect([...p.label].map((l) => model.labels[l])).toEqual(tiny[0]!.deprel);
  });

  it('round-trips through its file format with the same parses and near-identical weights', () => {
    const bytes = model.serialize();
    const back = ParserModel.deserialize(bytes);
    expect(back.labels).toEqual(model.labels);
    expect(back.tags).toEqual(model.tags);
    expect(back.transitionBits).toBe(14);
    let maxAbs = 0, maxErr = 0;
    model.transitionWeights.forEach((w, i) => { maxAbs = Math.max(maxAbs, Math.abs(w)); maxErr = Math.max(maxErr, Math.abs(w - back.transitionWeights[i]! * back.transitionScale)); });
    expect(back.transitionWeights).toBeInstanceOf(Int16Array);
    expect(maxErr).toBeLessThanOrEqual(maxAbs / 32767 + 1e-6);
    for (const s of tiny) {
      const a = model.parse(s.forms, s.tags), b = back.parse(s.forms, s.tags);
      expect([...b.head]).toEqual([...a.head]);
      expect([...b.label]).toEqual([...a.label]);
    }
    expect(back.serialize().equals(bytes)).toBe(true);
  });

  it('trains deterministically for a given seed', () => {
    const again = trainParser(tiny, { epochs: 8, seed: 3, transitionBits: 14, labelBits: 14, minLabelCount: 1, minWordCount: 1, minCandidateCount: 1 });
    expect(again.serialize().equals(model.serialize())).toBe(true);
  });

  it('rejects a file that is not a parser model', () => {
    expect(() => ParserModel.deserialize(new Uint8Array([1, 2, 3]))).toThrow();
  });
});
