// Splits a tokenized text into sentences and paragraphs: rules for terminal punctuation, abbreviations, quotes
// and line breaks, and a learned boundary model (boundary-model.ts) for the gaps the rules leave open.
//
// The rules: a sentence ends after . ! ? or an ellipsis (with the closing quotes and brackets attached to it)
// when the next token starts a sentence: a capital or digit, or an opening quote before one. After an
// abbreviation that keeps its period ("U.S.", "a.m.") only a clear sentence starter ("The", "He", "But") ends
// it, and never after a title ("Gen.", "Dr.") or an initial before a name ("J. R. R. Tolkien"). Every line
// break ends a sentence and a paragraph, except a single line break inside a paragraph of hard-wrapped text
// (a text that separates paragraphs by blank lines, where the line goes on in lower case).
//
// The rules label every gap between tokens (`labelGaps`): forced (line breaks), forbidden (titles, closing
// quotes still to come, a quotation opened after a colon, "Yahoo! said") or open, with their own verdict.
// The model decides the open gaps, which is where web text ends sentences without punctuation ("yeah ‖
// sounds good", "Best, ‖ Jeff", "Hi David: ‖ Thought ..."); with `model: null` the rules' verdict stands.

import type { Sentences, Span, Tokens } from '../../core/index.js';
import { charClasses, DIGIT, LETTER, LOWER, UPPER } from './chars.js';
import { OPENERS, SENTENCE_STARTERS, TITLE_ABBREVIATIONS } from './lexicon.js';
import { defaultSentenceModel, GAP, type SentenceModel } from './boundary-model.js';

/** Words that, after a quoted exclamation or question, show the quote goes on ("“Stop!” Smith said."). */
const SPEECH_VERBS = new Set(['said', 'says', 'asked', 'asks', 'added', 'adds', 'told', 'tells', 'wrote', 'writes', 'replied', 'replies', 'shouted', 'cried', 'yelled', 'exclaimed', 'insisted', 'warned', 'declared']);

const BLANK_LINE = /\n[ \t\r\f\v\u00a0]*\n/;
/** Closing marks that stay with the sentence whose end they follow. */
const CLOSERS = new Set(['"', '”', "'", '’', ')', ']', '}', '»', '›', "''"]);
/** Opening quotation marks. */
const QUOTES = new Set(['"', '“', "'", '‘', '«', '‹', '``']);
/** Numbers and letters that label list items. */
const LIST_MARKER = /^(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})$/;
/** Terminals that end a sentence even before a lower-case word (not "!": Yahoo!, Jeopardy!); so do runs like "!!!" and "?!". */
const LOWERCASE_AFTER = new Set(['.', '?']);
/** Tokens that end a sentence by themselves. */
const TERMINAL = /^(?:[.!?…‼⁇⁈⁉。]+)$/;

export interface SentenceOptions {
  /** Character offsets where a sentence must start (the title after a `date` header, say). */
  breaksAt?: readonly number[];
  /** The learned boundary model; `null` for the rules alone. Default: the packaged model (models/sentences.bin). */
  model?: SentenceModel | null;
}

/** Groups tokens into sentences with spans and paragraph indices. */
export function splitSentences(text: string, tokens: Tokens, options: SentenceOptions = {}): Sentences {
  const n = tokens.count;
  const { gaps, paragraphBreak, cls } = labelGaps(text, tokens, options);
  const ends = new Uint8Array(n);
  const model = options.model === undefined ? defaultSentenceModel() : options.model;
  if (model) model.ends(tokens, gaps, cls, ends);
  else {
    for (let i = 0; i < n - 1; i++) ends[i] = RULE_ENDS[gaps[i]!]!;
    if (n > 0) ends[n - 1] = 1;
  }

  const tokenStart: number[] = [], tokenEnd: number[] = [], paragraphs: number[] = [];
  let sentStart = 0, paragraph = 0;
  for (let i = 0; i < n; i++) {
    if (!ends[i]) continue;
    tokenStart.push(sentStart); tokenEnd.push(i + 1); paragraphs.push(paragraph);
    sentStart = i + 1;
    if (paragraphBreak[i]) paragraph++;
  }
  const { start, end } = tokens;
  const count = tokenStart.length;
  const spans: Span[] = new Array(count);
  for (let s = 0; s < count; s++) spans[s] = { start: start[tokenStart[s]!]!, end: end[tokenEnd[s]! - 1]! };
  return {
    count,
    tokenStart: Int32Array.from(tokenStart),
    tokenEnd: Int32Array.from(tokenEnd),
    spans,
    paragraph: Int32Array.from(paragraphs),
  };
}

/** Whether the rules alone end a sentence at a gap of each label. */
const RULE_ENDS = Uint8Array.of(0, 1, 1, 0, 0, 1, 0);

/**
 * The rules' label of the gap after each token (see GAP in boundary-model.ts), and where a paragraph
 * ends. The rules alone split at END, END_ABBREVIATION and FORCED gaps; the model decides the open ones.
 */
export function labelGaps(text: string, tokens: Tokens, options: SentenceOptions = {}): { gaps: Uint8Array; paragraphBreak: Uint8Array; cls: Uint8Array } {
  const cls = charClasses(text);
  const n = tokens.count;
  const { start, end, form, spaceAfter } = tokens;
  const wrapped = isHardWrapped(text);
  const forced = new Set(options.breaksAt ?? []);
  /** In hard-wrapped text only blank lines separate paragraphs; elsewhere every line is one. */
  const newParagraph = (lines: number) => lines >= 2 || !wrapped;
  const gaps = new Uint8Array(n), paragraphBreak = new Uint8Array(n);
  /** Where the rules' current sentence starts (for list numbers opening it). */
  let sentStart = 0;
  const force = (i: number, lines: number) => {
    gaps[i] = GAP.FORCED; sentStart = i + 1;
    if (lines > 0 && newParagraph(lines)) paragraphBreak[i] = 1;
  };
  const firstClass = (t: number) => cls[form[t]!.charCodeAt(0)]!;
  /** The first word of the sentence token t would open: t itself, or the word after opening marks. */
  const wordAfterOpeners = (t: number): number => {
    let w = t;
    while (w < n - 1 && OPENERS.has(form[w]!) && newlinesBetween(text, end[w]!, start[w + 1]!) === 0) w++;
    return w;
  };

  for (let i = 0; i < n - 1; i++) {
    const lines = newlinesBetween(text, end[i]!, start[i + 1]!);
    if (lines > 0) {
      const soft = lines === 1 && wrapped && !endsClause(form[i]!) && (firstClass(i + 1) & LOWER) !== 0;
      if (soft) gaps[i] = GAP.FORBIDDEN; else force(i, lines);
      continue;
    }
    if (forced.has(start[i + 1]!)) { force(i, 0); continue; }
    // Words written together ("said:“We", "3.5%") are not split.
    if (end[i] === start[i + 1]) gaps[i] = GAP.FORBIDDEN;

    const f = form[i]!;
    // A quotation introduced by a colon or comma belongs to the sentence that introduces it (He said: “...).
    if ((f === ':' || f === ',') && QUOTES.has(form[i + 1]!)) { gaps[i] = GAP.FORBIDDEN; continue; }
    const abbreviation = !TERMINAL.test(f) && f.length > 1 && f.charCodeAt(f.length - 1) === 0x2e && (cls[f.charCodeAt(0)]! & LETTER) !== 0;
    if (!abbreviation && !TERMINAL.test(f)) continue;
    // The period of a list number or letter opening a line ("1. Matter is ...") ends nothing.
    if (f === '.' && i === sentStart + 1 && LIST_MARKER.test(form[i - 1]!)) { gaps[i] = GAP.FORBIDDEN; continue; }

    // Closing quotes and brackets written right after the terminal stay with this sentence.
    let j = i;
    while (j + 1 < n && CLOSERS.has(form[j + 1]!) && spaceAfter[j] === 0 && !(j + 2 < n && spaceAfter[j + 1] === 0 && (cls[form[j + 2]!.charCodeAt(0)]! & (LETTER | DIGIT)) !== 0)) j++;
    // A citation mark after the period ("... bias. [11]") stays with the sentence it cites for.
    if (j + 1 < n && form[j + 1] === '[' && spaceAfter[j] === 1) j = citationEnd(form, j + 1, n) ?? j;
    for (let t = i; t < j; t++) gaps[t] = GAP.FORBIDDEN;
    if (j + 1 >= n) break;
    const linesAfter = newlinesBetween(text, end[j]!, start[j + 1]!);
    if (linesAfter > 0 || forced.has(start[j + 1]!)) { force(j, linesAfter); i = j; continue; }

    const k = j + 1;
    const w = wordAfterOpeners(k);
    const wClass = firstClass(w);
    let label: number;
    // An abbreviation with a quote or bracket closed after it ends its sentence like a period does.
    if (abbreviation && j === i) {
      const bare = f.slice(0, -1);
      const starts = SENTENCE_STARTERS.has(form[w]!) || (w > k && (wClass & UPPER) !== 0);
      // Titles, and initials before a name ("J. R. R. Tolkien", "Ed. K. Gross"), never end one.
      if (TITLE_ABBREVIATIONS.has(bare) || (bare.length === 1 && !starts && (wClass & UPPER) !== 0)) label = GAP.FORBIDDEN;
      else label = starts ? GAP.END_ABBREVIATION : GAP.NO_ABBREVIATION;
    } else {
      const ends = (wClass & (UPPER | DIGIT)) !== 0
        // Web and chat text starts sentences in lower case; a bare period or ?/! before a lower-case word still ends one.
        || ((LOWERCASE_AFTER.has(f) || (f.length > 1 && f[0] !== '.')) && j === i && w === k && spaceAfter[i] === 1 && (wClass & LOWER) !== 0);
      label = ends ? GAP.END : GAP.NO_TERMINAL;
      // A name spelt with "!" goes on in lower case ("Yahoo! said").
      if (!ends && f === '!' && i > 0 && end[i - 1] === start[i] && (firstClass(i - 1) & UPPER) !== 0) label = GAP.FORBIDDEN;
      // "“Stop!” Smith said." goes on: a quoted ! or ? followed by a name and a speech verb.
      if (ends && j > i && f !== '.' && w === k && k + 1 < n && SPEECH_VERBS.has(form[k + 1]!)) label = GAP.FORBIDDEN;
    }
    // Written together, the rules' verdict stands.
    if (end[j] === start[k]) label = RULE_ENDS[label] ? GAP.FORCED : GAP.FORBIDDEN;
    gaps[j] = label;
    if (RULE_ENDS[label]) sentStart = k;
    i = j;
  }
  return { gaps, paragraphBreak, cls };
}

/**
 * Whether the text is hard-wrapped: paragraphs separated by blank lines, and lines inside them that
 * often go on in lower case after a line that does not close a clause (e-mail, wire copy at 72 columns).
 */
function isHardWrapped(text: string): boolean {
  if (!BLANK_LINE.test(text)) return false;
  const lines = text.split('\n');
  let joined = 0, continued = 0;
  for (let l = 0; l + 1 < lines.length; l++) {
    const line = lines[l]!.trimEnd(), next = lines[l + 1]!.trimStart();
    if (!line || !next) continue;
    joined++;
    if (!endsClause(line) && /^\p{Ll}/u.test(next)) continued++;
  }
  return continued >= 2 && continued >= 0.3 * joined;
}

/** Number of line breaks in the white space [from, to). */
function newlinesBetween(text: string, from: number, to: number): number {
  let lines = 0;
  for (let p = from; p < to; p++) if (text.charCodeAt(p) === 10) lines++;
  return lines;
}

/** Whether a line ending in this token closes a clause, so a line break after it is a real break. */
function endsClause(form: string): boolean {
  const last = form[form.length - 1]!;
  return TERMINAL.test(last) || last === ':' || CLOSERS.has(last);
}

/** The index of the `]` closing a numeric citation mark opened at `open` ("[3]", "[1 - 3]", "[2, 5]"), or undefined. */
function citationEnd(form: readonly string[], open: number, n: number): number | undefined {
  for (let t = open + 1; t < n && t < open + 8; t++) {
    const f = form[t]!;
    if (f === ']') return t > open + 1 ? t : undefined;
    if (!/^(?:\d+|[-–,])$/.test(f)) return undefined;
  }
  return undefined;
}
