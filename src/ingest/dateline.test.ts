import { describe, expect, it } from 'vitest';
import { readDateline } from './dateline.js';

const at = (text: string, s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : undefined);

describe('readDateline', () => {
  it('reads the date header and a bare dateline on the same line', () => {
    const t = ' date 2021-05-26 TEHRAN - Hamas has said the talks failed.';
    const d = readDateline(t);
    expect(d.published).toBe('2021-05-26');
    expect(at(t, d.publishedSpan)).toBe('2021-05-26');
    expect(d.publishedFrom).toBe('header');
    expect(d.place?.name).toBe('TEHRAN');
    expect(at(t, d.place?.span)).toBe('TEHRAN');
    expect(d.title).toBeUndefined();
  });

  it('reads a Reuters-style dateline with month, day and agency, taking the year from the header', () => {
    const t = 'date 2021-05-22\nGAZA CITY, May 21 (Reuters) - A ceasefire held on Friday.';
    const d = readDateline(t);
    expect(d.place?.name).toBe('GAZA CITY');
    expect(d.published).toBe('2021-05-22');
  });

  it('takes the publication date from the dateline when it carries the year and no header does', () => {
    const t = 'KYIV, March 15, 2022 (AP) — Thousands fled the city.';
    const d = readDateline(t);
    expect(d.published).toBe('2022-03-15');
    expect(d.publishedFrom).toBe('dateline');
    expect(at(t, d.publishedSpan)).toBe('March 15, 2022');
  });

  it('reads AP-style datelines with an agency and em dash, and a region after the place', () => {
    expect(readDateline('WASHINGTON (AP) — The Senate voted.').place?.name).toBe('WASHINGTON');
    const d = readDateline('SAN JUAN, Puerto Rico (AP) - Power returned.');
    expect(d.place?.name).toBe('SAN JUAN');
  });

  it('takes the rest of a Wikinews header line as the title', () => {
    const t = ' date 2015-05-18 Over 900 asylum seekers rescued off Indonesian coast\nMonday, May 18, 2015\nOn Friday, fishermen rescued people.';
    const d = readDateline(t);
    expect(d.title?.text).toBe('Over 900 asylum seekers rescued off Indonesian coast');
    expect(at(t, d.title?.span)).toBe(d.title?.text);
    expect(d.place).toBeUndefined();
  });

  it('ignores ordinary sentences, impossible dates and lower-case starts', () => {
    expect(readDateline('The US - and its allies - disagreed.').place).toBeUndefined();
    expect(readDateline('date 2021-02-30 Text').published).toBeUndefined();
    expect(readDateline('Tehran - the capital').place).toBeUndefined();
  });
});
