// PLACEHOLDER (empty layer) until the NLP core lands; see issue 3.
import type { Stage, Tokens, Sentences, Tags, Syntax, NameMention } from '../../core/index.js';

const noTokens = (): Tokens => ({ count: 0, start: new Int32Array(0), end: new Int32Array(0), form: [], spaceAfter: new Uint8Array(0) });

export const tokenizeStage: Stage<{}, { tokens: Tokens }> = {
  name: 'nlp.tokenize.v0', requires: [], produces: ['tokens'],
  run: () => ({ tokens: noTokens() }),
};

export const sentenceStage: Stage<{ tokens: Tokens }, { sentences: Sentences }> = {
  name: 'nlp.sentences.v0', requires: ['tokens'], produces: ['sentences'],
  run: () => ({ sentences: { count: 0, tokenStart: new Int32Array(0), tokenEnd: new Int32Array(0), spans: [], paragraph: new Int32Array(0) } }),
};
