import { describe, expect, it } from 'vitest';
import { LABEL_SPREAD_ADJACENT, LABEL_SPREAD_SCATTERED, ParserModel, labelBucket } from './model.js';
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
    // Loaded weights are int8 in rows padded to 4 bytes; training rows hold 3 floats.
    expect(back.transitionWeights).toBeInstanceOf(Int8Array);
    expect(back.transitionStride).toBe(4);
    const rows = model.transitionWeights.length / 3;
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < 3; j++) {
        const w = model.transitionWeights[r * 3 + j]!;
        maxAbs = Math.max(maxAbs, Math.abs(w));
        maxErr = Math.max(maxErr, Math.abs(w - back.transitionWeights[r * 4 + j]! * back.transitionScale));
      }
    }
    expect(maxErr).toBeLessThanOrEqual(maxAbs / 254 + 1e-6);
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

  it('requantizes int16 weights (older files) to int8 rows and parses the same', () => {
    const toInt16 = (w: Float32Array | Int8Array) => {
      let max = 0;
      w.forEach((x) => { max = Math.max(max, Math.abs(x)); });
      return Int16Array.from(w, (x) => Math.round((x * 32767) / max));
    };
    expect(model.transitionWeights).toBeInstanceOf(Float32Array);
    const old = new ParserModel({
      tags: model.tags, labels: model.labels, vocabulary: [...model.vocabulary], transitionBits: 14, labelBits: 14,
      transitionWeights: toInt16(model.transitionWeights), labelWeights: toInt16(model.labelWeights), candidates: model.candidates,
    });
    expect(old.transitionWeights).toBeInstanceOf(Int8Array);
    expect(old.labelWeights).toBeInstanceOf(Int8Array);
    for (const s of tiny) {
      const a = model.parse(s.forms, s.tags), b = old.parse(s.forms, s.tags);
      expect([...b.head]).toEqual([...a.head]);
      expect([...b.label]).toEqual([...a.label]);
    }
  });

  it('keeps the label weights of one feature side by side, and reads the scattered layout of older files', () => {
    const mask = (1 << 14) - 1, f = 12345;
    expect(model.labelSpread).toBe(LABEL_SPREAD_ADJACENT);
    expect(labelBucket(f, 7, mask, LABEL_SPREAD_ADJACENT) - labelBucket(f, 6, mask, LABEL_SPREAD_ADJACENT)).toBe(1);
    expect(Math.abs(labelBucket(f, 7, mask, LABEL_SPREAD_SCATTERED) - labelBucket(f, 6, mask, LABEL_SPREAD_SCATTERED))).toBeGreaterThan(64);
  });

  it('parses a sentence in place inside document-wide arrays, as it parses it alone', () => {
    const forms = tiny.flatMap((s) => s.forms), tags = tiny.flatMap((s) => s.tags);
    const head = new Int32Array(forms.length).fill(-9), label = new Int32Array(forms.length).fill(-9);
    const start = tiny[0]!.forms.length, end = start + tiny[1]!.forms.length;
    model.parseInto(forms, tags, start, end, head, label);
    const alone = model.parse(tiny[1]!.forms, tiny[1]!.tags);
    expect([...head.subarray(start, end)]).toEqual([...alone.head].map((h) => (h < 0 ? -1 : h + start)));
    expect([...label.subarray(start, end)]).toEqual([...alone.label]);
    expect(head[start - 1]).toBe(-9);
    expect(head[end]).toBe(-9);
  });

  it('rejects a file that is not a parser model', () => {
    expect(() => ParserModel.deserialize(new Uint8Array([1, 2, 3]))).toThrow();
  });
});
