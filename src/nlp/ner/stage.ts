// PLACEHOLDER (empty layer) until the NLP core lands; see issue 3.
import type { Stage, Tokens, Sentences, Tags, Syntax, NameMention } from '../../core/index.js';

export const nerStage: Stage<{ tokens: Tokens; sentences: Sentences; tags: Tags }, { names: readonly NameMention[] }> = {
  name: 'nlp.ner.v0', requires: ['tokens', 'sentences', 'tags'], produces: ['names'],
  run: () => ({ names: [] }),
};
