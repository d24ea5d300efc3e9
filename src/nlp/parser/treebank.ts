// Reads the training and test treebanks (UD EWT, GUM) from the shared corpora, for the parser's scripts.
// Used by scripts/train-parser.ts and scripts/eval-parser.ts only; nothing here runs in the pipeline.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu } from '../conllu.js';
import { repoPath } from '../learn/repo.js';
import { fromConllu, type TreebankSentence } from './train.js';

/** shared/corpora beside the repository, or $DATELINE_CORPORA (the tagger's convention). */
export const DEFAULT_CORPORA = process.env['DATELINE_CORPORA'] ?? repoPath('../shared/corpora');

export function readTreebank(path: string): TreebankSentence[] {
  return parseConllu(readFileSync(path, 'utf8')).map(fromConllu);
}

/** UD EWT train plus the GUM train documents, GENTLE_* (out-of-genre test set) excluded. */
export function readParserTrainingData(corpora = DEFAULT_CORPORA): TreebankSentence[] {
  const ewt = readTreebank(join(corpora, 'ud-ewt', 'en_ewt-ud-train.conllu'));
  const docs = readFileSync(join(corpora, 'gum', 'train.docs'), 'utf8').split('\n').map((l) => l.trim())
    .filter((d) => d && !d.startsWith('GENTLE_'));
  const gum = docs.flatMap((d) => readTreebank(join(corpora, 'gum', `${d}.conllu`)));
  return [...ewt, ...gum];
}
