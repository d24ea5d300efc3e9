// Raw text of treebank documents rebuilt from `# text` comments, with the gold sentence ends and token
// boundaries: what the sentence splitter is trained on (scripts/train-sentences.ts) and measured on
// (scripts/eval-sentences.ts). Nothing here runs in the pipeline.

import type { ConlluSentence } from '../conllu.js';

export interface RawDoc {
  id: string;
  text: string;
  /** Character offset of the end of each gold sentence, in order (the last is the document's end). */
  boundaries: number[];
  tokenEnds: Set<number>;
  tokenStarts: Set<number>;
}

/**
 * Groups sentences into documents (`# newdoc id`) and joins each document's sentences by a space, as
 * EWT's raw text is; with `paragraphs`, by a line break at each `# newpar` instead (the CoNLL 2018 raw
 * text keeps paragraphs).
 */
export function rawDocs(sentences: readonly ConlluSentence[], paragraphs: boolean): RawDoc[] {
  const docs: RawDoc[] = [];
  let cur: RawDoc | undefined;
  for (const s of sentences) {
    if (s.comments['newdoc id'] !== undefined || !cur) {
      cur = { id: s.comments['newdoc id'] ?? `doc${docs.length}`, text: '', boundaries: [], tokenEnds: new Set(), tokenStarts: new Set() };
      docs.push(cur);
    }
    const sentText = s.comments['text'] ?? s.tokens.map((t) => t.form + (t.spaceAfter ? ' ' : '')).join('').trim();
    if (cur.text) cur.text += paragraphs && (s.comments['newpar id'] !== undefined || s.comments['newpar'] !== undefined) ? '\n' : ' ';
    const base = cur.text.length;
    cur.text += sentText;
    cur.boundaries.push(cur.text.length);
    // Gold tokens: syntactic words found in order in the sentence text; a multi-word token whose
    // words do not spell it ("won't" = will + not) counts as one surface token.
    let pos = 0;
    const mwtOf = new Map<number, [number, number, string]>(s.multiword.map((m) => [m[0], m]));
    for (let i = 0; i < s.tokens.length; i++) {
      const m = mwtOf.get(s.tokens[i]!.id);
      const spelled = m && s.tokens.slice(i, i + m[1] - m[0] + 1).map((t) => t.form).join('') === m[2];
      const mwt = spelled ? undefined : m;
      const form = mwt ? mwt[2] : s.tokens[i]!.form;
      const at = sentText.indexOf(form, pos);
      if (mwt) i += mwt[1] - mwt[0];
      if (at < 0) continue;
      cur.tokenStarts.add(base + at);
      cur.tokenEnds.add(base + at + form.length);
      pos = at + form.length;
    }
  }
  return docs;
}
