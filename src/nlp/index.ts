// The NLP core's stages: tokens, sentences, tags, syntax, names.
// PLACEHOLDER stages (empty layers) until the NLP core lands; see issue 3.
import type { Stage, Tokens, Sentences, Tags, Syntax, NameMention } from '../core/index.js';

const noTokens = (): Tokens => ({ count: 0, start: new Int32Array(0), end: new Int32Array(0), form: [], spaceAfter: new Uint8Array(0) });

export const tokenizeStage: Stage<{}, { tokens: Tokens }> = {
  name: 'nlp.tokenize.v0', requires: [], produces: ['tokens'],
  run: () => ({ tokens: noTokens() }),
};
export const sentenceStage: Stage<{ tokens: Tokens }, { sentences: Sentences }> = {
  name: 'nlp.sentences.v0', requires: ['tokens'], produces: ['sentences'],
  run: () => ({ sentences: { count: 0, tokenStart: new Int32Array(0), tokenEnd: new Int32Array(0), spans: [], paragraph: new Int32Array(0) } }),
};
export const taggerStage: Stage<{ tokens: Tokens; sentences: Sentences }, { tags: Tags }> = {
  name: 'nlp.tagger.v0', requires: ['tokens', 'sentences'], produces: ['tags'],
  run: () => ({ tags: { upos: [], xpos: [], lemma: [], feats: [] } }),
};
export const parserStage: Stage<{ tokens: Tokens; sentences: Sentences; tags: Tags }, { syntax: Syntax }> = {
  name: 'nlp.parser.v0', requires: ['tokens', 'sentences', 'tags'], produces: ['syntax'],
  run: () => ({ syntax: { head: new Int32Array(0), deprel: [] } }),
};
export const nerStage: Stage<{ tokens: Tokens; sentences: Sentences; tags: Tags }, { names: readonly NameMention[] }> = {
  name: 'nlp.ner.v0', requires: ['tokens', 'sentences', 'tags'], produces: ['names'],
  run: () => ({ names: [] }),
};
