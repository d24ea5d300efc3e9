// Things that look like times but are not: counts, names, codes, ages, scores, modal "may", "march" the verb.

import { describe, expect, it } from 'vitest';
import { findTimes } from './index.js';

const NOT_TIMES: string[] = [
  'About 2006 people attended the rally.',
  'The council passed Resolution 242 and Resolution 1701.',
  'Flight 2019 landed safely.',
  'The final score was 2-1 after extra time.',
  'The team won 3:1.',
  'May I ask you something?',
  'May God protect them, she said.',
  'They will march on the capital.',
  'The Women’s March drew crowds.',
  'The Sunday Times reported the claim.',
  'Theresa May spoke to reporters.',
  'He was 70 years old.',
  'A 93-year-old woman was among the dead.',
  'Children aged 8–10 years were surveyed.',
  'The rate was set at 14.25 per cent.',
  'He quoted First Corinthians 9:25 in the speech.',
  'The total since the start is 937 deaths.',
  'He takes the pill twice a day.',
  'One day he will understand.',
  'It happened recently, in the latest confrontation.',
  'Now is the time to act.',
  'The plan costs 2000 dollars.',
  'It is a 2000 year old tradition.',
  'Officials said 10 may have died.',
  'Rebels march 20 kilometres a day.',
  'Jan Smith met the Mar Roxas campaign.',
  'The 24-year-old was arrested.',
  'Prices rose 2.30 percent.',
];

describe('negative cases', () => {
  for (const text of NOT_TIMES) {
    it(`finds no time in: ${text}`, () => {
      expect(findTimes(text, '2021-05-26').map((t) => text.slice(t.start, t.end))).toEqual([]);
    });
  }
});
