// Finds attributions (speaker, cue, content) with rules over a quote-aware view of the text, and resolves speakers to entities.

import { tokenAt, type Document, type NameMention, type Span, type Syntax, type Tags, type Tokens } from '../../core/index.js';
import { viewOf, type Quotation, type Sentence, type TextView, type Word } from '../entities/text.js';
import { Registry, cleanName, type EntityRecord, type EntityType } from '../entities/registry.js';
import {
  ADVERBIAL_PREPOSITIONS, ADVERBS, IRREGULAR_VERBS, POSTNOMINALS, AUXILIARIES, BE_FORMS, CHANNEL_HEADS, CLAUSE_STOPS, DETERMINERS, GROUP_NOUNS, MODIFIERS,
  NAME_PARTICLES, NP_PREPOSITIONS, ORG_NOUNS, PERSON_NOUNS, PRONOUNS, SOURCE_NOUNS, SUBORDINATORS, TIME_WORDS, TITLE_WORDS,
} from '../entities/lexicon.js';
import { demonymCountries } from '../entities/lexicon.js';
import { CHANNEL_NOUNS, CHANNEL_VERBS, CONTENT_STOPS, CUE_FORMS, DOCUMENT_SOURCES, PUT_OBJECTS, type Cue } from './lexicon.js';

export type Kind = 'direct' | 'indirect' | 'mixed';

/** A speaker mention as found in the sentence: the noun phrase, with appositions kept as roles. */
export interface SpeakerNp extends Span {
  readonly words: readonly Word[];
  readonly roles: readonly string[];
}

/** The noun phrase made of `words` (at least one), spanning them. */
const npOf = (words: readonly Word[], roles: readonly string[] = []): SpeakerNp => ({ start: words[0]!.start, end: words[words.length - 1]!.end, words, roles });

export interface Attribution {
  kind: Kind;
  content: Span;
  cue: Span & { lemma: string };
  /** The speaker's noun phrase in this sentence, when there is one. */
  np?: SpeakerNp;
  /** The attribution whose speaker this one shares (quotation continued, "and said", ", saying"). */
  sharesWith?: Attribution;
  channel?: Span & { type: string };
  addressee?: Span & { name: string };
  /** The "according to" attribution this one is reported through. */
  relay?: Attribution;
  /** The relay's source when its own statement was dropped ("According to Reuters, the ministry said …"). */
  relayNp?: SpeakerNp;
  rule: string;
  confidence: number;
  sentence: number;
  entity?: EntityRecord;
  /** The resolved speaker's mention span in this sentence. */
  mention?: Span;
  /** A quotation with no cue of its own: it goes on with the latest source before it. */
  continued?: boolean;
}

export interface AttributionResult {
  readonly view: TextView;
  readonly attributions: readonly Attribution[];
  readonly registry: Registry;
}

export interface AttributionLayers {
  tokens?: Tokens;
  tags?: Tags;
  syntax?: Syntax;
  names?: readonly NameMention[];
  places?: readonly Span[];
}

const cache = new WeakMap<Document, AttributionResult>();

/** Runs the attribution analysis once per document; the entities and statements stages share the result. */
export function attributionsOf(doc: Document, layers: AttributionLayers): AttributionResult {
  let r = cache.get(doc);
  if (!r) { r = analyze(doc, layers); cache.set(doc, r); }
  return r;
}

const PUNCT = /^[^\p{L}\p{N}]+$/u;
const POSSESSIVE_DETERMINERS = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const isQuoteMark = (w: Word) => /^["\u201C\u201D\u00AB\u00BB\u201E]$/.test(w.text);
const isComma = (w?: Word) => w?.text === ',';
/** Whether word a is a comma after which the reported clause goes on in lower case ("…, said Mauer, are required"). */
const goesOnAfter = (w: readonly Word[], a: number): boolean => {
  const next = w[a + 1];
  return a > 0 && isComma(w[a]) && !!next && !next.cap && next.quote < 0 && !CONTENT_STOPS.has(next.lower);
};
const isDash = (w?: Word) => !!w && /^[\u2014\u2013]$|^--$/.test(w.text);
const lastIsFinal = (w?: Word) => !!w && /^[.!?]$/.test(w.text);
const HYPHENATED = /^\p{L}+-\p{L}+/u;
const VERB_TAGS = new Set(['VERB', 'AUX']);
const CALENDAR_NAME = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
/** Indirect questions are not propositions ("did not say why …", "asked whether …"). */
const WH_WORDS = new Set(['why', 'whether', 'how', 'what', 'when', 'where', 'who', 'which', 'if']);
const QUANTIFIER_LEADS = new Set(['at', 'more', 'less', 'fewer', 'as', 'up', 'nearly', 'about', 'around', 'almost', 'roughly', 'over', 'some', 'another', 'just', 'only', 'approximately']);
const NOUNISH_TAGS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET']);
/** Prepositions that attach inside a noun phrase ("obsession with celebrities") far more often than to a verb. */
const NP_INNER_PREPOSITIONS = new Set(['with', 'about', 'between', 'among', 'against']);
/** Words that open a clause; an "according to X," right after one (and its comma) scopes over that clause. */
const CLAUSE_OPENERS = new Set(['which', 'who', 'whom', 'whose', 'that', 'because', 'while', 'although', 'though', 'whereas', 'but', 'and', 'since', 'where', 'when']);

/** A word that belongs to a title before a name: an office or rank, or a demonym ("Israeli Defense Minister"). */
function isTitleWord(lower: string): boolean {
  return TITLE_WORDS.has(lower) || TITLE_WORDS.has(lower.replace(/\.$/, '')) || demonymCountries().has(lower);
}

/** Splits title words off the front of a person's name ("Governor of Washington Chris Gregoire" -> name, title). */
function splitTitles(name: string): [string, string] {
  const ws = name.split(/\s+/);
  let t = 0;
  while (t < ws.length - 1 && isTitleWord(ws[t]!.toLowerCase())) {
    t++;
    if (t < ws.length - 3 && /^(?:of|for)$/i.test(ws[t]!)) t += 2;
  }
  return [ws.slice(t).join(' '), ws.slice(0, t).join(' ')];
}

/** The names that overlap [a, b): binary search to the first, then a short walk. */
function namesIn(names: readonly NameMention[], a: number, b: number): NameMention[] {
  let lo = 0, hi = names.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (names[mid]!.end <= a) lo = mid + 1; else hi = mid; }
  const out: NameMention[] = [];
  for (let i = Math.max(0, lo - 2); i < names.length && names[i]!.start < b; i++) if (names[i]!.end > a) out.push(names[i]!);
  return out;
}

/** Guards against malformed name spans: a name starts with a capital (or a particle) and has balanced brackets. */
function plausibleName(s: string): boolean {
  if (!/^(?:\p{Lu}|\p{N}|(?:al|el|ad|as|an|da|de|van|von|bin|ibn|abu)[-\s]\p{Lu})/u.test(s)) return false;
  if ((s.match(/\(/g) ?? []).length !== (s.match(/\)/g) ?? []).length) return false;
  return !/\s(?:said|says|told|according|and\s+the)\b/.test(s);
}

function analyze(doc: Document, layers: AttributionLayers): AttributionResult {
  const view = viewOf(doc.text, layers, doc.meta.datelineSpan ? [doc.meta.datelineSpan] : []);
  const a = new Analyzer(view, doc, layers);
  a.run();
  return { view, attributions: a.out, registry: a.registry };
}

class Analyzer {
  readonly out: Attribution[] = [];
  readonly registry = new Registry();
  /** Word starts of cues already used. */
  private readonly usedCues = new Set<number>();
  /** Sentence-opening quotations with no cue of their own, attributed once reported speech is known. */
  private readonly uncued: { q: Quotation; s: Sentence }[] = [];
  /** Places sorted by start, and the furthest end among each prefix: "inside a place?" by binary search. */
  private readonly placeSpans: readonly Span[];
  private readonly placeReach: readonly number[];
  /** NER names with sane spans, in text order. */
  private readonly names: readonly NameMention[];

  /** The dependency parse, when the parser ran on these tokens. */
  private readonly parse?: { tokens: Tokens; syntax: Syntax };

  constructor(readonly view: TextView, readonly doc: Document, layers: AttributionLayers) {
    if (layers.tokens && layers.syntax && layers.tokens.count > 0 && layers.syntax.head.length === layers.tokens.count && layers.syntax.deprel.some((d) => d.startsWith('nsubj'))) {
      this.parse = { tokens: layers.tokens, syntax: layers.syntax };
    }
    this.placeSpans = [...(layers.places ?? [])].sort((x, y) => x.start - y.start);
    let reach = -Infinity;
    this.placeReach = this.placeSpans.map((p) => (reach = Math.max(reach, p.end)));
    this.names = view.names.filter((n) => plausibleName(view.text.slice(n.start, n.end))).sort((x, y) => x.start - y.start);
  }

  run(): void {
    this.directQuotes();
    for (const s of this.view.sentences) this.indirect(s);
    this.uncuedQuotes();
    this.insideQuotations();
    this.headlines();
    this.relays();
    this.continuations();
    this.out.sort((x, y) => x.content.start - y.content.start || x.cue.start - y.cue.start);
    // One statement per content span and cue.
    let kept = 0;
    for (let i = 0; i < this.out.length; i++) {
      const a = this.out[i]!, b = this.out[i - 1];
      if (b && a.content.start === b.content.start && a.content.end === b.content.end && a.cue.start === b.cue.start) continue;
      this.out[kept++] = a;
    }
    this.out.length = kept;
    this.resolve();
  }

  // ---------------------------------------------------------------- direct speech

  /** True when some place span holds [start, end). */
  private insidePlace(start: number, end: number): boolean {
    const ps = this.placeSpans;
    let lo = 0, hi = ps.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ps[mid]!.start <= start) lo = mid + 1; else hi = mid; }
    return lo > 0 && this.placeReach[lo - 1]! >= end;
  }

  private sentenceOf(offset: number): Sentence | undefined {
    const ss = this.view.sentences;
    let lo = 0, hi = ss.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ss[mid]!.end <= offset) lo = mid + 1;
      else if (ss[mid]!.start > offset) hi = mid - 1;
      else return ss[mid];
    }
    return undefined;
  }

  /** The sentences overlapping [start, end), in order: sentences are sorted and disjoint, so a binary search finds the first. */
  private sentencesOverlapping(start: number, end: number): Sentence[] {
    const ss = this.view.sentences;
    let lo = 0, hi = ss.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ss[mid]!.end <= start) lo = mid + 1; else hi = mid; }
    const out: Sentence[] = [];
    for (let i = lo; i < ss.length && ss[i]!.start < end; i++) if (ss[i]!.end > start) out.push(ss[i]!);
    return out;
  }

  /** Quotations: attribute each to the cue after it, the cue before it, or the speaker of the quotation it continues. */
  private directQuotes(): void {
    const qs = this.view.quotes;
    // Chains: a quotation left open at a paragraph's end continues in the next paragraph's opening quotation.
    const chainOf: number[] = qs.map((_, i) => i);
    for (let i = 1; i < qs.length; i++) {
      const prev = qs[i - 1]!, q = qs[i]!;
      if (!prev.closed && q.paragraph === prev.paragraph + 1 && q.start === this.view.paragraphs[q.paragraph]!.start) chainOf[i] = chainOf[i - 1]!;
    }
    const found = new Map<number, Attribution>();
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i]!;
      const s = this.sentenceOf(q.start);
      if (!s || !this.isSpeechQuote(q, s)) continue;
      const at = this.attributionAfter(q, s) ?? this.attributionBefore(q, s) ?? this.attributionIntro(q, s);
      if (at && !found.has(chainOf[i]!)) found.set(chainOf[i]!, at);
      if (at) (at as Attribution & { q?: number }).q = i;
    }
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i]!;
      const s = this.sentenceOf(q.start);
      if (!s || !this.isSpeechQuote(q, s)) continue;
      const head = found.get(chainOf[i]!);
      const own = head && (head as Attribution & { q?: number }).q === i ? head : undefined;
      let at: Attribution | undefined = own ?? (this.attributionAfter(q, s) ?? this.attributionBefore(q, s) ?? this.attributionIntro(q, s));
      if (at) {
        if (at.cue) this.usedCues.add(at.cue.start);
      } else if (head) {
        at = { ...head, content: { start: q.start, end: q.end }, rule: 'direct.continued', confidence: 0.8, sentence: s.index, np: undefined, sharesWith: head };
      } else if (this.startsSentence(q, s)) {
        this.uncued.push({ q, s });
      }
      if (!at) continue;
      if (!at.content || at.content.start !== q.start) at.content = { start: q.start, end: q.end };
      at.kind = 'direct';
      this.out.push(at);
    }
  }

  /**
   * A quotation that opens a sentence with no cue of its own goes on with the speaker of the statement right before it:
   * the last quotation within a paragraph, or reported speech in the sentence just before ("Heald noted the findings
   * show … . “An air-quality cleanup would …”"). Runs after reported speech is found.
   */
  private uncuedQuotes(): void {
    for (const { q, s } of this.uncued) {
      let prev: Attribution | undefined;
      for (const b of this.out) {
        if (b.content.start >= q.start || prev && b.content.start <= prev.content.start || b.rule.endsWith('.in-quotation')) continue;
        const gap = s.paragraph - this.view.sentences[b.sentence]!.paragraph;
        if (gap > 1) continue;
        if (b.kind === 'direct' || b.sentence === s.index - 1 && this.runsToSentenceEnd(q, s)) prev = b;
      }
      if (!prev) continue;
      this.out.push({ ...prev, kind: 'direct', content: { start: q.start, end: q.end }, np: undefined, sharesWith: prev, rule: 'direct.continued', confidence: 0.7, sentence: s.index, continued: true });
    }
  }

  /** Nothing but punctuation follows the quotation in its sentence. */
  private runsToSentenceEnd(q: Quotation, s: Sentence): boolean {
    return !/[^\s.,!?;:)\u201D"]/.test(this.view.text.slice(q.end, s.end));
  }

  /** "Smith said:" closing one paragraph introduces the quotation that opens the next. */
  private attributionIntro(q: Quotation, s: Sentence): Attribution | undefined {
    if (!this.startsSentence(q, s) || q.paragraph === 0 || q.start !== this.view.paragraphs[q.paragraph]!.start) return undefined;
    let prevS: Sentence | undefined;
    for (let i = s.index - 1; i >= 0; i--) { const x = this.view.sentences[i]!; if (x.paragraph === q.paragraph - 1) { prevS = x; break; } if (x.paragraph < q.paragraph - 1) break; }
    if (!prevS) return undefined;
    const w = prevS.words;
    const b = w.length - 1;
    if (b < 1 || w[b]!.text !== ':') return undefined;
    const found = this.cueBefore(prevS, b - 1);
    if (!found || found.cue.frame !== 'say' && found.cue.frame !== 'clause' && found.cue.frame !== 'quote') return undefined;
    const cw = w[found.at]!;
    const at: Attribution = { kind: 'direct', content: { start: q.start, end: q.end }, cue: { start: cw.start, end: cw.end, lemma: found.cue.lemma }, rule: 'direct.cue-intro', confidence: 0.8, sentence: s.index };
    if (found.addressee) this.setAddressee(at, w.slice(found.addressee[0], found.addressee[1]));
    this.speakerBefore(at, prevS, found.at);
    if (!at.np && at.sharesWith === undefined) return undefined;
    this.usedCues.add(cw.start);
    return at;
  }

  private startsSentence(q: Quotation, s: Sentence): boolean {
    return s.words.length > 0 && s.words[0]!.start >= q.start && s.words[0]!.start < q.end;
  }

  /** A quotation is speech when it opens its sentence or directly follows a cue, and carries a clause (not a scare-quoted phrase). */
  private isSpeechQuote(q: Quotation, s: Sentence): boolean {
    if (q.words < 3) return false;
    if (this.startsSentence(q, s)) return true;
    const w = s.words;
    let b = w.findIndex((x) => x.start >= q.start) - 1;
    if (b < 0) return false;
    if (w[b]!.text === ',' || w[b]!.text === ':') b--;
    if (b < 0) return false;
    const text = this.view.text;
    // The quotation must run to the end of the sentence (a fragment inside a clause is mixed speech).
    const tail = text.slice(q.end, s.end).replace(/[\s.,!?;:)\u201D"]+/g, '');
    if (tail.length > 0 && !/^[\u201C"]/.test(text.slice(q.end, s.end).trim())) {
      // Allow "“A,” he said, “B.”" where the attribution sits between two quotations.
      const after = this.attributionAfter(q, s);
      if (!after) return false;
    }
    return this.cueBefore(s, b) !== undefined;
  }

  /** The cue that ends right before word b ("said,", "told reporters:", "shouting,"). */
  private cueBefore(s: Sentence, b: number): { cue: Cue; at: number; addressee?: [number, number] } | undefined {
    const w = s.words;
    const c = this.cueAt(s, b);
    if (c) return { cue: c, at: b };
    // "told reporters:" / "told the Associated Press:" / "said in a statement:"
    for (let k = b - 1; k >= Math.max(0, b - 5); k--) {
      const ck = this.cueAt(s, k);
      if (!ck) continue;
      const between = w.slice(k + 1, b + 1);
      if (between.some((x) => PUNCT.test(x.text) && x.text !== '.')) return undefined;
      // "says on “The Internet Explorer 6 Countdown”": the quotation is the preposition's object, a title.
      const last = w[b]!;
      if (!last.cap && (NP_PREPOSITIONS.has(last.lower) || ADVERBIAL_PREPOSITIONS.has(last.lower))) return undefined;
      if (ck.addressee) return { cue: ck, at: k, addressee: [k + 1, b + 1] };
      if (ADVERBIAL_PREPOSITIONS.has(between[0]!.lower)) return { cue: ck, at: k };
      return undefined;
    }
    return undefined;
  }

  private attributionBefore(q: Quotation, s: Sentence): Attribution | undefined {
    const w = s.words;
    let b = w.findIndex((x) => x.start >= q.start) - 1;
    if (b < 0) return undefined;
    if (w[b]!.text === ',' || w[b]!.text === ':') b--;
    if (b < 0) return undefined;
    const found = this.cueBefore(s, b);
    if (!found || found.cue.frame === 'as' || found.cue.frame === 'to' || found.cue.frame === 'of' || found.cue.frame === 'inf' || found.cue.frame === 'at') return undefined;
    const tail = this.view.text.slice(q.end, s.end).replace(/[\s.,!?;:)\u201D"]+/g, '');
    if (tail.length > 0 && !this.attributionAfter(q, s, true)) {
      // A fragment inside a clause: left to the indirect rules as mixed speech.
      if (!/^[\u201C"]/.test(this.view.text.slice(q.end, s.end).trim())) return undefined;
    }
    const cw = w[found.at]!;
    const at: Attribution = {
      kind: 'direct', content: { start: q.start, end: q.end }, cue: { start: cw.start, end: cw.end, lemma: found.cue.lemma },
      rule: 'direct.cue-before', confidence: 0.85, sentence: s.index,
    };
    if (found.addressee) this.setAddressee(at, w.slice(found.addressee[0], found.addressee[1]));
    if (cw.lower.endsWith('ing') && isComma(w[found.at - 1])) this.speakerFromSubject(at, s, found.at);
    else this.speakerBefore(at, s, found.at);
    if (!at.np && at.sharesWith === undefined) return undefined;
    this.channelNear(at, s, found.at, found.cue);
    return at;
  }

  /** "…,” he said." / "…,” said Amy Bau, 41, a teacher." / "…” X told media." */
  private attributionAfter(q: Quotation, s: Sentence, probe = false): Attribution | undefined {
    if (!q.closed && q.end >= s.end) return undefined;
    const w = s.words;
    let i = w.findIndex((x) => x.start >= q.end);
    if (i < 0) return undefined;
    if (isComma(w[i])) i++;
    const nextQuote = w.findIndex((x, k) => k >= i && x.quote >= 0);
    const end = nextQuote >= 0 ? nextQuote : w.length;
    for (let k = i; k < Math.min(end, i + 14); k++) {
      const x = w[k]!;
      if (PUNCT.test(x.text) && x.text !== ',' && !(x.text === '(' || x.text === ')')) break;
      const cue = this.cueAt(s, k);
      if (!cue) continue;
      if (cue.frame === 'as' || cue.frame === 'to' || cue.frame === 'of' || cue.frame === 'inf' || cue.frame === 'at') return undefined;
      if (probe) return {} as Attribution;
      const at: Attribution = {
        kind: 'direct', content: { start: q.start, end: q.end }, cue: { start: x.start, end: x.end, lemma: cue.lemma },
        rule: 'direct.cue-after', confidence: 0.9, sentence: s.index,
      };
      if (k === i) {
        // Inverted: the speaker follows the cue.
        const np = this.npForward(w, k + 1, end);
        if (!np) return undefined;
        at.np = this.withAppositions(w, np, end);
        at.rule = 'direct.cue-after.inverted';
      } else {
        const j = this.skipAdverbsBack(w, k - 1, i);
        if (isComma(w[j])) {
          // "…,” Khaled Ali, editor of the Gazette, said."
          this.speakerBefore(at, s, k);
          if (!at.np || at.np.start !== w[i]!.start) return undefined;
        } else {
          const np = this.npBackward(w, j + 1, i);
          if (!np || np.start !== w[i]!.start) return undefined;
          at.np = np;
        }
      }
      if (cue.addressee) {
        const ad = this.npForward(w, k + 1, end);
        if (ad && k !== i) this.setAddressee(at, ad.words);
      }
      this.channelNear(at, s, k, cue);
      return at;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- indirect and mixed speech

  private indirect(s: Sentence): void {
    const w = s.words;
    for (let k = 0; k < w.length; k++) {
      const x = w[k]!;
      if (x.quote >= 0 || this.usedCues.has(x.start)) continue;
      if (x.lower === 'according' && w[k + 1]?.lower === 'to') { this.accordingTo(s, k); continue; }
      if (x.lower === 'as' && w[k + 1]?.lower === 'saying') { this.asSaying(s, k); k++; continue; }
      const cue = this.cueAt(s, k);
      if (!cue || cue.frame === 'quote') continue;
      this.reportedClause(s, k, cue);
    }
  }

  /**
   * Statements inside quotations ("“The ministry said 12 died,” he told us"): the quoted words are read as sentences of their own.
   * Only named or described sources count there; a pronoun inside a quotation points into the quoted speaker's world.
   */
  private insideQuotations(): void {
    const qs = this.view.quotes;
    for (let qi = 0; qi < qs.length; qi++) {
      const q = qs[qi]!;
      if (q.words < 6) continue;
      const s = this.sentenceOf(q.start);
      if (!s) continue;
      const words = this.sentencesOverlapping(q.start, q.end).flatMap((x) => x.words).filter((x) => x.quote === qi && !isQuoteMark(x));
      let part: Word[] = [];
      const flush = () => {
        if (part.length >= 4) {
          const before = this.out.length;
          this.indirect({ start: part[0]!.start, end: part[part.length - 1]!.end, paragraph: s.paragraph, index: s.index, words: part });
          for (let i = this.out.length - 1; i >= before; i--) {
            const a = this.out[i]!;
            // Inside a quotation only a source named before its cue counts; "…, X said" there is usually a misread inner quotation.
            if (!a.np || PRONOUNS.has(a.np.words[0]!.lower) && a.np.words.length === 1 || !/^indirect\.(?:cue-first|according-to)$/.test(a.rule)) this.out.splice(i, 1);
            else { a.rule += '.in-quotation'; a.confidence = Math.min(a.confidence, 0.6); }
          }
        }
        part = [];
      };
      for (const x of words) {
        part.push({ ...x, quote: -1 });
        if (/^[.!?]$/.test(x.text)) flush();
      }
      flush();
    }
  }

  /** Is word k a cue used as a verb here? */
  private cueAt(s: Sentence, k: number): Cue | undefined {
    const w = s.words, x = w[k];
    if (!x || x.quote >= 0 && !this.quoteIsShort(x.quote)) return undefined;
    const cue = CUE_FORMS.get(x.lower);
    if (!cue) return undefined;
    if (cue.particle && w[k + 1]?.lower !== cue.particle) return undefined;
    const prev = w[k - 1];
    if (x.upos && !VERB_TAGS.has(x.upos) && x.upos !== 'X') {
      // Trust the tagger on noun homographs ("the reports", "his claims"); a past form or a participle after a comma is a verb anyway.
      const verbForm = /ed$/.test(x.lower) && x.lower !== 'need' || /^(?:said|says|told|tells|wrote|thought)$/.test(x.lower) || /ing$/.test(x.lower) && isComma(prev);
      if (!verbForm || prev && (DETERMINERS.has(prev.lower) || /['\u2019]s$/.test(prev.text) || prev.upos === 'ADJ')) return undefined;
    }
    if (!x.upos) {
      if (x.cap && k > 0) return undefined;
      if (prev && (DETERMINERS.has(prev.lower) && prev.lower !== 'that' || /['\u2019]s$/.test(prev.text))) return undefined;
    }
    return cue;
  }

  private quoteIsShort(q: number): boolean {
    return this.view.quotes[q]!.words < 3;
  }

  private reportedClause(s: Sentence, k: number, cue: Cue): void {
    const w = s.words, x = w[k]!;
    const participle = x.lower.endsWith('ing');
    const prevIdx = this.skipAdverbsBack(w, k - 1, 0);
    const prev = w[prevIdx];
    // Passive and reduced relatives ("It was reported that", "are said to be", "figures given by") have no source here.
    if (prev && BE_FORMS.has(prev.lower)) return;
    if (w[k + 1]?.lower === 'by') return;
    // "have not said", "never confirmed": a denied act of saying reports nothing.
    for (let b = k - 1; b > prevIdx; b--) if (NEGATIONS.has(w[b]!.lower)) return;
    if (prev && /^(?:declined|refused|failed|to)$/.test(prev.lower)) return;
    if (participle && !(isComma(prev) || prev && AUXILIARIES.has(prev.lower) || prev?.lower === 'and')) return;
    const at: Attribution = { kind: 'indirect', content: { start: 0, end: 0 }, cue: { start: x.start, end: x.end, lemma: cue.lemma }, rule: '', confidence: 0.75, sentence: s.index };

    // The speaker before the cue.
    let contentBefore: number | undefined; // word index where a preceding content ends (the comma before the speaker)
    if (participle && isComma(prev)) {
      this.speakerFromSubject(at, s, k);
      at.rule = 'indirect.participle';
    } else if (prev?.lower === 'and') {
      this.speakerFromSubject(at, s, k);
      at.rule = 'indirect.coordinated';
    } else if (isComma(prev) && this.invertedInside(w, k)) {
      // "Institutional recipients, said Mauer, are required …": the speaker follows the cue (below).
    } else {
      const sp = this.speakerBefore(at, s, k);
      contentBefore = sp;
      // The rules found no subject: ask the parse for the cue's nominal subject.
      if (!at.np && at.sharesWith === undefined && !isComma(prev)) {
        const np = this.subjectFromParse(s, k);
        if (np) { at.np = np; at.rule = 'indirect.parse-subject'; }
      }
      if (!at.np && at.sharesWith === undefined) {
        // "…, said the ministry." is tried below.
        if (!isComma(prev) && prevIdx >= 0) return;
      }
    }
    if (cue.needsAgent) {
      const np = at.np;
      const before = np ? w.findIndex((y) => y.start === np.start) - 1 : -1;
      if (!np || before < 0 || w[before]!.lower !== 'by') return;
      const docNoun = w.slice(0, before).some((y) => DOCUMENT_SOURCES.has(y.lower));
      if (!docNoun) return;
    }

    // What follows the cue: addressee, adverbials (time, channel), then "that" and the content.
    let i = k + 1;
    if (cue.particle && w[i]?.lower === cue.particle) i++;
    if (cue.addressee && w[i] && /^(?:me|him|her|us|them|you)$/.test(w[i]!.lower) && w[i]!.quote < 0) {
      this.setAddressee(at, [w[i]!]);
      i++;
    } else if (cue.addressee) {
      const ad = this.npForward(w, i, w.length, 6);
      // An addressee is someone: a name or a person/group noun ("told Reuters", "told reporters"), not the subject of the content.
      if (ad && ad.words.some((y) => y.cap && !DETERMINERS.has(y.lower) || SOURCE_NOUNS.has(y.lower) || /^(?:me|him|her|us|them)$/.test(y.lower))) {
        this.setAddressee(at, ad.words); i = w.findIndex((y) => y.start >= ad.end); if (i < 0) i = w.length;
      }
    }
    if (!at.np && at.sharesWith === undefined) {
      // Inverted cue-last: "…, said the ministry."
      const np = this.npForward(w, i, w.length);
      if (!np || !isComma(prev)) return;
      const after = w.findIndex((y) => y.start >= np.end);
      if (after >= 0 && !lastIsFinal(w[after]) && !isComma(w[after])) return;
      at.np = this.withAppositions(w, np, w.length);
      contentBefore = prevIdx;
      i = w.length;
      at.rule = 'indirect.cue-last.inverted';
      // "Institutional recipients, said Mauer, are required to …": the reported clause goes on after the speaker.
      if (!at.np.roles.length && goesOnAfter(w, after)) i = after;
    }
    i = this.skipAdverbials(at, w, i, cue);
    let hasThat = false;
    // "The plan, he said, would fail": the attribution sits inside the reported clause.
    if (contentBefore !== undefined && contentBefore >= 2 && isComma(w[contentBefore]) && isComma(w[i]) && !CONTENT_STOPS.has(w[i + 1]?.lower ?? '') && cue.frame !== 'inf' && w[i + 1] && w[i + 1]!.quote < 0) {
      let from = 0;
      while (from < contentBefore && PUNCT.test(w[from]!.text) && w[from]!.quote < 0) from++;
      const end = this.contentEnd(w, i + 1);
      if (end - (i + 1) >= 2 && contentBefore - from >= 2 && (at.np || at.sharesWith)) {
        at.content = this.spanOf(w, from, end);
        at.rule = 'indirect.cue-middle';
        at.kind = this.kindOf(at.content) === 'direct' ? 'direct' : this.kindOf(at.content);
        if (at.kind === 'direct') return;
        this.usedCues.add(x.start);
        this.channelNear(at, s, k, cue);
        this.out.push(at);
        return;
      }
    }
    if (w[i] && (w[i]!.text === ',' || w[i]!.text === ':') && cue.frame === 'say') i++;
    // "that" opens the content as a complementizer, not as a determiner or pronoun ("estimates that number is closer to …").
    if (w[i]?.lower === 'that' && (!w[i]!.upos || w[i]!.upos === 'SCONJ')) { i++; hasThat = true; }
    const restEmpty = i >= w.length || lastIsFinal(w[i]) && i === w.length - 1 || isComma(w[i]) && CONTENT_STOPS.has(w[i + 1]?.lower ?? '') || isDash(w[i]);

    if (restEmpty) {
      // Cue last: the content is what precedes the comma before the speaker.
      if (contentBefore === undefined || contentBefore < 0 || !isComma(w[contentBefore])) return;
      let from = 0;
      for (const o of this.out) if (o.sentence === s.index && o.content.end <= w[contentBefore]!.start && o.content.end > (w[from]?.start ?? 0)) from = w.findIndex((y) => y.start >= o.content.end);
      if (from < 0) from = 0;
      while (from < contentBefore && (PUNCT.test(w[from]!.text) && w[from]!.quote < 0 || /^(?:but|and|so|meanwhile)$/.test(w[from]!.lower))) from++;
      const end = contentBefore;
      if (end - from < 3) return;
      if (cue.frame === 'inf' || cue.frame === 'as' || cue.frame === 'to' || cue.frame === 'of' || cue.frame === 'at') return;
      at.content = this.spanOf(w, from, end);
      at.rule ||= 'indirect.cue-last';
    } else {
      // Cue first: the content follows, and must fit the cue's frame.
      let from = i;
      while (from < w.length && w[from]!.quote < 0 && (w[from]!.text === ',' || w[from]!.text === ':')) from++;
      const end = this.contentEnd(w, from);
      if (end - from < 2) return;
      if (WH_WORDS.has(w[from]!.lower) && !hasThat) return;
      const words = w.slice(from, end);
      switch (cue.frame) {
        // "told reporters about X", "said of his time": a topic, not a proposition.
        case 'say': if (!hasThat && (NP_PREPOSITIONS.has(w[from]!.lower) || ADVERBIAL_PREPOSITIONS.has(w[from]!.lower) || /^(?:by|about|so|yes|no|nothing|something|anything)$/.test(w[from]!.lower))) return; break;
        case 'np': if (w[from]!.lower === 'to' || w[from]!.lower === 'on' && !hasThat) return; break;
        case 'clause': if (!hasThat && !this.looksLikeClause(w, from, end)) return; break;
        case 'as': case 'to': case 'of': {
          const prep = cue.frame;
          if (w[from]!.lower === prep) return;
          if (!hasThat && !words.some((y) => y.lower === prep && y.quote < 0)) return;
          break;
        }
        case 'inf': if (w[from]!.lower !== 'to') return; from++; break;
        case 'at': {
          const near = words.slice(0, 4);
          if (!near.some((y) => PUT_OBJECTS.has(y.lower)) || !words.slice(0, 6).some((y) => y.lower === 'at')) return;
          break;
        }
        default: return;
      }
      if (end - from < 2) return;
      at.content = this.spanOf(w, from, end);
      at.rule ||= 'indirect.cue-first';
    }
    if (!at.np && at.sharesWith === undefined) return;
    at.kind = this.kindOf(at.content);
    // A quotation as the whole content ("wrote that “…”") is direct speech, unless the quotation pass already took it.
    if (at.kind === 'direct' && (!hasThat || this.out.some((o) => o.content.start < at.content.end && at.content.start < o.content.end))) return;
    this.usedCues.add(x.start);
    this.channelNear(at, s, k, cue);
    this.out.push(at);
  }

  /** Whether cue k is ", said X," inside the reported clause: a noun phrase after it, a comma, and the clause going on in lower case. */
  private invertedInside(w: readonly Word[], k: number): boolean {
    const np = this.npForward(w, k + 1, w.length);
    if (!np) return false;
    const a = w.findIndex((y) => y.start >= np.end);
    if (!goesOnAfter(w, a)) return false;
    let e = a + 1;
    while (e < w.length && !PUNCT.test(w[e]!.text)) e++;
    return !this.isAppositive(w.slice(a + 1, e));
  }

  /** "According to X, C." / "C, according to X." */
  private accordingTo(s: Sentence, k: number): void {
    const w = s.words;
    let np = this.npForward(w, k + 2, w.length, 8);
    if (!np) return;
    // "according to a statement from the ministry": the source is the statement's author.
    const after = w.findIndex((y) => y.start >= np!.end);
    if (after > 0 && CHANNEL_HEADS.has(np.words[np.words.length - 1]!.lower) && /^(?:from|by|of)$/.test(w[after]?.lower ?? '')) {
      const author = this.npForward(w, after + 1, w.length, 8);
      if (author) np = { ...author, start: np.start };
    }
    // "According to Afghan Ambassador to the United States Hamdullah Mohib, C": at the head of a sentence the source
    // phrase runs to its comma, however long its description.
    if (k === 0 || k === 1 && PUNCT.test(w[0]!.text)) {
      const comma = w.findIndex((y, i) => i > k + 1 && isComma(y));
      const cut = w.findIndex((y) => y.start >= np!.end);
      if (comma > cut && cut > 0 && comma - (k + 2) <= 14 && w.slice(cut, comma).some((y) => y.cap) && !w.slice(k + 2, comma).some((y) => y.quote >= 0 || VERB_TAGS.has(y.upos) && !y.cap)) {
        const words = w.slice(k + 2, comma);
        np = npOf(words);
      }
    }
    const source = np;
    let npEnd = w.findIndex((y) => y.start >= source.end);
    // "According to Yonhap, quoting KCNA, …": the quoted source governs the content; the first one only relays it.
    if (npEnd > 0 && isComma(w[npEnd]) && /^(?:quoting|citing)$/.test(w[npEnd + 1]?.lower ?? '')) {
      const src = this.npForward(w, npEnd + 2, w.length, 10);
      if (src) { np = src; npEnd = w.findIndex((y) => y.start >= src.end); }
    }
    // "According to the Afghan team's coach, Alireza Mehraban, C": a description, then the name in apposition.
    if (npEnd > 0 && isComma(w[npEnd]) && PERSON_NOUNS.has(np.words[np.words.length - 1]!.lower)) {
      let e = npEnd + 1;
      while (e < w.length && e - npEnd <= 4 && (w[e]!.cap || NAME_PARTICLES.has(w[e]!.lower)) && !PUNCT.test(w[e]!.text)) e++;
      if (e > npEnd + 1 && isComma(w[e]) && w[npEnd + 1]!.cap) {
        const words = w.slice(npEnd + 1, e);
        np = npOf(words, [this.textOf(np.words as Word[])]);
        npEnd = e;
      }
    }
    let content: Span | undefined;
    // "boats which, according to AFP, the UN criticised", "said that, according to police, 12 died": the source
    // governs the clause the word before its comma opens, which goes on after it.
    const opensClause = k > 1 && CLAUSE_OPENERS.has(w[k - 2]!.lower);
    // "… about 6 million visitors according to the event website.": the source closes the sentence, no comma needed.
    const closes = k >= 3 && !isComma(w[k - 1]) && (npEnd < 0 || w.slice(npEnd).every((y) => PUNCT.test(y.text) && y.quote < 0));
    const before = k > 0 && (isComma(w[k - 1]) || closes) && !opensClause;
    if (before) {
      let from = 0;
      while (from < k && PUNCT.test(w[from]!.text) && w[from]!.quote < 0) from++;
      const end = closes ? k : k - 1;
      if (end - from >= 3) content = this.spanOf(w, from, end);
    } else {
      // Skip the rest of the source phrase up to its comma ("a Datafolha poll released Thursday,"); without a comma nearby the content starts after the source.
      let i = npEnd < 0 ? w.length : npEnd;
      let c = i;
      // A participle after the source opens a longer reduced relative ("an Internet posting made just over 24 hours ago,").
      const relative = w[i] && !w[i]!.cap && w[i]!.upos === 'VERB' && /(?:ed|en|made|held|sent|put|written)$/.test(w[i]!.lower);
      while (c < w.length && c - i < (relative ? 10 : 4) && !isComma(w[c]) && w[c]!.quote < 0) c++;
      i = isComma(w[c]) ? c + 1 : i;
      const end = this.contentEnd(w, i);
      if (end - i >= 3) content = this.spanOf(w, i, end);
    }
    if (!content) return;
    const cue = { start: w[k]!.start, end: w[k + 1]!.end, lemma: 'according to' };
    const at: Attribution = { kind: this.kindOf(content), content, cue, np: this.withAppositions(w, np, w.length), rule: 'indirect.according-to', confidence: 0.8, sentence: s.index };
    if (at.kind === 'direct') at.kind = 'mixed';
    this.out.push(at);
  }

  /** "X quoted the ministry as saying C": the ministry is the source, X relays it. */
  private asSaying(s: Sentence, k: number): void {
    const w = s.words;
    const q = w.slice(0, k).findIndex((y) => y.lower === 'quoted' || y.lower === 'quoting' || y.lower === 'cited' || y.lower === 'citing');
    if (q < 0) return;
    let np: SpeakerNp | undefined;
    if (q === k - 1 && q > 0 && BE_FORMS.has(w[q - 1]!.lower)) {
      // "X was quoted as saying …": the subject is the source.
      np = this.npBackward(w, this.skipAdverbsBack(w, q - 2, 0) + 1, 0);
    } else np = this.npForward(w, q + 1, k, 10);
    if (!np) return;
    let from = k + 2;
    if (w[from]?.lower === 'that') from++;
    const end = this.contentEnd(w, from);
    if (end - from < 2) return;
    const content = this.spanOf(w, from, end);
    const at: Attribution = { kind: this.kindOf(content), content, cue: { start: w[k]!.start, end: w[k + 1]!.end, lemma: 'say' }, np, rule: 'indirect.quoted-as-saying', confidence: 0.8, sentence: s.index };
    this.usedCues.add(w[k + 1]!.start);
    this.usedCues.add(w[q]!.start);
    if (at.kind === 'direct') return;
    this.out.push(at);
  }

  /** Headlines: "Netanyahu: C" and "C – Police" on a short first line. */
  private headlines(): void {
    const ps = this.view.paragraphs;
    const text = this.view.text;
    for (let pi = 0; pi < Math.min(ps.length, 3); pi++) {
      const p = ps[pi]!;
      let start = p.start;
      while (start < p.end && /[\s\-\u2013\u2014:]/.test(text[start]!)) start++;
      // The "date YYYY-MM-DD" header and an all-caps label or dateline ("UPDATE:", "TEHRAN -") are not part of a headline.
      const lead = /^(?:date\s+\d{4}-\d{2}-\d{2}\s+)?(?:\p{Lu}{2,}[\p{Lu}\s,.]*\s*[:\-\u2013\u2014]\s+)?/u.exec(text.slice(start, p.end));
      if (lead) start += lead[0].length;
      const line = text.slice(start, p.end);
      if (/[.!?]["\u201D]?$/.test(line) && line.split(/\s+/).length > 12) continue; // a body sentence, not a headline
      const colon = /^(?<source>(?:\p{Lu}[\p{L}.'\u2019-]*\s?){1,4}):\s+(?<content>\S.{10,})$/u.exec(line);
      const dash = /^(?<content>.{10,}?)\s+[\u2013\u2014-]\s+(?<source>(?:\p{Lu}[\p{L}.'\u2019-]*\s?){1,4})$/u.exec(line);
      const m = colon ?? dash;
      if (!m || !m.groups) continue;
      const source = m.groups.source!.trim();
      if (source === source.toUpperCase() && source.length > 3) continue; // an all-caps dateline ("SANAA:") or label ("UPDATE:")
      if (/^(?:update|watch|video|photos?|live|breaking|analysis|opinion|exclusive|explainer|editorial|review|interview|factbox|timeline)$/i.test(source)) continue;
      const srcStart = start + m.index! + line.indexOf(source, colon ? 0 : m.groups.content!.length);
      const contentText = m.groups.content!;
      const cStart = start + line.indexOf(contentText, colon ? source.length : 0);
      const content = { start: cStart, end: cStart + contentText.length };
      const sepAt = colon ? srcStart + source.length : text.lastIndexOf(text.slice(srcStart - 2, srcStart - 1), srcStart);
      const cue = colon ? { start: srcStart + source.length, end: srcStart + source.length + 1, lemma: 'say' } : { start: sepAt, end: sepAt + 1, lemma: 'say' };
      if (this.out.some((o) => o.content.start < content.end && content.start < o.content.end)) continue;
      const s = this.sentenceOf(srcStart);
      if (!s) continue;
      const words = s.words.filter((x) => x.start >= srcStart && x.end <= srcStart + source.length);
      if (!words.length) continue;
      this.out.push({ kind: this.kindOf(content) === 'direct' ? 'direct' : 'indirect', content, cue, np: { start: srcStart, end: srcStart + source.length, words, roles: [] }, rule: colon ? 'headline.colon' : 'headline.dash', confidence: 0.7, sentence: s.index });
    }
  }

  /**
   * "According to Reuters, the ministry said X": X is annotated once, with the ministry; the relay keeps no statement of its own.
   * A poll or survey whose respondents "said" something keeps both ("According to a poll, 85% of voters said …").
   */
  private relays(): void {
    // Attributions by sentence, in list order; `dropped` stands for the splices, so the lists stay valid.
    const bySentence = new Map<number, Attribution[]>();
    const dropped = new Set<Attribution>();
    if (this.out.some((o) => o.cue.lemma === 'according to')) {
      for (const o of this.out) { const l = bySentence.get(o.sentence); if (l) l.push(o); else bySentence.set(o.sentence, [o]); }
    }
    for (let i = this.out.length - 1; i >= 0; i--) {
      const outer = this.out[i]!;
      if (outer.cue.lemma !== 'according to') continue;
      const inner = (bySentence.get(outer.sentence) ?? []).find((o) => !dropped.has(o) && o !== outer && o.sentence === outer.sentence && o.np && o.np.start >= outer.content.start && o.content.end <= outer.content.end && o.np.start - outer.content.start < 3);
      if (!inner || !inner.np) continue;
      const first = inner.np.words[0]!;
      const quantified = /^\d/.test(first.text) || /^(?:most|many|some|few|half|all|\d+%)$/.test(first.lower);
      if (quantified) { inner.relay = outer; continue; }
      inner.relay = outer;
      inner.relayNp = outer.np;
      dropped.add(outer);
      this.out.splice(i, 1);
    }
  }

  /** A cue-less quotation goes on with the latest statement before it (direct or not) in its paragraph or the one before. */
  private continuations(): void {
    const paraOf = (a: Attribution) => this.view.sentences[a.sentence]!.paragraph;
    for (const a of this.out) {
      if (!a.continued) continue;
      let best: Attribution | undefined;
      for (const b of this.out) {
        if (b === a || b.content.start >= a.content.start || b.rule.endsWith('.in-quotation')) continue;
        if (paraOf(a) - paraOf(b) > 1) continue;
        if (!best || b.content.start > best.content.start) best = b;
      }
      if (best) { a.sharesWith = best.continued && best.sharesWith ? best.sharesWith : best; a.cue = { ...best.cue }; }
    }
  }

  // ---------------------------------------------------------------- speakers

  /**
   * Finds the speaker before cue k ("X said", "X, a senior advisor to Y, said", "he also said").
   * Returns the index of the comma that precedes the speaker phrase (where a cue-last content ends), or undefined.
   */
  private speakerBefore(at: Attribution, s: Sentence, k: number): number | undefined {
    const w = s.words;
    const j = this.skipAdverbsBack(w, k - 1, 0);
    if (j < 0) return undefined;
    if (w[j]!.lower === 'and' && (j === 0 || !this.nounish(w[j - 1]!))) { this.speakerFromSubject(at, s, k); return undefined; }
    if (isComma(w[j])) {
      // Appositions between speaker and cue: walk back over comma-bounded phrases to the speaker.
      const roles: string[] = [];
      let end = j;
      for (let hop = 0; hop < 4; hop++) {
        const p = this.prevComma(w, end - 1);
        const segStart = p + 1;
        const seg = w.slice(segStart, end);
        if (!seg.length) return undefined;
        const appositive = this.isAppositive(seg) || seg.every((x) => POSTNOMINALS.has(x.lower));
        if (appositive && p >= 0) { roles.push(this.textOf(seg)); end = p; continue; }
        // A parenthetical adverbial ("X, during a visit to the region, announced"; "X, however, put").
        if (p >= 0 && (ADVERBS.has(seg[0]!.lower) && seg.length <= 2 || ADVERBIAL_PREPOSITIONS.has(seg[0]!.lower) || SUBORDINATORS.has(seg[0]!.lower) || /ing$/.test(seg[0]!.lower))) { end = p; continue; }
        let np = this.npBackward(w, end, segStart);
        if (np && np.start !== w[segStart]!.start && DETERMINERS.has(seg[0]!.lower)) {
          // "A coalition statement carried by Al Arabiya TV, said": the subject is the phrase before the reduced relative.
          const fwd = this.npForward(w, segStart, end, 8);
          const next = fwd ? w.find((y) => y.start >= fwd.end) : undefined;
          if (fwd && next && (/(?:ed|en)$/.test(next.lower) || next.upos === 'VERB') && w[w.indexOf(next) + 1]?.lower === 'by') np = fwd;
        }
        if (!np) return undefined;
        if (np.start !== w[segStart]!.start) {
          // Only an introductory adverb or a subordinator may stand before the speaker ("Earlier, X, a …, said"; "… is
          // when X, a …, likened it to"); not a condition ("if X, a …, said").
          const lead = w[w.findIndex((y) => y.start === np!.start) - 1];
          const opens = lead && (ADVERBS.has(lead.lower) || isComma(lead) || SUBORDINATORS.has(lead.lower) && lead.lower !== 'if' && lead.lower !== 'unless');
          if (p >= 0 || lead && !opens) return undefined;
        }
        at.np = { ...np, roles };
        // "police spokesperson, Victor Isuku, …": a role phrase right before the name is kept too.
        if (p >= 0 && np.start === w[segStart]!.start) {
          const before = this.npBackward(w, p, Math.max(0, this.prevComma(w, p - 1) + 1));
          if (before && this.isDescription(before.words) && this.hasName(np.words)) {
            at.np = { ...np, roles: [...roles, this.textOf(before.words as Word[])] };
            const idx = w.findIndex((y) => y.start === before.start);
            return idx > 0 && isComma(w[idx - 1]) ? idx - 1 : undefined;
          }
        }
        if (np.start !== w[segStart]!.start) return undefined;
        return p >= 0 ? p : undefined;
      }
      return undefined;
    }
    const np = this.npBackward(w, j + 1, 0);
    if (!np) return undefined;
    at.np = np;
    const first = w.findIndex((y) => y.start === np.start);
    return first > 0 && isComma(w[first - 1]) ? first - 1 : undefined;
  }

  /** The nominal subject of cue k in the dependency parse, as a noun phrase of words before the cue (up to a comma). */
  private subjectFromParse(s: Sentence, k: number): SpeakerNp | undefined {
    const p = this.parse;
    if (!p) return undefined;
    const { tokens, syntax } = p;
    const cueTok = tokenAt(tokens, s.words[k]!.start);
    if (cueTok < 0 || tokens.start[cueTok] !== s.words[k]!.start) return undefined;
    let subj = -1;
    for (let t = cueTok - 1; t >= 0 && tokens.start[t]! >= s.start; t--) if (syntax.head[t] === cueTok && /^nsubj(?!:pass)/.test(syntax.deprel[t]!)) { subj = t; break; }
    if (subj < 0) return undefined;
    // Left edge: the subject's dependents before it, without crossing a comma.
    let left = subj;
    for (let t = subj - 1; t >= 0 && tokens.start[t]! >= s.start; t--) {
      if (tokens.form[t] === ',') break;
      let a = t, steps = 0;
      while (a >= 0 && a !== subj && steps++ < 8) a = syntax.head[a]!;
      if (a === subj) left = t; else break;
    }
    const from = tokens.start[left]!, to = tokens.end[subj]!;
    const words = s.words.filter((x) => x.start >= from && x.end <= to && x.quote < 0);
    if (!words.length || words.some((x) => CUE_FORMS.has(x.lower) && !x.cap && x.upos === 'VERB')) return undefined;
    if (words.length === 1 && /^(?:who|which)$/.test(words[0]!.lower)) {
      // A relative clause: the source is the noun phrase it hangs on ("Devocht, who told him …").
      let i = s.words.indexOf(words[0]!);
      if (isComma(s.words[i - 1])) i--;
      return this.npBackward(s.words, i, 0);
    }
    if (words.length === 1 && /^(?:i|we|you|this|that|there)$/.test(words[0]!.lower)) return undefined;
    return npOf(words);
  }

  /** The sentence's subject (or the speaker of an earlier attribution in it) speaks a participle or coordinated cue. */
  private speakerFromSubject(at: Attribution, s: Sentence, k: number): void {
    const cueStart = s.words[k]!.start;
    for (let i = this.out.length - 1; i >= 0; i--) {
      const o = this.out[i]!;
      if (o.sentence === s.index && o.cue.start < cueStart) { at.sharesWith = o; return; }
    }
    const subj = this.subjectOf(s, k);
    if (subj) at.np = subj;
  }

  /** The subject noun phrase at the start of the sentence, after any introductory phrase. */
  private subjectOf(s: Sentence, limit: number): SpeakerNp | undefined {
    const w = s.words;
    let i = 0;
    while (i < limit && (PUNCT.test(w[i]!.text) && w[i]!.quote < 0 || /^(?:but|and|so|meanwhile|however|yet)$/.test(w[i]!.lower))) i++;
    const first = w[i];
    if (!first || first.quote >= 0) return undefined;
    if (SUBORDINATORS.has(first.lower) || ADVERBIAL_PREPOSITIONS.has(first.lower) || NP_PREPOSITIONS.has(first.lower) || /(?:ing|ed)$/.test(first.lower) && !first.cap) {
      const c = w.findIndex((y, idx) => idx > i && idx < limit && isComma(y));
      if (c < 0) return undefined;
      i = c + 1;
    } else if (/(?:ing|ed)$/.test(first.lower) && first.cap && !this.nounish(w[i + 1] ?? first)) {
      const c = w.findIndex((y, idx) => idx > i && idx < limit && isComma(y));
      if (c < 0) return undefined;
      i = c + 1;
    }
    return this.npForward(w, i, limit, 10);
  }

  private isAppositive(seg: readonly Word[]): boolean {
    const f = seg[0]!;
    // "editor at large at the Saudi Gazette", "Panama coach", "USI associate professor of art history": a role with no
    // article, as news writes appositions (the role noun itself in lower case, its modifiers before it).
    const r = seg.slice(0, 4).findIndex((x) => !x.cap && PERSON_NOUNS.has(x.lower));
    const bareRole = r >= 0 && seg.length > 1 && !DETERMINERS.has(f.lower) && seg.slice(0, r).every((x) => !NP_PREPOSITIONS.has(x.lower) && !PUNCT.test(x.text));
    // "the State Department Spokesperson", "the Hamas spokesman": a definite role, capitalized modifiers and all.
    const definiteRole = f.lower === 'the' && seg.length > 1 && PERSON_NOUNS.has(seg[seg.length - 1]!.lower);
    return bareRole || definiteRole || this.parsedAppositive(seg) || f.lower === 'a' || f.lower === 'an' || /^\d+$/.test(f.text) || f.lower === 'who' || f.lower === 'which' || f.lower === 'whose' || f.lower === 'the' && seg.some((x) => x.lower === 'of' || PERSON_NOUNS.has(x.lower)) && !seg.some((x) => x.cap && !DETERMINERS.has(x.lower) && x !== seg[0]) && seg.length > 2;
  }

  /**
   * The parser attaches the segment as an apposition headed by a common noun: "Claudio De Vincenti, undersecretary to
   * the prime minister, said", where the role noun is in no word list.
   */
  private parsedAppositive(seg: readonly Word[]): boolean {
    const p = this.parse;
    if (!p || !seg.length) return false;
    const { tokens, syntax } = p;
    const a = tokenAt(tokens, seg[0]!.start), b = tokenAt(tokens, seg[seg.length - 1]!.start);
    if (a < 0 || b < 0) return false;
    let head = -1;
    for (let t = a; t <= b; t++) {
      const h = syntax.head[t]!;
      if (h >= a && h <= b || syntax.deprel[t] === 'punct') continue;
      if (head >= 0) return false;
      head = t;
    }
    if (head < 0 || syntax.deprel[head] !== 'appos') return false;
    const x = seg.find((y) => y.start === tokens.start[head]);
    return !!x && !x.cap && x.upos === 'NOUN';
  }

  private isDescription(words: readonly Word[]): boolean {
    return words.some((x) => SOURCE_NOUNS.has(x.lower)) && !this.hasName(words.filter((x) => !SOURCE_NOUNS.has(x.lower)));
  }

  private hasName(words: readonly Word[]): boolean {
    return words.some((x, i) => x.cap && !DETERMINERS.has(x.lower) && !TITLE_WORDS.has(x.lower) && !(i === 0 && CLAUSE_STOPS.has(x.lower)));
  }

  private prevComma(w: readonly Word[], from: number): number {
    let depth = 0;
    for (let i = from; i >= 0; i--) {
      const t = w[i]!.text;
      if (t === ')') depth++;
      else if (t === '(') depth--;
      else if (depth <= 0 && (t === ',' || t === ':' || t === ';' || isDash(w[i]) || isQuoteMark(w[i]!) && w[i]!.quote < 0)) return i;
      else if (depth <= 0 && w[i]!.quote >= 0 && !this.quoteIsShort(w[i]!.quote)) return i;
    }
    return -1;
  }

  private skipAdverbsBack(w: readonly Word[], i: number, min: number): number {
    while (i >= min && (ADVERBS.has(w[i]!.lower) && !(w[i]!.cap && i === 0))) i--;
    return i;
  }

  /** Could this word sit inside a source noun phrase? */
  private nounish(x: Word, strict = false): boolean {
    if (x.quote >= 0 && this.quoteIsShort(x.quote)) return true; // a nickname: Luiz Inácio "Lula" da Silva
    if (PUNCT.test(x.text)) return false;
    if (PRONOUNS.has(x.lower)) return false;
    if (CUE_FORMS.has(x.lower) && !x.cap && !x.upos) return false;
    if (x.upos) {
      if (x.upos === 'PROPN' || x.upos === 'NUM') return true;
      if (NOUNISH_TAGS.has(x.upos)) return !CLAUSE_STOPS.has(x.lower) || DETERMINERS.has(x.lower);
      if (x.upos === 'VERB' && /(?:ed|led|run|based|owned)$/.test(x.lower) && /-/.test(x.text)) return true;
      return false;
    }
    if (x.cap) return (!CLAUSE_STOPS.has(x.lower) || DETERMINERS.has(x.lower)) && !ADVERBS.has(x.lower) && !AUXILIARIES.has(x.lower) && !/['\u2019](?:ll|re|ve|d|m)$/.test(x.lower) && !SUBORDINATORS.has(x.lower);
    if (AUXILIARIES.has(x.lower) || CLAUSE_STOPS.has(x.lower) && !DETERMINERS.has(x.lower)) return false;
    if (SOURCE_NOUNS.has(x.lower) || CHANNEL_NOUNS.has(x.lower) || MODIFIERS.has(x.lower) || DETERMINERS.has(x.lower) || HYPHENATED.test(x.text) || /^\d/.test(x.text) || /[\u2019']s$/.test(x.text) || NAME_PARTICLES.has(x.lower) || TITLE_WORDS.has(x.lower)) return true;
    // Without a tagger: any open-class word that does not look like an adverb, a participle or a function word.
    if (strict) return false;
    return !IRREGULAR_VERBS.has(x.lower) && !ADVERBS.has(x.lower) && !NP_PREPOSITIONS.has(x.lower) && !ADVERBIAL_PREPOSITIONS.has(x.lower) && !/(?:ly|ed)$/.test(x.lower) && !TIME_WORDS.has(x.lower);
  }

  /** The noun phrase that ends right before word `end`, not reaching before `min`. */
  private npBackward(w: readonly Word[], end: number, min: number, max = 14): SpeakerNp | undefined {
    let i = end - 1;
    if (i < min) return undefined;
    const last = w[i]!;
    if (PRONOUNS.has(last.lower) && last.lower !== 'i' || last.lower === 'i' && last.text === 'I') {
      return { start: last.start, end: last.end, words: [last], roles: [] };
    }
    let start = end;
    let depth = 0, crossed = false;
    for (; i >= min && end - i <= max; i--) {
      const x = w[i]!;
      if (x.text === ')') { depth++; continue; }
      if (x.text === '(') { depth--; continue; }
      if (depth > 0) continue;
      // "analysis of its own statistics": a possessive after a preposition opens the inner phrase, as a determiner would.
      if (POSSESSIVE_DETERMINERS.has(x.lower) && start < end && i > min && NP_PREPOSITIONS.has(w[i - 1]!.lower)) { start = i; continue; }
      // "other sites such as Gawker.com have stated": the examples belong to the phrase they illustrate.
      if (x.lower === 'as' && w[i - 1]?.lower === 'such' && i - 1 > min && start < end && this.nounish(w[i - 2]!, true)) { i--; crossed = true; continue; }
      if (this.nounish(x, crossed)) {
        start = i;
        // A determiner opens the phrase unless a preposition ("the head of the region") or a name continues it.
        if (DETERMINERS.has(x.lower) && !(w[i - 1] && NP_PREPOSITIONS.has(w[i - 1]!.lower))) break;
        continue;
      }
      if ((NP_PREPOSITIONS.has(x.lower) || x.lower === 'and' || x.lower === '&') && i > min && this.nounish(w[i - 1]!, true) && !/^\d/.test(w[i - 1]!.text) && start < end) { crossed = true; continue; }
      break;
    }
    if (start >= end) return undefined;
    // Trim leading prepositions, conjunctions and bracket debris.
    while (start < end && (NP_PREPOSITIONS.has(w[start]!.lower) || w[start]!.lower === 'and' || w[start]!.text === '(' || w[start]!.text === ')')) start++;
    if (start >= end) return undefined;
    const words = w.slice(start, end);
    if (!words.some((x) => x.cap && !DETERMINERS.has(x.lower) || SOURCE_NOUNS.has(x.lower) || x.upos === 'NOUN' || x.upos === 'PROPN' || x.quote >= 0)) return undefined;
    // A phrase of modifiers and time words only is not a source.
    if (words.every((x) => DETERMINERS.has(x.lower) || TIME_WORDS.has(x.lower) || /^\d/.test(x.text))) return undefined;
    return npOf(words);
  }

  /** The noun phrase that starts at word `from` (speaker after "said", "according to", addressee after "told"). */
  private npForward(w: readonly Word[], from: number, limit: number, max = 10): SpeakerNp | undefined {
    let i = from;
    if (i >= limit || !w[i]) return undefined;
    const first = w[i]!;
    if (PRONOUNS.has(first.lower)) return { start: first.start, end: first.end, words: [first], roles: [] };
    let depth = 0, end = i;
    for (; i < limit && i - from < max; i++) {
      const x = w[i]!;
      if (x.text === '(') { depth++; continue; }
      if (x.text === ')') { depth--; if (depth === 0) end = i + 1; continue; }
      if (depth > 0) continue;
      // After a capitalized word, a lower-case word without a tag is more likely a verb ("Tom Reyes runs …") unless it is a known noun.
      const strict = i > from && w[i - 1]!.cap && !x.upos;
      const afterDet = i > from && DETERMINERS.has(w[i - 1]!.lower) && SOURCE_NOUNS.has(x.lower);
      if ((afterDet || this.nounish(x, strict)) && !(i > from && DETERMINERS.has(x.lower) && !NP_PREPOSITIONS.has(w[i - 1]!.lower) && w[i - 1]!.lower !== 'and')) {
        // A participle after a noun starts a reduced relative ("a poll released Thursday").
        if (i > from && !x.cap && /ed$/.test(x.lower) && !HYPHENATED.test(x.text) && !DETERMINERS.has(w[i - 1]!.lower) && x.upos !== 'ADJ' && x.upos !== 'NOUN') break;
        if (i > from && TIME_WORDS.has(x.lower) && !x.cap) break;
        if (i > from && x.cap && TIME_WORDS.has(x.lower) && CALENDAR_NAME.test(x.lower)) break;
        end = i + 1;
        continue;
      }
      if ((NP_PREPOSITIONS.has(x.lower) || x.lower === 'and') && i > from && w[i + 1] && this.nounish(w[i + 1]!) && !TIME_WORDS.has(w[i + 1]!.lower) && !(x.lower === 'on' || x.lower === 'at')) continue;
      break;
    }
    while (end > from && (DETERMINERS.has(w[end - 1]!.lower) || NP_PREPOSITIONS.has(w[end - 1]!.lower))) end--;
    if (end <= from) return undefined;
    const words = w.slice(from, end);
    if (!words.some((x) => x.cap && !DETERMINERS.has(x.lower) || SOURCE_NOUNS.has(x.lower) || x.upos === 'NOUN' || x.upos === 'PROPN')) return undefined;
    return npOf(words);
  }

  /** Keeps comma-bounded appositions after a speaker ("Amy Bau, 41, a sign language teacher") as roles. */
  private withAppositions(w: readonly Word[], np: SpeakerNp, limit: number): SpeakerNp {
    const roles: string[] = [];
    let i = w.findIndex((y) => y.start >= np.end);
    while (i >= 0 && i < limit && isComma(w[i])) {
      let j = i + 1;
      while (j < limit && !PUNCT.test(w[j]!.text)) j++;
      const seg = w.slice(i + 1, j);
      if (!seg.length || !(this.isAppositive(seg) || seg.every((x) => this.nounish(x)))) break;
      // "the report, Gaza, Rafah and Khan Younis were hit": names in a list, not an apposition.
      if (seg.every((x) => x.cap) && isComma(w[j]) && w[j + 1] && (w[j + 1]!.cap || w[j + 1]!.lower === 'and')) break;
      if (!/^\d+$/.test(seg[0]!.text) || seg.length > 1) roles.push(this.textOf(seg));
      i = j;
    }
    return roles.length ? { ...np, roles } : np;
  }

  private setAddressee(at: Attribution, words: readonly Word[]): void {
    if (!words.length) return;
    const name = cleanName(this.textOf(words as Word[])).replace(/^the\s+/i, '');
    at.addressee = { start: words[0]!.start, end: words[words.length - 1]!.end, name };
  }

  /** Skips time and channel adverbials after a cue ("on Monday", "in a statement", "on Ukrainian television"), noting the channel. */
  private skipAdverbials(at: Attribution, w: readonly Word[], i: number, cue: Cue): number {
    for (let guard = 0; guard < 6 && i < w.length; guard++) {
      const x = w[i]!;
      if (ADVERBS.has(x.lower) || TIME_WORDS.has(x.lower) && (x.cap || /^(?:earlier|later|overnight|today|yesterday)$/.test(x.lower))) { i++; continue; }
      if (isComma(x)) {
        // "explains, in a satirical fashion, that …": a parenthetical between the cue and its that-clause.
        let j = i + 1;
        while (j < w.length && j - i <= 8 && !PUNCT.test(w[j]!.text) && w[j]!.quote < 0) j++;
        const that = w[j + 1];
        if (j > i + 1 && isComma(w[j]) && that?.lower === 'that' && (!that.upos || that.upos === 'SCONJ')) { i = j + 1; continue; }
        break;
      }
      if (x.lower === 'to' && cue.frame !== 'inf') {
        // "stated to LA Weekly that …": an addressee in a prepositional phrase.
        const np = this.npForward(w, i + 1, w.length, 6);
        const after = np ? w.findIndex((y) => y.start >= np.end) : -1;
        if (np && after > 0 && (w[after]!.lower === 'that' || isComma(w[after]))) { if (!at.addressee) this.setAddressee(at, np.words); i = after; continue; }
        break;
      }
      if (ADVERBIAL_PREPOSITIONS.has(x.lower) && x.lower !== 'to' && !(x.lower === 'at' && /^(?:least|most|about|around)$/.test(w[i + 1]?.lower ?? ''))) {
        const np = this.npForward(w, i + 1, w.length, 8);
        // "said in 2020 …" is a date, handled like a phrase; "said after …" opens content.
        if (!np && !(w[i + 1] && /^\d/.test(w[i + 1]!.text))) break;
        const stop = np ? np.end : w[i + 1]!.end;
        let j = i + 1;
        while (j < w.length && w[j]!.start < stop) j++;
        const phrase = w.slice(i, j);
        // Only time and channel phrases are skipped; anything else is content ("said in Gaza 12 died" is rare).
        const isTime = phrase.some((y) => TIME_WORDS.has(y.lower) || /^\d/.test(y.text));
        const ch = phrase.find((y) => CHANNEL_NOUNS.has(y.lower));
        if (!isTime && !ch && !(cue.addressee || x.lower === 'in' && phrase.some((y) => y.cap))) break;
        if (ch && !at.channel) at.channel = { start: phrase[0]!.start, end: phrase[phrase.length - 1]!.end, type: CHANNEL_NOUNS.get(ch.lower)! };
        i = j;
        if (isComma(w[i]) && w[i + 1] && TIME_WORDS.has(w[i + 1]!.lower)) i++;
        continue;
      }
      break;
    }
    return i;
  }

  /** A channel named in the sentence around the cue ("In an interview with Press TV", "tweeted"). */
  private channelNear(at: Attribution, s: Sentence, k: number, cue: Cue): void {
    if (at.channel) return;
    const verb = CHANNEL_VERBS.get(cue.lemma);
    const w = s.words;
    for (let i = 0; i < w.length; i++) {
      const x = w[i]!;
      // A capitalized channel word is part of a name ("Press TV"), not the channel itself.
      if (x.quote >= 0 || !CHANNEL_NOUNS.has(x.lower) || x.cap) continue;
      if (at.content.start <= x.start && x.end <= at.content.end) continue;
      if (Math.abs(i - k) > 20) continue;
      // "In an interview with Press TV" -> the whole phrase.
      let a = i, b = i + 1;
      while (a > 0 && (DETERMINERS.has(w[a - 1]!.lower) || /^(?:in|during|on|at)$/.test(w[a - 1]!.lower) && a === i - 1 || w[a - 1]!.lower === 'in' || w[a - 1]!.lower === 'press' || w[a - 1]!.lower === 'news')) a--;
      if (w[b]?.lower === 'with') { const np = this.npForward(w, b + 1, w.length, 5); if (np) while (b < w.length && w[b]!.start < np.end) b++; }
      at.channel = { start: w[a]!.start, end: w[b - 1]!.end, type: CHANNEL_NOUNS.get(x.lower)! };
      return;
    }
    if (verb) at.channel = { start: at.cue.start, end: at.cue.end, type: verb };
  }

  // ---------------------------------------------------------------- content

  /** Where reported content that starts at `from` ends: the sentence's end, a dash, "; ", or ", saying/according to …". */
  private contentEnd(w: readonly Word[], from: number): number {
    let end = w.length;
    for (let i = from; i < w.length; i++) {
      const x = w[i]!;
      if (x.quote >= 0) continue;
      if (x.text === ';' || isDash(x) || x.text === '-' && w[i + 1]?.text === '-') { end = i; break; }
      if (isComma(x) && CONTENT_STOPS.has(w[i + 1]?.lower ?? '') && w[i + 1]!.quote < 0) { end = i; break; }
      // "… and claim she …": a coordinated verb of saying ends the content; its own statement follows.
      if (x.lower === 'and' && i > from && this.sentenceHasCue(w, i + 1, i + 2)) { end = i; break; }
      // ", and many people reported …": a coordinated clause with its own source ends the content.
      if (isComma(x) && /^(?:and|but|while|whereas)$/.test(w[i + 1]?.lower ?? '') && this.sentenceHasCue(w, i + 2, i + 10)) { end = i; break; }
    }
    while (end > from && PUNCT.test(w[end - 1]!.text) && w[end - 1]!.quote < 0 && !isQuoteMark(w[end - 1]!)) end--;
    return end;
  }

  private sentenceHasCue(w: readonly Word[], from: number, to: number): boolean {
    for (let i = from; i < Math.min(to, w.length); i++) {
      const x = w[i]!;
      if (x.quote >= 0 || PUNCT.test(x.text)) return false;
      const c = CUE_FORMS.get(x.lower);
      // A cue that only introduces quotations ("continued", "shouted") is no cue without one: "and continued as a passion".
      if (c && c.frame === 'quote' && !(w[i + 1]?.quote! >= 0 || /^[,:]$/.test(w[i + 1]?.text ?? '') && w[i + 2]?.quote! >= 0)) continue;
      if (c && !x.cap && !DETERMINERS.has(w[i - 1]?.lower ?? '') && !BE_FORMS.has(w[i - 1]?.lower ?? '')) return (!x.upos || VERB_TAGS.has(x.upos));
    }
    return false;
  }

  /** The character span of words [from, end), stretched to the close of a quotation it ends inside. */
  private spanOf(w: readonly Word[], from: number, end: number): Span {
    const a = w[from]!, b = w[end - 1]!;
    let e = b.end, s = a.start;
    if (b.quote >= 0) e = Math.max(e, this.view.quotes[b.quote]!.end);
    if (a.quote >= 0) s = Math.min(s, this.view.quotes[a.quote]!.start);
    return { start: s, end: e };
  }

  private kindOf(content: Span): Kind {
    let quoted = false;
    for (const q of this.view.quotes) {
      if (q.start >= content.start && q.end <= content.end) {
        if (q.start === content.start && q.end === content.end) return 'direct';
        // A quoted nickname inside a name (Luiz Inácio "Lula" da Silva) is not a quoted fragment of speech.
        if (q.words === 1 && /^\S?\p{Lu}/u.test(this.view.text.slice(q.start, q.end))) continue;
        quoted = true;
      }
    }
    return quoted ? 'mixed' : 'indirect';
  }

  /** Does a clause (a subject then a verb) open at `from`? Used for cues whose bare noun-phrase object is an act, not content. */
  private looksLikeClause(w: readonly Word[], from: number, end: number): boolean {
    let i = from, subject = 0;
    for (; i < end && i - from < 14; i++) {
      const x = w[i]!;
      // "at least 1.7 million people", "as many as 1,500 buildings", "more than 300 people": a quantified subject.
      if (QUANTIFIER_LEADS.has(x.lower)) {
        const num = w.slice(i + 1, i + 4).findIndex((y) => /^\d/.test(y.text));
        if (num >= 0) { i += num; subject++; continue; }
      }
      if ((x.lower === 'and' || x.lower === ',') && subject > 0) continue;
      // "the number of particles that should …": a relative clause inside a noun phrase, not a reported clause.
      if (subject > 0 && /^(?:that|which|who|whom|whose)$/.test(x.lower)) return false;
      if (x.upos) {
        // "a policy of turning away boats": a gerund after a preposition belongs to the noun phrase, it is not the clause's verb.
        if (VERB_TAGS.has(x.upos) && subject > 0 && x.lower.endsWith('ing') && w[i - 1]!.upos === 'ADP') { subject++; continue; }
        if (VERB_TAGS.has(x.upos) && !(HYPHENATED.test(x.text) && subject === 0)) return subject > 0;
        if (x.upos === 'ADV' && subject > 0) continue;
        if (VERB_TAGS.has(x.upos) && HYPHENATED.test(x.text)) { subject++; continue; } // "left-wing", "Saudi-led": modifiers
        if (x.upos === 'PRON' || NOUNISH_TAGS.has(x.upos) || x.upos === 'PROPN' || x.upos === 'ADP' && x.lower === 'of' || x.upos === 'PUNCT' && x.quote >= 0) { subject++; continue; }
        // "Warhol's obsession with celebrities began": a prepositional phrase inside the subject.
        // Only prepositions that rarely start an adverbial: "a ceasefire after the rocket fire eroded …" is an object and a clause.
        if (x.upos === 'ADP' && subject > 0 && NP_INNER_PREPOSITIONS.has(x.lower) && w[i + 1] && (NOUNISH_TAGS.has(w[i + 1]!.upos) || w[i + 1]!.upos === 'PROPN' || w[i + 1]!.upos === 'PRON')) continue;
        return false;
      }
      if (AUXILIARIES.has(x.lower) || IRREGULAR_VERBS.has(x.lower) && subject > 0) return subject > 0;
      if (subject > 0 && /ly$/.test(x.lower) && !x.cap) continue;
      if (!x.cap && /ed$/.test(x.lower) && subject > 0 && !HYPHENATED.test(x.text) && !DETERMINERS.has(w[i - 1]!.lower)) return true;
      if (PRONOUNS.has(x.lower) || this.nounish(x) || x.lower === 'of' || /^\d/.test(x.text) || x.quote >= 0) { subject++; continue; }
      if (!x.cap && /s$/.test(x.lower) && subject > 0 && !/(?:ss|us|is)$/.test(x.lower)) return true;
      return false;
    }
    return false;
  }

  private textOf(words: readonly Word[]): string {
    return this.view.text.slice(words[0]!.start, words[words.length - 1]!.end);
  }

  // ---------------------------------------------------------------- resolution

  /** Names, descriptions and pronouns become entities, in reading order; attributions take their speaker's entity. */
  private resolve(): void {
    const reg = this.registry;
    // Names first met outside attributions (NER, or capitalized runs) seed the registry, so surnames and "the coalition" resolve.
    const seeds: { span: Span; words: readonly Word[]; at: number; subject: boolean; ner?: NameMention }[] = [];
    for (const s of this.view.sentences) {
      const subj = this.subjectOf(s, s.words.length);
      if (subj) seeds.push({ span: subj, words: subj.words, at: subj.start, subject: true });
    }
    for (const n of this.names) seeds.push({ span: n, words: [], at: n.start, subject: false, ner: n });
    seeds.sort((x, y) => x.at - y.at || (x.ner ? 1 : 0) - (y.ner ? 1 : 0));
    const order = this.out.map((a, i) => ({ a, i, at: a.np ? a.np.start : a.cue.start }));
    order.sort((x, y) => x.at - y.at);
    let si = 0;
    // Speaker noun phrases sorted by start with the running maximum of their ends: "is this span inside one?" by binary search.
    const nps = this.out.filter((o) => o.np).map((o) => o.np!).sort((x, y) => x.start - y.start);
    const npMaxEnd: number[] = [];
    for (const np of nps) npMaxEnd.push(Math.max(np.end, npMaxEnd[npMaxEnd.length - 1] ?? -Infinity));
    const npStarts = new Set(nps.map((np) => np.start));
    const insideSomeNp = (span: Span): boolean => {
      let lo = 0, hi = nps.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (nps[mid]!.start <= span.start) lo = mid + 1; else hi = mid; }
      return lo > 0 && npMaxEnd[lo - 1]! >= span.end;
    };
    const seedUpTo = (pos: number) => {
      while (si < seeds.length && seeds[si]!.at < pos) {
        const sd = seeds[si++]!;
        if (sd.ner) {
          const t = this.view.text;
          const insideSpeaker = insideSomeNp(sd.span);
          if (!insideSpeaker || sd.ner.type === 'place') {
            const [name, titles] = sd.ner.type === 'person' ? splitTitles(cleanName(t.slice(sd.ner.start, sd.ner.end))) : [cleanName(t.slice(sd.ner.start, sd.ner.end)), ''];
            if (name) this.registry.name(sd.ner, name, sd.ner.type, [...sd.ner.titles.map((x) => t.slice(x.start, x.end)), ...(titles ? [titles] : [])]);
          }
          continue;
        }
        if (npStarts.has(sd.span.start)) continue;
        const e = this.mentionOf({ start: sd.span.start, end: sd.span.end, words: sd.words, roles: [] }, sd.at, true);
        if (e) reg.salientAt(e, sd.at);
      }
    };
    for (const { a, at } of order) {
      seedUpTo(at);
      if (a.np) {
        const e = this.mentionOf(a.np, at, false);
        if (e) { a.entity = e; a.mention = { start: a.np.start, end: a.np.end }; reg.spokeAt(e, at); reg.salientAt(e, at); }
      }
    }
    seedUpTo(Number.MAX_SAFE_INTEGER);
    // Shared speakers and subjects.
    for (let pass = 0; pass < 3; pass++) {
      for (const a of this.out) {
        if (a.entity) continue;
        if (a.sharesWith?.entity) a.entity = a.sharesWith.entity;
      }
    }
    reg.finish();
  }

  /** Registers the noun phrase as a mention and returns its entity (pronouns resolve to an earlier one). */
  private mentionOf(np: SpeakerNp, at: number, subjectOnly: boolean): EntityRecord | undefined {
    const reg = this.registry;
    const words = np.words.filter((x) => x.text !== '(' && x.text !== ')');
    if (!words.length) return undefined;
    if (words.length === 1 && PRONOUNS.has(words[0]!.lower)) {
      // First and second person outside quotations is the writer or an interview voice: no resolvable source.
      if (subjectOnly || /^(?:i|we|you)$/.test(words[0]!.lower)) return undefined;
      const para = this.sentenceOf(at)?.paragraph ?? 0;
      const window = Math.max(600, at - (this.view.paragraphs[Math.max(0, para - 3)]?.start ?? 0));
      return reg.pronoun(np, words[0]!.lower, at, window);
    }
    // A document speaking for its owner: "A coalition statement said" -> the coalition.
    const lastW = words[words.length - 1]!;
    let core = words;
    // "the report" alone names no owner: it stays the source.
    if (CHANNEL_HEADS.has(lastW.lower) && words.slice(0, -1).some((x) => !DETERMINERS.has(x.lower))) core = words.slice(0, -1);
    const parts = this.nameParts(core);
    if (parts) {
      const e = reg.name(parts.span, parts.text, parts.type, parts.titles);
      for (const r of [...parts.roles, ...np.roles]) e.roles.add(r);
      for (const a of parts.affiliations) e.affiliations.add(a);
      return e;
    }
    if (subjectOnly && !core.some((x) => SOURCE_NOUNS.has(x.lower))) return undefined;
    const headW = [...core].reverse().find((x) => !PUNCT.test(x.text) && !NP_PREPOSITIONS.has(x.lower) && (SOURCE_NOUNS.has(x.lower) || !x.cap)) ?? lastW;
    // Head: the noun before any prepositional phrase ("a firefighter at the scene" -> firefighter).
    const firstPrep = core.findIndex((x, i) => i > 0 && NP_PREPOSITIONS.has(x.lower));
    const head = firstPrep > 0 ? core[firstPrep - 1]!.lower : headW.lower;
    const definite = /^(?:the|this|that|its|their|his|her)$/.test(core[0]!.lower);
    const text = this.view.text.slice(core[0]!.start, core[core.length - 1]!.end);
    const e = reg.description({ start: core[0]!.start, end: core[core.length - 1]!.end }, text, head, definite, at);
    for (const r of np.roles) e.roles.add(r);
    return e;
  }

  /** Splits a noun phrase into titles, roles and a proper name, with a type; undefined when it holds no name. */
  private nameParts(words: readonly Word[]): { span: Span; text: string; type: EntityType; titles: string[]; roles: string[]; affiliations: string[] } | undefined {
    const text = this.view.text;
    // The NER's names type the phrase and cut places off the front of a name ("in Iran Khaled al-Qaddoumi").
    const a = words[0]!.start, b = words[words.length - 1]!.end;
    const ner = namesIn(this.names, a, b);
    // Fallback on capitalization: the trailing run of capitalized words, titles split off the front.
    let e = words.length;
    while (e > 0 && (words[e - 1]!.text === ')' )) {
      const open = words.slice(0, e).map((x) => x.text).lastIndexOf('(');
      if (open < 0) break;
      e = open;
    }
    const isNameWord = (x: Word) => (x.cap && !DETERMINERS.has(x.lower) && !(TIME_WORDS.has(x.lower) && x.cap && /day$/.test(x.lower))) || NAME_PARTICLES.has(x.lower) && x.text === x.lower || x.quote >= 0 && this.quoteIsShort(x.quote) || isQuoteMark(x) && x.quote >= 0 || x.lower === '&';
    if (e === 0 || !isNameWord(words[e - 1]!) || NAME_PARTICLES.has(words[e - 1]!.lower) && !words[e - 1]!.cap) return undefined;
    let s = e - 1;
    while (s > 0 && isNameWord(words[s - 1]!)) s--;
    // "of" inside an organization's name ("Central Bank of Egypt", "Chief of Staff").
    while (s > 1 && words[s - 1]!.lower === 'of' && isNameWord(words[s - 2]!)) { s -= 2; while (s > 0 && isNameWord(words[s - 1]!)) s--; }
    let run = words.slice(s, e);
    let roleEnd = s;
    while (run.length > 2 && POSTNOMINALS.has(run[run.length - 1]!.lower)) run = run.slice(0, -1);
    const lowerTail = words.slice(e).filter((x) => x.text !== '(' && x.text !== ')');
    const nerAtEnd = ner.filter((n) => n.end >= run[run.length - 1]!.end - 1 && n.start <= run[run.length - 1]!.start);
    const nerType = nerAtEnd.length ? nerAtEnd[nerAtEnd.length - 1]!.type : undefined;
    // An organization word heads the name ("Forensic Medical Service", "Ministry of Health"); before a person's name it is a title ("Parliament Speaker").
    const orgHead = (x: Word, i: number) => ORG_NOUNS.has(x.lower) && (i === run.length - 1 || run[i + 1]!.lower === 'of' || run[i + 1]!.lower === 'for');
    const orgWord = nerType === 'organization' || run.some((x, i) => orgHead(x, i) || /^\p{Lu}{2,}$/u.test(x.text) && x.text.length <= 6) || run.length > 0 && /^\p{Lu}{2,}(?:\s\p{Lu}{2,})*$/u.test(this.textOf(run));
    const titles: string[] = [], roles: string[] = [], affiliations: string[] = [];
    // Possessive owner ("Iran's Armed Forces ...", "Chile's Forensic Medical Service").
    const poss = run.findIndex((x) => /['\u2019]s$/.test(x.text));
    if (poss >= 0 && poss < run.length - 1) { affiliations.push(cleanName(run[poss]!.text)); run = run.slice(poss + 1); }
    if (!orgWord) {
      // Titles at the front of a person's name.
      let t = 0;
      while (t < run.length - 1 && isTitleWord(run[t]!.lower)) t++;
      // "Minister of Education Stefania Giannini", "Chief of Staff Major General …": an office's "of X" belongs to the title.
      while (t > 0 && t < run.length - 3 && (run[t]!.lower === 'of' || run[t]!.lower === 'for')) {
        t += 2;
        while (t < run.length - 1 && TITLE_WORDS.has(run[t]!.lower)) t++;
      }
      if (t > 0) titles.push(this.textOf(run.slice(0, t)));
      run = run.slice(t);
      // "representative in Iran Khaled al-Qaddoumi": a prepositional object glued to the name.
      const prevWord = words[s - 1];
      // "Lydia Buchtmann for Food Standards Australia": a person's name before the preposition, an affiliation after it.
      const lead = prevWord && NP_PREPOSITIONS.has(prevWord.lower) ? words.slice(0, s - 1) : [];
      const leadNames = lead.filter((x) => x.cap && !DETERMINERS.has(x.lower) && !TITLE_WORDS.has(x.lower));
      if (lead.length >= 2 && leadNames.length === lead.length && leadNames.length <= 4 && !lead.some((x) => ORG_NOUNS.has(x.lower))) {
        affiliations.push(this.textOf(run));
        run = [...lead];
        roleEnd = 0;
      } else if (run.length >= 3 && prevWord && NP_PREPOSITIONS.has(prevWord.lower)) {
        const keep = run.length >= 4 && NAME_PARTICLES.has(run[run.length - 2]!.lower) ? 3 : 2;
        affiliations.push(this.textOf(run.slice(0, run.length - keep)));
        run = run.slice(run.length - keep);
        roleEnd = words.indexOf(run[0]!);
      }
      // Within a title: split off a place in the places layer.
      const isPlace = (x: Word) => this.insidePlace(x.start, x.end) || ner.some((n) => n.type === 'place' && n.start <= x.start && x.end <= n.end);
      let placeCut = -1;
      for (let i = 0; i < run.length - 1; i++) if (isPlace(run[i]!)) placeCut = i;
      if (placeCut >= 0 && run.length - placeCut - 1 >= 1) { affiliations.push(run[placeCut]!.text); run = run.slice(placeCut + 1); roleEnd = words.indexOf(run[0]!); }
      // "ambassador to the United Nations Gilad Erdan": an organization the NER names right before the person it names.
      const person = nerAtEnd.find((n) => n.type === 'person');
      const cut = person ? run.findIndex((x) => x.start >= person.start) : -1;
      if (cut > 0 && ner.some((n) => n.type !== 'person' && n.start <= run[0]!.start && n.end >= run[cut - 1]!.end && n.end <= person!.start)) {
        affiliations.push(this.textOf(run.slice(0, cut)));
        run = run.slice(cut);
        roleEnd = words.indexOf(run[0]!);
      }
    }
    if (!run.length) return undefined;
    const before = words.slice(0, roleEnd);
    // Organizations and places named in the role are affiliations ("Hamas representative in Iran").
    for (const n of ner) if (n.type !== 'person' && before.length && n.start >= before[0]!.start && n.end <= before[before.length - 1]!.end) {
      const t = cleanName(text.slice(n.start, n.end));
      if (!affiliations.includes(t)) affiliations.push(t);
    }
    const roleText = before.length ? cleanName(this.textOf(before)).replace(/^(?:the|a|an)\s+/i, '') : '';
    if (roleText && !titles.includes(roleText)) roles.push(roleText);
    // A capitalized modifier followed by a lower-case head is a description, not a name ("The Hong Kong police", "Saudi-led coalition").
    if (lowerTail.length > 0 && lowerTail.some((x) => !x.cap && !PUNCT.test(x.text))) return undefined;
    const spanStart = run[0]!.start, spanEnd = run[run.length - 1]!.end;
    let type: EntityType;
    if (this.insidePlace(spanStart, spanEnd) || nerType === 'place' && run.length === 1) type = 'place';
    else if (nerType === 'person' && !orgWord) type = 'person';
    else if (nerType === 'group') type = 'group';
    else if (orgWord) type = 'organization';
    else if (titles.length || run.length >= 2 || roles.some((r) => r.split(/\s+/).some((x) => PERSON_NOUNS.has(x.toLowerCase())))) type = 'person';
    else type = GROUP_NOUNS.has(run[0]!.lower) ? 'group' : 'other';
    // Keep an acronym in brackets as another key ("(NDMA)").
    return { span: { start: spanStart, end: spanEnd }, text: cleanName(text.slice(spanStart, spanEnd)), type, titles, roles, affiliations };
  }
}

