// Name lexicons (titles, places, organizations, groups, ...) and a tokenization-agnostic phrase matcher over them.

/** Lexicon categories, in the order their ids are used by features and the model file. */
export const LEXICON_CATEGORIES = [
  'title', 'place', 'organization', 'group', 'demonym', 'orgWord', 'facilityHead', 'firstName', 'orgHead',
  // From dateline's places gazetteer (data/gazetteer/gazetteer.tsv), split by how well known a place is.
  'gazetteerMajor', 'gazetteerMinor',
] as const;
export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number];
export const CATEGORY_ID: Readonly<Record<LexiconCategory, number>> = Object.fromEntries(
  LEXICON_CATEGORIES.map((c, i) => [c, i]),
) as Record<LexiconCategory, number>;

/** The data file each category is read from (src/nlp/ner/data/), as written in the training script. */
export const LEXICON_FILES: Readonly<Record<LexiconCategory, readonly string[]>> = {
  title: ['titles.tsv'],
  place: ['places.tsv'],
  organization: ['organizations.tsv'],
  group: ['groups.tsv'],
  demonym: ['demonyms.tsv'],
  orgWord: ['org-words.tsv'],
  facilityHead: ['facility-heads.tsv'],
  firstName: ['first-names.tsv'],
  orgHead: ['org-heads.tsv'],
  // Read from data/gazetteer/gazetteer.tsv by lexicon-files.ts (loadGazetteerNames), not from this folder.
  gazetteerMajor: [],
  gazetteerMinor: [],
};

/** Entries per category, as plain strings (what the model file stores). */
export type LexiconEntries = Record<LexiconCategory, string[]>;

/** Reads one TSV lexicon: first column of each non-comment, non-blank line. */
export function parseLexiconFile(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const entry = line.split('\t')[0]!.trim();
    if (entry) out.push(entry);
  }
  return out;
}

/**
 * The key a phrase is matched by: lower case, white space removed, a trailing period dropped.
 * Removing spaces makes "al-Qaeda" match whether the tokenizer splits the hyphen or not.
 */
export function phraseKey(s: string): string {
  let k = s.toLowerCase().replace(/\s+/g, '');
  if (k.length > 1 && k.endsWith('.')) k = k.slice(0, -1);
  return k;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/** Adds the prefixes of phraseKey(entry) (`keyLength` long) that end at a possible token boundary of `entry`. */
function addTokenBoundaryPrefixes(entry: string, keyLength: number, out: Set<string>): void {
  const lower = entry.toLowerCase();
  let key = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    if (SPACE.test(ch)) continue;
    key += ch;
    if (key.length > keyLength) break;
    let j = i + 1;
    while (j < lower.length && SPACE.test(lower[j]!)) j++;
    if (key.length === keyLength || j >= lower.length || j > i + 1 || WORD_CHAR.test(ch) !== WORD_CHAR.test(lower[j]!)) out.add(key);
  }
}

/** One match: tokens [start, end) of a sentence belong to an entry of every category in `mask`. */
export interface PhraseMatch {
  start: number;
  end: number;
  mask: number;
}

const MAX_PHRASE_TOKENS = 8;

/** Finds lexicon phrases in token sequences, whatever the tokenizer did with hyphens and periods. */
export class PhraseMatcher {
  /** Phrase key -> bit mask of categories. */
  private readonly keys = new Map<string, number>();
  /**
   * Every prefix of every key that ends where a token may end (at a space, or between a letter/digit and
   * other characters), so a match attempt stops as soon as it cannot succeed. Only those prefixes: the
   * gazetteer's tens of thousands of names would otherwise cost a million strings.
   */
  private readonly prefixes = new Set<string>();

  constructor(entries: Partial<Record<LexiconCategory, readonly string[]>>) {
    for (const cat of LEXICON_CATEGORIES) {
      const bit = 1 << CATEGORY_ID[cat];
      for (const e of entries[cat] ?? []) {
        const k = phraseKey(e);
        if (!k) continue;
        this.keys.set(k, (this.keys.get(k) ?? 0) | bit);
        addTokenBoundaryPrefixes(e, k.length, this.prefixes);
      }
    }
  }

  /** Category mask of a single token (its whole form), 0 when it is in no lexicon. */
  maskOf(form: string): number {
    return this.keys.get(phraseKey(form)) ?? 0;
  }

  /**
   * Every lexicon phrase starting at each token of forms[from, to), longest first per start.
   * `onMatch` is called with (start, end, mask) for each phrase found. `lowered`: the forms are already lower case.
   * `mayStart` (optional): only tokens it accepts start a phrase (a caller whose phrases all begin with a capitalized
   * word or a particle skips the rest cheaply).
   */
  scan(forms: readonly string[], from: number, to: number, onMatch: (start: number, end: number, mask: number) => void, lowered = false,
    mayStart?: (i: number) => boolean): void {
    for (let i = from; i < to; i++) {
      if (mayStart && !mayStart(i)) continue;
      let acc = '';
      const limit = Math.min(to, i + MAX_PHRASE_TOKENS);
      let bestEnd = -1, bestMask = 0;
      for (let j = i; j < limit; j++) {
        acc += lowered ? forms[j]! : forms[j]!.toLowerCase();
        if (!this.prefixes.has(acc)) {
          // "Dr." is stored as "dr": try the key without its final period before giving up.
          if (acc.length > 1 && acc.endsWith('.')) {
            const m = this.keys.get(acc.slice(0, -1));
            if (m) { bestEnd = j + 1; bestMask = m; }
          }
          break;
        }
        const m = this.keys.get(acc);
        if (m) { bestEnd = j + 1; bestMask = m; }
      }
      if (bestEnd > 0) onMatch(i, bestEnd, bestMask);
    }
  }
}

/**
 * A compact per-token view of lexicon matches: for each category, the position of the token in
 * the longest phrase of that category covering it (0 none, 1 begin, 2 inside, 3 last, 4 unit).
 */
export function lexiconCodes(matcher: PhraseMatcher, lowerForms: readonly string[], from: number, to: number, out: Uint8Array, spanLen: Uint8Array): void {
  const n = to - from;
  const C = LEXICON_CATEGORIES.length;
  out.fill(0, 0, n * C);
  spanLen.fill(0, 0, n * C);
  matcher.scan(lowerForms, from, to, (s, e, mask) => {
    const len = e - s;
    for (let c = 0; c < C; c++) {
      if (!(mask & (1 << c))) continue;
      for (let t = s; t < e; t++) {
        const k = (t - from) * C + c;
        if (spanLen[k]! >= len) continue;
        spanLen[k] = len;
        out[k] = len === 1 ? 4 : t === s ? 1 : t === e - 1 ? 3 : 2;
      }
    }
  }, true);
}
