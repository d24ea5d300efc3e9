// Trains the part-of-speech tagger + lemmatizer on UD EWT train and GUM train (no GENTLE) and writes models/tagger.bin.
//
//   node --import tsx scripts/train-tagger.ts [--seed N] [--epochs N] [--select-from N] [--min-weight W] [--stacked]
//     [--dict-min-count N] [--dict-min-share S] [--out models/tagger.bin]
//
// --select-from N: from epoch N on, score the averaged model on UD EWT dev + GUM dev after each epoch and keep
// the best (UPOS over both); without it the model after the last epoch is kept.
//
// Deterministic for a given seed: sentence order is shuffled by a seeded generator and all tables are
// built in sorted order.

import { writeFileSync } from 'node:fs';
import type { ConlluSentence } from '../src/nlp/conllu.js';
import { AveragedPerceptron, argmax } from '../src/nlp/learn/perceptron.js';
import type { SparseLinearModel } from '../src/nlp/learn/sparse-model.js';
import { repoPath } from '../src/nlp/learn/repo.js';
import { hashString } from '../src/nlp/learn/hash.js';
import { MAX_FEATURES, SentenceFeatures, UNCAPITALISED, UNKNOWN_AMBIGUITY, ambiguityClass, isCapitalised, normalizeWord } from '../src/nlp/tagger/features.js';
import { learnMorphology } from '../src/nlp/tagger/morphology.js';
import { Tagger, TAGGER_MODEL_PATH, type TaggerMeta } from '../src/nlp/tagger/tagger.js';
import { readEwt, readGum, scoreTagger } from '../src/nlp/tagger/corpus.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : fallback; };
const seed = Number(option('--seed', '1'));
const epochs = Number(option('--epochs', '8'));
const selectFrom = Number(option('--select-from', String(epochs)));
const minWeight = Number(option('--min-weight', '0.02'));
const out = option('--out', repoPath(TAGGER_MODEL_PATH));
/**
 * --stacked: add a second pass that also sees the first pass's tags of the next words (2-fold jackknifed).
 * Measured: +0.15 UPOS on EWT/GUM test for twice the model size and tagging time, so it is off by default.
 */
const stacked = args.includes('--stacked');

/** Tag dictionary thresholds (Honnibal's 20 and 0.97): frequent words almost always seen with one tag. */
const DICT_MIN_COUNT = Number(option('--dict-min-count', '20')), DICT_MIN_SHARE = Number(option('--dict-min-share', '0.97'));

function mulberry32(a: number) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t0 = performance.now();
const train: ConlluSentence[] = [...readEwt('train'), ...readGum('train')];
const words = train.flatMap((s) => s.tokens);
console.error(`training on ${train.length} sentences, ${words.length} words (UD EWT train + GUM train without GENTLE)`);

// Classes: joint UPOS+XPOS pairs, in sorted order.
const joint = (t: { upos: string; xpos: string }) => `${t.upos} ${t.xpos}`;
const classes = [...new Set(words.map(joint))].sort();
const classOf = new Map(classes.map((c, i) => [c, i]));

// Tag dictionary.
const counts = new Map<string, Map<number, number>>();
for (const w of words) {
  let m = counts.get(w.form);
  if (!m) counts.set(w.form, (m = new Map()));
  const c = classOf.get(joint(w))!;
  m.set(c, (m.get(c) ?? 0) + 1);
}
const tagDictionary: Record<string, number> = {};
for (const form of [...counts.keys()].sort()) {
  const m = counts.get(form)!;
  let total = 0, best = -1, bestN = 0;
  for (const [c, n] of [...m.entries()].sort((a, b) => a[0] - b[0])) { total += n; if (n > bestN) { best = c; bestN = n; } }
  if (total >= DICT_MIN_COUNT && bestN / total >= DICT_MIN_SHARE) tagDictionary[form] = best;
}
const dict = new Map(Object.entries(tagDictionary));
console.error(`${classes.length} classes, tag dictionary of ${dict.size} words`);

// Ambiguity classes. At run time they come from all training data; in training each sentence sees the
// classes learnt from the other folds (jackknifing), so that unknown words occur as often as they will.
// The same for the case-sensitive forms of capitalised words (form ambiguity classes: "Bush" apart from "bush").
const FOLDS = 10;
const add = (m: Map<string, Map<number, number>>, w: string, c: number, d = 1) => {
  let inner = m.get(w);
  if (!inner) m.set(w, (inner = new Map()));
  inner.set(c, (inner.get(c) ?? 0) + d);
};
/** Ambiguity classes keyed by `keyOf(form)` (undefined: the form has none): the run-time table and the jackknifed training hashes. */
function ambiguityTables(keyOf: (form: string) => string | undefined, fallback: (form: string) => number) {
  const counts = new Map<string, Map<number, number>>();
  const foldCounts: Array<Map<string, Map<number, number>>> = Array.from({ length: FOLDS }, () => new Map());
  train.forEach((s, si) => {
    for (const t of s.tokens) {
      const w = keyOf(t.form);
      if (w === undefined) continue;
      const c = classOf.get(joint(t))!;
      add(counts, w, c);
      add(foldCounts[si % FOLDS]!, w, c);
    }
  });
  const table: Record<string, string> = {};
  for (const w of [...counts.keys()].sort()) {
    const a = ambiguityClass(counts.get(w)!);
    if (a !== undefined) table[w] = a;
  }
  /** Each training sentence's ambiguity hashes, from the folds it is not in. */
  const perSentence: Uint32Array[] = train.map((s, si) => {
    const fold = foldCounts[si % FOLDS]!;
    return Uint32Array.from(s.tokens, (t) => {
      const w = keyOf(t.form);
      if (w === undefined) return fallback(t.form);
      const own = fold.get(w), all = counts.get(w)!;
      const rest = new Map<number, number>();
      for (const [c, n] of all) { const r = n - (own?.get(c) ?? 0); if (r > 0) rest.set(c, r); }
      const a = ambiguityClass(rest);
      return a === undefined ? UNKNOWN_AMBIGUITY : hashString(a);
    });
  });
  return { table, perSentence };
}
const { table: ambiguity, perSentence: trainAmbiguity } = ambiguityTables(normalizeWord, () => UNKNOWN_AMBIGUITY);
const { table: formAmbiguity, perSentence: trainFormAmbiguity } =
  ambiguityTables((form) => (isCapitalised(form) ? form : undefined), () => UNCAPITALISED);
console.error(`ambiguity classes for ${Object.keys(ambiguity).length} words, ${Object.keys(formAmbiguity).length} capitalised forms`);

// Perceptron training, greedy decoding with the predicted previous tags (as at run time).
const feats = new SentenceFeatures();
const buf = new Uint32Array(MAX_FEATURES);
const scores = new Float64Array(classes.length);
const formsOf = train.map((s) => s.tokens.map((t) => t.form));
const truthOf = train.map((s) => Int32Array.from(s.tokens, (t) => classOf.get(joint(t))!));

/** Dev sentences for choosing the epoch (never test). */
const dev = [...readEwt('dev'), ...readGum('dev')];
const morphology = learnMorphology(words);
const baseMeta: TaggerMeta = {
  kind: 'dateline-tagger', version: 1, classes, tagDictionary, ambiguity, formAmbiguity, morphology,
  weights: { nClasses: classes.length, scale: 1 }, training: {},
};

/** Trains one pass; `select` keeps the averaged model of the epoch (>= selectFrom) that tags dev best. */
function trainModel(name: string, indices: number[], firstPass?: Int32Array[], select = false) {
  const perceptron = new AveragedPerceptron(classes.length);
  let best: { model: SparseLinearModel; upos: number; epoch: number } | undefined;
  const random = mulberry32(seed);
  const order = [...indices];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let correct = 0, total = 0;
    for (const si of order) {
      const forms = formsOf[si]!, truths = truthOf[si]!, amb = trainAmbiguity[si]!, famb = trainFormAmbiguity[si]!, fp = firstPass?.[si];
      feats.prepare(forms, 0, forms.length, (_w, i) => amb[i]!, (_f, i) => famb[i]!);
      let prev1 = -1, prev2 = -1;
      for (let i = 0; i < forms.length; i++) {
        const truth = truths[i]!;
        let guess = dict.get(forms[i]!);
        if (guess === undefined) {
          const n = feats.extract(i, prev1, prev2, buf, fp);
          guess = perceptron.predict(buf, n, scores);
          perceptron.update(truth, guess, buf, n);
        }
        if (guess === truth) correct++;
        total++;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    console.error(`${name} epoch ${epoch}: train accuracy ${(100 * correct / total).toFixed(2)}%  (${perceptron.entries} weights, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    if (select && epoch >= selectFrom) {
      const model = perceptron.toModel(minWeight);
      const upos = scoreTagger(new Tagger(model, baseMeta), dev).upos;
      console.error(`  dev UPOS (EWT + GUM) ${upos.toFixed(3)}`);
      if (!best || upos > best.upos) best = { model, upos, epoch };
    }
  }
  if (best) { selectedEpoch = best.epoch; return best.model; }
  return perceptron.toModel(minWeight);
}
let selectedEpoch = epochs;

/** Greedy first-pass tags of training sentences with a frozen model (the same decoding as at run time). */
function firstPassTags(model: SparseLinearModel, indices: number[], into: Int32Array[]) {
  const s32 = new Float32Array(classes.length);
  for (const si of indices) {
    const forms = formsOf[si]!, amb = trainAmbiguity[si]!, famb = trainFormAmbiguity[si]!;
    feats.prepare(forms, 0, forms.length, (_w, i) => amb[i]!, (_f, i) => famb[i]!);
    const out = new Int32Array(forms.length);
    let prev1 = -1, prev2 = -1;
    for (let i = 0; i < forms.length; i++) {
      let c = dict.get(forms[i]!);
      if (c === undefined) {
        model.score(buf, feats.extract(i, prev1, prev2, buf), s32);
        c = argmax(s32);
      }
      out[i] = c;
      prev2 = prev1;
      prev1 = c;
    }
    into[si] = out;
  }
}

const all = train.map((_, i) => i);
const model = trainModel('first pass', all, undefined, !stacked && selectFrom < epochs);
let second: SparseLinearModel | undefined;
if (stacked) {
  // The second pass learns from first-pass tags made by models that did not see the sentence (2-fold jackknife).
  const firstPass: Int32Array[] = new Array(train.length);
  for (let fold = 0; fold < 2; fold++) {
    const held = all.filter((i) => i % 2 === fold), rest = all.filter((i) => i % 2 !== fold);
    firstPassTags(trainModel(`jackknife ${fold + 1}/2`, rest), held, firstPass);
  }
  second = trainModel('second pass', all, firstPass);
}
const meta: TaggerMeta = {
  ...baseMeta,
  training: {
    data: 'UD English EWT train (CC BY-SA 4.0) + GUM train documents without GENTLE_* (annotations CC BY 4.0)',
    seed, epochs, selectFrom, selectedEpoch, minWeight, stacked, dictMinCount: DICT_MIN_COUNT, dictMinShare: DICT_MIN_SHARE, sentences: train.length, words: words.length, weights: model.entries + (second?.entries ?? 0),
  },
};
const tagger = new Tagger(model, meta, second);
const bytes = tagger.serialize();
writeFileSync(out, bytes);
console.error(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${model.entries} weights in ${model.keys.length} features, ` +
  `${Object.keys(morphology.lemmaLexicon).length} lemma exceptions, ${Object.keys(morphology.lemmaRules).length} lemma rules`);

// Dev scores of the model as written (re-read, so quantization is included).
const saved = Tagger.deserialize(bytes);
for (const [name, sents] of [['UD EWT dev', readEwt('dev')], ['GUM dev', readGum('dev')]] as const) {
  const r = scoreTagger(saved, sents);
  console.error(`${name}: UPOS ${r.upos.toFixed(2)}  XPOS ${r.xpos.toFixed(2)}  lemma ${r.lemma.toFixed(2)}  (${r.tokens} words)`);
}
