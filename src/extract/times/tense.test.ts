// Tense direction: reports look back, plans look ahead; the cue nearest the date decides.

import { describe, expect, it } from 'vitest';
import type { Tags, Tokens } from '../../core/index.js';
import { directionFinder, sentenceSpans } from './tense.js';

const at = (text: string, word: string): ReturnType<ReturnType<typeof directionFinder>> =>
  directionFinder(text, sentenceSpans(text, undefined))(text.indexOf(word));

describe('tense direction', () => {
  it('past for reports, future for plans, the nearest cue deciding', () => {
    expect(at('He said on Monday that talks failed.', 'Monday')).toBe('past');
    expect(at('The leaders will meet on Saturday.', 'Saturday')).toBe('future');
    expect(at('He said on Thursday that the rebels will attack on Friday.', 'Thursday')).toBe('past');
    expect(at('He said on Thursday that the rebels will attack on Friday.', 'Friday')).toBe('future');
    expect(at('The summit opens on Monday.', 'Monday')).toBe('future');
    expect(at('The firm reported earnings Tuesday and will hold a call Thursday.', 'Tuesday')).toBe('past');
    expect(at('The firm reported earnings Tuesday and will hold a call Thursday.', 'Thursday')).toBe('future');
  });
  it('no cue at all is left undecided', () => {
    expect(at('Elections on Sunday.', 'Sunday')).toBeUndefined();
  });
  it('does not split sentences after abbreviations', () => {
    expect(sentenceSpans('It began at 9 a.m. EDT on Oct. 30. Then it ended.', undefined)).toHaveLength(2);
  });
  it('reads past tense from tags when the tagger ran', () => {
    const text = 'Armed men fled Friday';
    const forms = text.split(' ');
    let pos = 0;
    const starts = forms.map((f) => { const s = text.indexOf(f, pos); pos = s + f.length; return s; });
    const tokens: Tokens = { count: 4, form: forms, start: Int32Array.from(starts), end: Int32Array.from(starts.map((s, i) => s + forms[i]!.length)), spaceAfter: new Uint8Array(4) };
    const tags = { upos: [], xpos: ['JJ', 'NNS', 'VBD', 'NNP'], lemma: [], feats: [] } as unknown as Tags;
    const find = directionFinder(text, [{ start: 0, end: text.length }], tokens, tags);
    expect(find(text.indexOf('Friday'))).toBe('past');
  });
});
