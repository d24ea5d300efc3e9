// PLACEHOLDER (empty layer) until the NLP core lands; see issue 3.
import type { Stage, Tokens, Sentences, Tags, Syntax, NameMention } from '../../core/index.js';

export const taggerStage: Stage<{ tokens: Tokens; sentences: Sentences }, { tags: Tags }> = {
  name: 'nlp.tagger.v0', requires: ['tokens', 'sentences'], produces: ['tags'],
  run: () => ({ tags: { upos: [], xpos: [], lemma: [], feats: [] } }),
};
