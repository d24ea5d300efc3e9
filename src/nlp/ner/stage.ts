// The named-entity stage: proper-name mentions (person, organization, place, facility, group) with titles kept apart.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatelineError, provenance, type NameMention, type Sentences, type Span, type Stage, type Tags, type Tokens } from '../../core/index.js';
import { repoRoot } from './lexicon-files.js';
import { ENTITY_TYPES, NerWeights } from './model.js';
import { NameRecognizer } from './recognize.js';

export const NER_STAGE_NAME = 'nlp.ner.v1';
const MODEL_FILE = join('models', 'ner.bin');

let recognizer: NameRecognizer | undefined;

/** The recognizer over models/ner.bin, loaded once per thread. */
export function nameRecognizer(): NameRecognizer {
  if (!recognizer) {
    const path = join(repoRoot(), MODEL_FILE);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new DatelineError('E_MODEL', `named-entity model not found at ${path}; run: node --import tsx scripts/train-ner.ts`, { cause: e });
    }
    recognizer = new NameRecognizer(NerWeights.deserialize(bytes));
  }
  return recognizer;
}

/** Finds the names of every sentence; POS features are used only when the tags cover every token. */
export function findNames(tokens: Tokens, sentences: Sentences, tags: Tags | undefined, rec = nameRecognizer()): NameMention[] {
  const upos = tags && tags.upos.length === tokens.count && tokens.count > 0 ? tags.upos : null;
  const found = rec.document(tokens.form, upos, sentences.tokenStart, sentences.tokenEnd, sentences.count);
  const prov = provenance(NER_STAGE_NAME, upos ? 'perceptron' : 'perceptron-no-pos');
  return found.map((f): NameMention => ({
    start: tokens.start[f.start]!,
    end: tokens.end[f.end - 1]!,
    type: ENTITY_TYPES[f.type]!,
    tokenStart: f.start,
    tokenEnd: f.end,
    titles: f.titles.map((t): Span => ({ start: tokens.start[t.start]!, end: tokens.end[t.end - 1]! })),
    provenance: prov,
  }));
}

export const nerStage: Stage<{ tokens: Tokens; sentences: Sentences; tags: Tags }, { names: readonly NameMention[] }> = {
  name: NER_STAGE_NAME,
  requires: ['tokens', 'sentences', 'tags'],
  produces: ['names'],
  run: (_doc, { tokens, sentences, tags }) => ({ names: findNames(tokens, sentences, tags) }),
  empty: () => ({ names: [] }),
};
