// Trains the name tagger on GUM (train split, GENTLE_* left out) and writes models/ner.bin.
// Usage: node --import tsx scripts/train-ner.ts [--seed N] [--epochs N] [--bits N] [--word-dropout P] [--with-dev] [--pos [--pos-dropout P]] [--ensemble N] [--gazetteer none|major|all]
//        [--decoder viterbi|greedy] [--edges N] [--no-doc] [--no-history] [--no-gentle] [--run-features] [--upweight news,bio] [--out path]
//   --ensemble N  averages N models trained with seeds seed .. seed+N-1.
//   Defaults (chosen on GUM dev, see src/nlp/ner/README.md): a structured perceptron decoded with Viterbi, document cues
//   and prediction history features, GENTLE_* documents in training; --no-doc, --no-history, --no-gentle and
//   --decoder greedy turn them off (--no-doc: about 15% faster at run time, dev news+bio 1.6 lower).
//   --upweight: those genres' sentences twice per epoch.
// Lexicons come only from the hand-curated data files: lists drawn from the training names themselves
// (tried: given names of GUM train persons) make the model trust them blindly and lower dev F1.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { parseConllu } from '../src/nlp/conllu.js';
import { dirname, join } from 'node:path';
import { DOCUMENT_CUES_VERSION, type DocumentCues, FeatureExtractor, FEATURE_VERSION, type CaseWords } from '../src/nlp/ner/features.js';
import { PhraseMatcher } from '../src/nlp/ner/lexicon.js';
import { loadConnectors, loadLexiconEntries, loadNameParticles, repoRoot } from '../src/nlp/ner/lexicon-files.js';
import { ENTITY_TYPES, NerWeights, train, trainStructured, type TrainSentence } from '../src/nlp/ner/model.js';
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

// GENTLE_* (out-of-genre test documents listed in train.docs) stay out unless --gentle: GUM's README asks to keep them
// out of training when GENTLE scores are reported, which this project does not do.
const gentle = !flag('no-gentle');
let docs = gumSplit(GUM, 'train').filter((d) => gentle || !d.startsWith('GENTLE_'));
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
const gumSentences = readGumNames(GUM, docs, rules, connectors);
const caseWords = caseUsage(EWT_TRAIN);
const nameParticles = loadNameParticles();
const nameConnectors = [...connectors];
const extractor = new FeatureExtractor(new PhraseMatcher(lexicons), caseWords, nameParticles, nameConnectors);
// --run-features: features of the capitalized run around each word (its first and last word, length, whole string).
const runFeatures = flag('run-features');
extractor.runFeatures = runFeatures;
// Document cues (features.ts DocumentCues) per document, from the same tokens as at run time; --no-doc: none.
const useDocumentCues = !flag('no-doc');
const cuesByDoc = new Map<string, DocumentCues>();
if (useDocumentCues) {
  const byDoc = new Map<string, string[][]>();
  for (const s of gumSentences) byDoc.set(s.docId, [...(byDoc.get(s.docId) ?? []), s.forms]);
  for (const [docId, sents] of byDoc) {
    const starts: number[] = [], ends: number[] = [], forms: string[] = [];
    for (const f of sents) { starts.push(forms.length); forms.push(...f); ends.push(forms.length); }
    cuesByDoc.set(docId, extractor.documentCues(forms, starts, ends, sents.length));
  }
}
const docIndex = new Map(docs.map((d, i) => [d, i]));
const sentences: TrainSentence[] = gumSentences.map((s) => ({
  forms: s.forms, upos: usePos ? s.upos : null, spans: s.spans, doc: cuesByDoc.get(s.docId) ?? null, docIndex: docIndex.get(s.docId)!,
}));
// Features from the labels the model gave the same word earlier in the document (features.ts PredictionHistory);
// --no-history: none.
const predictionHistory = !flag('no-history');
// --upweight news,bio: sentences of those genres are seen twice per epoch (the target genres of the evaluation).
const upweight = arg('upweight', '').split(',').filter(Boolean).map((g) => `GUM_${g}_`);
if (upweight.length) {
  const extra = sentences.filter((_, i) => upweight.some((u) => gumSentences[i]!.docId.startsWith(u)));
  sentences.push(...extra);
}
const nTokens = sentences.reduce((a, s) => a + s.forms.length, 0);
const nNames = sentences.reduce((a, s) => a + s.spans.length, 0);
console.log(`${docs.length} documents, ${sentences.length} sentences, ${nTokens} tokens, ${nNames} names`);

console.log(`case usage from UD EWT train: ${caseWords.lower.length} lower, ${caseWords.mixed.length} mixed, ${caseWords.capitalized.length} capitalized`);
const ensemble = Number(arg('ensemble', '1'));
// --decoder viterbi: a structured perceptron decoded with first-order Viterbi (model.ts trainStructured); --edges N:
// how many edge feature templates pair the previous label with the token (0: label transitions only).
const decoder = arg('decoder', 'viterbi');
const edges = Number(arg('edges', '0'));
const models: NerWeights[] = [];
for (let k = 0; k < ensemble; k++) {
  if (ensemble > 1) console.log(`model ${k + 1} of ${ensemble}, seed ${seed + k}`);
  const options = {
    seed: seed + k, epochs, hashBits, posDropout: usePos ? Number(arg('pos-dropout', '0.3')) : 0, prune: Number(arg('prune', '0.001')),
    wordDropout: Number(arg('word-dropout', '0.4')), featureDropout: Number(arg('feature-dropout', '0.1')), predictionHistory, log: (m: string) => console.log(m),
  };
  models.push((decoder === 'viterbi' ? (s: TrainSentence[], e: FeatureExtractor, o: typeof options, m: Parameters<typeof train>[3]) => trainStructured(s, e, { ...o, edges }, m) : train)(sentences, extractor, options, {
    format: 'dateline-ner', version: 1, featureVersion: useDocumentCues ? FEATURE_VERSION : DOCUMENT_CUES_VERSION - 1, types: ENTITY_TYPES, lexicons,
    caseWords, nameParticles, nameConnectors, trainedOn: `GUM ${flag('with-dev') ? 'train+dev' : 'train'} (${docs.length} documents, GENTLE_* ${gentle ? 'included' : 'excluded'})`, usesPos: usePos, predictionHistory, runFeatures,
  }));
}
const weights = ensemble > 1 ? NerWeights.average(models, { ...models[0]!.meta, seed }) : models[0]!;
const bytes = weights.serialize();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${weights.labels.length} weights, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
