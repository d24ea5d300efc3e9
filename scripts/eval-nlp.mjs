#!/usr/bin/env node
// `npm run eval:nlp`: every NLP-core figure issue 3 asks for, from one command: sentence split F1 (EWT, GUM),
// tagger UPOS/XPOS/lemma (EWT test, GUM test), parser UAS/LAS (EWT test), NER F1 (GUM test news+bio).
// Needs ../shared/corpora (skips with a message when absent).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (f) => fileURLToPath(new URL(f, import.meta.url));
if (!existsSync(here('../../shared/corpora/ud-ewt'))) {
  console.log('eval:nlp skipped: no treebanks at ../shared/corpora');
  process.exit(0);
}
const runs = [
  ['Sentence split (EWT test raw text, sentences joined by spaces)', 'eval-sentences.ts', ['--corpus', 'ewt']],
  ['Sentence split (EWT test raw text with its paragraph breaks, as CoNLL 2018 gives it)', 'eval-sentences.ts', ['--corpus', 'ewt', '--paragraphs']],
  ['Sentence split (GUM test, paragraphs as in news)', 'eval-sentences.ts', ['--corpus', 'gum', '--paragraphs']],
  ['Tagger (EWT and GUM test, gold tokens)', 'eval-tagger.ts', []],
  ['Parser (EWT test, gold tokens)', 'eval-parser.ts', []],
  ['Named entities (GUM test news+bio)', 'eval-ner.ts', []],
];
let failed = 0;
for (const [title, script, args] of runs) {
  console.log(`\n== ${title}: node --import tsx scripts/${script} ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', here(`./${script}`), ...args], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
