// Trains the name tagger on GUM (train split, GENTLE_* left out) and writes models/ner.bin.
// Usage: node --import tsx scripts/train-ner.ts [--seed N] [--epochs N] [--bits N] [--word-dropout P] [--with-dev] [--pos [--pos-dropout P]] [--ensemble N] [--gazetteer none|major|all] [--out path]
//   --ensemble N  averages N models trained with seeds seed .. seed+N-1.
// Lexicons come only from the hand-curated data files: lists drawn from the training names themselves
// (tried: given names of GUM train persons) make the model trust them blindly and lower dev F1.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { parseConllu } from '../src/nlp/conllu.js';
import { dirname, join } from 'node:path';
import { FeatureExtractor, FEATURE_VERSION, type CaseWords } from '../src/nlp/ner/features.js';
import { PhraseMatcher } from '../src/nlp/ner/lexicon.js';
import { loadConnectors, loadLexiconEntries, loadNameParticles, repoRoot } from '../src/nlp/ner/lexicon-files.js';
import { ENTITY_TYPES, NerWeights, train, type TrainSentence } from '../src/nlp/ner/model.js';
import { NameRules } from '../src/nlp/ner/names.js';
import { gumSplit, readGumNames } from '../src/nlp/ner/gum.js';

const GUM = '/work/shared/corpora/gum';
const EWT_TRAIN = '/work/shared/corpora/ud-ewt/en_ewt-ud-train.conllu';

/**
 * How each word (lower-cased) is written when it is not sentence-initial, in UD EWT train (a corpus
 * without name annotation, so the cue is not tied to the name labels): words seen at least twice.
 */
function caseUsage(path: string): CaseWords {
  const lowerCount = new Map<string, number>(), capCount = new Map<string, number>();
  for (const s of parseConllu(readFileSync(path, 'utf8'))) {
    s.tokens.forEach((t, i) => {
      if (i === 0 || !/^\p{L}/u.test(t.form)) return;
      const key = t.form.toLowerCase();
      const m = /^\p{Lu}/u.test(t.form) ? capCount : lowerCount;
      m.set(key, (m.get(key) ?? 0) + 1);
    });
  }
  const out: CaseWords = { lower: [], mixed: [], capitalized: [] };
  for (const key of new Set([...lowerCount.keys(), ...capCount.keys()])) {
    const lo = lowerCount.get(key) ?? 0, up = capCount.get(key) ?? 0;
    if (lo + up < 2) continue;
    const share = up / (lo + up);
    (share < 0.1 ? out.lower : share > 0.9 ? out.capitalized : out.mixed).push(key);
  }
  for (const list of [out.lower, out.mixed, out.capitalized]) list.sort();
  return out;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const seed = Number(arg('seed', '1'));
const epochs = Number(arg('epochs', '6'));
const hashBits = Number(arg('bits', '20'));
const out = arg('out', join(repoRoot(), 'models', 'ner.bin'));
// POS features are off by default: with the project's tagger they did not beat the model without them
// (see src/nlp/ner/README.md); --pos trains with gold POS (30% of sentences without, --pos-dropout).
const usePos = flag('pos');

let docs = gumSplit(GUM, 'train').filter((d) => !d.startsWith('GENTLE_'));
if (flag('with-dev')) docs = docs.concat(gumSplit(GUM, 'dev'));

const connectors = new Set(loadConnectors());
const lexicons = loadLexiconEntries();
// --gazetteer all|major|none: which place names of data/gazetteer/gazetteer.tsv become lexicon features
// (major: countries, landmarks, places of 100,000+). Default none: on GUM dev they did not pay (README).
const gazetteer = arg('gazetteer', 'none');
if (gazetteer === 'none' || gazetteer === 'major') lexicons.gazetteerMinor = [];
if (gazetteer === 'none') lexicons.gazetteerMajor = [];

const rules = new NameRules(lexicons);
const t0 = Date.now();
const sentences: TrainSentence[] = readGumNames(GUM, docs, rules, connectors).map((s) => ({
  forms: s.forms, upos: usePos ? s.upos : null, spans: s.spans,
}));
const nTokens = sentences.reduce((a, s) => a + s.forms.length, 0);
const nNames = sentences.reduce((a, s) => a + s.spans.length, 0);
console.log(`${docs.length} documents, ${sentences.length} sentences, ${nTokens} tokens, ${nNames} names`);

const caseWords = caseUsage(EWT_TRAIN);
console.log(`case usage from UD EWT train: ${caseWords.lower.length} lower, ${caseWords.mixed.length} mixed, ${caseWords.capitalized.length} capitalized`);
const nameParticles = loadNameParticles();
const nameConnectors = [...connectors];
const extractor = new FeatureExtractor(new PhraseMatcher(lexicons), caseWords, nameParticles, nameConnectors);
const ensemble = Number(arg('ensemble', '1'));
const models: NerWeights[] = [];
for (let k = 0; k < ensemble; k++) {
  if (ensemble > 1) console.log(`model ${k + 1} of ${ensemble}, seed ${seed + k}`);
  models.push(train(sentences, extractor, {
    seed: seed + k, epochs, hashBits, posDropout: usePos ? Number(arg('pos-dropout', '0.3')) : 0, prune: Number(arg('prune', '0.001')),
    wordDropout: Number(arg('word-dropout', '0.4')), featureDropout: Number(arg('feature-dropout', '0.1')), log: (m) => console.log(m),
  }, {
    format: 'dateline-ner', version: 1, featureVersion: FEATURE_VERSION, types: ENTITY_TYPES, lexicons,
    caseWords, nameParticles, nameConnectors, trainedOn: `GUM ${flag('with-dev') ? 'train+dev' : 'train'} (${docs.length} documents, GENTLE_* excluded)`, usesPos: usePos,
  }));
}
const weights = ensemble > 1 ? NerWeights.average(models, { ...models[0]!.meta, seed }) : models[0]!;
const bytes = weights.serialize();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${weights.labels.length} weights, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
