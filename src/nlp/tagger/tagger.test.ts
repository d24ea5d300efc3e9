// The packaged tagger: tags, lemmas and feats on short news sentences, through tagForms and the pipeline stage.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Tagger, tagForms, TAGGER_MODEL_PATH } from './tagger.js';
import { MAX_FEATURES, SentenceFeatures, UNCAPITALISED, UNKNOWN_AMBIGUITY, isCapitalised } from './features.js';
import { hashString } from '../learn/hash.js';
import { repoPath } from '../learn/repo.js';
import { tokenize } from '../tokenize/tokenizer.js';
import { splitSentences } from '../tokenize/sentences.js';
import { taggerStage } from './stage.js';
import { tokenizeStage, sentenceStage } from '../tokenize/stage.js';
import { documentFromText } from '../../ingest/index.js';

const tagsOf = (forms: string[]) => {
  const t = tagForms(forms);
  return forms.map((f, i) => `${f}/${t.upos[i]}/${t.xpos[i]}`);
};

describe('tagger', () => {
  it('test_tagger_tags_a_news_sentence', () => {
    expect(tagsOf(['Israeli', 'forces', 'killed', 'three', 'people', 'in', 'Gaza', 'on', 'Monday', ',', 'officials', 'said', '.'])).toEqual([
      'Israeli/ADJ/JJ', 'forces/NOUN/NNS', 'killed/VERB/VBD', 'three/NUM/CD', 'people/NOUN/NNS', 'in/ADP/IN', 'Gaza/PROPN/NNP',
      'on/ADP/IN', 'Monday/PROPN/NNP', ',/PUNCT/,', 'officials/NOUN/NNS', 'said/VERB/VBD', './PUNCT/.']);
  });

  it('test_tagger_separates_auxiliaries_and_clitics', () => {
    const t = tagForms(['He', 'has', "n't", 'been', 'seen', 'since', 'the', 'attack', "'s", 'aftermath', '.']);
    expect(t.upos).toEqual(['PRON', 'AUX', 'PART', 'AUX', 'VERB', 'ADP', 'DET', 'NOUN', 'PART', 'NOUN', 'PUNCT']);
    expect(t.lemma).toEqual(['he', 'have', 'not', 'be', 'see', 'since', 'the', 'attack', "'s", 'aftermath', '.']);
  });

  it('test_tagger_lemmatizes_and_gives_feats', () => {
    const t = tagForms(['The', 'ministries', 'were', 'rescuing', '900', 'asylum', 'seekers', '.']);
    expect(t.lemma).toEqual(['the', 'ministry', 'be', 'rescue', '900', 'asylum', 'seeker', '.']);
    expect(t.feats[1]).toContain('Number=Plur');
    expect(t.feats[2]).toContain('Tense=Past');
    expect(t.feats[4]).toBe('NumForm=Digit|NumType=Card');
  });

  it('test_tagger_stage_tags_every_token_of_a_wikinews_article', () => {
    const text = readFileSync(new URL('../tokenize/fixtures/wikinews-asylum.txt', import.meta.url), 'utf8');
    const doc = documentFromText(text);
    const { tokens } = tokenizeStage.run(doc, {});
    const { sentences } = sentenceStage.run(doc, { tokens });
    const { tags } = taggerStage.run(doc, { tokens, sentences });
    expect(tags.upos).toHaveLength(tokens.count);
    expect(tags.lemma).toHaveLength(tokens.count);
    const at = (form: string) => tokens.form.indexOf(form);
    expect(tags.upos[at('fishermen')]).toBe('NOUN');
    expect(tags.lemma[at('fishermen')]).toBe('fisherman');
    expect(tags.upos[at('Indonesian')]).toBe('ADJ');
    expect(tags.xpos[at('rescued')]).toMatch(/^VB[DN]$/);
  });

  it('test_cached_score_rows_give_the_same_tags_as_the_training_features', () => {
    // The run-time tagger sums word, neighbour and tag features once and caches the sums; with no row pruning
    // it must decide exactly as the plain feature extraction used in training.
    const tagger = Tagger.deserialize(readFileSync(repoPath(TAGGER_MODEL_PATH)), { minRowWeight: 0 });
    const hashed = (table: Record<string, string>) => new Map(Object.entries(table).map(([w, a]) => [w, hashString(a)]));
    const amb = hashed(tagger.meta.ambiguity), formAmb = hashed(tagger.meta.formAmbiguity);
    const dict = new Map(Object.entries(tagger.meta.tagDictionary));
    const text = readFileSync(new URL('../tokenize/fixtures/wikinews-asylum.txt', import.meta.url), 'utf8');
    const tokens = tokenize(text), sentences = splitSentences(text, tokens);
    const features = new SentenceFeatures(), buf = new Uint32Array(MAX_FEATURES), scores = new Int32Array(tagger.model.nClasses);
    let compared = 0;
    for (let s = 0; s < sentences.count; s++) {
      const from = sentences.tokenStart[s]!, to = sentences.tokenEnd[s]!;
      const cached = new Int32Array(tokens.count);
      tagger.tagSentence(tokens.form, from, to, cached);
      features.prepare(tokens.form, from, to, (w) => amb.get(w) ?? UNKNOWN_AMBIGUITY,
        (f) => (isCapitalised(f) ? formAmb.get(f) ?? UNKNOWN_AMBIGUITY : UNCAPITALISED));
      let prev1 = -1, prev2 = -1;
      for (let i = 0; i < to - from; i++) {
        let c = dict.get(tokens.form[from + i]!);
        if (c === undefined) {
          tagger.model.score(buf, features.extract(i, prev1, prev2, buf), scores);
          c = 0;
          for (let j = 1; j < scores.length; j++) if (scores[j]! > scores[c]!) c = j;
        }
        expect(cached[from + i]).toBe(c);
        compared++;
        prev2 = prev1;
        prev1 = c;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});
