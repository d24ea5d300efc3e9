import { describe, expect, it } from 'vitest';
import { loadLexiconEntries } from './lexicon-files.js';
import { NameRules } from './names.js';

const rules = new NameRules(loadLexiconEntries());
const words = (s: string) => s.split(' ');
const nameAfterTitles = (s: string) => {
  const f = words(s);
  return f.slice(rules.nameStartAfterTitles(f, 0, f.length)).join(' ');
};
const titlesBefore = (s: string, at: number) => {
  const f = words(s);
  return rules.titlesBefore(f, at, 0).map((t) => f.slice(t.start, t.end).join(' '));
};

describe('name rules', () => {
  it('test_names_titles_are_split_off_person_names', () => {
    expect(nameAfterTitles('President Barack Obama')).toBe('Barack Obama');
    expect(nameAfterTitles('U.S. President Barack Obama')).toBe('Barack Obama');
    expect(nameAfterTitles('Major General Mohammad Baqeri')).toBe('Mohammad Baqeri');
    expect(nameAfterTitles('Ayatollah Seyed Ebrahim Raeisi')).toBe('Ebrahim Raeisi');
  });

  it('test_names_title_words_inside_or_ending_a_name_stay', () => {
    expect(nameAfterTitles('Martin Luther King')).toBe('Martin Luther King');
    expect(nameAfterTitles('John Major')).toBe('John Major');
    expect(nameAfterTitles('Hassan Sheikh Mohamud')).toBe('Hassan Sheikh Mohamud');
  });

  it('test_names_chain_of_titles_before_a_name', () => {
    const s = "Iran 's Armed Forces Chief of Staff Major General Mohammad Baqeri said";
    expect(titlesBefore(s, 9)).toEqual(['Chief of Staff', 'Major General']);
    expect(titlesBefore('Judiciary Chief Ayatollah Seyed Ebrahim Raeisi', 4)).toEqual(['Judiciary Chief', 'Ayatollah', 'Seyed']);
    expect(titlesBefore('Hamas representative in Iran Khaled al-Qaddoumi', 4)).toEqual([]);
  });

  it('test_names_groups_and_facilities', () => {
    expect(rules.isGroup(['Palestinians'], 0, 1)).toBe(true);
    expect(rules.isGroup(['Gaza'], 0, 1)).toBe(false);
    expect(rules.endsInFacilityWord(words('Ben Gurion Airport'), 0, 3)).toBe(true);
    expect(rules.endsInFacilityWord(words('al - Aqsa Mosque'), 0, 4)).toBe(true);
    expect(rules.endsInFacilityWord(words('Museum of Flight'), 0, 3)).toBe(true);
    expect(rules.endsInFacilityWord(words('West Bank'), 0, 2)).toBe(false);
  });

  it('test_names_positions_are_title_phrases', () => {
    const isPosition = (t: string) => { const f = words(t); return rules.isTitlePhrase(f, 0, f.length); };
    expect(isPosition('Armed Force Chief of Staff')).toBe(true);
    expect(isPosition('Armed Forces Chief of Staff')).toBe(true);
    expect(isPosition('Parliament Speaker')).toBe(true);
    expect(isPosition('Foreign Minister')).toBe(true);
    expect(isPosition('Office of the President')).toBe(false);
    expect(isPosition('Burger King')).toBe(false);
    expect(isPosition('Chief of Staff')).toBe(true);
    expect(isPosition('Joint Chiefs of Staff')).toBe(false);
  });

  it('test_names_events_and_communities', () => {
    expect(rules.isEvent(['Intifada'], 0, 1)).toBe(true);
    expect(rules.isEvent(words('al - Aqsa Intifada'), 0, 4)).toBe(true);
    expect(rules.isEvent(['Nakba'], 0, 1)).toBe(true);
    expect(rules.isEvent(['Holocaust'], 0, 1)).toBe(true);
    expect(rules.isEvent(words('Yom Kippur War'), 0, 3)).toBe(true);
    expect(rules.isEvent(words('Mohamed Eid'), 0, 2)).toBe(false);
    expect(rules.isEvent(['Gaza'], 0, 1)).toBe(false);
    expect(rules.isGroup(words('Muslim Ummah'), 0, 2)).toBe(true);
    expect(rules.isGroup(words('Jewish Diaspora'), 0, 2)).toBe(true);
    expect(rules.endsInGroupHead(words('West Bank'), 0, 2)).toBe(false);
  });
});
