import { describe, expect, it } from 'vitest';
import { findFraming } from './index.js';
import { compileLexicon, parseLexicon, bundledLexicon } from './lexicon.js';
import type { NameMention } from '../../core/index.js';

/** The structure of the output, with the parties taken out: what a mirrored pair must share. */
const shape = (text: string, names: NameMention[] = []) =>
  findFraming(text, names).map((f) => ({ term: f.term, category: f.category, referent_type: f.referent_type, hasReferent: f.referent !== undefined }));
const referents = (text: string) => findFraming(text, []).map((f) => f.referent);

describe('framing', () => {
  it('flags delegitimizing labels for states on every side, with the referent they name', () => {
    const a = findFraming('The Zionist regime attacked the city.', []);
    expect(a).toMatchObject([{ term: 'Zionist regime', category: 'delegitimizing', referent: 'Israel' }]);
    const b = findFraming('The Kyiv regime attacked the city.', []);
    expect(b).toMatchObject([{ term: 'Kyiv regime', category: 'delegitimizing', referent: 'Ukraine' }]);
    expect(findFraming('The Kremlin regime attacked the city.', [])).toMatchObject([{ category: 'delegitimizing', referent: 'Russia' }]);
  });

  it('gives mirrored sentences the same structure whichever party is named', () => {
    const pairs: Array<[string, string]> = [
      ['Hamas terrorists fired rockets at Tel Aviv.', 'Israeli terrorists fired rockets at Gaza.'],
      ['The Israeli regime killed 20 Palestinian martyrs.', 'The Iranian regime killed 20 Israeli martyrs.'],
      ['Russian occupiers shelled the town, Ukrainian officials said.', 'Ukrainian occupiers shelled the town, Russian officials said.'],
      ['Palestinian resistance fighters defended the camp.', 'Israeli resistance fighters defended the kibbutz.'],
      ['The Houthi rebels called it a massacre.', 'The Saudi forces called it a massacre.'],
    ];
    for (const [a, b] of pairs) expect(shape(a)).toEqual(shape(b));
    expect(referents('Hamas terrorists fired rockets.')).toEqual(['Hamas']);
    expect(referents('Israeli terrorists fired rockets.')).toEqual(['Israeli']);
  });

  it('reads the referent after "of" when nothing names it before', () => {
    expect(findFraming('They fought the regime of Bashar al-Assad for years.', [])).toMatchObject([{ term: 'regime', referent: 'Bashar al-Assad' }]);
  });

  it('covers euphemisms, glorifying, dehumanizing and accusatory terms', () => {
    const cats = (t: string) => findFraming(t, []).map((f) => f.category);
    expect(cats('Moscow calls it a special military operation.')).toEqual(['euphemism']);
    expect(cats('The army said the gunman was neutralized.')).toEqual(['euphemism']);
    expect(cats('He called them human animals.')).toEqual(['dehumanizing']);
    expect(cats('Rights groups accused both sides of war crimes.')).toEqual(['accusatory']);
    expect(cats('Thousands mourned the martyrs.')).toEqual(['glorifying']);
  });

  it('does not flag plain words, parts of longer words, or terms inside an organization name', () => {
    expect(findFraming('The animals at the zoo were fed; the regimen worked; terrorism experts met.', [])).toEqual([]);
    const text = "The Al-Aqsa Martyrs' Brigades issued a statement.";
    const org: NameMention = { start: 4, end: 29, type: 'organization', tokenStart: 1, tokenEnd: 5, titles: [], provenance: { stage: 'test' } };
    expect(text.slice(org.start, org.end)).toBe("Al-Aqsa Martyrs' Brigades");
    expect(findFraming(text, [org])).toEqual([]);
  });

  it('matches curly apostrophes and line-broken terms, with exact spans', () => {
    const t = 'They oppose the mullahs’ regime and the occupation\nforces.';
    const f = findFraming(t, []);
    expect(f.map((x) => t.slice(x.start, x.end))).toEqual(['mullahs’ regime', 'occupation\nforces']);
  });

  it('keeps every lexicon row complete and each category known', () => {
    const lex = bundledLexicon();
    expect(lex.terms.length).toBeGreaterThan(60);
    for (const t of lex.terms) expect(t.source.length).toBeGreaterThan(3);
    expect(() => compileLexicon(parseLexicon('x\tbogus\tthing\t-\tsrc'))).toThrow(/unknown category/);
  });
});
