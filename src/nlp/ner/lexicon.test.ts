import { describe, expect, it } from 'vitest';
import { CATEGORY_ID, PhraseMatcher, parseLexiconFile, phraseKey } from './lexicon.js';
import { loadGazetteerNames } from './lexicon-files.js';

const matches = (m: PhraseMatcher, forms: string[]) => {
  const out: string[] = [];
  m.scan(forms, 0, forms.length, (s, e) => out.push(forms.slice(s, e).join(' ')));
  return out;
};

describe('name lexicons', () => {
  it('test_lexicon_reads_first_column_and_skips_comments', () => {
    expect(parseLexiconFile('# a note\nPress TV\tbroadcaster\n\nHamas\n')).toEqual(['Press TV', 'Hamas']);
  });

  it('test_lexicon_phrase_key_ignores_spaces_case_and_final_period', () => {
    expect(phraseKey('Press TV')).toBe('presstv');
    expect(phraseKey('Dr.')).toBe('dr');
  });

  it('test_lexicon_matches_whatever_the_tokenizer_did_with_hyphens', () => {
    const m = new PhraseMatcher({ organization: ['al-Qaeda'] });
    expect(matches(m, ['leaders', 'of', 'al-Qaeda', 'met'])).toEqual(['al-Qaeda']);
    expect(matches(m, ['leaders', 'of', 'al', '-', 'Qaeda', 'met'])).toEqual(['al - Qaeda']);
  });

  it('test_lexicon_matches_abbreviated_titles_with_or_without_period', () => {
    const m = new PhraseMatcher({ title: ['Dr.', 'Major General'] });
    expect(matches(m, ['Dr.', 'Smith'])).toEqual(['Dr.']);
    expect(matches(m, ['Dr', 'Smith'])).toEqual(['Dr']);
    expect(matches(m, ['Major', 'General', 'Baqeri'])).toEqual(['Major General']);
  });

  it('test_lexicon_single_token_mask_names_every_category', () => {
    const m = new PhraseMatcher({ place: ['Jordan'], firstName: ['Jordan'] });
    const mask = m.maskOf('Jordan');
    expect(mask & (1 << CATEGORY_ID.place)).toBeTruthy();
    expect(mask & (1 << CATEGORY_ID.firstName)).toBeTruthy();
    expect(m.maskOf('Amman')).toBe(0);
  });
});

describe('gazetteer lexicons', () => {
  it('test_lexicon_matches_many_word_names_split_at_hyphens_and_apostrophes', () => {
    const m = new PhraseMatcher({ gazetteerMajor: ["Côte d'Ivoire", 'Bosnia-Herzegovina', 'U.S.'] });
    expect(matches(m, ['in', 'Côte', "d'Ivoire", 'today'])).toEqual(["Côte d'Ivoire"]);
    expect(matches(m, ['in', 'Bosnia', '-', 'Herzegovina'])).toEqual(['Bosnia - Herzegovina']);
    expect(matches(m, ['the', 'U.S.', 'army'])).toEqual(['U.S.']);
    expect(matches(m, ['the', 'U', '.', 'S', '.'])).toEqual(['U . S .']);
  });

  it('test_gazetteer_names_split_by_how_well_known_the_place_is', () => {
    const { major, minor } = loadGazetteerNames();
    expect(major).toContain('France');
    expect(major).toContain('Chicago');
    expect(major).not.toContain('Canillo');
    expect(minor).toContain('Canillo');
  });
});
