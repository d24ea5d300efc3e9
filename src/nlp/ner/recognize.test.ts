import { describe, expect, it } from 'vitest';
import { spelledByInitials } from './recognize.js';

const words = (s: string) => s.split(' ');

describe('name recognizer rules', () => {
  it('test_acronym_spelled_by_the_initials_of_the_name_before_it', () => {
    const f = words('World Health Organisation');
    expect(spelledByInitials('WHO', f, 0, f.length)).toBe(true);
    const g = words('Food Standards Australia New Zealand');
    expect(spelledByInitials('FSANZ', g, 0, g.length)).toBe(true);
  });

  it('test_acronym_not_spelled_by_unrelated_initials', () => {
    const f = words('Mary Smith');
    expect(spelledByInitials('MP', f, 0, f.length)).toBe(false);
    const g = words('United Nations');
    expect(spelledByInitials('NATO', g, 0, g.length)).toBe(false);
  });
});
