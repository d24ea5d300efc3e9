// The sentence splitter: quotes, abbreviations, initials, headlines, datelines, bullets and paragraphs in news text.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tokenize } from './tokenizer.js';
import { splitSentences, type SentenceOptions } from './sentences.js';
import { defaultSentenceModel } from './boundary-model.js';
import { tokenizeStage, sentenceStage } from './stage.js';
import { documentFromText } from '../../ingest/index.js';

const sentences = (text: string, options: SentenceOptions = {}) => {
  const s = splitSentences(text, tokenize(text), options);
  return s.spans.map((sp) => text.slice(sp.start, sp.end));
};
const paragraphs = (text: string) => Array.from(splitSentences(text, tokenize(text)).paragraph);

describe('splitSentences', () => {
  it('test_sentences_split_at_terminal_punctuation_before_a_capital', () => {
    expect(sentences('Hamas fired rockets. Israel responded! Why? Nobody knows… It went on.')).toEqual(
      ['Hamas fired rockets.', 'Israel responded!', 'Why?', 'Nobody knows…', 'It went on.']);
    expect(sentences('It rose in 2011. 2012 was worse.')).toEqual(['It rose in 2011.', '2012 was worse.']);
  });

  it('test_sentences_exclamation_and_ellipsis_before_lower_case_go_on', () => {
    expect(sentences('Yahoo! said it would... perhaps later.')).toEqual(['Yahoo! said it would... perhaps later.']);
  });

  it('test_sentences_period_before_lower_case_ends_web_text_sentences', () => {
    expect(sentences('i left early. he stayed. what now? we wait.')).toEqual(['i left early.', 'he stayed.', 'what now?', 'we wait.']);
    expect(sentences('Mail joe...@gmail.com today.')).toHaveLength(1);
  });

  it('test_sentences_citation_marks_stay_with_their_sentence', () => {
    expect(sentences('It was studied widely. [1 - 3] Others disagree. [4]')).toEqual(['It was studied widely. [1 - 3]', 'Others disagree. [4]']);
  });

  it('test_sentences_numbered_list_items_are_not_split_at_their_number', () => {
    expect(sentences('Rules:\n1. Matter is made of atoms.\n2. Atoms are small.')).toEqual(['Rules:', '1. Matter is made of atoms.', '2. Atoms are small.']);
  });

  it('test_sentences_keep_quote_with_attribution_as_one', () => {
    expect(sentences('“We will rebuild,” he said. “Is it over?” she asked.')).toEqual(
      ['“We will rebuild,” he said.', '“Is it over?” she asked.']);
    expect(sentences('"We will rebuild," he said. "Is it over?" she asked.')).toEqual(
      ['"We will rebuild," he said.', '"Is it over?" she asked.']);
    expect(sentences('“Stop!” Smith said. Then it ended.')).toEqual(['“Stop!” Smith said.', 'Then it ended.']);
  });

  it('test_sentences_split_inside_quotation_of_several_sentences', () => {
    expect(sentences('He said: “The war is over. We go home. Peace has come.” Then he left.')).toEqual(
      ['He said: “The war is over.', 'We go home.', 'Peace has come.”', 'Then he left.']);
    expect(sentences("She said: 'It is over.' He nodded.")).toEqual(["She said: 'It is over.'", 'He nodded.']);
  });

  it('test_sentences_survive_a_quotation_that_never_closes', () => {
    expect(sentences('He wrote: “We are leaving. The city has fallen. Nobody remains.')).toEqual(
      ['He wrote: “We are leaving.', 'The city has fallen.', 'Nobody remains.']);
  });

  it('test_sentences_a_quote_opening_after_a_period_starts_the_next_sentence', () => {
    expect(sentences('He left. “We won,” he said.')).toEqual(['He left.', '“We won,” he said.']);
    expect(sentences('He left. "We won," he said.')).toEqual(['He left.', '"We won," he said.']);
  });

  it('test_sentences_abbreviations_and_initials_do_not_end_sentences', () => {
    expect(sentences('The U.S. state of Texas sued. Gen. Smith agreed with Dr. Jones and J. R. R. Tolkien.')).toEqual(
      ['The U.S. state of Texas sued.', 'Gen. Smith agreed with Dr. Jones and J. R. R. Tolkien.']);
    expect(sentences('U.S. President Joe Biden met Jan. 5 at 5 p.m. EST with No. 10 officials.')).toHaveLength(1);
  });

  it('test_sentences_sentence_final_abbreviation_ends_before_a_sentence_starter', () => {
    expect(sentences('He lives in the U.S. The next day he left at 5 p.m. He was tired.')).toEqual(
      ['He lives in the U.S.', 'The next day he left at 5 p.m.', 'He was tired.']);
    expect(sentences('It was made in the U.S.” Then it sold.')).toEqual(['It was made in the U.S.”', 'Then it sold.']);
  });

  it('test_sentences_bracketed_sentence_keeps_its_bracket', () => {
    expect(sentences('He left. (He was tired.) Then he slept.')).toEqual(['He left.', '(He was tired.)', 'Then he slept.']);
  });

  it('test_sentences_every_line_break_ends_a_sentence_and_a_paragraph', () => {
    const text = 'Rockets hit Tel Aviv\nGAZA CITY, May 21 (Reuters) - Hamas said it won. Israel disagreed.\n\n• First point\n• Second point\nPhoto: A man walks past rubble in Gaza';
    expect(sentences(text)).toEqual(['Rockets hit Tel Aviv', 'GAZA CITY, May 21 (Reuters) - Hamas said it won.', 'Israel disagreed.', '• First point', '• Second point', 'Photo: A man walks past rubble in Gaza']);
    expect(paragraphs(text)).toEqual([0, 1, 1, 2, 3, 4]);
  });

  it('test_sentences_hard_wrapped_paragraphs_join_lines', () => {
    const text = 'The ministry said the talks\nwould resume on Monday. Officials agreed.\nThey left the city\nafter the\nvote.\n\nA second paragraph.';
    expect(sentences(text)).toEqual(['The ministry said the talks\nwould resume on Monday.', 'Officials agreed.', 'They left the city\nafter the\nvote.', 'A second paragraph.']);
    expect(paragraphs(text)).toEqual([0, 0, 0, 1]);
  });

  it('test_sentences_model_ends_web_sentences_without_punctuation', () => {
    expect(sentences('Hi Maria, Thanks for the photos from the trip. See you on Monday')).toEqual(
      ['Hi Maria,', 'Thanks for the photos from the trip.', 'See you on Monday']);
    expect(sentences('Thanks for the help. Best regards, Tom')).toEqual(['Thanks for the help.', 'Best regards,', 'Tom']);
    expect(sentences('Call me tomorrow :) I will be home all day')).toEqual(['Call me tomorrow :)', 'I will be home all day']);
    expect(sentences('The meeting moved to 3 pm Please bring the budget figures')).toEqual(['The meeting moved to 3 pm', 'Please bring the budget figures']);
  });

  it('test_sentences_rules_alone_without_the_model', () => {
    expect(sentences('Call me tomorrow :) I will be home all day', { model: null })).toEqual(['Call me tomorrow :) I will be home all day']);
    expect(sentences('He left. “We won,” he said.', { model: null })).toEqual(['He left.', '“We won,” he said.']);
  });

  it('test_sentences_model_keeps_news_sentences_whole', () => {
    const text = 'U.S. President Joe Biden told reporters in Washington on Tuesday that Israeli Prime Minister Benjamin Netanyahu had agreed. ' +
      'Hamas official Osama Hamdan said the group “will not accept” the plan, the Associated Press reported.';
    expect(sentences(text)).toHaveLength(2);
    expect(sentences('The letter was signed by Mary K. Gross and sent to Gen. Smith on Jan. 5.')).toHaveLength(1);
  });

  it('test_sentences_packaged_model_loads_once', () => {
    const model = defaultSentenceModel();
    expect(model.meta.kind).toBe('dateline-sentences');
    expect(defaultSentenceModel()).toBe(model);
  });

  it('test_sentences_token_ranges_cover_every_token_once', () => {
    const text = 'One. Two! “Three?” Four.\nFive';
    const t = tokenize(text);
    const s = splitSentences(text, t);
    expect(s.tokenStart[0]).toBe(0);
    expect(s.tokenEnd[s.count - 1]).toBe(t.count);
    for (let i = 1; i < s.count; i++) expect(s.tokenStart[i]).toBe(s.tokenEnd[i - 1]);
  });

  it('test_sentences_empty_text_has_none', () => {
    expect(sentences('')).toEqual([]);
    expect(sentences('  \n ')).toEqual([]);
  });

  it('test_sentences_wikinews_header_title_date_and_paragraphs', () => {
    const text = readFileSync(new URL('./fixtures/wikinews-asylum.txt', import.meta.url), 'utf8');
    const doc = documentFromText(text);
    const { tokens } = tokenizeStage.run(doc, {});
    const { sentences: s } = sentenceStage.run(doc, { tokens });
    const got = s.spans.map((sp) => text.slice(sp.start, sp.end));
    expect(got.slice(0, 4)).toEqual([
      'date 2015-05-18',
      'Over 900 asylum seekers rescued off Indonesian coast',
      'Monday, May 18, 2015',
      'On Friday, fishermen rescued over 700 asylum seekers whose boat sank, and the Indonesian Navy reportedly saved 200 more after they were found swimming along the coast of Aceh, Indonesia.',
    ]);
    expect(got[4]).toBe('Major general Fuad Basya, spokesman for the Indonesian military, said fisherman first noticed the people and a warship was deployed to retrieve them.');
    expect(Array.from(s.paragraph.slice(0, 5))).toEqual([0, 0, 1, 2, 3]);
    // Every sentence ends inside one line.
    for (const sp of s.spans) expect(text.slice(sp.start, sp.end)).not.toContain('\n');
  });
});
