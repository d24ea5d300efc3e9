// Sentence-split F1 (boundaries as character offsets) and token-boundary F1 of the tokenizer on UD EWT and GUM test raw text.
//
// Raw text is rebuilt from `# text` comments: sentences of a document joined by a space (as EWT raw text
// is), and with --paragraphs a line break at each `# newpar` instead. Boundaries are the end offsets of
// sentences, counted inside each document (a document's end is free and not counted).
//
//   node --import tsx scripts/eval-sentences.ts [--corpus ewt|gum|both] [--paragraphs] [--errors N]

import { readFileSync } from 'node:fs';
import { parseConllu, type ConlluSentence } from '../src/nlp/conllu.js';
import { tokenize } from '../src/nlp/tokenize/tokenizer.js';
import { splitSentences } from '../src/nlp/tokenize/sentences.js';

const CORPORA = new URL('../../shared/corpora/', import.meta.url);
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : fallback; };
const corpus = option('--corpus', 'both');
const paragraphs = flag('--paragraphs');
const showErrors = Number(option('--errors', '0'));

interface RawDoc { id: string; text: string; boundaries: number[]; tokenEnds: Set<number>; tokenStarts: Set<number> }

/** Rebuilds documents' raw text with gold sentence ends and token boundaries. */
function rawDocs(sentences: ConlluSentence[]): RawDoc[] {
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

function f1(tp: number, fp: number, fn: number) {
  const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
  return { p: 100 * p, r: 100 * r, f: (200 * p * r) / (p + r || 1) };
}

// Builds the character tables before timing.
tokenize('warm up');

function evaluate(name: string, sentences: ConlluSentence[]) {
  const docs = rawDocs(sentences);
  let tp = 0, fp = 0, fn = 0, ttp = 0, tfp = 0, tfn = 0, tokens = 0, chars = 0;
  const errors: string[] = [];
  let ms = 0;
  for (const d of docs) {
    const c0 = process.cpuUsage();
    const toks = tokenize(d.text);
    const sents = splitSentences(d.text, toks);
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
  evaluate('UD EWT test', parseConllu(readFileSync(new URL('ud-ewt/en_ewt-ud-test.conllu', CORPORA), 'utf8')));
}
if (corpus === 'gum' || corpus === 'both') {
  const ids = readFileSync(new URL('gum/test.docs', CORPORA), 'utf8').split('\n').filter(Boolean);
  evaluate('GUM test', ids.flatMap((id) => parseConllu(readFileSync(new URL(`gum/${id}.conllu`, CORPORA), 'utf8'))));
}
