// The tokenizer: UD/PTB-style splits with exact offsets on the cases news text throws at it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tokenize } from './tokenizer.js';
import { tokenizeStage } from './stage.js';

const forms = (text: string) => tokenize(text).form;

describe('tokenize', () => {
  it('test_tokenize_offsets_index_the_unchanged_text', () => {
    const text = '  “Don’t,”\tsaid  Gen.\u00a0Smith…\n';
    const t = tokenize(text);
    for (let i = 0; i < t.count; i++) expect(text.slice(t.start[i], t.end[i])).toBe(t.form[i]);
    expect(t.form).toEqual(['“', 'Do', 'n’t', ',', '”', 'said', 'Gen.', 'Smith', '…']);
    expect(Array.from(t.spaceAfter)).toEqual([0, 0, 0, 0, 1, 1, 1, 0, 1]);
  });

  it('test_tokenize_splits_clitics_with_straight_and_curly_apostrophes', () => {
    expect(forms("I don't know")).toEqual(['I', 'do', "n't", 'know']);
    expect(forms("Hezbollah's chief")).toEqual(['Hezbollah', "'s", 'chief']);
    expect(forms('Hezbollah’s chief')).toEqual(['Hezbollah', '’s', 'chief']);
    expect(forms("We're here, they've gone, I'm sure she'll say he'd go")).toEqual(
      ['We', "'re", 'here', ',', 'they', "'ve", 'gone', ',', 'I', "'m", 'sure', 'she', "'ll", 'say', 'he', "'d", 'go']);
    expect(forms("can't won't cannot gonna")).toEqual(['ca', "n't", 'wo', "n't", 'can', 'not', 'gon', 'na']);
    expect(forms("O'Brien's rock'n'roll")).toEqual(["O'Brien", "'s", "rock'n'roll"]);
  });

  it('test_tokenize_keeps_plural_possessive_apostrophe_apart', () => {
    expect(forms("the students' union")).toEqual(['the', 'students', "'", 'union']);
  });

  it('test_tokenize_keeps_abbreviations_and_initials_whole', () => {
    expect(forms('The U.S. and U.K. met at 5 a.m. on Jan. 3, e.g. Gen. Smith, Dr. Jones')).toEqual(
      ['The', 'U.S.', 'and', 'U.K.', 'met', 'at', '5', 'a.m.', 'on', 'Jan.', '3', ',', 'e.g.', 'Gen.', 'Smith', ',', 'Dr.', 'Jones']);
    expect(forms('J. R. R. Tolkien')).toEqual(['J.', 'R.', 'R.', 'Tolkien']);
    expect(forms('No. 5 but say no.')).toEqual(['No.', '5', 'but', 'say', 'no', '.']);
    expect(forms('He left.')).toEqual(['He', 'left', '.']);
  });

  it('test_tokenize_splits_brackets_around_honorifics', () => {
    expect(forms('the Prophet Muhammad (PBUH) said')).toEqual(['the', 'Prophet', 'Muhammad', '(', 'PBUH', ')', 'said']);
  });

  it('test_tokenize_keeps_hyphenated_and_particled_names', () => {
    expect(forms('Khaled al-Qaddoumi at al-Aqsa with bin Salman, a 14-year-old')).toEqual(
      ['Khaled', 'al-Qaddoumi', 'at', 'al-Aqsa', 'with', 'bin', 'Salman', ',', 'a', '14-year-old']);
  });

  it('test_tokenize_keeps_numbers_whole', () => {
    expect(forms('2,000 people, 1.5 times, at 23:00 on 4/13/2011, 1,234,567.89 and .5')).toEqual(
      ['2,000', 'people', ',', '1.5', 'times', ',', 'at', '23:00', 'on', '4/13/2011', ',', '1,234,567.89', 'and', '.5']);
    expect(forms('the 1990s, the 21st and 3rd')).toEqual(['the', '1990s', ',', 'the', '21st', 'and', '3rd']);
    expect(forms('1,2 and 5,00')).toEqual(['1', ',', '2', 'and', '5', ',', '00']);
  });

  it('test_tokenize_splits_units_and_clock_markers_off_numbers', () => {
    expect(forms('at 2:00am, 11:30 p.m. and 5pm')).toEqual(['at', '2:00', 'am', ',', '11:30', 'p.m.', 'and', '5', 'pm']);
    expect(forms('$3bn, £2.5m, €40 and US$5')).toEqual(['$', '3', 'bn', ',', '£', '2.5', 'm', ',', '€', '40', 'and', 'US', '$', '5']);
    expect(forms('rose 15% to 5km')).toEqual(['rose', '15', '%', 'to', '5', 'km']);
    expect(forms('a 3D film on 4G')).toEqual(['a', '3D', 'film', 'on', '4G']);
    expect(forms('at 23:00GMT')).toEqual(['at', '23:00', 'GMT']);
  });

  it('test_tokenize_keeps_urls_emails_handles_hashtags', () => {
    expect(forms('See https://en.wikinews.org/wiki/A_(b). Mail joe.b@mail.co.uk, @UN_News #Gaza2021')).toEqual(
      ['See', 'https://en.wikinews.org/wiki/A_(b)', '.', 'Mail', 'joe.b@mail.co.uk', ',', '@UN_News', '#Gaza2021']);
    expect(forms('(www.bbc.co.uk)')).toEqual(['(', 'www.bbc.co.uk', ')']);
  });

  it('test_tokenize_splits_quotes_ellipses_and_dashes', () => {
    expect(forms('"Yes," he said—or “no”… \'maybe\' -- wait... ok?!')).toEqual(
      ['"', 'Yes', ',', '"', 'he', 'said', '—', 'or', '“', 'no', '”', '…', "'", 'maybe', "'", '--', 'wait', '...', 'ok', '?!']);
    expect(forms('pages 10–12')).toEqual(['pages', '10', '–', '12']);
  });

  it('test_tokenize_treats_invisible_characters_as_their_unicode_roles', () => {
    expect(forms('Gaza\u200bCity infor\u00admation')).toEqual(['Gaza', 'City', 'infor\u00admation']);
  });

  it('test_tokenize_keeps_drawn_rules_whole', () => {
    expect(forms('Sign: ______ *** ==')).toEqual(['Sign', ':', '______', '***', '==']);
  });

  it('test_tokenize_keeps_emoji_surrogate_pairs_whole', () => {
    expect(forms('great 👍🏽 news')).toEqual(['great', '👍', '🏽', 'news']);
  });

  it('test_tokenize_stage_on_a_wikinews_article', () => {
    const text = readFileSync(new URL('./fixtures/wikinews-asylum.txt', import.meta.url), 'utf8');
    const { tokens } = tokenizeStage.run({ id: 'x', text, meta: {}, warnings: [] }, {});
    expect(tokens.count).toBeGreaterThan(300);
    for (let i = 0; i < tokens.count; i++) {
      expect(text.slice(tokens.start[i], tokens.end[i])).toBe(tokens.form[i]);
      if (i) expect(tokens.start[i]).toBeGreaterThanOrEqual(tokens.end[i - 1]!);
    }
    expect(tokens.form.slice(0, 3)).toEqual(['date', '2015-05-18', 'Over']);
  });
});
