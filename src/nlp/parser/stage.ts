// PLACEHOLDER (empty layer) until the NLP core lands; see issue 3.
import type { Stage, Tokens, Sentences, Tags, Syntax, NameMention } from '../../core/index.js';

export const parserStage: Stage<{ tokens: Tokens; sentences: Sentences; tags: Tags }, { syntax: Syntax }> = {
  name: 'nlp.parser.v0', requires: ['tokens', 'sentences', 'tags'], produces: ['syntax'],
  run: () => ({ syntax: { head: new Int32Array(0), deprel: [] } }),
};
