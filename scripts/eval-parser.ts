// Evaluates the parser on UD EWT test (gold tokenization): UAS/LAS over all tokens and without punctuation, speed, worst labels.
// Usage: node --import tsx scripts/eval-parser.ts [--model PATH] [--split test|dev] [--labels] [--tagger PATH | --tags-from FILE]
// --tags-from: predicted tags recorded earlier (a JSON array with one array of XPOS per sentence of the split), e.g.
// of a tagger the current code no longer loads.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DatelineError } from '../src/core/errors.js';
import { ParserModel } from '../src/nlp/parser/model.js';
import { evaluateParser, type ParserScores } from '../src/nlp/parser/evaluate.js';
import { DEFAULT_CORPORA, readTreebank } from '../src/nlp/parser/treebank.js';
import type { TreebankSentence } from '../src/nlp/parser/train.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: new URL('../models/parser.bin', import.meta.url).pathname },
    split: { type: 'string', default: 'test' },
    corpora: { type: 'string', default: DEFAULT_CORPORA },
    labels: { type: 'boolean', default: false },
    tagger: { type: 'string' },
    'tags-from': { type: 'string' },
  },
});

const t0 = performance.now();
const model = ParserModel.deserialize(readFileSync(values.model));
console.log(`model ${values.model} loaded in ${(performance.now() - t0).toFixed(0)} ms`);
const gold = readTreebank(join(values.corpora, 'ud-ewt', `en_ewt-ud-${values.split}.conllu`));

function report(name: string, s: ParserScores) {
  console.log(`EWT ${values.split}, ${name}: ${s.tokens} tokens`);
  console.log(`  all tokens (CoNLL 2018): UAS ${s.uas.toFixed(2)}  LAS ${s.las.toFixed(2)}  (LAS on universal labels ${s.lasUniversal.toFixed(2)})`);
  console.log(`  without punctuation:     UAS ${s.uasNoPunct.toFixed(2)}  LAS ${s.lasNoPunct.toFixed(2)}`);
  console.log(`  speed (parser alone, fastest of 3 passes): ${Math.round(s.tokensPerSecond).toLocaleString('en')} tokens/s wall clock, ${Math.round(s.tokensPerCpuSecond).toLocaleString('en')} tokens per CPU second (one core, after warm-up)`);
  if (values.labels) {
    const rows = [...s.byLabel.entries()].filter(([, e]) => e.count >= 20)
      .map(([l, e]) => ({ l, n: e.count, headAcc: (100 * e.head) / e.count, recall: (100 * e.both) / e.count, precision: e.predicted ? (100 * e.predictedRight) / e.predicted : 0, lost: e.count - e.both }))
      .sort((a, b) => b.lost - a.lost);
    console.log('  label         count  head%  recall%  precision%  errors');
    for (const r of rows) console.log(`  ${r.l.padEnd(13)} ${String(r.n).padStart(5)}  ${r.headAcc.toFixed(1).padStart(5)}  ${r.recall.toFixed(1).padStart(7)}  ${r.precision.toFixed(1).padStart(10)}  ${String(r.lost).padStart(6)}`);
  }
}

// Warm up the JIT, then measure speed on the real pass.
evaluateParser(model, gold.slice(0, 300));
report('gold tags', evaluateParser(model, gold, undefined, 3));

// Predicted tags, from the tagger module (its packaged model, or --tagger PATH).
const recorded = values['tags-from'] ? (JSON.parse(readFileSync(values['tags-from'], 'utf8')) as string[][]) : undefined;
if (recorded && recorded.length !== gold.length) {
  throw new DatelineError('E_BAD_OPTION', `--tags-from ${values['tags-from']} has ${recorded.length} sentences, EWT ${values.split} has ${gold.length}`, { input: values['tags-from']! });
}
const tagger = recorded ? { tag: (_forms: string[]) => ({ xpos: [] as string[] }) } : await loadTagger(values.tagger);
if (tagger) {
  const predicted = new Map<TreebankSentence, string[]>();
  gold.forEach((s, i) => predicted.set(s, recorded ? recorded[i]! : tagger.tag(s.forms).xpos));
  let right = 0, all = 0;
  for (const [s, p] of predicted) s.tags.forEach((t, i) => { all++; if (p[i] === t) right++; });
  console.log(`tagger XPOS accuracy on these sentences: ${(100 * right / all).toFixed(2)}`);
  report('predicted tags', evaluateParser(model, gold, (s) => predicted.get(s)!, 3));
} else {
  console.log('(no tagger model found: predicted-tag evaluation skipped)');
}

async function loadTagger(path: string | undefined): Promise<{ tag(forms: string[]): { xpos: string[] } } | undefined> {
  try {
    const mod = await import('../src/nlp/tagger/tagger.js');
    return path ? mod.Tagger.deserialize(readFileSync(path)) : mod.defaultTagger();
  } catch {
    return undefined;
  }
}
