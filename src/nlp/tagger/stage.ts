// The tagger stage: UPOS, Penn XPOS, lemma and feats for every token, sentence by sentence.
import type { Stage, Tokens, Sentences, Tags } from '../../core/index.js';
import { defaultTagger } from './tagger.js';

export { tagForms, defaultTagger, Tagger, type TaggedWords } from './tagger.js';

export const taggerStage: Stage<{ tokens: Tokens; sentences: Sentences }, { tags: Tags }> = {
  name: 'nlp.tagger.v1', requires: ['tokens', 'sentences'], produces: ['tags'],
  run: (_doc, { tokens, sentences }) => {
    const tagger = defaultTagger();
    const cls = new Int32Array(tokens.count);
    let covered = 0;
    for (let s = 0; s < sentences.count; s++) {
      const from = sentences.tokenStart[s]!, to = sentences.tokenEnd[s]!;
      // Tokens outside every sentence (there should be none) are tagged as a sentence of their own.
      if (from > covered) tagger.tagSentence(tokens.form, covered, from, cls);
      tagger.tagSentence(tokens.form, from, to, cls);
      covered = to;
    }
    if (covered < tokens.count) tagger.tagSentence(tokens.form, covered, tokens.count, cls);
    return { tags: tagger.describe(tokens.form, cls) };
  },
  empty: () => ({ tags: { upos: [], xpos: [], lemma: [], feats: [] } }),
};
