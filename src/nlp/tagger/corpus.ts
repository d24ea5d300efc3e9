// The treebanks the tagger is trained and evaluated on (UD EWT, GUM), and tag/lemma accuracy over them.
// Used by scripts/train-tagger.ts and scripts/eval-tagger.ts only; nothing here runs in the pipeline.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu, type ConlluSentence } from '../conllu.js';
import { repoPath } from '../learn/repo.js';
import type { Tagger } from './tagger.js';

/** shared/corpora beside the repository, or $DATELINE_CORPORA. */
export function corporaDir(): string {
  const dir = process.env['DATELINE_CORPORA'] ?? repoPath('../shared/corpora');
  if (!existsSync(dir)) throw new Error(`treebanks not found at ${dir} (set DATELINE_CORPORA)`);
  return dir;
}

export function readEwt(split: 'train' | 'dev' | 'test'): ConlluSentence[] {
  return parseConllu(readFileSync(join(corporaDir(), 'ud-ewt', `en_ewt-ud-${split}.conllu`), 'utf8'));
}

/** GUM documents of a split; GENTLE_* (out-of-genre test documents) are left out unless asked for. */
export function readGum(split: 'train' | 'dev' | 'test', withGentle = false): ConlluSentence[] {
  const ids = readFileSync(join(corporaDir(), 'gum', `${split}.docs`), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
  return ids.filter((id) => withGentle || !id.startsWith('GENTLE_'))
    .flatMap((id) => parseConllu(readFileSync(join(corporaDir(), 'gum', `${id}.conllu`), 'utf8')));
}

export interface TagScores { tokens: number; upos: number; xpos: number; lemma: number; uposErrors: Map<string, number> }

/** Tags gold-tokenized sentences and scores UPOS, XPOS and lemma accuracy (in %). */
export function scoreTagger(tagger: Tagger, sentences: readonly ConlluSentence[]): TagScores {
  let tokens = 0, upos = 0, xpos = 0, lemma = 0;
  const uposErrors = new Map<string, number>();
  for (const s of sentences) {
    const forms = s.tokens.map((t) => t.form);
    const tagged = tagger.tag(forms);
    s.tokens.forEach((t, i) => {
      tokens++;
      if (tagged.upos[i] === t.upos) upos++;
      else uposErrors.set(`${t.upos}->${tagged.upos[i]}`, (uposErrors.get(`${t.upos}->${tagged.upos[i]}`) ?? 0) + 1);
      if (tagged.xpos[i] === t.xpos) xpos++;
      if (tagged.lemma[i] === t.lemma) lemma++;
    });
  }
  const pct = (n: number) => (100 * n) / Math.max(1, tokens);
  return { tokens, upos: pct(upos), xpos: pct(xpos), lemma: pct(lemma), uposErrors };
}
