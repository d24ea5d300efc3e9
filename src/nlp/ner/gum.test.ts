import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConllu } from '../conllu.js';
import { gumMentions, joinHyphenated, namesOfSentence } from './gum.js';
import { loadConnectors, loadLexiconEntries } from './lexicon-files.js';
import { ENTITY_TYPES } from './model.js';
import { NameRules } from './names.js';

// A hand-written CoNLL-U sample in GUM's entity notation (not GUM text).
const sents = parseConllu(readFileSync(new URL('./fixtures/gum-sample.conllu', import.meta.url), 'utf8'));
const rules = new NameRules(loadLexiconEntries());
const connectors = new Set(loadConnectors());
const names = (i: number) => {
  const s = sents[i]!;
  const { spans, titles } = namesOfSentence(s, rules, connectors);
  const forms = s.tokens.map((t) => t.form);
  return {
    names: spans.map((x) => `${ENTITY_TYPES[x.type]}:${forms.slice(x.start, x.end).join(' ')}`),
    titles: titles.map((x) => forms.slice(x.start, x.end).join(' ')),
  };
};

describe('GUM proper-name rule', () => {
  it('test_gum_reads_nested_and_single_token_mentions', () => {
    const m = gumMentions(sents[0]!).map((x) => `${x.etype}:${x.start}-${x.end}`).sort();
    expect(m).toEqual(['organization:8-12', 'person:0-3', 'place:11-12', 'place:4-7']);
  });

  it('test_gum_names_drop_determiners_and_titles_and_keep_the_outermost', () => {
    expect(names(0)).toEqual({ names: ['person:Barack Obama', 'place:United States', 'organization:Bank of England'], titles: ['President'] });
  });

  it('test_gum_role_noun_then_name_and_groups', () => {
    expect(names(1).names).toEqual(['person:Jane Doe', 'group:Palestinians']);
  });

  it('test_gum_hyphenated_words_are_joined_as_the_tokenizer_does', () => {
    const joined = joinHyphenated({
      docId: 'x', forms: ['at', 'al', '-', 'Aqsa', 'Mosque', 'in', 'mid', '-', '2020'],
      upos: ['ADP', 'PROPN', 'PUNCT', 'PROPN', 'PROPN', 'ADP', 'NOUN', 'PUNCT', 'NUM'],
      xpos: ['IN', 'NNP', 'HYPH', 'NNP', 'NNP', 'IN', 'NN', 'HYPH', 'CD'],
      spaceAfter: [true, false, false, true, true, true, false, false, true],
      spans: [{ start: 1, end: 5, type: ENTITY_TYPES.indexOf('facility') }], titles: [],
    });
    expect(joined.forms).toEqual(['at', 'al-Aqsa', 'Mosque', 'in', 'mid-2020']);
    expect(joined.upos[1]).toBe('PROPN');
    expect(joined.spans).toEqual([{ start: 1, end: 3, type: ENTITY_TYPES.indexOf('facility') }]);
  });
});
