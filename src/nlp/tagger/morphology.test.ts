// Lemma and feats tables learnt from treebank words: suffix rules, exceptions, feats defaults.
import { describe, expect, it } from 'vitest';
import { learnMorphology, Morphology, type MorphExample } from './morphology.js';

const w = (form: string, xpos: string, lemma: string, feats = ''): MorphExample => ({ form, xpos, lemma, feats });

describe('morphology', () => {
  const examples: MorphExample[] = [
    w('cities', 'NNS', 'city', 'Number=Plur'), w('parties', 'NNS', 'party', 'Number=Plur'), w('bodies', 'NNS', 'body', 'Number=Plur'),
    w('talks', 'NNS', 'talk', 'Number=Plur'), w('rockets', 'NNS', 'rocket', 'Number=Plur'), w('homes', 'NNS', 'home', 'Number=Plur'),
    w('men', 'NNS', 'man', 'Number=Plur'), w('said', 'VBD', 'say', 'Tense=Past'), w('killed', 'VBD', 'kill', 'Tense=Past'),
    w('fired', 'VBD', 'fire', 'Tense=Past'), w('walked', 'VBD', 'walk', 'Tense=Past'), w('helped', 'VBD', 'help', 'Tense=Past'),
    w('Gaza', 'NNP', 'Gaza', 'Number=Sing'), w('I', 'PRP', 'I', 'Case=Nom|Number=Sing|Person=1'), w('I', 'PRP', 'I', 'Case=Nom|Number=Sing|Person=1'),
    w('he', 'PRP', 'he', 'Case=Nom|Gender=Masc'), w('he', 'PRP', 'he', 'Case=Nom|Gender=Masc'), w('it', 'PRP', 'it', 'Gender=Neut'),
    w('it', 'PRP', 'it', 'Gender=Neut'), w('it', 'PRP', 'it', 'Gender=Neut'), w('12', 'CD', '12', 'NumForm=Digit|NumType=Card'),
    w('two', 'CD', 'two', 'NumForm=Word|NumType=Card'),
  ];
  const morph = new Morphology(learnMorphology(examples));

  it('test_morphology_suffix_rules_lemmatize_unseen_words', () => {
    expect(morph.lemma('ladies', 'NNS')).toBe('lady');
    expect(morph.lemma('Boats', 'NNS')).toBe('boat');
    expect(morph.lemma('jumped', 'VBD')).toBe('jump');
  });

  it('test_morphology_exceptions_beat_rules', () => {
    expect(morph.lemma('men', 'NNS')).toBe('man');
    expect(morph.lemma('said', 'VBD')).toBe('say');
    expect(morph.lemma('I', 'PRP')).toBe('I');
  });

  it('test_morphology_proper_nouns_keep_case_and_others_lower', () => {
    expect(morph.lemma('Hamas', 'NNP')).toBe('Hamas');
    expect(morph.lemma('The', 'DT')).toBe('the');
  });

  it('test_morphology_feats_from_word_or_tag', () => {
    expect(morph.feats('He', 'PRP')).toBe('Case=Nom|Gender=Masc');
    expect(morph.feats('rockets', 'NNS')).toBe('Number=Plur');
    expect(morph.feats('7', 'CD')).toBe('NumForm=Digit|NumType=Card');
    expect(morph.feats('seven', 'CD')).toBe('NumForm=Word|NumType=Card');
    expect(morph.feats('x', 'UNSEEN')).toBe('');
  });
});
