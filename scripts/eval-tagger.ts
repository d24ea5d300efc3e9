// UPOS, XPOS and lemma accuracy of the tagger on UD EWT test and GUM test (gold tokenization), and its speed.
//
//   node --import tsx scripts/eval-tagger.ts [--model models/tagger.bin] [--split test|dev] [--errors N]
//
// Speed is measured in CPU time (process.cpuUsage), so a busy machine does not distort it.

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

const tagger = Tagger.deserialize(readFileSync(option('--model', repoPath(TAGGER_MODEL_PATH))));
for (const [name, sents] of [[`UD EWT ${split}`, readEwt(split)], [`GUM ${split}`, readGum(split)], [`GENTLE (out of genre)`, split === 'test' ? readGum('train', true).filter((s) => String(s.comments['sent_id'] ?? '').startsWith('GENTLE')) : []]] as const) {
  if (!sents.length) continue;
  const t0 = performance.now();
  const r = scoreTagger(tagger, sents);
  const ms = performance.now() - t0;
  console.log(`${name}: UPOS ${r.upos.toFixed(2)}  XPOS ${r.xpos.toFixed(2)}  lemma ${r.lemma.toFixed(2)}  (${r.tokens} words, ${(r.tokens / ms).toFixed(0)}k words/s incl. scoring)`);
  const top = [...r.uposErrors.entries()].sort((a, b) => b[1] - a[1]).slice(0, showErrors);
  if (top.length) console.log('  most frequent UPOS errors (gold->predicted): ' + top.map(([k, v]) => `${k} ${v}`).join(', '));
}

// Speed of tokenize + split + tag over the Wikinews texts, repeated; per CPU second of this process.
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
run();
const cpu0 = process.cpuUsage();
let tokens = 0;
for (let r = 0; r < 5; r++) tokens += run();
const cpu = process.cpuUsage(cpu0);
const seconds = (cpu.user + cpu.system) / 1e6;
console.log(`speed: tokenize + split + tag ${(tokens / seconds / 1000).toFixed(0)}k tokens per CPU second (${tokens} tokens of Wikinews text)`);
