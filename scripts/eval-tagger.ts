// UPOS, XPOS and lemma accuracy of the tagger on UD EWT test and GUM test (gold tokenization), and its speed.
//
//   node --import tsx scripts/eval-tagger.ts [--model models/tagger.bin] [--split test|dev] [--errors N] [--min-row-weight W]
//
// Speed is measured in CPU time (process.cpuUsage), best of 3 rounds, so a busy machine distorts it less:
// tagging alone over the UD EWT test words, and tokenize + split + tag (with lemmas) over the Wikinews texts.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../src/nlp/tokenize/tokenizer.js';
import { splitSentences } from '../src/nlp/tokenize/sentences.js';
import { corporaDir } from '../src/nlp/tagger/corpus.js';
import { repoPath } from '../src/nlp/learn/repo.js';
import { Tagger, TAGGER_MODEL_PATH } from '../src/nlp/tagger/tagger.js';
import { readEwt, readGum, scoreTagger } from '../src/nlp/tagger/corpus.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : fallback; };
const split = option('--split', 'test') as 'test' | 'dev';
const showErrors = Number(option('--errors', '8'));

const minRowWeight = args.includes('--min-row-weight') ? Number(option('--min-row-weight', '1')) : undefined;
const tagger = Tagger.deserialize(readFileSync(option('--model', repoPath(TAGGER_MODEL_PATH))), minRowWeight === undefined ? {} : { minRowWeight });
for (const [name, sents] of [[`UD EWT ${split}`, readEwt(split)], [`GUM ${split}`, readGum(split)], [`GENTLE (out of genre)`, split === 'test' ? readGum('train', true).filter((s) => String(s.comments['sent_id'] ?? '').startsWith('GENTLE')) : []]] as const) {
  if (!sents.length) continue;
  const t0 = performance.now();
  const r = scoreTagger(tagger, sents);
  const ms = performance.now() - t0;
  console.log(`${name}: UPOS ${r.upos.toFixed(2)}  XPOS ${r.xpos.toFixed(2)}  lemma ${r.lemma.toFixed(2)}  (${r.tokens} words, ${(r.tokens / ms).toFixed(0)}k words/s incl. scoring)`);
  const top = [...r.uposErrors.entries()].sort((a, b) => b[1] - a[1]).slice(0, showErrors);
  if (top.length) console.log('  most frequent UPOS errors (gold->predicted): ' + top.map(([k, v]) => `${k} ${v}`).join(', '));
}

/** Tokens per CPU second of `run` (which returns the tokens it handled): the best of 3 rounds after a warm-up. */
const speed = (run: () => number): number => {
  run();
  let best = 0;
  for (let r = 0; r < 3; r++) {
    const cpu0 = process.cpuUsage();
    const tokens = run() + run();
    const cpu = process.cpuUsage(cpu0);
    best = Math.max(best, tokens / ((cpu.user + cpu.system) / 1e6));
  }
  return best;
};

// Tagging alone over the EWT test words (gold tokens), sentence by sentence as the pipeline stage calls it.
const ewtForms: string[] = [], ewtSentences: Array<[number, number]> = [];
for (const s of readEwt('test')) { ewtSentences.push([ewtForms.length, ewtForms.length + s.tokens.length]); for (const t of s.tokens) ewtForms.push(t.form); }
const ewtClasses = new Int32Array(ewtForms.length);
const tagOnly = speed(() => { for (const [from, to] of ewtSentences) tagger.tagSentence(ewtForms, from, to, ewtClasses); return ewtForms.length; });
console.log(`speed: tag ${(tagOnly / 1000).toFixed(0)}k tokens per CPU second (UD EWT test words, ${ewtForms.length} tokens)`);

// Tokenize + split + tag (with lemmas and feats) over the Wikinews texts.
const dir = join(corporaDir(), 'wikinews');
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
const run = () => {
  let tokens = 0;
  for (const text of texts) {
    const t = tokenize(text);
    const s = splitSentences(text, t);
    const cls = new Int32Array(t.count);
    for (let i = 0; i < s.count; i++) tagger.tagSentence(t.form, s.tokenStart[i]!, s.tokenEnd[i]!, cls);
    tagger.describe(t.form, cls);
    tokens += t.count;
  }
  return tokens;
};
const pipeline = speed(run);
console.log(`speed: tokenize + split + tag ${(pipeline / 1000).toFixed(0)}k tokens per CPU second (${texts.length} Wikinews texts)`);
