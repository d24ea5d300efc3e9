// The shared learning tools: hashing, the averaged perceptron, the frozen sparse model and the model bundle.
import { describe, expect, it } from 'vitest';
import { AveragedPerceptron, argmax } from './perceptron.js';
import { SparseLinearModel } from './sparse-model.js';
import { readBundle, writeBundle } from './bundle.js';
import { hashString, mix } from './hash.js';

/** A toy task: the class is given by feature "a" (0) or "b" (1), with a noise feature alongside. */
function toyPerceptron(): AveragedPerceptron {
  const p = new AveragedPerceptron(2);
  const fa = mix(1, hashString('a')), fb = mix(1, hashString('b')), noise = mix(2, hashString('n'));
  const scores = new Float64Array(2);
  for (let epoch = 0; epoch < 5; epoch++) {
    for (const [f, truth] of [[fa, 0], [fb, 1]] as const) {
      const x = Uint32Array.of(f, noise);
      p.update(truth, p.predict(x, 2, scores), x, 2);
    }
  }
  return p;
}

describe('learn', () => {
  it('test_hash_is_stable_and_spreads_templates', () => {
    expect(hashString('word')).toBe(hashString('word'));
    expect(hashString('word')).not.toBe(hashString('Word'));
    expect(hashString('xwordx', undefined, 1, 5)).toBe(hashString('word'));
    expect(mix(1, 42)).not.toBe(mix(2, 42));
  });

  it('test_perceptron_learns_a_separable_task_and_freezes_to_the_same_decisions', () => {
    const p = toyPerceptron();
    const model = p.toModel();
    const scores = new Float32Array(2);
    model.score(Uint32Array.of(mix(1, hashString('a')), mix(2, hashString('n'))), 2, scores);
    expect(argmax(scores)).toBe(0);
    model.score(Uint32Array.of(mix(1, hashString('b'))), 1, scores);
    expect(argmax(scores)).toBe(1);
    model.score(Uint32Array.of(12345), 1, scores);
    expect(Array.from(scores)).toEqual([0, 0]);
  });

  it('test_sparse_model_survives_the_bundle_round_trip', () => {
    const model = toyPerceptron().toModel();
    const { arrays, meta } = model.toArrays('w');
    const bytes = writeBundle({ hello: 'world', meta }, { ...arrays, extra: Float64Array.of(1.5, -2) });
    const back = readBundle(bytes);
    expect((back.meta as { hello: string }).hello).toBe('world');
    expect(Array.from(back.arrays['extra']!)).toEqual([1.5, -2]);
    const again = SparseLinearModel.fromArrays('w', back.arrays, (back.meta as { meta: { nClasses: number; scale: number } }).meta);
    const x = Uint32Array.of(mix(1, hashString('b')), mix(2, hashString('n')));
    const s1 = new Float32Array(2), s2 = new Float32Array(2);
    model.score(x, 2, s1);
    again.score(x, 2, s2);
    for (let c = 0; c < 2; c++) expect(s2[c]! * again.step).toBeCloseTo(s1[c]! * model.step, 3);
  });

  it('test_bundle_rejects_other_files', () => {
    expect(() => readBundle(Buffer.from('not a model at all'))).toThrow(/bundle/);
  });
});
