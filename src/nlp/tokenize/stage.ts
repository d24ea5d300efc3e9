// The tokenizer and sentence-splitter stages: tokens with exact offsets, then sentences and paragraphs.
import type { Stage, Tokens, Sentences, Document } from '../../core/index.js';
import { tokenize } from './tokenizer.js';
import { splitSentences } from './sentences.js';

export { tokenize } from './tokenizer.js';
export { splitSentences } from './sentences.js';

const noTokens = (): Tokens => ({ count: 0, start: new Int32Array(0), end: new Int32Array(0), form: [], spaceAfter: new Uint8Array(0) });
const noSentences = (): Sentences => ({ count: 0, tokenStart: new Int32Array(0), tokenEnd: new Int32Array(0), spans: [], paragraph: new Int32Array(0) });

export const tokenizeStage: Stage<{}, { tokens: Tokens }> = {
  name: 'nlp.tokenize.v1', requires: [], produces: ['tokens'],
  run: (doc) => ({ tokens: tokenize(doc.text) }),
  empty: () => ({ tokens: noTokens() }),
};

/** Where the head of the document says a sentence must start: the title after a `date` header ends the header. */
function headBreaks(doc: Document): number[] {
  const t = doc.meta.titleSpan;
  return t ? [t.start, t.end] : [];
}

export const sentenceStage: Stage<{ tokens: Tokens }, { sentences: Sentences }> = {
  name: 'nlp.sentences.v2', requires: ['tokens'], produces: ['sentences'],
  run: (doc, { tokens }) => ({ sentences: splitSentences(doc.text, tokens, { breaksAt: headBreaks(doc) }) }),
  empty: () => ({ sentences: noSentences() }),
};
