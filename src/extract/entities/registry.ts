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
  /** Offsets where it was a source or a sentence subject: salience for pronouns. Add through Registry.salientAt/spokeAt, which index them. */
  readonly salient: number[];
  readonly spoke: number[];
}

const ASCII = /^[\x00-\x7f]*$/;
const foldKey = (s: string): string =>
  (ASCII.test(s) ? s : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toLowerCase().replace(/[\u2019']s$/, '').replace(/[\u2019`]/g, "'").replace(/["\u201C\u201D]/g, '').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
/** foldKey remembered per string across documents: names recur, and the regex chain costs more than a map hit. */
const keys = new Map<string, string>();
const KEYS_LIMIT = 100_000;
const key = (s: string): string => {
  let k = keys.get(s);
  if (k === undefined) {
    k = foldKey(s);
    if (keys.size >= KEYS_LIMIT) keys.clear();
    keys.set(s, k);
  }
  return k;
};

/** The last word of a name without particles and possessive: "al-Qaddoumi" -> "qaddoumi". */
function surname(name: string): string {
  const words = key(name).split(' ');
  const last = words[words.length - 1] ?? '';
  return last.replace(/^(?:al|el|ad|as|an|ibn|bin|abu)-/, '');
}

/** A set that reports additions, so the registry's role index learns of roles added from outside it. */
class WatchedSet extends Set<string> {
  onAdd?: () => void;
  override add(v: string): this {
    if (!this.has(v)) { super.add(v); this.onAdd?.(); }
    return this;
  }
}

export class Registry {
  readonly entities: EntityRecord[] = [];
  /** Each key -> the earliest entity answering to it (what a scan of `entities` for the key would find first). */
  private readonly keyOwner = new Map<string, EntityRecord>();
  /** Each entity's position in `entities`. */
  private readonly position = new Map<EntityRecord, number>();
  /** Each entity's mention spans as "start:end", so a repeated mention is not added twice without a scan. */
  private readonly mentionSpans = new Map<EntityRecord, Set<string>>();
  /** Each key -> every entity answering to it. */
  private readonly keyHolders = new Map<string, EntityRecord[]>();
  /** Each word of an entity's roles, titles, head and (unnamed) name -> the entities with it: the candidates a definite description can refer to. */
  private readonly roleIndex = new Map<string, Set<EntityRecord>>();
  private readonly indexedWords = new Map<EntityRecord, readonly string[]>();
  /** Every salient/spoke offset (sorted) with its entity: the entities a pronoun's window can reach, without a scan of all. */
  private readonly eventAt: number[] = [];
  private readonly eventOf: EntityRecord[] = [];
  /** Entities by current surname and by current name key: the only ones a surname or short-name lookup can find. */
  private readonly bySurname = new Map<string, Set<EntityRecord>>();
  private readonly byNameKey = new Map<string, Set<EntityRecord>>();
  /** Entities whose role words changed since the index was last brought up to date. */
  private readonly stale = new Set<EntityRecord>();

  private create(type: EntityType, name: string): EntityRecord {
    const titles = new WatchedSet(), roles = new WatchedSet();
    const e: EntityRecord = {
      id: `e${this.entities.length}`, type, name, keys: new Set(), mentions: [], titles, roles, affiliations: new Set(),
      gender: '', plural: false, head: '', named: false, salient: [], spoke: [], nameKey: key(name), surname: surname(name),
    };
    titles.onAdd = roles.onAdd = () => this.stale.add(e);
    this.indexName(e);
    this.stale.add(e);
    this.position.set(e, this.entities.length);
    this.entities.push(e);
    return e;
  }

  private addKey(e: EntityRecord, k: string): void {
    if (!e.keys.has(k)) { const holders = this.keyHolders.get(k); if (holders) holders.push(e); else this.keyHolders.set(k, [e]); }
    e.keys.add(k);
    const owner = this.keyOwner.get(k);
    if (!owner || this.position.get(owner)! > this.position.get(e)!) this.keyOwner.set(k, e);
  }

  private indexName(e: EntityRecord): void {
    let s = this.bySurname.get(e.surname); if (!s) this.bySurname.set(e.surname, (s = new Set())); s.add(e);
    let k = this.byNameKey.get(e.nameKey); if (!k) this.byNameKey.set(e.nameKey, (k = new Set())); k.add(e);
  }

  /** Renames an entity, keeping the surname and name-key indexes in step. */
  private rename(e: EntityRecord, name: string): void {
    this.bySurname.get(e.surname)?.delete(e);
    this.byNameKey.get(e.nameKey)?.delete(e);
    setName(e, name);
    this.indexName(e);
  }

  /** The entity was a sentence subject (or source) at `at`. */
  salientAt(e: EntityRecord, at: number): void {
    e.salient.push(at);
    this.addEvent(e, at);
  }

  /** The entity was the source of a statement at `at`. */
  spokeAt(e: EntityRecord, at: number): void {
    e.spoke.push(at);
    this.addEvent(e, at);
  }

  private addEvent(e: EntityRecord, at: number): void {
    // Offsets come mostly in reading order, so this is nearly always an append.
    let i = this.eventAt.length;
    while (i > 0 && this.eventAt[i - 1]! > at) i--;
    this.eventAt.splice(i, 0, at);
    this.eventOf.splice(i, 0, e);
  }

  /** Entities with a salient or spoke offset in [from, to), in registry order. */
  private activeBetween(from: number, to: number): EntityRecord[] {
    const ev = this.eventAt;
    let lo = 0, hi = ev.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ev[mid]! < from) lo = mid + 1; else hi = mid; }
    const found = new Set<EntityRecord>();
    for (let i = lo; i < ev.length && ev[i]! < to; i++) found.add(this.eventOf[i]!);
    return [...found].sort((x, y) => this.position.get(x)! - this.position.get(y)!);
  }

  /** The words a definite description's head is looked up in: the role text's words, and the head itself. */
  private roleWords(x: EntityRecord): string[] {
    return [...roleTextOf(x).split(/[^\p{L}-]+/u), x.head];
  }

  private refreshRoleIndex(): void {
    for (const x of this.stale) {
      for (const w of this.indexedWords.get(x) ?? []) this.roleIndex.get(w)?.delete(x);
      const words = this.roleWords(x);
      for (const w of words) { const set = this.roleIndex.get(w); if (set) set.add(x); else this.roleIndex.set(w, new Set([x])); }
      this.indexedWords.set(x, words);
    }
    this.stale.clear();
  }

  /** The latest entity (by position) among the candidates that passes the test: what a backward scan of all entities would find. */
  private latestOf(candidates: Iterable<EntityRecord>, test: (x: EntityRecord) => boolean): EntityRecord | undefined {
    let best: EntityRecord | undefined, bestAt = -1;
    for (const x of candidates) {
      const at = this.position.get(x)!;
      if (at > bestAt && test(x)) { best = x; bestAt = at; }
    }
    return best;
  }

  private addMention(e: EntityRecord, m: EntityMention): void {
    let spans = this.mentionSpans.get(e);
    if (!spans) this.mentionSpans.set(e, (spans = new Set(e.mentions.map((x) => `${x.start}:${x.end}`))));
    const span = `${m.start}:${m.end}`;
    if (spans.has(span)) return;
    spans.add(span);
    e.mentions.push(m);
  }

  /** A proper name (titles already split off). Joins an earlier entity by full name, surname, or a shorter name it extends. */
  name(span: Span, text: string, type: EntityType, titles: readonly string[] = []): EntityRecord {
    const k = key(text);
    let e = this.keyOwner.get(k);
    const words = k.split(' ');
    if (!e && type !== 'place') {
      const last = surname(text);
      if (words.length === 1) {
        // "Velayati", "Isuku": a surname of a person named before; or a short form of an organization ("Hamas").
        e = this.latestOf(this.bySurname.get(last) ?? [], (x) => x.named && x.type === 'person' && x.surname === last);
      } else if (type === 'person' || type === 'other') {
        // A fuller form of a person met by surname or single name first ("Lula" then "Lula da Silva").
        // Candidates: the surname's holders, and entities whose whole name key is one of the words.
        const candidates = new Set(this.bySurname.get(last) ?? []);
        for (const w of words) for (const x of this.byNameKey.get(w) ?? []) candidates.add(x);
        e = this.latestOf(candidates, (x) => x.named && (x.type === 'person' || x.type === 'other') && (x.keys.has(last) && x.surname === last || !x.nameKey.includes(' ') && words.includes(x.nameKey)));
      }
    }
    if (!e) e = this.create(type, text);
    if (!e.named || better(text, e.name)) this.rename(e, cleanName(text));
    e.named = true;
    if (e.type === 'other' && type !== 'other') e.type = type;
    this.addKey(e, k);
    if (words.length > 1 && e.type === 'person') this.addKey(e, surname(text));
    for (const t of titles) {
      e.titles.add(t);
      const tl = t.toLowerCase();
      if ([...MALE_CUES].some((c) => tl.split(/\s+/).includes(c))) e.gender ||= 'm';
      if ([...FEMALE_CUES].some((c) => tl.split(/\s+/).includes(c))) e.gender ||= 'f';
    }
    this.addMention(e, { start: span.start, end: span.end, kind: 'name' });
    this.stale.add(e);
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
      const refersTo = (x: EntityRecord): boolean => {
        if (x.mentions.length === 0 || x.mentions[0]!.start > at) return false;
        if (x.keys.has(k)) return true;
        if (!definite) return false;
        const roleText = roleTextOf(x);
        const hasHead = x.head === headKey || roleText.split(/[^\p{L}-]+/u).includes(headKey);
        return hasHead && capWords.every((w) => roleText.includes(w) || x.nameKey.includes(w));
      };
      // Only entities with the key, or (definite) with the head among their role words, can pass: test those, keep the latest.
      const holders = this.keyHolders.get(k) ?? [];
      if (definite) this.refreshRoleIndex();
      const withHead = definite ? this.roleIndex.get(headKey) : undefined;
      e = this.latestOf(withHead ? [...holders, ...withHead] : holders, refersTo);
    }
    const type: EntityType = PERSON_NOUNS.has(headKey) ? 'person' : GROUP_NOUNS.has(headKey) || /s$/.test(headKey) && !ORG_NOUNS.has(headKey) ? 'group' : ORG_NOUNS.has(headKey) ? 'organization' : 'other';
    if (!e) {
      e = this.create(type, cleanName(text));
      e.head = headKey;
      e.plural = type === 'group';
    } else if (!e.named && text.length > e.name.length && !definite) {
      this.rename(e, cleanName(text));
    }
    this.addKey(e, k);
    if (e.named && text.split(/\s+/).length > 1) e.roles.add(cleanName(text).replace(/^(?:the|a|an)\s+/i, ''));
    this.addMention(e, { start: span.start, end: span.end, kind: 'description' });
    this.stale.add(e);
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
    // Only an entity with an offset in [at - window - 1, at) can come within the window (a spoke offset counts one later).
    for (const x of this.activeBetween(at - window - 1, at)) {
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

/** What a definite description's head and capitalized words are matched against. */
function roleTextOf(x: EntityRecord): string {
  return [...x.roles, ...x.titles, x.head, x.named ? '' : x.name].join(' ').toLowerCase();
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
