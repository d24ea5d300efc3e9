// The name rules shared by training data, evaluation and run time: title splitting and group/facility typing.

import { PhraseMatcher, phraseKey, type LexiconEntries } from './lexicon.js';

/** A token range [start, end). */
export interface TokenRange { start: number; end: number }

/** Title and type rules over one set of lexicons. */
export class NameRules {
  private readonly titles: PhraseMatcher;
  private readonly titleKeys: Set<string>;
  private readonly groupKeys: Set<string>;
  private readonly facilityKeys: Set<string>;
  private readonly firstNameKeys: Set<string>;
  private readonly maxTitleTokens = 6;

  constructor(lex: LexiconEntries) {
    this.titles = new PhraseMatcher({ title: lex.title });
    this.titleKeys = new Set(lex.title.map(phraseKey));
    this.groupKeys = new Set([...lex.group, ...lex.demonym].map(phraseKey));
    this.facilityKeys = new Set(lex.facilityHead.map(phraseKey));
    this.firstNameKeys = new Set(lex.firstName.map(phraseKey));
  }

  /** Whether forms[start, end) spell a title ("Major General", "Dr." or "Dr" "."). */
  isTitle(forms: readonly string[], start: number, end: number): boolean {
    let acc = '';
    for (let i = start; i < end; i++) acc += forms[i]!;
    return this.titleKeys.has(phraseKey(acc));
  }

  /** The longest title phrase ending just before token `end` and starting at or after `floor`, or null. */
  titleEndingAt(forms: readonly string[], end: number, floor: number): TokenRange | null {
    let found: TokenRange | null = null;
    for (let s = end - 1; s >= floor && s >= end - this.maxTitleTokens; s--) {
      if (this.isTitle(forms, s, end)) found = { start: s, end };
    }
    return found;
  }

  /**
   * The chain of titles directly before token `at` (nearest last), stopping at `floor`:
   * "Chief of Staff" + "Major General" before "Mohammad Baqeri".
   */
  titlesBefore(forms: readonly string[], at: number, floor: number): TokenRange[] {
    const out: TokenRange[] = [];
    let e = at;
    for (;;) {
      const t = this.titleEndingAt(forms, e, floor);
      if (!t) break;
      out.unshift(t);
      e = t.start;
    }
    return out;
  }

  /**
   * Splits titles off the front of a person name: the name starts after the last title phrase
   * inside it that leaves at least one word ("U.S. President Barack Obama" -> "Barack Obama"),
   * unless a given name stands right before that title ("Hassan Sheikh Mohamud" stays whole).
   * Returns where the name starts (== start when nothing is split off).
   */
  nameStartAfterTitles(forms: readonly string[], start: number, end: number): number {
    let cut = start;
    this.titles.scan(forms, start, end, (s, e) => {
      if (e >= end || e <= cut) return;
      if (s > start && this.firstNameKeys.has(phraseKey(forms[s - 1]!)) && !this.isTitle(forms, s - 1, s)) return;
      cut = e;
    });
    return cut;
  }

  /** Whether forms[start, end) is a group name ("Palestinians", "Shiites"). */
  isGroup(forms: readonly string[], start: number, end: number): boolean {
    let acc = '';
    for (let i = start; i < end; i++) acc += forms[i]!;
    return this.groupKeys.has(phraseKey(acc));
  }

  /** Whether a place name is headed by a facility word: last ("Ben Gurion Airport", "Nevatim Air Base") or before "of" ("Museum of Flight"). */
  endsInFacilityWord(forms: readonly string[], start: number, end: number): boolean {
    if (end - start < 2) return false;
    if (this.facilityKeys.has(phraseKey(forms[end - 1]!))) return true;
    if (end - start >= 3 && this.facilityKeys.has(phraseKey(forms[end - 2]! + forms[end - 1]!))) return true;
    for (let i = start + 1; i < end - 1; i++) {
      if (forms[i]!.toLowerCase() === 'of') return this.facilityKeys.has(phraseKey(forms[i - 1]!));
    }
    return false;
  }
}
