// The name rules shared by training data, evaluation and run time: title splitting and group/facility typing.

import { readFileSync } from 'node:fs';
import { PhraseMatcher, phraseKey, type LexiconEntries } from './lexicon.js';

/** Word lists used by the rules only, never as model features (so the shipped model needs no retraining for them). */
export interface RuleLists {
  /** Event names (data/events.tsv): no person, organization or place. */
  events: string[];
  /** Event entries that also remove a name ending in them ("First Intifada"). */
  eventHeads: string[];
  /** Collective nouns heading a group name (data/group-heads.tsv: "Muslim Ummah"). */
  groupHeads: string[];
}

/** Rows of a data file beside this module (copied into dist/ by the build): columns of non-comment lines. */
function readRows(file: string): string[][] {
  const rows: string[][] = [];
  for (const raw of readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    rows.push(line.split('\t').map((c) => c.trim()));
  }
  return rows;
}

let ruleLists: RuleLists | undefined;
/** The rule-only word lists of src/nlp/ner/data, read once. */
export function loadRuleLists(): RuleLists {
  if (!ruleLists) {
    const events = readRows('events.tsv');
    ruleLists = {
      events: events.map((r) => r[0]!),
      eventHeads: events.filter((r) => r[1] === 'head').map((r) => r[0]!),
      groupHeads: readRows('group-heads.tsv').map((r) => r[0]!),
    };
  }
  return ruleLists;
}

/** A token range [start, end). */
export interface TokenRange { start: number; end: number }

/** Title and type rules over one set of lexicons. */
export class NameRules {
  private readonly titles: PhraseMatcher;
  private readonly titleKeys: Set<string>;
  private readonly groupKeys: Set<string>;
  private readonly facilityKeys: Set<string>;
  private readonly firstNameKeys: Set<string>;
  private readonly eventKeys: Set<string>;
  private readonly eventHeadKeys: Set<string>;
  private readonly groupHeadKeys: Set<string>;
  /** Words naming an institution, country or nationality, which a one-word title may follow ("Parliament Speaker"). */
  private readonly institutionKeys: Set<string>;
  private readonly maxTitleTokens = 6;

  constructor(lex: LexiconEntries, rules: RuleLists = loadRuleLists()) {
    this.eventKeys = new Set(rules.events.map(phraseKey));
    this.eventHeadKeys = new Set(rules.eventHeads.map(phraseKey));
    this.groupHeadKeys = new Set(rules.groupHeads.map(phraseKey));
    this.titles = new PhraseMatcher({ title: lex.title });
    this.titleKeys = new Set(lex.title.map(phraseKey));
    this.groupKeys = new Set([...lex.group, ...lex.demonym].map(phraseKey));
    this.facilityKeys = new Set(lex.facilityHead.map(phraseKey));
    this.firstNameKeys = new Set(lex.firstName.map(phraseKey));
    this.institutionKeys = new Set([...lex.orgWord, ...lex.orgHead, ...lex.demonym, ...lex.place].map(phraseKey));
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

  /** Whether forms[start, end) is a group name ("Palestinians", "Shiites") or ends in a collective noun ("Muslim Ummah"). */
  isGroup(forms: readonly string[], start: number, end: number): boolean {
    if (end <= start) return false;
    let acc = '';
    for (let i = start; i < end; i++) acc += forms[i]!;
    return this.groupKeys.has(phraseKey(acc)) || this.endsInGroupHead(forms, start, end);
  }

  /** Whether forms[start, end) ends in a collective noun for a community ("Muslim Ummah", "Jewish Diaspora"). */
  endsInGroupHead(forms: readonly string[], start: number, end: number): boolean {
    return end > start && this.groupHeadKeys.has(phraseKey(forms[end - 1]!));
  }

  /** Whether forms[start, end) names an event rather than a person, organization or place ("Intifada", "Arab Spring", "al-Aqsa Intifada"). */
  isEvent(forms: readonly string[], start: number, end: number): boolean {
    if (end <= start) return false;
    let acc = '';
    for (let i = start; i < end; i++) acc += forms[i]!;
    return this.eventKeys.has(phraseKey(acc)) || this.eventHeadKeys.has(phraseKey(forms[end - 1]!));
  }

  /**
   * Whether forms[start, end) is a position rather than a name: capitalized words ending in a title phrase that
   * starts after the first word ("Armed Forces Chief of Staff", "Foreign Minister", "Parliament Speaker").
   * A title after "of" or "the" belongs to a name ("Office of the President"), and so does a name the title starts;
   * a one-word title counts only after an institution, country or nationality word ("Burger King" stays a name).
   */
  isTitlePhrase(forms: readonly string[], start: number, end: number): boolean {
    if (end - start >= 2 && this.isTitle(forms, start, end)) return true;
    const t = this.titleEndingAt(forms, end, start + 1);
    if (!t) return false;
    for (let i = start; i < t.start; i++) if (!/^\p{Lu}/u.test(forms[i]!)) return false;
    return t.end - t.start >= 2 || this.institutionKeys.has(phraseKey(forms[t.start - 1]!));
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
