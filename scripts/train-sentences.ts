// Trains the sentence-boundary model on UD EWT train and GUM train (no GENTLE) and writes models/sentences.bin.
//
//   node --import tsx scripts/train-sentences.ts [--seed N] [--epochs N] [--min-weight W] [--out models/sentences.bin]
//
// Training text is rebuilt from the treebanks' `# text` comments the way scripts/eval-sentences.ts
// measures: each document's sentences joined by a space, and again with a line break at each paragraph.
// The perceptron reads each document's open gaps (those the rules neither force, forbid nor end a
// sentence at) left to right with its own earlier decisions, as at run time. After every epoch the averaged model is scored on EWT dev and GUM dev (both ways of joining);
// the epoch and decision threshold with the best mean F1 are kept. Deterministic for a given seed.

import { writeFileSync } from 'node:fs';
import type { Tokens } from '../src/core/index.js';
import type { ConlluSentence } from '../src/nlp/conllu.js';
import { AveragedPerceptron } from '../src/nlp/learn/perceptron.js';
import type { SparseLinearModel } from '../src/nlp/learn/sparse-model.js';
import { repoPath } from '../src/nlp/learn/repo.js';
import { readEwt, readGum } from '../src/nlp/tagger/corpus.js';
import { tokenize } from '../src/nlp/tokenize/tokenizer.js';
import { labelGaps } from '../src/nlp/tokenize/sentences.js';
import { rawDocs } from '../src/nlp/tokenize/treebank-text.js';
import { GapFeatures, MAX_FEATURES, SENTENCE_MODEL_PATH, SentenceModel, decodeGaps, type SentenceModelMeta } from '../src/nlp/tokenize/boundary-model.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : fallback; };
const seed = Number(option('--seed', '1'));
const epochs = Number(option('--epochs', '6'));
const minWeight = Number(option('--min-weight', '0.01'));
const out = option('--out', repoPath(SENTENCE_MODEL_PATH));

function mulberry32(a: number) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A document ready for training or scoring: tokens, the rules' gap labels and the gold sentence ends. */
interface Doc { name: string; tokens: Tokens; gaps: Uint8Array; cls: Uint8Array; gold: Uint8Array; goldEnds: Set<number>; last: number }

function prepare(name: string, sentences: readonly ConlluSentence[]): Doc[] {
  const docs: Doc[] = [];
  for (const paragraphs of [false, true]) {
    for (const d of rawDocs(sentences, paragraphs)) {
      const tokens = tokenize(d.text);
      if (tokens.count < 2) continue;
      const { gaps, cls } = labelGaps(d.text, tokens);
      const goldEnds = new Set(d.boundaries);
      const gold = new Uint8Array(tokens.count);
      for (let i = 0; i < tokens.count; i++) gold[i] = goldEnds.has(tokens.end[i]!) ? 1 : 0;
      docs.push({ name: `${name}${paragraphs ? ' ¶' : ''}`, tokens, gaps, cls, gold, goldEnds, last: d.boundaries[d.boundaries.length - 1]! });
    }
  }
  return docs;
}

const t0 = performance.now();
const train = [...prepare('train', readEwt('train')), ...prepare('train', readGum('train'))];
const dev = [...prepare('UD EWT dev', readEwt('dev')), ...prepare('GUM dev', readGum('dev'))];
const devSets = [...new Set(dev.map((d) => d.name))];
let gaps = 0, goldEnds = 0;
for (const d of train) { gaps += d.tokens.count - 1; for (let i = 0; i < d.tokens.count - 1; i++) goldEnds += d.gold[i]!; }
console.error(`training on ${train.length} documents (UD EWT train + GUM train without GENTLE, space-joined and with paragraphs): ${gaps} gaps, ${goldEnds} sentence ends`);

const feats = new GapFeatures();
const buf = new Uint32Array(MAX_FEATURES);
const ends = new Uint8Array(1 << 16);
const perceptron = new AveragedPerceptron(2);
const scores = new Float64Array(2);

/** Boundary F1 per dev set (character offsets inside documents, the document's end not counted), as eval-sentences.ts counts. */
function score(model: SentenceModel): Map<string, { p: number; r: number; f: number }> {
  const counts = new Map<string, [number, number, number]>();
  let buffer = ends;
  for (const d of dev) {
    if (d.tokens.count > buffer.length) buffer = new Uint8Array(d.tokens.count);
    model.ends(d.tokens, d.gaps, d.cls, buffer);
    const c = counts.get(d.name) ?? [0, 0, 0];
    const predicted = new Set<number>();
    for (let i = 0; i < d.tokens.count; i++) if (buffer[i]) predicted.add(d.tokens.end[i]!);
    for (const b of predicted) if (b !== d.last) { if (d.goldEnds.has(b)) c[0]++; else c[1]++; }
    for (const b of d.goldEnds) if (b !== d.last && !predicted.has(b)) c[2]++;
    counts.set(d.name, c);
  }
  const result = new Map<string, { p: number; r: number; f: number }>();
  for (const [name, [tp, fp, fn]] of counts) {
    const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
    result.set(name, { p: 100 * p, r: 100 * r, f: (200 * p * r) / (p + r || 1) });
  }
  return result;
}
const meanF = (s: Map<string, { f: number }>) => [...s.values()].reduce((a, b) => a + b.f, 0) / s.size;
const describe = (s: Map<string, { p: number; r: number; f: number }>) => devSets.map((n) => `${n} ${s.get(n)!.f.toFixed(2)}`).join(', ');

const metaFor = (threshold: number, training: Record<string, unknown>): SentenceModelMeta =>
  ({ kind: 'dateline-sentences', version: 1, weights: { nClasses: 2, scale: 1 }, threshold, training });

/** Thresholds tried on dev, in weight units (dev margins of the averaged model run from about -100 to 100). */
const THRESHOLDS = [-30, -20, -15, -10, -5, 0, 5, 10, 20];

type Scores = Map<string, { p: number; r: number; f: number }>;
let best: { epoch: number; threshold: number; mean: number; model: SparseLinearModel; scores: Scores } | undefined;
const random = mulberry32(seed);
const order = train.map((_, i) => i);
for (let epoch = 1; epoch <= epochs; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let errors = 0, decided = 0;
  for (const di of order) {
    const d = train[di]!;
    const gold = d.gold;
    feats.prepare(d.tokens, d.gaps, d.cls);
    const buffer = d.tokens.count > ends.length ? new Uint8Array(d.tokens.count) : ends;
    decodeGaps(feats, d.gaps, d.tokens.count, buffer, (i, label, dist) => {
      const count = feats.extract(i, label, dist, buf);
      const guess = perceptron.predict(buf, count, scores);
      perceptron.update(gold[i]!, guess, buf, count);
      decided++;
      if (guess !== gold[i]) errors++;
      return guess === 1;
    });
  }
  const model = perceptron.toModel(minWeight);
  let line = `epoch ${epoch}: ${errors} training errors in ${decided} open gaps, ${model.entries} weights (${((performance.now() - t0) / 1000).toFixed(0)} s)`;
  for (const threshold of THRESHOLDS) {
    const s = score(new SentenceModel(model, metaFor(threshold, {})));
    const mean = meanF(s);
    if (threshold === 0) line += `\n  dev F1 at threshold 0: ${describe(s)}`;
    if (!best || mean > best.mean) best = { epoch, threshold, mean, model, scores: s };
  }
  console.error(line + `\n  best so far: epoch ${best!.epoch}, threshold ${best!.threshold}: mean dev F1 ${best!.mean.toFixed(2)}`);
}

const chosen = best!;
console.error(`chosen: epoch ${chosen.epoch}, threshold ${chosen.threshold}: mean dev F1 ${chosen.mean.toFixed(2)} (${describe(chosen.scores)})`);
const meta = metaFor(chosen.threshold, {
  data: 'UD English EWT train (CC BY-SA 4.0) + GUM train documents without GENTLE_* (annotations CC BY 4.0), raw text rebuilt from # text, space-joined and with paragraph breaks',
  seed, epochs, chosenEpoch: chosen.epoch, minWeight, weights: chosen.model.entries,
  dev: Object.fromEntries([...chosen.scores].map(([n, s]) => [n, Number(s.f.toFixed(2))])),
});
const bytes = new SentenceModel(chosen.model, meta).serialize();
writeFileSync(out, bytes);
console.error(`wrote ${out}: ${(bytes.length / 1e3).toFixed(0)} kB, ${chosen.model.entries} weights in ${chosen.model.keys.length} features (epoch ${chosen.epoch}, threshold ${chosen.threshold})`);
const saved = SentenceModel.deserialize(bytes);
const s = score(saved);
for (const n of devSets) { const x = s.get(n)!; console.error(`${n}: P ${x.p.toFixed(2)}  R ${x.r.toFixed(2)}  F1 ${x.f.toFixed(2)}`); }
