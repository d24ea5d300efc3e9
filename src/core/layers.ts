// The NLP layers every extractor may read: tokens, sentences, tags, syntax, named-entity mentions.
// Hot data lives in flat typed arrays (wink-nlp's lesson); token i is described by index i in each array.

import type { Span } from './span.js';
import type { Provenance } from './provenance.js';

export interface Tokens {
  readonly count: number;
  /** Character offsets into the document text. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The token's surface string (text.slice(start, end)), kept for speed. */
  readonly form: readonly string[];
  /** 1 when white space follows the token in the text. */
  readonly spaceAfter: Uint8Array;
}

export interface Sentences {
  readonly count: number;
  /** Token range of each sentence: [tokenStart, tokenEnd). */
  readonly tokenStart: Int32Array;
  readonly tokenEnd: Int32Array;
  /** Character span of each sentence. */
  readonly spans: readonly Span[];
  /** Index of the paragraph (blank-line or line-break separated block) each sentence is in. */
  readonly paragraph: Int32Array;
}

/** Part of speech and lemmas, per token. */
export interface Tags {
  /** Universal POS tags (NOUN, PROPN, VERB, ...). */
  readonly upos: readonly string[];
  /** Penn Treebank tags (NN, NNP, VBD, ...). */
  readonly xpos: readonly string[];
  readonly lemma: readonly string[];
  /** UD morphological features (`Number=Sing|Person=3`), empty string when none. */
  readonly feats: readonly string[];
}

/** A dependency tree per sentence, in document-wide token indices. */
export interface Syntax {
  /** Index of each token's head; -1 for the sentence root. */
  readonly head: Int32Array;
  /** Universal Dependencies relation to the head (nsubj, ccomp, appos, ...); `root` for the root. */
  readonly deprel: readonly string[];
}

export type NamedEntityType = 'person' | 'organization' | 'place' | 'facility' | 'group';

/** A proper-name mention found by the NER stage. Titles ("Major General") are kept apart from the name. */
export interface NameMention extends Span {
  readonly type: NamedEntityType;
  /** Token range of the name: [tokenStart, tokenEnd). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** Title words directly before the name ("Parliament Speaker", "Ayatollah"), as spans. */
  readonly titles: readonly Span[];
  readonly provenance: Provenance;
}

/** The NLP core's layers; extract stages declare which of these they read. */
export interface NlpLayers {
  tokens: Tokens;
  sentences: Sentences;
  tags: Tags;
  syntax: Syntax;
  names: readonly NameMention[];
}

/** Index of the token that contains character `offset`, or -1. Binary search over token starts. */
export function tokenAt(tokens: Tokens, offset: number): number {
  let lo = 0, hi = tokens.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.end[mid]! <= offset) lo = mid + 1;
    else if (tokens.start[mid]! > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Index of the sentence that holds token `t`, or -1. */
export function sentenceOfToken(sentences: Sentences, t: number): number {
  let lo = 0, hi = sentences.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences.tokenEnd[mid]! <= t) lo = mid + 1;
    else if (sentences.tokenStart[mid]! > t) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Maps a character span to a token range, spaCy-style: `strict` needs exact token
 * boundaries, `contract` keeps only tokens wholly inside, `expand` takes every token it touches.
 */
export function tokensOfSpan(tokens: Tokens, s: Span, mode: 'strict' | 'contract' | 'expand' = 'expand'): [number, number] | null {
  let first = -1, last = -1;
  for (let i = lowerBound(tokens.end, s.start + 1); i < tokens.count && tokens.start[i]! < s.end; i++) {
    const inside = tokens.start[i]! >= s.start && tokens.end[i]! <= s.end;
    if (mode === 'strict' && !inside) return null;
    if (mode === 'contract' && !inside) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return null;
  if (mode === 'strict' && (tokens.start[first] !== s.start || tokens.end[last] !== s.end)) return null;
  return [first, last + 1];
}

/** First index i with arr[i] >= value (arr sorted ascending). */
function lowerBound(arr: Int32Array, value: number): number {
  let lo = 0, hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
