// Shared learning tools for the NLP core's models (tagger now; parser and NER may reuse them).
//
// - hash.ts: `hashString`, `mix`, `mix3` turn feature templates and values into 32-bit feature ids.
// - perceptron.ts: `AveragedPerceptron` for training (score / predict / update, then `toModel(minWeight)`).
// - sparse-model.ts: `SparseLinearModel`, the frozen run-time model (`score(features, count, scores)`, `accumulate` to add without zeroing),
//   stored with `toArrays(prefix)` / `fromArrays(prefix, arrays, meta)` (16-bit quantized weights).
// - bundle.ts: `writeBundle(meta, arrays)` / `readBundle(buffer)`, the gzip model file (JSON header + typed arrays).
// - repo.ts: `repoPath(relative)`, a path under the repository root that works from src/ and dist/.
export { hashString, mix, mix3 } from './hash.js';
export { AveragedPerceptron, argmax } from './perceptron.js';
export { SparseLinearModel } from './sparse-model.js';
export { writeBundle, readBundle, type TypedArray, type TypedArrays } from './bundle.js';
export { repoPath } from './repo.js';
