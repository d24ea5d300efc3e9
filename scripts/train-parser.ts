// Trains the dependency parser on UD EWT train + GUM train and writes models/parser.bin (see models/parser.md).
// Usage: nice -n 10 node --import tsx scripts/train-parser.ts [--seed N] [--epochs N] [--transition-bits N]
//        [--tagger TAGGER.bin | --tag-confusion CONFUSION.json | --gold-tags] [--tag-error-scale X] [--save-tag-confusion FILE]
//        [--min-candidate-share X] [--dev-every N] [--out PATH] [--base-features] [--extra-label-features] [--word-dropout A]
//        [--labels-only --transitions-from MODEL.bin]   (retrain only the labeller, keeping MODEL's transition weights)
// Training tags are corrupted the way the tagger (default models/tagger.bin) errs on EWT dev + GUM dev
// (see measureTagConfusion), at --tag-error-scale (default 0.5) times its error rate; --gold-tags trains on gold tags only.
// Defaults are the shipped recipe: the extra transition templates (--base-features leaves them out) and word
// dropout 0.25 (--word-dropout 0 turns it off).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { trainParser } from '../src/nlp/parser/train.js';
import { evaluateLabeller, evaluateParser } from '../src/nlp/parser/evaluate.js';
import { DEFAULT_CORPORA, readParserTrainingData, readTreebank } from '../src/nlp/parser/treebank.js';
import { ParserModel } from '../src/nlp/parser/model.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    epochs: { type: 'string', default: '12' },
    'tag-noise': { type: 'string', default: '0' },
    'transition-bits': { type: 'string', default: '22' },
    'label-bits': { type: 'string', default: '22' },
    prune: { type: 'string', default: '1' },
    corpora: { type: 'string', default: DEFAULT_CORPORA },
    out: { type: 'string', default: new URL('../models/parser.bin', import.meta.url).pathname },
    'no-dev': { type: 'boolean', default: false },
    'dev-every': { type: 'string', default: '0' },
    'labels-only': { type: 'boolean', default: false },
    'transitions-from': { type: 'string' },
    'min-candidate': { type: 'string', default: '1' },
    'min-candidate-share': { type: 'string', default: '0.005' },
    'tag-error-scale': { type: 'string', default: '0.5' },
    tagger: { type: 'string' },
    'tag-confusion': { type: 'string' },
    'save-tag-confusion': { type: 'string' },
    'gold-tags': { type: 'boolean', default: false },
    'min-word': { type: 'string', default: '1' },
    'base-features': { type: 'boolean', default: false },
    'word-dropout': { type: 'string', default: '0.25' },
    'extra-label-features': { type: 'boolean', default: false },
  },
});

const t0 = Date.now();
const data = readParserTrainingData(values.corpora);
const dev = readTreebank(join(values.corpora, 'ud-ewt', 'en_ewt-ud-dev.conllu'));
const devEvery = Number(values['dev-every']);
// By default the packaged tagger's errors are imitated, since at run time the parser reads predicted tags.
const packagedTagger = new URL('../models/tagger.bin', import.meta.url).pathname;
const taggerPath = values['gold-tags'] ? undefined : values.tagger ?? (existsSync(packagedTagger) ? packagedTagger : undefined);
// --tag-confusion reads a confusion recorded earlier with --save-tag-confusion (e.g. of a tagger the current code no longer loads).
const tagConfusion: Record<string, Record<string, number>> | undefined = values['gold-tags'] ? undefined
  : values['tag-confusion'] ? JSON.parse(readFileSync(values['tag-confusion'], 'utf8'))
  : taggerPath ? await measureTagConfusion(taggerPath) : undefined;
if (tagConfusion && values['save-tag-confusion']) writeFileSync(values['save-tag-confusion'], JSON.stringify(tagConfusion));
const log = (l: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${l}`);
const trained = trainParser(data, {
  seed: Number(values.seed), epochs: Number(values.epochs), tagNoise: Number(values['tag-noise']),
  transitionBits: Number(values['transition-bits']), labelBits: Number(values['label-bits']),
  labelsOnly: values['labels-only'], tagConfusion, minWordCount: Number(values['min-word']), minCandidateCount: Number(values['min-candidate']), minCandidateShare: Number(values['min-candidate-share']),
  tagErrorScale: Number(values['tag-error-scale']), extraFeatures: !values['base-features'], wordDropout: Number(values['word-dropout']), extraLabelFeatures: values['extra-label-features'],
  log,
  afterEpoch: (epoch, current) => {
    if (!devEvery || epoch % devEvery) return;
    if (values['labels-only']) { console.log(`  after epoch ${epoch}: EWT dev label accuracy on gold trees ${evaluateLabeller(current(), dev).toFixed(2)}`); return; }
    const s = evaluateParser(current(), dev);
    console.log(`  after epoch ${epoch}: EWT dev UAS ${s.uas.toFixed(2)} LAS ${s.las.toFixed(2)}`);
  },
});
const model = values['transitions-from'] ? withTransitionsFrom(trained, values['transitions-from']) : trained;
const bytes = model.serialize({ pruneBelow: Number(values.prune) });
writeFileSync(values.out, bytes);
console.log(`wrote ${values.out} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
if (!values['no-dev']) {
  const reloaded = ParserModel.deserialize(bytes);
  const s = evaluateParser(reloaded, dev);
  console.log(`EWT dev (gold tags, all tokens): UAS ${s.uas.toFixed(2)} LAS ${s.las.toFixed(2)} (universal-label LAS ${s.lasUniversal.toFixed(2)})`);
}

/**
 * How the tagger errs on held-out text (EWT dev + GUM dev, never EWT test): counts of predicted XPOS per
 * gold XPOS. Training tags are then corrupted the same way, so the parser learns to live with tagger errors.
 */
async function measureTagConfusion(path: string): Promise<Record<string, Record<string, number>>> {
  const { Tagger } = await import('../src/nlp/tagger/tagger.js');
  const tagger = Tagger.deserialize(readFileSync(path));
  const gumDev = readFileSync(join(values.corpora, 'gum', 'dev.docs'), 'utf8').split('\n').map((d) => d.trim()).filter(Boolean)
    .flatMap((d) => readTreebank(join(values.corpora, 'gum', `${d}.conllu`)));
  const confusion: Record<string, Record<string, number>> = {};
  let right = 0, all = 0;
  for (const s of [...dev, ...gumDev]) {
    const predicted = tagger.tag(s.forms).xpos;
    s.tags.forEach((g, i) => {
      const row = (confusion[g] ??= {});
      row[predicted[i]!] = (row[predicted[i]!] ?? 0) + 1;
      all++;
      if (predicted[i] === g) right++;
    });
  }
  console.log(`tagger ${path}: XPOS accuracy ${(100 * right / all).toFixed(2)} on EWT dev + GUM dev (${all} words); training tags corrupted accordingly`);
  return confusion;
}

/** The labeller just trained combined with the transition weights of an existing model trained on the same data. */
function withTransitionsFrom(labeller: ParserModel, path: string): ParserModel {
  const donor = ParserModel.deserialize(readFileSync(path));
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(donor.tags, labeller.tags) || !same([...donor.vocabulary], [...labeller.vocabulary])) throw new Error(`${path} was trained on other tags or words`);
  const rows = donor.transitionWeights.length / donor.transitionStride;
  const transitionWeights = new Int8Array(rows * 3);
  for (let r = 0; r < rows; r++) for (let j = 0; j < 3; j++) transitionWeights[r * 3 + j] = donor.transitionWeights[r * donor.transitionStride + j]!;
  return new ParserModel({
    tags: labeller.tags, labels: labeller.labels, vocabulary: [...labeller.vocabulary],
    transitionBits: donor.transitionBits, labelBits: labeller.labelBits,
    transitionWeights, transitionScale: donor.transitionScale,
    labelWeights: labeller.labelWeights, labelScale: labeller.labelScale, labelSpread: labeller.labelSpread,
    candidates: labeller.candidates, extraFeatures: donor.extraFeatures, extraLabelFeatures: labeller.extraLabelFeatures,
    meta: { ...donor.meta, labeller: labeller.meta },
  });
}
