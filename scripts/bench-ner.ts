// CPU time of the name stage alone (document pass included) on the Wikinews fixture texts.
// Usage: node --import tsx scripts/bench-ner.ts [--model path[,path...]] [--runs 20] [--dir test/fixtures/wikinews]
// Tokens and sentences are computed once; each recognizer is warmed up on every text, then each text is
// recognized --runs times, the models taking turns (so machine load hits them alike); the figure is the best
// run's CPU time (user + system) per text, the steadiest on a shared machine.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../src/core/index.js';
import { sentenceStage, tokenizeStage } from '../src/nlp/tokenize/stage.js';
import { repoRoot } from '../src/nlp/ner/lexicon-files.js';
import { NerWeights } from '../src/nlp/ner/model.js';
import { NameRecognizer } from '../src/nlp/ner/recognize.js';
import { findNames } from '../src/nlp/ner/stage.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const modelPaths = arg('model', join(repoRoot(), 'models', 'ner.bin')).split(',');
const runs = Number(arg('runs', '20'));
const dir = arg('dir', join(repoRoot(), 'test', 'fixtures', 'wikinews'));
const recognizers = modelPaths.map((p) => new NameRecognizer(NerWeights.deserialize(readFileSync(p))));
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
  const text = readFileSync(join(dir, f), 'utf8');
  const doc = { text, meta: {}, warnings: [] } as unknown as Document;
  const { tokens } = tokenizeStage.run(doc, {});
  const { sentences } = sentenceStage.run(doc, { tokens });
  return { f, words: text.split(/\s+/).filter(Boolean).length, tokens, sentences };
});
for (const rec of recognizers) for (const t of texts) findNames(t.tokens, t.sentences, undefined, rec);
const best = recognizers.map(() => texts.map(() => Infinity));
for (let r = 0; r < runs; r++) {
  recognizers.forEach((rec, m) => texts.forEach((t, k) => {
    const c0 = process.cpuUsage();
    findNames(t.tokens, t.sentences, undefined, rec);
    const c = process.cpuUsage(c0);
    best[m]![k] = Math.min(best[m]![k]!, (c.user + c.system) / 1000);
  }));
}
const words = texts.reduce((a, t) => a + t.words, 0), tokens = texts.reduce((a, t) => a + t.tokens.count, 0);
modelPaths.forEach((p, m) => {
  const total = best[m]!.reduce((a, b) => a + b, 0);
  console.log(`${p}: ${words} words, ${tokens} tokens in ${texts.length} texts: ${total.toFixed(2)} ms CPU (best of ${runs} per text), ${(total / words * 815).toFixed(2)} ms per 815 words`);
});
