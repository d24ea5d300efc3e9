// The dependency-parser stage: one Universal Dependencies tree per sentence, from tokens and tags.
import { readFileSync } from 'node:fs';
import type { Stage, Tokens, Sentences, Tags, Syntax } from '../../core/index.js';
import { repoPath } from '../learn/repo.js';
import { ParserModel } from './model.js';

export { ParserModel } from './model.js';

export const PARSER_MODEL_PATH = 'models/parser.bin';

let cached: ParserModel | undefined;

/** The shipped parser model, loaded on first use and shared read-only by every document on this thread. */
export function parserModel(): ParserModel {
  return (cached ??= ParserModel.deserialize(readFileSync(repoPath(PARSER_MODEL_PATH))));
}

const emptySyntax = (): Syntax => ({ head: new Int32Array(0), deprel: [] });

/**
 * Parses every sentence. Without tags (tagger not run or failed) each sentence gets a flat tree:
 * its first token is the root and the others hang from it as `dep`, so consumers still see one root per sentence.
 */
export function parseDocument(model: ParserModel | undefined, tokens: Tokens, sentences: Sentences, tags: Tags): Syntax {
  const n = tokens.count;
  if (n === 0) return emptySyntax();
  const tagSource = tags.xpos.length >= n ? tags.xpos : tags.upos.length >= n ? tags.upos : undefined;
  const head = new Int32Array(n).fill(-1);
  const labelId = new Int32Array(n).fill(-1);
  const deprel: string[] = new Array<string>(n).fill('dep');
  for (let s = 0; s < sentences.count; s++) {
    const a = sentences.tokenStart[s]!, b = Math.min(sentences.tokenEnd[s]!, n);
    if (b <= a) continue;
    if (!tagSource || !model) {
      deprel[a] = 'root';
      for (let i = a + 1; i < b; i++) head[i] = a;
      continue;
    }
    model.parseInto(tokens.form, tagSource, a, b, head, labelId);
    for (let i = a; i < b; i++) deprel[i] = head[i] === -1 ? 'root' : model.labels[labelId[i]!]!;
  }
  return { head, deprel };
}

export const parserStage: Stage<{ tokens: Tokens; sentences: Sentences; tags: Tags }, { syntax: Syntax }> = {
  name: 'nlp.parser.v1', requires: ['tokens', 'sentences', 'tags'], produces: ['syntax'],
  run: (_doc, { tokens, sentences, tags }) => {
    const haveTags = tokens.count > 0 && (tags.xpos.length >= tokens.count || tags.upos.length >= tokens.count);
    return { syntax: parseDocument(haveTags ? parserModel() : undefined, tokens, sentences, tags) };
  },
  empty: () => ({ syntax: emptySyntax() }),
};
