// Hashed features for the name tagger: per-token string hashes are cached, features combine integers (no string churn).

import { CATEGORY_ID, LEXICON_CATEGORIES, PhraseMatcher, lexiconCodes } from './lexicon.js';

/** 32-bit FNV-1a hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a feature template id with up to two integer values into one 32-bit hash (murmur3 finalizer). */
export function mix(template: number, a: number, b = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The first character of a word that has letters: upper case, lower case, or neither ("2nd", "'s"). */
export const enum Initial { NoLetter = 0, Upper = 1, Lower = 2, Other = 3 }

/** Capitalization classes. */
export const enum Caps { Lower = 0, Initial = 1, AllCaps = 2, Digit = 3, Other = 4, Mixed = 5 }

/** What the tagger needs to know about one word form, computed once per distinct form. */
export interface FormInfo {
  form: number;
  lower: number;
  shape: number;
  pre2: number;
  pre3: number;
  suf2: number;
  suf3: number;
  suf4: number;
  caps: Caps;
  /** Single-token lexicon category mask. */
  mask: number;
  /** How the word is usually written inside sentences in general text: CaseUsage. */
  usage: number;
  lowerText: string;
  /** What the first character is (for DocumentCues). */
  initial: Initial;
  /** Whether a name may start with this word: capitalized, or a particle ("al", "de"). */
  mayStartName: boolean;
  /** Whether a name may go on through this word: as above, or a number or connector ("of", "-", "&"). */
  mayContinueName: boolean;
}

/** How a word is written mid-sentence in general English text (from UD EWT): a strong cue for names without a tagger. */
export const enum CaseUsage { Unseen = 0, Lower = 1, Mixed = 2, Capitalized = 3 }

/** Words by their mid-sentence case usage, as stored in the model file. */
export interface CaseWords {
  lower: string[];
  mixed: string[];
  capitalized: string[];
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;

/** Word shape with repeated classes collapsed: "Obama" -> "Xx", "U.S." -> "X.X.", "2021" -> "d". */
export function shapeOf(w: string): string {
  let out = '';
  let prev = '';
  for (const ch of w) {
    const c = UPPER.test(ch) ? 'X' : LOWER.test(ch) ? 'x' : DIGIT.test(ch) ? 'd' : ch;
    if (c !== prev) out += c;
    prev = c;
  }
  return out;
}

export function capsOf(w: string): Caps {
  const first = w[0] ?? '';
  if (DIGIT.test(first)) return Caps.Digit;
  if (UPPER.test(first)) {
    let upperRest = 0, lowerRest = 0;
    for (let i = 1; i < w.length; i++) {
      const ch = w[i]!;
      if (UPPER.test(ch)) upperRest++;
      else if (LOWER.test(ch)) lowerRest++;
    }
    if (lowerRest === 0) return w.length > 1 ? Caps.AllCaps : Caps.Initial;
    return upperRest > 0 ? Caps.Mixed : Caps.Initial;
  }
  if (LOWER.test(first)) {
    for (let i = 1; i < w.length; i++) if (UPPER.test(w[i]!)) return Caps.Mixed;
    return Caps.Lower;
  }
  return Caps.Other;
}

/** Feature template ids; changing them changes the model format (bump FEATURE_VERSION). */
const enum T {
  Bias, Form, Lower, Shape, Pre2, Pre3, Suf2, Suf3, Suf4,
  LowerM1, LowerP1, LowerM2, LowerP2, ShapeM1, ShapeP1, ShapeM1S0, ShapeS0P1,
  Pos, PosM1, PosP1, PosS0P1, PosM1S0, PosShape,
  InitShape, InitLower, Headline,
  Lex, LexM1, LexP1, LexM2, LexP2, MaskS0,
  CapsWindow, LowerM1L0, LowerL0P1, CapsRun,
  PrevLabel, Prev2Label, PrevLower, PrevShape, PrevPos,
  Usage, UsageM1, UsageP1, UsageInit,
  GazetteerWord, GazetteerCaps,
  DocCue, DocCueM1, DocCueP1,
  HistLabel, HistShape, HistPrev,
  RunLast, RunFirst, RunLastSuf3, RunLength, RunLastLex, RunWhole,
}
export const FEATURE_VERSION = 5;
/** Models of this feature version or later use the document cues (DocumentCues). */
export const DOCUMENT_CUES_VERSION = 5;

/** What the other mentions of a word in the same document say about it (bits of DocumentCues). */
export const enum DocCue {
  /** Written in lower case somewhere not sentence-initial: a common word ("Police", "The"). */
  LowerMid = 1,
  /** Capitalized somewhere not sentence-initial. */
  CapMid = 2,
  /** Right after a title or a first name somewhere ("Mr. Norton", "Joshua Norton"). */
  AfterPersonCue = 4,
  /** Right after "in", "at", "from", "near" somewhere. */
  AfterPlaceCue = 8,
  /** Beside another capitalized word somewhere (part of a longer name). */
  InCapRun = 16,
  /** Seen more than once in the document. */
  Repeated = 32,
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'to', 'across', 'outside']);

/**
 * Per document, a bit set of DocCue per lower-cased word: label-free evidence from the word's other
 * mentions ("Norton" after "Emperor" in one sentence, sentence-initial in the next), cheap to gather.
 */
export class DocumentCues {
  readonly cues = new Map<string, number>();

  /** `info`: the extractor's cached form information; `personBits`: lexicon categories that mark a person cue. */
  constructor(forms: readonly string[], sentStart: ArrayLike<number>, sentEnd: ArrayLike<number>, sentences: number, info: (form: string) => FormInfo, personBits: number) {
    const cues = this.cues;
    const infos: FormInfo[] = [];
    for (let s = 0; s < sentences; s++) {
      const from = sentStart[s]!, to = sentEnd[s]!;
      // Each word's information once (the cache lookup is most of the cost).
      infos.length = 0;
      for (let i = from; i < to; i++) infos.push(info(forms[i]!));
      for (let i = from; i < to; i++) {
        const fi = infos[i - from]!;
        if (fi.initial === Initial.NoLetter) continue;
        const bits = cues.get(fi.lowerText);
        let add = bits === undefined ? 0 : DocCue.Repeated;
        const cap = fi.initial === Initial.Upper;
        if (i > from) add |= cap ? DocCue.CapMid : fi.initial === Initial.Lower ? DocCue.LowerMid : 0;
        if (cap && i > from) {
          const prev = infos[i - 1 - from]!;
          if (prev.mask & personBits) add |= DocCue.AfterPersonCue;
          else if (PLACE_PREPOSITIONS.has(prev.lowerText)) add |= DocCue.AfterPlaceCue;
        }
        if (cap && ((i - 1 > from && infos[i - 1 - from]!.initial === Initial.Upper) || (i + 1 < to && infos[i + 1 - from]!.initial === Initial.Upper))) add |= DocCue.InCapRun;
        cues.set(fi.lowerText, (bits ?? 0) | add);
      }
    }
  }
}

/** The gazetteer lexicon categories, whose matches are also paired with the word before and the capitalization. */
const GAZETTEER_FIRST = CATEGORY_ID.gazetteerMajor;

/** Slots of a token's feature row that name the word itself (form, lower case, affixes, word bigrams). */
export const WORD_IDENTITY_SLOTS: readonly number[] = [1, 2, 4, 5, 6, 7, 8, 17, 18];

/** Upper bound on static features per token (sizes the scratch buffers). */
export const MAX_STATIC_FEATURES = 64;

/**
 * Computes the static (label-independent) features of a sentence, and the label-history features
 * at decode time. One instance per thread; it caches form information across documents.
 */
export class FeatureExtractor {
  private readonly cache = new Map<string, FormInfo>();
  private readonly C = LEXICON_CATEGORIES.length;
  private lex = new Uint8Array(0);
  private lexLen = new Uint8Array(0);
  private infos: FormInfo[] = [];
  private posHash = new Uint32Array(0);
  private readonly usage = new Map<string, number>();

  private readonly particles: ReadonlySet<string>;
  private lowers: string[] = [];
  private n = 0;
  private headline = 0;
  private upos: readonly string[] | null = null;
  private doc: DocumentCues | null = null;
  private docCue = new Uint8Array(0);

  private readonly connectors: ReadonlySet<string>;
  /** Per token of the prepared sentence: the capitalized run around it (runFeatures), [runStart, runEnd). */
  private runStart = new Int32Array(0);
  private runEnd = new Int32Array(0);
  /** Whether token() emits the run features (a model trained with --run-features). */
  runFeatures = false;

  constructor(private readonly matcher: PhraseMatcher, caseWords?: CaseWords, nameParticles: readonly string[] = [], nameConnectors: readonly string[] = []) {
    this.particles = new Set(nameParticles.map((p) => p.toLowerCase()));
    this.connectors = new Set(nameConnectors.map((p) => p.toLowerCase()));
    if (caseWords) {
      for (const w of caseWords.lower) this.usage.set(w, CaseUsage.Lower);
      for (const w of caseWords.mixed) this.usage.set(w, CaseUsage.Mixed);
      for (const w of caseWords.capitalized) this.usage.set(w, CaseUsage.Capitalized);
    }
  }

  info(form: string): FormInfo {
    let fi = this.cache.get(form);
    if (fi) return fi;
    if (this.cache.size > 200_000) this.cache.clear();
    const lower = form.toLowerCase();
    // "al-Qaddoumi", "bin-Salman": a particle joined by a hyphen to a capitalized name looks, to every
    // feature but the word itself, like the name after it (the training data rarely has such words).
    const hy = lower.indexOf('-');
    const look = hy > 0 && this.particles.has(lower.slice(0, hy)) && UPPER.test(form[hy + 1] ?? '') ? form.slice(hy + 1) : form;
    const lookLower = look === form ? lower : look.toLowerCase();
    fi = {
      form: hashString(form), lower: hashString(lower), shape: hashString(shapeOf(look)),
      pre2: hashString(lookLower.slice(0, 2)), pre3: hashString(lookLower.slice(0, 3)),
      suf2: hashString(lookLower.slice(-2)), suf3: hashString(lookLower.slice(-3)), suf4: hashString(lookLower.slice(-4)),
      caps: capsOf(look), mask: this.matcher.maskOf(form), usage: this.usage.get(lower) ?? CaseUsage.Unseen,
      lowerText: lower, mayStartName: false, mayContinueName: false,
      initial: !LOWER.test(form) && !UPPER.test(form) ? Initial.NoLetter : UPPER.test(form[0] ?? '') ? Initial.Upper : LOWER.test(form[0] ?? '') ? Initial.Lower : Initial.Other,
    };
    fi.mayStartName = fi.caps === Caps.Initial || fi.caps === Caps.AllCaps || fi.caps === Caps.Mixed || this.particles.has(lower);
    fi.mayContinueName = fi.mayStartName || fi.caps === Caps.Digit || this.connectors.has(lower);
    this.cache.set(form, fi);
    return fi;
  }

  /** The cues of a document given as sentence token ranges; a title or first name before a word is a person cue. */
  documentCues(forms: readonly string[], sentStart: ArrayLike<number>, sentEnd: ArrayLike<number>, sentences: number): DocumentCues {
    const personBits = (1 << CATEGORY_ID.title) | (1 << CATEGORY_ID.firstName);
    return new DocumentCues(forms, sentStart, sentEnd, sentences, (form) => this.info(form), personBits);
  }

  /** The document the next sentences come from (null: none, or a model without document cues). */
  setDocument(doc: DocumentCues | null): void {
    this.doc = doc;
  }

  /** Reads a sentence (tokens [from, to) of `forms`) so that token() can emit features. `upos` null: no POS features. */
  prepare(forms: readonly string[], upos: readonly string[] | null, from: number, to: number): void {
    const n = to - from;
    const C = this.C;
    this.n = n;
    if (this.lex.length < n * C) { this.lex = new Uint8Array(n * C * 2); this.lexLen = new Uint8Array(n * C * 2); }
    if (this.posHash.length < n) this.posHash = new Uint32Array(n * 2);
    if (this.docCue.length < n) this.docCue = new Uint8Array(n * 2);
    const infos = this.infos, lowers = this.lowers;
    infos.length = n;
    lowers.length = n;
    let capitalized = 0, words = 0;
    for (let i = 0; i < n; i++) {
      const fi = this.info(forms[from + i]!);
      infos[i] = fi;
      lowers[i] = fi.lowerText;
      if (fi.caps === Caps.Initial || fi.caps === Caps.AllCaps || fi.caps === Caps.Mixed) { capitalized++; words++; } else if (fi.caps === Caps.Lower) words++;
      this.posHash[i] = upos ? hashString(upos[from + i]!) : 0;
      // 64 marks "no document"; 0 a word with no cue; 255 not looked up yet (docCueOf: most words are never scored).
      this.docCue[i] = this.doc ? 255 : 64;
    }
    lexiconCodes(this.matcher, lowers, 0, n, this.lex, this.lexLen);
    if (this.runFeatures) this.findRuns(n);
    // Headlines and titles capitalize most words, which makes capitalization a weak cue.
    this.headline = words >= 3 && capitalized / words > 0.7 ? 1 : 0;
    this.upos = upos;
  }

  /**
   * Runs of words that may form one name: capitalized words (or particles), with connectors ("of", "and", "-")
   * between two of them ("Newfoundland and Labrador Court of Appeal"). Tokens outside any run get an empty range.
   */
  private findRuns(n: number): void {
    if (this.runStart.length < n) { this.runStart = new Int32Array(n * 2); this.runEnd = new Int32Array(n * 2); }
    const infos = this.infos, rs = this.runStart, re = this.runEnd;
    let i = 0;
    while (i < n) {
      if (!infos[i]!.mayStartName) { rs[i] = re[i] = i; i++; continue; }
      let end = i + 1, j = i + 1;
      while (j < n) {
        if (infos[j]!.mayStartName) { end = ++j; continue; }
        if (infos[j]!.mayContinueName && infos[j]!.caps !== Caps.Digit) { j++; continue; }
        break;
      }
      for (let k = i; k < end; k++) { rs[k] = i; re[k] = end; }
      for (let k = end; k < j; k++) { rs[k] = re[k] = k; }
      i = j;
    }
  }

  /** The document cues of token i of the prepared sentence (looked up on first use). */
  private docCueOf(i: number): number {
    let c = this.docCue[i]!;
    if (c === 255) this.docCue[i] = c = this.doc!.cues.get(this.infos[i]!.lowerText) ?? 0;
    return c;
  }

  /** Lower-case forms of the prepared sentence (sentence-relative indices). */
  get lowerForms(): readonly string[] {
    return this.lowers;
  }

  /** Whether token i of the prepared sentence can end a name: capitalized or a number, not a lower-case word or punctuation. */
  mayEndName(i: number): boolean {
    const c = this.infos[i]!.caps;
    return c === Caps.Initial || c === Caps.AllCaps || c === Caps.Mixed || c === Caps.Digit;
  }

  /** Whether a name can go on through token i of the prepared sentence (see FormInfo.mayContinueName). */
  mayContinueName(i: number): boolean {
    return this.infos[i]!.mayContinueName;
  }

  /** Whether token i of the prepared sentence is a word general text writes in lower case mid-sentence (CaseUsage.Lower). */
  isCommonWord(i: number): boolean {
    return this.infos[i]!.usage === CaseUsage.Lower;
  }

  /** Whether token i of the prepared sentence can begin a name (capitalized, or a particle such as "al"). */
  mayStartName(i: number): boolean {
    return this.infos[i]!.mayStartName;
  }

  /**
   * Writes the static features of tokens [from, to) into `out` (MAX_STATIC_FEATURES per token,
   * unused slots are 0xffffffff, skipped by the model). `upos` may be null (no tagger): POS features are left out.
   */
  sentence(forms: readonly string[], upos: readonly string[] | null, from: number, to: number, out: Uint32Array): void {
    this.prepare(forms, upos, from, to);
    for (let i = 0; i < to - from; i++) this.token(i, out, i * MAX_STATIC_FEATURES);
  }

  /** Writes the static features of token i of the prepared sentence into out[base, base + MAX_STATIC_FEATURES). */
  token(i: number, out: Uint32Array, base: number): void {
    const n = this.n, C = this.C, infos = this.infos, headline = this.headline, upos = this.upos;
    const NONE = 0x7fffffff;
    const lex = this.lex;
    {
      let k = base;
      const w = infos[i]!;
      const m1 = i > 0 ? infos[i - 1]! : null, m2 = i > 1 ? infos[i - 2]! : null;
      const p1 = i + 1 < n ? infos[i + 1]! : null, p2 = i + 2 < n ? infos[i + 2]! : null;
      const lm1 = m1 ? m1.lower : NONE, lp1 = p1 ? p1.lower : NONE;
      const sm1 = m1 ? m1.shape : NONE, sp1 = p1 ? p1.shape : NONE;
      out[k++] = mix(T.Bias, 0);
      out[k++] = mix(T.Form, w.form);
      out[k++] = mix(T.Lower, w.lower);
      out[k++] = mix(T.Shape, w.shape);
      out[k++] = mix(T.Pre2, w.pre2);
      out[k++] = mix(T.Pre3, w.pre3);
      out[k++] = mix(T.Suf2, w.suf2);
      out[k++] = mix(T.Suf3, w.suf3);
      out[k++] = mix(T.Suf4, w.suf4);
      out[k++] = mix(T.LowerM1, lm1);
      out[k++] = mix(T.LowerP1, lp1);
      out[k++] = mix(T.LowerM2, m2 ? m2.lower : NONE);
      out[k++] = mix(T.LowerP2, p2 ? p2.lower : NONE);
      out[k++] = mix(T.ShapeM1, sm1);
      out[k++] = mix(T.ShapeP1, sp1);
      out[k++] = mix(T.ShapeM1S0, sm1, w.shape);
      out[k++] = mix(T.ShapeS0P1, w.shape, sp1);
      out[k++] = mix(T.LowerM1L0, lm1, w.lower);
      out[k++] = mix(T.LowerL0P1, w.lower, lp1);
      out[k++] = mix(T.CapsWindow, (m1 ? m1.caps : 7) * 64 + w.caps * 8 + (p1 ? p1.caps : 7), headline);
      // How many capitalized words in a row end here: long runs are names or headlines.
      let run = 0;
      for (let j = i; j >= 0 && run < 4; j--) { const c = infos[j]!.caps; if (c === Caps.Initial || c === Caps.AllCaps || c === Caps.Mixed) run++; else break; }
      out[k++] = mix(T.CapsRun, run, w.caps);
      out[k++] = mix(T.Usage, w.usage, w.caps);
      out[k++] = mix(T.UsageM1, m1 ? m1.usage * 8 + m1.caps : 63, w.usage * 8 + w.caps);
      out[k++] = mix(T.UsageP1, p1 ? p1.usage * 8 + p1.caps : 63, w.usage * 8 + w.caps);
      if (i === 0) {
        out[k++] = mix(T.InitShape, w.shape);
        out[k++] = mix(T.InitLower, w.lower);
        out[k++] = mix(T.UsageInit, w.usage, w.caps);
      }
      if (headline) out[k++] = mix(T.Headline, w.caps, w.lower);
      if (upos) {
        const ph = this.posHash;
        const pm1 = i > 0 ? ph[i - 1]! : NONE, pp1 = i + 1 < n ? ph[i + 1]! : NONE;
        out[k++] = mix(T.Pos, ph[i]!);
        out[k++] = mix(T.PosM1, pm1);
        out[k++] = mix(T.PosP1, pp1);
        out[k++] = mix(T.PosS0P1, ph[i]!, pp1);
        out[k++] = mix(T.PosM1S0, pm1, ph[i]!);
        out[k++] = mix(T.PosShape, ph[i]!, w.shape);
      }
      if (this.doc) {
        const dc = this.docCueOf(i);
        out[k++] = mix(T.DocCue, dc, w.caps * 2 + (i === 0 ? 1 : 0));
        if (w.caps !== Caps.Lower) {
          out[k++] = mix(T.DocCueM1, i > 0 ? this.docCueOf(i - 1) * 8 + infos[i - 1]!.caps : 1023, dc);
          out[k++] = mix(T.DocCueP1, i + 1 < n ? this.docCueOf(i + 1) * 8 + infos[i + 1]!.caps : 1023, dc);
        }
      }
      if (this.runFeatures && this.runEnd[i]! > this.runStart[i]!) {
        // What the whole capitalized run says, as seen from each of its words: its last word is usually the head
        // ("... Court of Appeal", "... Bulletin", "... Bay"), its first word often a given name or a place.
        const rs = this.runStart[i]!, re = this.runEnd[i]!, len = re - rs;
        const at = len === 1 ? 0 : i === rs ? 1 : i === re - 1 ? 2 : 3;
        const last = infos[re - 1]!, first = infos[rs]!;
        out[k++] = mix(T.RunLength, Math.min(len, 5), at);
        if (len > 1) {
          out[k++] = mix(T.RunLast, last.lower, at);
          out[k++] = mix(T.RunFirst, first.lower, at);
          out[k++] = mix(T.RunLastLex, last.mask, at);
          let whole = 0x811c9dc5;
          for (let j = rs; j < re; j++) whole = mix(T.RunWhole, whole, infos[j]!.lower);
          out[k++] = mix(T.RunWhole, whole, at);
        }
        out[k++] = mix(T.RunLastSuf3, last.suf3, at);
      }
      out[k++] = mix(T.MaskS0, w.mask);
      for (let c = 0; c < C; c++) {
        const code = lex[i * C + c]!;
        if (code) {
          out[k++] = mix(T.Lex, c * 8 + code);
          // A place name from the gazetteer after "in"/"from" is a place; the same string after "Mr." or as a
          // first name is not: the word before and the capitalization decide how much the match counts.
          if (c >= GAZETTEER_FIRST) {
            out[k++] = mix(T.GazetteerWord, c * 8 + code, lm1);
            out[k++] = mix(T.GazetteerCaps, c * 8 + code, w.caps * 8 + w.usage);
          }
        }
        if (i > 0 && lex[(i - 1) * C + c]) out[k++] = mix(T.LexM1, c * 8 + lex[(i - 1) * C + c]!);
        if (i + 1 < n && lex[(i + 1) * C + c]) out[k++] = mix(T.LexP1, c * 8 + lex[(i + 1) * C + c]!);
        if (i > 1 && lex[(i - 2) * C + c]) out[k++] = mix(T.LexM2, c * 8 + lex[(i - 2) * C + c]!);
        if (i + 2 < n && lex[(i + 2) * C + c]) out[k++] = mix(T.LexP2, c * 8 + lex[(i + 2) * C + c]!);
        if (k >= base + MAX_STATIC_FEATURES - 1) break;
      }
      while (k < base + MAX_STATIC_FEATURES) out[k++] = 0xffffffff;
    }
  }

  /** Per-token context the history features need (lower, shape, POS hashes), CONTEXT_WIDTH per token, for the last sentence. */
  context(n: number, out: Uint32Array): void {
    for (let i = 0; i < n; i++) {
      const w = this.infos[i]!;
      out[i * 3] = w.lower;
      out[i * 3 + 1] = w.shape;
      out[i * 3 + 2] = this.posHash[i]!;
    }
  }
}
export const HISTORY_FEATURES = 8;
export const CONTEXT_WIDTH = 3;

/** Label count the history counts are kept for (model.ts LABEL_COUNT), and the entity types among them. */
const LABELS = 21;
const TYPES = 5;
/** PredictionHistory code of a word not seen before in the document. */
const UNSEEN = TYPES + 1;

/**
 * Extended prediction history: the labels the tagger gave earlier in the document to each word (keyed by
 * its lower-case hash). "Norton" tagged a person twice is likely a person the third time, even sentence-initially.
 */
export class PredictionHistory {
  // An open-addressing table from word hash to its row of LABELS counts: word hashes are 32-bit, too large for the
  // small integers a Map keys cheaply, and a document's words come and go with clear().
  private keys = new Uint32Array(1024);
  private rowOf = new Int32Array(1024).fill(-1);
  private counts = new Uint16Array(LABELS * 256);
  private size = 0;

  clear(): void {
    if (this.size === 0) return;
    this.rowOf.fill(-1);
    this.size = 0;
  }

  /** The row of a word, or -1 (with `insert`, a new zeroed row). */
  private row(lower: number, insert: boolean): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(lower, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const r = this.rowOf[slot]!;
      if (r < 0) break;
      if (this.keys[slot] === lower >>> 0) return r;
      slot = (slot + 1) & mask;
    }
    if (!insert) return -1;
    const r = this.size++;
    this.keys[slot] = lower >>> 0;
    this.rowOf[slot] = r;
    if ((r + 1) * LABELS > this.counts.length) {
      const grown = new Uint16Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts.fill(0, r * LABELS, (r + 1) * LABELS);
    if (this.size * 2 > this.keys.length) this.grow();
    return r;
  }

  private grow(): void {
    const oldKeys = this.keys, oldRows = this.rowOf;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.rowOf = new Int32Array(oldKeys.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldRows[i]! < 0) continue;
      let slot = Math.imul(oldKeys[i]!, 0x9e3779b1) >>> 0 & mask;
      while (this.rowOf[slot]! >= 0) slot = (slot + 1) & mask;
      this.keys[slot] = oldKeys[i]!;
      this.rowOf[slot] = oldRows[i]!;
    }
  }

  /**
   * The entity type (1 + type index) most often given to the word so far, 0 when only O, UNSEEN when not seen.
   * Types only, not B/I/L/U: "Mohammad" alone earlier says nothing about where "Mohammad Baqer Qalibaf" ends.
   */
  code(lower: number): number {
    const r = this.row(lower, false);
    if (r < 0) return UNSEEN;
    const c = this.counts, o = r * LABELS;
    let best = 0, bestCount = c[o]!;
    for (let t = 0; t < TYPES; t++) {
      const k = c[o + 1 + 4 * t]! + c[o + 2 + 4 * t]! + c[o + 3 + 4 * t]! + c[o + 4 + 4 * t]!;
      if (k > 0 && k >= bestCount) { best = 1 + t; bestCount = k; }
    }
    return best;
  }

  add(lower: number, label: number): void {
    const k = this.row(lower, true) * LABELS + label;
    if (this.counts[k]! < 0xffff) this.counts[k]!++;
  }
}

/** Edge feature templates of a structured (Viterbi) model, in the order they are used: edges = 1 uses the first. */
export const MAX_EDGE_FEATURES = 2;

/** The label-transition feature (previous label alone): a structured model keeps these as a dense matrix at run time. */
export function transitionFeature(prev: number): number {
  return mix(T.PrevLabel, prev);
}

/**
 * Edge features of token i for a structured model: the previous label paired with the word's shape, then with the
 * word itself ("Mr." then a capitalized word), `edges` of them, written into out[0..edges).
 */
export function edgeFeatures(ctx: Uint32Array, i: number, prev: number, edges: number, out: Uint32Array): void {
  if (edges > 0) out[0] = mix(T.PrevShape, prev, ctx[i * 3 + 1]!);
  if (edges > 1) out[1] = mix(T.PrevLower, prev, ctx[i * 3]!);
}

/** Prediction-history features of token i for a structured model (label-independent, so scored per token): 2 slots. */
export function historyEmission(ctx: Uint32Array, i: number, history: PredictionHistory | null, out: Uint32Array): void {
  if (!history) { out[0] = out[1] = 0xffffffff; return; }
  const code = history.code(ctx[i * 3]!);
  out[0] = mix(T.HistLabel, code);
  out[1] = mix(T.HistShape, code, ctx[i * 3 + 1]!);
}

/**
 * The label-history features of token i, from context() output, written into out[0..HISTORY_FEATURES).
 * `history` null: a model without prediction history (those slots are left empty).
 */
export function historyFeatures(ctx: Uint32Array, i: number, prev: number, prev2: number, out: Uint32Array, history: PredictionHistory | null = null): void {
  out[0] = mix(T.PrevLabel, prev);
  out[1] = mix(T.Prev2Label, prev2, prev);
  out[2] = mix(T.PrevLower, prev, ctx[i * 3]!);
  out[3] = mix(T.PrevShape, prev, ctx[i * 3 + 1]!);
  out[4] = mix(T.PrevPos, prev, ctx[i * 3 + 2]!);
  if (history) {
    const code = history.code(ctx[i * 3]!);
    out[5] = mix(T.HistLabel, code);
    out[6] = mix(T.HistShape, code, ctx[i * 3 + 1]!);
    out[7] = mix(T.HistPrev, code, prev);
  } else out[5] = out[6] = out[7] = 0xffffffff;
}
