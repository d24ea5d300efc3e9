// Finds toponym candidates: longest gazetteer match over word n-grams, filtered by case, context and NER, plus unknown names that their context marks as places.

import type { Gazetteer, Variant } from './gazetteer.js';
import { fold, foldKey, isAllCaps, isCapitalized, isWord, splitWords, type WordTokens } from './words.js';

/** A stretch of text taken for a place mention, before it is resolved to one gazetteer entry. */
export interface Mention {
  start: number;
  end: number;
  /** Token range [tokStart, tokEnd) in the places word split. */
  tokStart: number;
  tokEnd: number;
  /** Gazetteer variants the text matched; empty for a name known only from its context. */
  variants: Variant[];
  /** Which rule found it. */
  rule: string;
  /** A region designator or "state of" makes a first-level region likelier. */
  regionCue: boolean;
  /** A local designator follows ("Kaleri area", "Central district"). */
  localCue: boolean;
  /** For a coordination-only name: token starts of the places it is listed with; it stands only if one of them resolves. */
  siblings?: number[];
  /** "the North": stands for a country named with that direction that the story mentions. */
  elliptic?: boolean;
  /** For a gazetteer match: the context rule that still marks it as a place if no gazetteer entry fits. */
  fallback?: { rule: string };
}

/** A name the NER stage found, as the matcher needs it. */
export interface NerName {
  start: number;
  end: number;
  type: string;
}

/** Sentence-initial words shaped like verbs or adverbs ('Reiterating', 'Asked', 'Reportedly') are not name parts. */
const VERB_OR_ADVERB_FORM = /(?:ing|ed|ly)$/;
const ELLIPTIC_DIRECTIONS = new Set(['North', 'South', 'East', 'West']);
const ellipticCache = new WeakMap<Gazetteer, Map<string, Variant[]>>();
/** Main-name variants of countries whose name starts with the direction ("North Korea", "South Sudan"). */
function ellipticCountries(gaz: Gazetteer, direction: string): Variant[] {
  let byDirection = ellipticCache.get(gaz);
  if (!byDirection) {
    byDirection = new Map();
    for (const [key, list] of gaz.index) {
      const first = key.split(' ')[0]!;
      for (const v of list) {
        if (v.alt || v.tokens.length !== 2 || gaz.entries[v.entry]!.kind !== 'country') continue;
        const d = first.charAt(0) + first.slice(1).toLowerCase();
        if (!ELLIPTIC_DIRECTIONS.has(d)) continue;
        if (!byDirection.has(d)) byDirection.set(d, []);
        byDirection.get(d)!.push(v);
      }
    }
    ellipticCache.set(gaz, byDirection);
  }
  return byDirection.get(direction) ?? [];
}
const LIST_JOINS = new Set([',', 'and', 'or']);
const STOP_PUNCT = new Set(['.', '!', '?', ';', ':', '(', ')', '[', ']', '“', '”', '"', '|', '/', '—', '–']);
/** Below this a city's name yields to a NER person label. */
const SMALL_CITY = 300_000;
/** Minimum population for a place matched only through all-caps or a common-word name. */
const PROMINENT_POPULATION = 100_000;

export interface MatchContext {
  readonly text: string;
  readonly gaz: Gazetteer;
  readonly words: WordTokens;
  /** Each token folded (diacritics stripped), and folded upper-cased: the index key part. */
  readonly folded: readonly string[];
  readonly upper: readonly string[];
  /** Gazetteer variants keyed by token i alone (the one-word lookup, done once per distinct word), and whether longer names start with it. */
  readonly oneWordVariants: readonly (readonly Variant[] | undefined)[];
  readonly startsLonger: Uint8Array;
  /** Token i starts with a letter or digit (isWord). */
  readonly wordLike: Uint8Array;
  /** Token i starts a sentence or line, so its capital says nothing. */
  readonly initial: Uint8Array;
  /** Token i is on a line written in Title Case or ALL CAPS (a headline). */
  readonly headline: Uint8Array;
  readonly ner: readonly NerName[];
  readonly dateline?: { start: number; end: number };
  /** Names seen as part of a person's or organization's name here ("Montalvo" after "Gabriel Montalvo"): alone they are that name again. */
  readonly personish: Set<string>;
  /** The NER names are in text order and do not overlap, so the first one overlapping a span is found by binary search. */
  readonly nerOrdered: boolean;
  /** Each word of a NER person name -> the length of the longest such name holding it. */
  readonly personWordSpan: ReadonlyMap<string, number>;
}

/** True when text[from, to) holds a line break; gaps between tokens are short, so a scan beats a slice. */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** Index of the first NER name (in array order) overlapping [start, end), or -1. */
function firstNerOverlap(ctx: MatchContext, start: number, end: number): number {
  const ner = ctx.ner;
  if (!ctx.nerOrdered) {
    for (let i = 0; i < ner.length; i++) if (ner[i]!.start < end && ner[i]!.end > start) return i;
    return -1;
  }
  // Ordered and disjoint: ends never decrease, so the first name ending after `start` is the only candidate before it.
  let lo = 0, hi = ner.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ner[mid]!.end <= start) lo = mid + 1; else hi = mid; }
  return lo < ner.length && ner[lo]!.start < end ? lo : -1;
}

/** True when the word is written as a country's or first-level region's name ("Egypt", "Texas"). */
function isBroadName(gaz: Gazetteer, word: string, cityPopulation = Infinity): boolean {
  const list = gaz.index.get(foldKey([fold(word)]));
  return !!list && list.some((v) => {
    const e = gaz.entries[v.entry]!;
    return !v.alt && v.tokens[0] === fold(word) && (e.kind === 'country' || e.kind === 'region' || e.pop >= cityPopulation);
  });
}

/**
 * Per gazetteer, lookups kept across documents: the same words recur from article to article, and a lookup in the
 * large index costs far more than one in a small map. Read-only data, so sharing is safe.
 */
class LookupCache<T> {
  /** Keys kept at most (a few MB); past it the cache starts over. */
  static readonly LIMIT = 200_000;
  private readonly byGazetteer = new WeakMap<Gazetteer, Map<string, T>>();
  of(gaz: Gazetteer): Map<string, T> {
    let m = this.byGazetteer.get(gaz);
    if (!m) this.byGazetteer.set(gaz, (m = new Map()));
    return m;
  }
  static put<T>(m: Map<string, T>, key: string, value: T): T {
    if (m.size >= LookupCache.LIMIT) m.clear();
    m.set(key, value);
    return value;
  }
}
/** Each word form's lookups. */
interface WordInfo { folded: string; upper: string; variants: readonly Variant[] | undefined; prefix: boolean; word: boolean }
const wordInfo = new LookupCache<WordInfo>();
/** The keys of two or more words that longestMatch tries. */
interface PhraseInfo { variants: readonly Variant[] | undefined; prefix: boolean }
const phraseInfo = new LookupCache<PhraseInfo>();

export function matchContext(text: string, gaz: Gazetteer, ner: readonly NerName[], dateline?: { start: number; end: number }): MatchContext {
  const words = splitWords(text);
  const n = words.count;
  const initial = new Uint8Array(n), headline = new Uint8Array(n);
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? words.form[i - 1]! : '';
    const gapLength = i > 0 ? words.start[i]! - words.end[i - 1]! : 1;
    const gapBreaks = i > 0 ? hasNewline(text, words.end[i - 1]!, words.start[i]!) : true;
    if (gapBreaks || prev === '.' || prev === '!' || prev === '?' || prev === ':' || prev === '“' || prev === '"' || prev === '‘' || prev === '—' || prev === '–' || prev === '|' || prev === '-' && gapLength > 0) initial[i] = 1;
    const lineEnds = i === n - 1 || hasNewline(text, words.end[i]!, words.start[i + 1]!);
    if (lineEnds) {
      let content = 0, caps = 0;
      for (let k = lineStart; k <= i; k++) {
        const w = words.form[k]!;
        if (!isWord(w) || w.length < 4) continue;
        content++;
        if (isCapitalized(w)) caps++;
      }
      // Headlines have no closing full stop; a sentence of names ('Victoria Beckham and Paris Hilton arrived.') does.
      if (content >= 3 && caps / content >= 0.7 && words.form[i] !== '.') for (let k = lineStart; k <= i; k++) headline[k] = 1;
      lineStart = i + 1;
    }
  }
  // Per distinct word: its folded and upper-cased forms and its one-word gazetteer lookups (words repeat; the index is large).
  // Filled by push: a large `new Array(n)` would start out slow (dictionary) storage.
  const folded: string[] = [], upper: string[] = [];
  const oneWordVariants: (readonly Variant[] | undefined)[] = [];
  const startsLonger = new Uint8Array(n), wordLike = new Uint8Array(n);
  const seen = wordInfo.of(gaz);
  for (let i = 0; i < n; i++) {
    const form = words.form[i]!;
    let info = seen.get(form);
    if (!info) {
      const f = fold(form), u = f.toUpperCase();
      info = LookupCache.put(seen, form, { folded: f, upper: u, variants: gaz.index.get(u), prefix: gaz.prefixes.has(u), word: isWord(form) });
    }
    folded.push(info.folded); upper.push(info.upper); oneWordVariants.push(info.variants);
    if (info.prefix) startsLonger[i] = 1;
    if (info.word) wordLike[i] = 1;
  }
  // The surname of a multi-word person name the NER found ("Daniel Montalvo") stands for that person when it recurs alone.
  const personish = new Set<string>();
  const personWordSpan = new Map<string, number>();
  for (const n of ner) {
    if (n.type !== 'person') continue;
    const parts = text.slice(n.start, n.end).split(/\s+/);
    const last = parts[parts.length - 1]!;
    if (parts.length >= 2 && isCapitalized(last)) personish.add(last);
    const span = n.end - n.start;
    for (const p of parts) if (!(personWordSpan.get(p)! >= span)) personWordSpan.set(p, span);
  }
  let nerOrdered = true;
  for (let i = 1; i < ner.length && nerOrdered; i++) if (ner[i]!.start < ner[i - 1]!.end || ner[i - 1]!.end < ner[i - 1]!.start) nerOrdered = false;
  if (ner.length && ner[ner.length - 1]!.end < ner[ner.length - 1]!.start) nerOrdered = false;
  return { text, gaz, words, folded, upper, oneWordVariants, startsLonger, wordLike, initial, headline, ner, personish, nerOrdered, personWordSpan, ...(dateline ? { dateline } : {}) };
}

/** The case check: 'al-Aqsa' meets 'Al-Aqsa', 'TEHRAN' meets 'Tehran' (flagged), 'airbase' meets 'Airbase'; 'nice' never meets 'Nice'. */
function caseFits(ctx: MatchContext, v: Variant, a: number): 'exact' | 'caps' | null {
  let caps = false;
  const { cues } = ctx.gaz;
  for (let k = 0; k < v.tokens.length; k++) {
    const t = ctx.folded[a + k]!, w = v.tokens[k]!;
    if (t === w) continue;
    const tl = t.toLowerCase(), wl = w.toLowerCase();
    if (tl !== wl) return null;
    if (cues.particles.has(wl) && v.tokens.length > 1 && (k > 0 || isWord(v.tokens[1]!) === false)) continue;
    if (k > 0 && t === tl && (cues.localDesignators.has(tl) || cues.facilityDesignators.has(tl) || cues.regionDesignators.has(tl) || tl === 'airbase' || tl === 'crossing')) continue;
    if (isAllCaps(t) && t.length > 1) { caps = true; continue; }
    return null;
  }
  return caps ? 'caps' : 'exact';
}

/** Every place mention the gazetteer and the context support, in text order. */
export function findMentions(ctx: MatchContext): Mention[] {
  const { words, gaz } = ctx;
  const out: Mention[] = [];
  const deferred: Mention[] = [];
  const covered = new Uint8Array(words.count);
  for (let i = 0; i < words.count; ) {
    const m = ctx.wordLike[i] ? longestMatch(ctx, i) : null;
    if (!m) { i++; continue; }
    const verdict = judge(ctx, m);
    if (verdict === 'place') {
      out.push(m);
      for (let k = m.tokStart; k < m.tokEnd; k++) covered[k] = 1;
      i = m.tokEnd;
    } else if (verdict === 'inside-name') {
      // Skip the rest of the capitalized run, but leave it to the context rules ("Garki Muna village").
      let k = m.tokEnd;
      while (k < words.count && isWord(words.form[k]!) && isCapitalized(words.form[k]!)) k++;
      i = k;
    } else if (verdict === 'longer-name') {
      // Skip the whole capitalized run so "New York Times" does not yield "York".
      let k = m.tokEnd;
      while (k < words.count && isWord(words.form[k]!) && isCapitalized(words.form[k]!)) k++;
      for (let j = m.tokStart; j < k; j++) covered[j] = 2;
      i = k;
    } else {
      if (verdict === 'stop-name') deferred.push(m);
      i = m.tokStart + 1;
    }
  }
  // A stop name listed with places of its country stands: "New South Wales, Victoria, South Australia".
  const byTokStart = new Map<number, Mention[]>(), byTokEnd = new Map<number, Mention[]>();
  const indexMention = (p: Mention): void => {
    const s = byTokStart.get(p.tokStart); if (s) s.push(p); else byTokStart.set(p.tokStart, [p]);
    const e = byTokEnd.get(p.tokEnd); if (e) e.push(p); else byTokEnd.set(p.tokEnd, [p]);
  };
  if (deferred.length) for (const p of out) indexMention(p);
  for (const m of deferred) {
    const countries = new Set(m.variants.map((v) => gaz.entries[v.entry]!.country));
    // The mentions listed right after or right before it (order does not matter: only every/some below).
    const neighbours: Mention[] = [];
    if (LIST_JOINS.has(words.form[m.tokEnd]!)) for (const p of byTokStart.get(m.tokEnd + 1) ?? []) neighbours.push(p);
    if (m.tokStart > 0 && LIST_JOINS.has(words.form[m.tokStart - 1]!)) for (const p of byTokEnd.get(m.tokStart - 1) ?? []) if (!neighbours.includes(p)) neighbours.push(p);
    if (!neighbours.length || !neighbours.every((p) => p.variants.some((v) => countries.has(gaz.entries[v.entry]!.country)))) continue;
    m.variants = m.variants.filter((v) => neighbours.some((p) => p.variants.some((w) => gaz.entries[w.entry]!.country === gaz.entries[v.entry]!.country)));
    m.rule = 'gazetteer:listed';
    out.push(m);
    indexMention(m);
    covered[m.tokStart] = 1;
  }
  // "the North" / "the South" for North and South Korea (Sudan, ...): the resolver keeps it only if the story names that country.
  for (let i = 1; i < words.count; i++) {
    const w = words.form[i]!;
    if (covered[i] || !ELLIPTIC_DIRECTIONS.has(w) || words.form[i - 1]!.toLowerCase() !== 'the' || isCapitalized(words.form[i + 1] ?? '') || words.form[i + 1] === 'of' || words.form[i + 1] === '-') continue;
    const variants = ellipticCountries(gaz, w);
    if (!variants.length) continue;
    out.push({ start: words.start[i]!, end: words.end[i]!, tokStart: i, tokEnd: i + 1, variants, rule: 'context:elliptic', regionCue: false, localCue: false, elliptic: true });
    covered[i] = 1;
  }
  // A surname or first name seen in a longer name stands for that person elsewhere, unless it is a country or a big city.
  const big = (m: Mention): boolean => m.variants.some((v) => { const e = gaz.entries[v.entry]!; return e.kind === 'country' || e.pop >= 1_000_000; });
  let kept = 0;
  for (let k = 0; k < out.length; k++) {
    const m = out[k]!;
    if (m.tokEnd - m.tokStart === 1 && ctx.personish.has(ctx.text.slice(m.start, m.end)) && !big(m)) continue;
    out[kept++] = m;
  }
  out.length = kept;
  for (const m of contextualMentions(ctx, covered, out)) out.push(m);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** The longest gazetteer n-gram starting at token i whose case fits, or null. */
function longestMatch(ctx: MatchContext, i: number): Mention | null {
  const { words, gaz } = ctx;
  let best: Mention | null = null;
  let key = '';
  for (let n = 1; n <= gaz.maxTokens && i + n <= words.count; n++) {
    const w = words.form[i + n - 1]!;
    if (n > 1 && (STOP_PUNCT.has(w) || hasNewline(ctx.text, words.end[i + n - 2]!, words.start[i + n - 1]!))) break;
    key = n === 1 ? ctx.upper[i]! : key + ' ' + ctx.upper[i + n - 1]!;
    let phrase: PhraseInfo | undefined;
    if (n > 1) {
      const cache = phraseInfo.of(gaz);
      phrase = cache.get(key) ?? LookupCache.put(cache, key, { variants: gaz.index.get(key), prefix: gaz.prefixes.has(key) });
    }
    const list = n === 1 ? ctx.oneWordVariants[i] : phrase!.variants;
    if (list && (ctx.wordLike[i + n - 1] || w === '.')) {
      const fits: Variant[] = [];
      let caps = false;
      for (const v of list) {
        const c = caseFits(ctx, v, i);
        if (!c) continue;
        if (c === 'caps') caps = true;
        fits.push(v);
      }
      if (fits.length) best = { start: words.start[i]!, end: words.end[i + n - 1]!, tokStart: i, tokEnd: i + n, variants: fits, rule: caps ? 'gazetteer:all-caps' : 'gazetteer', regionCue: false, localCue: false };
    }
    if (n === 1 ? !ctx.startsLonger[i] : !phrase!.prefix) break; // no longer name starts this way
  }
  return best;
}

/** `stop-name`: a name that is usually a word or a person ('Victoria'); it stands only in a list of places. */
type Verdict = 'place' | 'not-place' | 'longer-name' | 'inside-name' | 'stop-name';

/** Decides whether a gazetteer match is a place mention here, and notes the cues around it. */
function judge(ctx: MatchContext, m: Mention): Verdict {
  const { words, gaz } = ctx;
  const { cues } = gaz;
  const surface = ctx.text.slice(m.start, m.end);
  const a = m.tokStart, b = m.tokEnd;
  const single = b - a === 1;
  const atDateline = !!ctx.dateline && m.start >= ctx.dateline.start && m.end <= ctx.dateline.end;
  const nerType = nerTypeAt(ctx, m.start, m.end);
  if (single && (gaz.demonyms.has(surface) || cues.monthsAndDays.has(surface))) return 'not-place';
  if (words.form[a]!.length < 2) return 'not-place';
  const entryOf = (v: Variant) => gaz.entries[v.entry]!;
  const prominent = (v: Variant): boolean => { const e = entryOf(v); return e.kind !== 'city' || e.pop >= PROMINENT_POPULATION || e.fcode === 'PPLC'; };

  if (m.rule === 'gazetteer:all-caps' && !atDateline) {
    m.variants = m.variants.filter(prominent);
    if (!m.variants.length || surface.replace(/[^\p{L}]/gu, '').length < 4 && !m.variants.some((v) => entryOf(v).kind === 'country')) return 'not-place';
  }
  // A name that is also a common word counts only mid-sentence, and only for a prominent place.
  if (single && gaz.commonWords.has(words.form[a]!)) {
    if (ctx.initial[a] || ctx.headline[a]) return 'not-place';
    m.variants = m.variants.filter(prominent);
    if (!m.variants.length) return 'not-place';
  }
  // Sentence-initial single words that are only a small town's name are usually something else ("Bomb", "Many").
  if (single && ctx.initial[a] && !atDateline) {
    m.variants = m.variants.filter((v) => entryOf(v).kind !== 'city' || entryOf(v).pop >= 15000);
    if (!m.variants.length) return 'not-place';
  }

  // What follows: possessive, designator, or a capitalized run that makes the name part of a longer one.
  const possessive = (words.form[b] === "'" || words.form[b] === '’') && words.form[b + 1] === 's';
  let end = b;
  if (!possessive) {
    const next = words.form[b];
    const nextGap = b < words.count ? ctx.text.slice(words.end[b - 1]!, words.start[b]!) : '\n';
    const sameLine = !nextGap.includes('\n') && nextGap.length <= 1;
    if (next && sameLine && isWord(next)) {
      const lower = next.toLowerCase();
      const run: string[] = [];
      // The capitalized run after the name, through '&' and 'of' ("Evergreen Aviation & Space Museum", "Bank of Egypt").
      if (isCapitalized(next)) {
        for (let k = b; k < words.count && run.length < 8; k++) {
          const w = words.form[k]!;
          if (isWord(w) && isCapitalized(w)) { run.push(w); continue; }
          if ((w === '&' || w === 'of' || w === 'for') && isCapitalized(words.form[k + 1] ?? '')) continue;
          break;
        }
      }
      const orgName = run.some((w) => cues.orgHeads.has(w));
      if (orgName && !run.some((w) => cues.personRoles.has(w)) && !cues.monthsAndDays.has(run[0]!)) return 'longer-name'; // "Israel Defense Forces", "Colorado State University"; not "US Defense Secretary"
      if (cues.regionDesignators.has(lower)) { m.regionCue = true; if (isCapitalized(next)) end = b + 1; }
      else if (cues.localDesignators.has(lower) || cues.facilityDesignators.has(lower)) { m.localCue = true; if (isCapitalized(next) && lower !== 'city') end = b + 1; }
      else if (run.length && !ctx.headline[a] && nerType !== 'place') {
        const head = run[0]!;
        if (cues.monthsAndDays.has(head) || cues.titleWords.has(head)) { /* "Chile February 3", "US President" */ }
        else if (isBroadName(gaz, head)) { /* "Cairo Egypt", "Dallas Texas" */ }
        else if (a > 0 && cues.determiners.has(words.form[a - 1]!.toLowerCase())) { /* "an Ottawa New Democrat MP" */ }
        else if (!(a > 0 && cues.locative.has(words.form[a - 1]!))) return 'longer-name'; // "Frederick Fung", "Cleveland Browns"
      } else if (next === '-' && ctx.text[words.end[b]!] !== ' ' && nextGap === '' && isWord(words.form[b + 1] ?? '') && isCapitalized(words.form[b + 1]!) && !isBroadName(gaz, words.form[b + 1]!, PROMINENT_POPULATION)) {
        return 'longer-name'; // "Wright-Patterson"
      }
    }
  }
  if (single && (cues.stopNames.has(surface) || cues.orgHeads.has(surface)) && !m.localCue) return possessive ? 'not-place' : 'stop-name';
  // What precedes: a capitalized word (not sentence-initial) makes the name part of a longer one ("Michael Jordan"), except media, directions.
  if (a > 0 && !ctx.initial[a] && !ctx.headline[a]) {
    const prev = words.form[a - 1]!;
    // A capitalized word before the name, even at a sentence start, makes it part of a longer name ("Environment Canada said"),
    // unless it is a function word or adverb that only the sentence start capitalizes ("Yesterday Canada said").
    const prevIsName = isWord(prev) && isCapitalized(prev) && !cues.sentenceWords.has(prev) && !(ctx.initial[a - 1] && VERB_OR_ADVERB_FORM.test(prev));
    if (prevIsName && cues.personTitles.has(prev)) { ctx.personish.add(surface); return 'not-place'; }
    if (prevIsName && !cues.orgHeads.has(prev) && !cues.directions.has(prev) && !cues.titleWords.has(prev) && !isAllCaps(prev) && !isBroadName(gaz, prev)) {
      if (!ctx.initial[a - 1]) ctx.personish.add(surface); // a surname ("Gabriel Montalvo"): alone later it is the person again
      return 'inside-name'; // and the rest of the run goes with it ("Food Standards Australia New Zealand")
    }
    // "Bank of England", "University of Texas": an organization head and "of" before the name.
    if (prev === 'of' && a > 1 && cues.orgHeads.has(words.form[a - 2]!) && !ctx.initial[a - 2]) return 'longer-name';
  }
  if (a > 1 && words.form[a - 1] === '.' && cues.personTitles.has(words.form[a - 2]!)) return 'not-place';
  // "the U.S. state of New York", "the province of Hatay"
  for (const cue of cues.regionCuesBefore) if (endsWithPhrase(ctx, a, cue)) m.regionCue = true;

  // NER vetoes only where it adds evidence the text itself shows: a one-word name that the NER also finds inside a longer
  // person name ("Montalvo" after "Gabriel Montalvo"), and a name continued by capitalized words inside an organization
  // or person name ("Israel Defense Forces"). A statistical NER alone does not overrule a gazetteer place ("Hong Kong police").
  if (nerType === 'person' && !possessive && single && ctx.personWordSpan.get(surface)! > surface.length) return 'not-place';
  // A lone NER person label overrules only a minor place ('David', Panama), and even then a list of places wins it back ('Irpin, Hostomel and Bucha').
  if (nerType === 'person' && !possessive && single && !m.variants.some((v) => { const e = entryOf(v); return e.kind !== 'city' || e.pop >= SMALL_CITY; })) return 'stop-name';
  const continued = !possessive && b < words.count && isWord(words.form[b]!) && isCapitalized(words.form[b]!);
  const indefinite = a > 0 && (words.form[a - 1] === 'a' || words.form[a - 1] === 'an'); // "an Ottawa New Democrat MP": a modifier, not a name
  if (continued && !indefinite) {
    // Ordered NER: only the first name overlapping the match can start at or before it.
    const first = ctx.nerOrdered ? firstNerOverlap(ctx, m.start, m.end) : 0;
    const last = ctx.nerOrdered ? first : ctx.ner.length - 1;
    for (let i = Math.max(first, 0); first >= 0 && i <= last; i++) {
      const n = ctx.ner[i]!;
      if (n.end <= m.start || n.start >= m.end) continue;
      if (n.type !== 'organization' && n.type !== 'group' && n.type !== 'person') continue;
      if (n.start <= m.start && n.end > m.end && words.end[b]! <= n.end) return 'longer-name';
    }
  }
  if (end > b) { m.end = words.end[end - 1]!; m.tokEnd = end; }
  return 'place';
}

function nerTypeAt(ctx: MatchContext, start: number, end: number): string | undefined {
  if (ctx.nerOrdered && start < end) {
    // An exact match overlaps the span, so it is the first name that does.
    const i = firstNerOverlap(ctx, start, end);
    const n = i >= 0 ? ctx.ner[i]! : undefined;
    return n && n.start === start && n.end === end ? n.type : undefined;
  }
  for (const n of ctx.ner) if (n.start === start && n.end === end) return n.type;
  return undefined;
}

/** True when the words before token a are `phrase` (case-insensitive), e.g. "state of". */
function endsWithPhrase(ctx: MatchContext, a: number, phrase: readonly string[]): boolean {
  if (a < phrase.length) return false;
  for (let k = 0; k < phrase.length; k++) if (ctx.words.form[a - phrase.length + k]!.toLowerCase() !== phrase[k]) return false;
  return true;
}

/**
 * Names missing from the gazetteer that their context marks as places: a designator after
 * ("Kaleri area", "Garki Muna village", "Raqas (streets)"), a cue before ("the town of X"),
 * or coordination with such a place ("Hael and Raqas", "Quilpé and Villa Alemana").
 */
function contextualMentions(ctx: MatchContext, covered: Uint8Array, found: readonly Mention[]): Mention[] {
  const { words, gaz } = ctx;
  const { cues } = gaz;
  const runs: { a: number; b: number }[] = [];
  for (let i = 0; i < words.count; i++) {
    if (covered[i] || !isWord(words.form[i]!) || !isCapitalized(words.form[i]!) || isAllCaps(words.form[i]!) && words.form[i]!.length > 1) continue;
    let b = i + 1;
    while (b < words.count && !covered[b]) {
      const w = words.form[b]!;
      if (isWord(w) && isCapitalized(w) && !isAllCaps(w)) { b++; continue; }
      if ((w === '-' || cues.particles.has(w)) && b + 1 < words.count && isWord(words.form[b + 1]!) && isCapitalized(words.form[b + 1]!) && ctx.text[words.end[b]!] !== ' ' ) { b += 2; continue; }
      break;
    }
    runs.push({ a: i, b });
    i = b - 1;
  }
  const out: Mention[] = [];
  const accepted: { a: number; b: number }[] = [];
  const bad = (r: { a: number; b: number }, designated = false): boolean => {
    for (let k = r.a; k < r.b; k++) {
      const w = words.form[k]!;
      if (gaz.demonyms.has(w) || cues.stopNames.has(w) || cues.orgHeads.has(w) || cues.monthsAndDays.has(w) || cues.titleWords.has(w) || cues.personTitles.has(w) || cues.directions.has(w)) return true;
    }
    if (ctx.headline[r.a] || cues.prefixes.has(words.form[r.a]!)) return true;
    if (r.b - r.a === 1 && ctx.initial[r.a] && cues.sentenceWords.has(words.form[r.a]!)) return true;
    // NER person on a lone word next to a designator ("Raqas (streets)") is the NER's guess against the text's; multi-word persons and organizations veto.
    const at = firstNerOverlap(ctx, words.start[r.a]!, words.end[r.b - 1]!);
    const ner = at >= 0 ? ctx.ner[at] : undefined;
    if (!ner || ner.type === 'place' || ner.type === 'facility') return false;
    if (ner.type === 'person' && designated) return false; // "Garki Muna village": the designator outweighs a statistical person label
    return ner.type !== 'person' || r.b - r.a > 1 || ner.end - ner.start > words.end[r.b - 1]! - words.start[r.a]!;
  };
  const designatorAt = (k: number): boolean => {
    const l = (words.form[k] ?? '').toLowerCase();
    return isCapitalized(words.form[k] ?? '') && (cues.facilityDesignators.has(l) || cues.localDesignators.has(l)) && l !== 'city' && l !== 'base' && l !== 'market';
  };
  const designatorAfter = (b: number): boolean => {
    let k = b;
    if (words.form[k] === '(') k++;
    const w = words.form[k];
    if (!w || !isWord(w)) return false;
    const l = w.toLowerCase().replace(/s$/, '');
    return (cues.localDesignators.has(l) || cues.facilityDesignators.has(l)) && l !== 'city' && l !== 'border' && l !== 'market' && l !== 'port' && l !== 'base';
  };
  for (const r of runs) {
    if (bad(r, designatorAfter(r.b)) || ctx.initial[r.a] && r.b - r.a === 1) continue;
    let rule = '';
    if (designatorAfter(r.b)) rule = 'context:designator';
    else if (r.b - r.a >= 2 && designatorAt(r.b - 1)) rule = 'context:designator'; // "Piotrkowska Street", "Shah Mosque"
    else if (r.b - r.a >= 2 && cues.featurePrefixes.has(words.form[r.a]!)) rule = 'context:feature'; // "Lake Merritt", "Port Hutt"
    else if (cues.precedingCues.some((p) => endsWithPhrase(ctx, r.a, p))) rule = 'context:cue-before';
    if (!rule) continue;
    accepted.push(r);
    out.push({ start: words.start[r.a]!, end: words.end[r.b - 1]!, tokStart: r.a, tokEnd: r.b, variants: [], rule, regionCue: false, localCue: true });
  }
  // Coordination: "Hael and Raqas (streets)", "Quilpé and Villa Alemana". The sibling must survive resolution, so it is named.
  const siblings = [...accepted, ...found.filter((m) => m.variants.some((v) => gaz.entries[v.entry]!.kind !== 'country' && gaz.entries[v.entry]!.kind !== 'region')).map((m) => ({ a: m.tokStart, b: m.tokEnd }))];
  const joined = (w: string | undefined): boolean => w === 'and' || w === ',' || w === 'or';
  // Siblings by first token and by end, as positions in `siblings`, so each lookup is a map hit rather than a scan.
  const siblingByA = new Map<number, number[]>(), siblingByB = new Map<number, number[]>();
  siblings.forEach((p, k) => {
    const x = siblingByA.get(p.a); if (x) x.push(k); else siblingByA.set(p.a, [k]);
    const y = siblingByB.get(p.b); if (y) y.push(k); else siblingByB.set(p.b, [k]);
  });
  const siblingsOf = (a: number, b: number): number[] => {
    const hits: number[] = [];
    if (joined(words.form[b])) for (const k of siblingByA.get(b + 1) ?? []) hits.push(k);
    if (a > 0 && joined(words.form[a - 1])) for (const k of siblingByB.get(a - 1) ?? []) if (!hits.includes(k)) hits.push(k);
    if (hits.length > 1) hits.sort((x, y) => x - y);
    return hits.map((k) => siblings[k]!.a);
  };
  const acceptedRuns = new Set(accepted);
  const acceptedStarts = new Set(accepted.map((r) => r.a));
  for (const r of runs) {
    if (acceptedRuns.has(r) || bad(r) || r.b - r.a !== 1 || ctx.initial[r.a] || words.form[r.a - 1] === 'of' || ctx.personish.has(words.form[r.a]!)) continue;
    const linked = siblingsOf(r.a, r.b);
    if (!linked.length) continue;
    out.push({ start: words.start[r.a]!, end: words.end[r.b - 1]!, tokStart: r.a, tokEnd: r.b, variants: [], rule: 'context:coordination', regionCue: false, localCue: true, siblings: linked });
  }
  // A gazetteer match the resolver may reject (an alternate name abroad) keeps its context as a fallback.
  for (const m of found) {
    if (designatorAfter(m.tokEnd)) m.fallback = { rule: 'context:designator' };
    else {
      const linked = siblingsOf(m.tokStart, m.tokEnd).filter((a) => acceptedStarts.has(a));
      if (linked.length) m.fallback = { rule: 'context:coordination' };
    }
  }
  return out;
}
