// The entity registry: gathers name, description and pronoun mentions into entities, in reading order (light coreference).

import type { Span } from '../../core/index.js';
import { DETERMINERS, FEMALE_CUES, MALE_CUES, ORG_NOUNS, GROUP_NOUNS, PERSON_NOUNS, PRONOUNS, demonymCountries } from './lexicon.js';

export type EntityType = 'person' | 'organization' | 'place' | 'facility' | 'group' | 'other';
export type MentionKind = 'name' | 'pronoun' | 'description' | 'title';

export interface EntityMention extends Span { readonly kind: MentionKind }

export interface EntityRecord {
  readonly id: string;
  type: EntityType;
  name: string;
  /** Lower-case keys this entity answers to: full names, last names, heads. */
  readonly keys: Set<string>;
  readonly mentions: EntityMention[];
  readonly titles: Set<string>;
  readonly roles: Set<string>;
  readonly affiliations: Set<string>;
  country?: string;
  gender: '' | 'm' | 'f';
  plural: boolean;
  /** Head noun of its description ("coalition", "bank"), '' for names. */
  head: string;
  /** True once the entity has a proper name (descriptions then defer to it). */
  named: boolean;
  /** key(name) and surname(name), kept in step with `name` for fast lookups. */
  nameKey: string;
  surname: string;
  /** Offsets where it was a source or a sentence subject: salience for pronouns. */
  readonly salient: number[];
  readonly spoke: number[];
}

const ASCII = /^[\x00-\x7f]*$/;
const key = (s: string): string =>
  (ASCII.test(s) ? s : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toLowerCase().replace(/[\u2019']s$/, '').replace(/[\u2019`]/g, "'").replace(/["\u201C\u201D]/g, '').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();

/** The last word of a name without particles and possessive: "al-Qaddoumi" -> "qaddoumi". */
function surname(name: string): string {
  const words = key(name).split(' ');
  const last = words[words.length - 1] ?? '';
  return last.replace(/^(?:al|el|ad|as|an|ibn|bin|abu)-/, '');
}

export class Registry {
  readonly entities: EntityRecord[] = [];

  private create(type: EntityType, name: string): EntityRecord {
    const e: EntityRecord = {
      id: `e${this.entities.length}`, type, name, keys: new Set(), mentions: [], titles: new Set(), roles: new Set(), affiliations: new Set(),
      gender: '', plural: false, head: '', named: false, salient: [], spoke: [], nameKey: key(name), surname: surname(name),
    };
    this.entities.push(e);
    return e;
  }

  private addMention(e: EntityRecord, m: EntityMention): void {
    if (!e.mentions.some((x) => x.start === m.start && x.end === m.end)) e.mentions.push(m);
  }

  /** A proper name (titles already split off). Joins an earlier entity by full name, surname, or a shorter name it extends. */
  name(span: Span, text: string, type: EntityType, titles: readonly string[] = []): EntityRecord {
    const k = key(text);
    let e = this.entities.find((x) => x.keys.has(k));
    const words = k.split(' ');
    if (!e && type !== 'place') {
      const last = surname(text);
      if (words.length === 1) {
        // "Velayati", "Isuku": a surname of a person named before; or a short form of an organization ("Hamas").
        e = findLast(this.entities, (x) => x.named && x.type === 'person' && x.surname === last);
      } else if (type === 'person' || type === 'other') {
        // A fuller form of a person met by surname or single name first ("Lula" then "Lula da Silva").
        e = findLast(this.entities, (x) => x.named && (x.type === 'person' || x.type === 'other') && (x.keys.has(last) && x.surname === last || !x.nameKey.includes(' ') && words.includes(x.nameKey)));
      }
    }
    if (!e) e = this.create(type, text);
    if (!e.named || better(text, e.name)) setName(e, cleanName(text));
    e.named = true;
    if (e.type === 'other' && type !== 'other') e.type = type;
    e.keys.add(k);
    if (words.length > 1 && e.type === 'person') e.keys.add(surname(text));
    for (const t of titles) {
      e.titles.add(t);
      const tl = t.toLowerCase();
      if ([...MALE_CUES].some((c) => tl.split(/\s+/).includes(c))) e.gender ||= 'm';
      if ([...FEMALE_CUES].some((c) => tl.split(/\s+/).includes(c))) e.gender ||= 'f';
    }
    this.addMention(e, { start: span.start, end: span.end, kind: 'name' });
    return e;
  }

  /**
   * A description ("the Hamas representative", "local officials"). A definite one refers back to the
   * latest entity whose head, title or role shares its head noun and names; others start an entity.
   */
  description(span: Span, text: string, head: string, definite: boolean, at: number): EntityRecord {
    const k = key(text);
    const headKey = head.toLowerCase();
    let e: EntityRecord | undefined;
    if (definite || GROUP_NOUNS.has(headKey) || ORG_NOUNS.has(headKey)) {
      const capWords = text.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !DETERMINERS.has(w.toLowerCase())).map((w) => key(w));
      e = findLast(this.entities, (x) => {
        if (x.mentions.length === 0 || x.mentions[0]!.start > at) return false;
        if (x.keys.has(k)) return true;
        if (!definite) return false;
        const roleText = [...x.roles, ...x.titles, x.head, x.named ? '' : x.name].join(' ').toLowerCase();
        const hasHead = x.head === headKey || roleText.split(/[^\p{L}-]+/u).includes(headKey);
        return hasHead && capWords.every((w) => roleText.includes(w) || x.nameKey.includes(w));
      });
    }
    const type: EntityType = PERSON_NOUNS.has(headKey) ? 'person' : GROUP_NOUNS.has(headKey) || /s$/.test(headKey) && !ORG_NOUNS.has(headKey) ? 'group' : ORG_NOUNS.has(headKey) ? 'organization' : 'other';
    if (!e) {
      e = this.create(type, cleanName(text));
      e.head = headKey;
      e.plural = type === 'group';
    } else if (!e.named && text.length > e.name.length && !definite) {
      setName(e, cleanName(text));
    }
    e.keys.add(k);
    if (e.named && text.split(/\s+/).length > 1) e.roles.add(cleanName(text).replace(/^(?:the|a|an)\s+/i, ''));
    this.addMention(e, { start: span.start, end: span.end, kind: 'description' });
    return e;
  }

  /** The entity a pronoun stands for: the latest compatible source before it, else the latest compatible subject. */
  pronoun(span: Span, word: string, at: number, window: number): EntityRecord | undefined {
    const info = PRONOUNS.get(word.toLowerCase());
    if (!info) return undefined;
    const fits = (x: EntityRecord): boolean => {
      if (info.type === 'person') {
        if (word.toLowerCase() === 'i') return x.type === 'person';
        return (x.type === 'person') && (x.gender === '' || x.gender === info.gender);
      }
      if (info.type === 'organization') return (x.type === 'organization' || x.type === 'other') && !x.plural;
      return x.plural || x.type === 'group' || x.type === 'organization';
    };
    const latest = (xs: readonly number[]): number => { let b = -1; for (const p of xs) if (p < at && p > b) b = p; return b; };
    let best: EntityRecord | undefined, bestAt = -1;
    for (const x of this.entities) {
      if (!fits(x)) continue;
      const spoke = latest(x.spoke);
      const p = Math.max(spoke >= 0 ? spoke + 1 : -1, latest(x.salient));
      if (p >= 0 && at - p <= window && p > bestAt) { best = x; bestAt = p; }
    }
    if (best) {
      if (info.type === 'person' && word.toLowerCase() !== 'i' && !best.gender) best.gender = info.gender as 'm' | 'f';
      this.addMention(best, { start: span.start, end: span.end, kind: 'pronoun' });
    }
    return best;
  }

  /** Sets the country from a demonym or place word among its roles and titles ("Israeli", "Hamas representative in Iran"). */
  finish(): void {
    const demonyms = demonymCountries();
    for (const e of this.entities) {
      e.mentions.sort((a, b) => a.start - b.start);
      if (demonyms.size === 0 || e.country) continue;
      for (const w of [...e.titles, ...e.roles, ...e.affiliations, e.name].join(' ').split(/[^\p{L}-]+/u)) {
        const c = demonyms.get(w.toLowerCase().replace(/[\u2019']s$/, ''));
        if (c) { e.country = c; break; }
      }
    }
  }
}

function setName(e: EntityRecord, name: string): void {
  e.name = name;
  e.nameKey = key(name);
  e.surname = surname(name);
}

/** A name is better when it has more words ("Khaled al-Qaddoumi" over "al-Qaddoumi"). */
function better(candidate: string, current: string): boolean {
  const n = (s: string) => s.split(/\s+/).length;
  return n(candidate) > n(current) || (n(candidate) === n(current) && candidate.length > current.length);
}

/** Drops a trailing possessive and edge punctuation. */
export function cleanName(s: string): string {
  return s.replace(/[\u2019']s$/, '').replace(/^[\s,.:;]+|[\s,.:;]+$/g, '');
}

function findLast<T>(xs: readonly T[], f: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i]!)) return xs[i];
  return undefined;
}

