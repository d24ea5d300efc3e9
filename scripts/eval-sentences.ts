// Sentence-split F1 (boundaries as character offsets) and token-boundary F1 of the tokenizer on UD EWT and GUM raw text (test, or dev with --split dev).
//
// Raw text is rebuilt from `# text` comments: sentences of a document joined by a space (as EWT raw text
// is), and with --paragraphs a line break at each `# newpar` instead. Boundaries are the end offsets of
// sentences, counted inside each document (a document's end is free and not counted).
//
// The learned boundary model (models/sentences.bin) is used unless --rules is given.
//
//   node --import tsx scripts/eval-sentences.ts [--corpus ewt|gum|both] [--split test|dev] [--paragraphs] [--rules] [--errors N]

import { readFileSync } from 'node:fs';
import { parseConllu, type ConlluSentence } from '../src/nlp/conllu.js';
import { rawDocs } from '../src/nlp/tokenize/treebank-text.js';
import { defaultSentenceModel } from '../src/nlp/tokenize/boundary-model.js';
import { tokenize } from '../src/nlp/tokenize/tokenizer.js';
import { splitSentences } from '../src/nlp/tokenize/sentences.js';

const CORPORA = new URL('../../shared/corpora/', import.meta.url);
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : fallback; };
const corpus = option('--corpus', 'both');
const paragraphs = flag('--paragraphs');
const showErrors = Number(option('--errors', '0'));
const split = option('--split', 'test');
/** --rules: the rules alone, without the learned boundary model. */
const model = flag('--rules') ? null : defaultSentenceModel();

function f1(tp: number, fp: number, fn: number) {
  const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
  return { p: 100 * p, r: 100 * r, f: (200 * p * r) / (p + r || 1) };
}

// Builds the character tables before timing.
tokenize('warm up');

function evaluate(name: string, sentences: ConlluSentence[]) {
  const docs = rawDocs(sentences, paragraphs);
  let tp = 0, fp = 0, fn = 0, ttp = 0, tfp = 0, tfn = 0, tokens = 0, chars = 0;
  const errors: string[] = [];
  let ms = 0;
  for (const d of docs) {
    const c0 = process.cpuUsage();
    const toks = tokenize(d.text);
    const sents = splitSentences(d.text, toks, { model });
    const c = process.cpuUsage(c0);
    ms += (c.user + c.system) / 1000;
    tokens += toks.count; chars += d.text.length;
    const predicted = new Set(Array.from(sents.spans, (s) => s.end));
    const gold = new Set(d.boundaries);
    const last = d.boundaries[d.boundaries.length - 1]!;
    for (const b of predicted) if (b !== last) { if (gold.has(b)) tp++; else { fp++; if (errors.length < showErrors) errors.push(`FP ${show(d.text, b)}`); } }
    for (const b of gold) if (b !== last && !predicted.has(b)) { fn++; if (errors.length < showErrors) errors.push(`FN ${show(d.text, b)}`); }
    // Token boundaries: a predicted token is right when both its ends are gold token ends/starts.
    const goldTokens = new Set<string>();
    const starts = [...d.tokenStarts].sort((a, b) => a - b), ends = [...d.tokenEnds].sort((a, b) => a - b);
    for (let i = 0; i < starts.length; i++) goldTokens.add(`${starts[i]}:${ends[i]}`);
    for (let i = 0; i < toks.count; i++) { if (goldTokens.has(`${toks.start[i]}:${toks.end[i]}`)) ttp++; else tfp++; }
    tfn += goldTokens.size - 0;
  }
  tfn -= ttp;
  const s = f1(tp, fp, fn), t = f1(ttp, tfp, tfn);
  console.log(`${name}: ${docs.length} docs, ${sentences.length} sentences`);
  console.log(`  sentence boundaries  P ${s.p.toFixed(2)}  R ${s.r.toFixed(2)}  F1 ${s.f.toFixed(2)}  (tp ${tp} fp ${fp} fn ${fn})`);
  console.log(`  tokens               P ${t.p.toFixed(2)}  R ${t.r.toFixed(2)}  F1 ${t.f.toFixed(2)}`);
  console.log(`  speed: ${(tokens / ms * 1000 / 1e6).toFixed(2)}M tokens/s, ${(chars / ms * 1000 / 1e6).toFixed(1)}M chars/s (tokenize + split, per CPU second)`);
  for (const e of errors) console.log('   ', e);
}

function show(text: string, at: number) {
  return JSON.stringify(text.slice(Math.max(0, at - 50), at) + ' ‖ ' + text.slice(at, at + 40));
}

if (corpus === 'ewt' || corpus === 'both') {
  evaluate(`UD EWT ${split}`, parseConllu(readFileSync(new URL(`ud-ewt/en_ewt-ud-${split}.conllu`, CORPORA), 'utf8')));
}
if (corpus === 'gum' || corpus === 'both') {
  const ids = readFileSync(new URL(`gum/${split}.docs`, CORPORA), 'utf8').split('\n').filter((id) => id && !id.startsWith('GENTLE_'));
  evaluate(`GUM ${split}`, ids.flatMap((id) => parseConllu(readFileSync(new URL(`gum/${id}.conllu`, CORPORA), 'utf8'))));
}
