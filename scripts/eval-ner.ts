// Scores the name tagger on GUM: exact span + type P/R/F1 for person, place, organization names.
// Usage: node --import tsx scripts/eval-ner.ts [--split test|dev] [--genres news,bio|all] [--pos gold|none|predicted]
//        [--model path] [--errors] [--sentences]   (--sentences: no document-level consistency pass)
// Default: test split, news and biography documents (GUM_news_*, GUM_bio_*), gold POS.
// Facility names count as places; group names (Palestinians, Jews) are scored apart, not in the overall figure.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConnectors, loadLexiconEntries, repoRoot } from '../src/nlp/ner/lexicon-files.js';
import { ENTITY_TYPES, NerWeights, type TokenSpan } from '../src/nlp/ner/model.js';
import { NameRules } from '../src/nlp/ner/names.js';
import { NameRecognizer, type FoundName } from '../src/nlp/ner/recognize.js';
import { gumSplit, readGumNames, type GumNameSentence } from '../src/nlp/ner/gum.js';

const GUM = '/work/shared/corpora/gum';
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const split = arg('split', 'test') as 'test' | 'dev';
const genres = arg('genres', 'news,bio');
const posMode = arg('pos', 'gold');
const modelPath = arg('model', join(repoRoot(), 'models', 'ner.bin'));
const showErrors = process.argv.includes('--errors');

const weights = NerWeights.deserialize(readFileSync(modelPath));
const recognizer = new NameRecognizer(weights);
// Gold is derived with the lexicons of the data files, the same rule as in training.
const rules = new NameRules(loadLexiconEntries());
let docs = gumSplit(GUM, split).filter((d) => !d.startsWith('GENTLE_'));
if (genres !== 'all') {
  const wanted = genres.split(',').map((g) => `GUM_${g}_`);
  docs = docs.filter((d) => wanted.some((w) => d.startsWith(w)));
}
const sentences = readGumNames(GUM, docs, rules, new Set(loadConnectors()));

type Tagger = (s: GumNameSentence) => readonly string[] | null;
async function posTagger(): Promise<Tagger> {
  if (posMode === 'gold') return (s) => s.upos;
  if (posMode === 'none') return () => null;
  // Predicted tags: run the project's tagger stage over the gold tokens when it exists.
  const { taggerStage } = await import('../src/nlp/tagger/stage.js');
  return (s) => {
    const n = s.forms.length;
    const start = new Int32Array(n), end = new Int32Array(n);
    let text = '', spaces = new Uint8Array(n);
    for (let i = 0; i < n; i++) { start[i] = text.length; text += s.forms[i]; end[i] = text.length; if (s.spaceAfter[i]) { text += ' '; spaces[i] = 1; } }
    const tokens = { count: n, start, end, form: s.forms, spaceAfter: spaces };
    const sentences = { count: 1, tokenStart: Int32Array.of(0), tokenEnd: Int32Array.of(n), spans: [{ start: 0, end: text.length }], paragraph: Int32Array.of(0) };
    const doc = { text, meta: {}, warnings: [] } as never;
    const { tags } = taggerStage.run(doc, { tokens, sentences } as never) as { tags: { upos: string[] } };
    return tags.upos.length === n ? tags.upos : null;
  };
}
const tagOf = await posTagger();

/** Type used for scoring: facility counts as place; group and others are kept apart. */
const scoredType = (t: number): string => (ENTITY_TYPES[t] === 'facility' ? 'place' : ENTITY_TYPES[t]!);
const SCORED = ['person', 'place', 'organization'];
const counts = new Map<string, { tp: number; fp: number; fn: number }>();
const bump = (type: string, k: 'tp' | 'fp' | 'fn') => {
  const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
  c[k]++;
  counts.set(type, c);
};
const errors: string[] = [];
let tokens = 0;
const t0 = performance.now();
const perDocument = !process.argv.includes('--sentences');
// Documents are recognized whole (names are made consistent across a document), as the stage does.
const byDoc = new Map<string, GumNameSentence[]>();
for (const s of sentences) byDoc.set(s.docId, [...(byDoc.get(s.docId) ?? []), s]);
const predicted = new Map<GumNameSentence, FoundName[]>();
for (const docSents of byDoc.values()) {
  const forms: string[] = [], upos: string[] = [];
  const starts: number[] = [], ends: number[] = [];
  let havePos = true;
  for (const s of docSents) {
    starts.push(forms.length);
    forms.push(...s.forms);
    const tags = tagOf(s);
    if (tags) upos.push(...tags); else havePos = false;
    ends.push(forms.length);
  }
  let found: FoundName[];
  if (perDocument) found = recognizer.document(forms, havePos ? upos : null, starts, ends, docSents.length);
  else { found = []; recognizer.startDocument(); docSents.forEach((_, i) => recognizer.sentence(forms, havePos ? upos : null, starts[i]!, ends[i]!, found)); }
  docSents.forEach((s, i) => {
    predicted.set(s, found.filter((x) => x.start >= starts[i]! && x.end <= ends[i]!).map((x) => ({ ...x, start: x.start - starts[i]!, end: x.end - starts[i]! })));
  });
  tokens += forms.length;
}
// Error classes (--errors): a gold/predicted pair with the same span but another type is a type error, overlapping
// spans are a boundary error (same type) or boundary+type error; the rest are missed or spurious names.
const errorClasses = new Map<string, number>();
const classify = (gold: readonly TokenSpan[], pred: readonly TokenSpan[], isScored: (x: TokenSpan) => boolean) => {
  const same = (a: TokenSpan, b: TokenSpan) => a.start === b.start && a.end === b.end;
  const overlap = (a: TokenSpan, b: TokenSpan) => a.start < b.end && b.start < a.end;
  const count = (k: string) => errorClasses.set(k, (errorClasses.get(k) ?? 0) + 1);
  for (const g of gold) {
    if (!isScored(g) || pred.some((p) => same(p, g) && scoredType(p.type) === scoredType(g.type))) continue;
    const t = scoredType(g.type);
    const p = pred.find((x) => same(x, g)) ?? pred.find((x) => overlap(x, g));
    if (!p) count(`missed ${t}`);
    else if (same(p, g)) count(`type ${t} -> ${scoredType(p.type)}`);
    else if (scoredType(p.type) === t) count(`boundary ${t}`);
    else count(`boundary+type ${t} -> ${scoredType(p.type)}`);
  }
  for (const p of pred) {
    if (!isScored(p) || gold.some((g) => overlap(g, p))) continue;
    count(`spurious ${scoredType(p.type)}`);
  }
};
for (const s of sentences) {
  const found = predicted.get(s)!;
  classify(s.spans, found, (x) => SCORED.includes(scoredType(x.type)));
  const key = (x: TokenSpan) => `${x.start}:${x.end}:${scoredType(x.type)}`;
  const gold = new Map(s.spans.map((x) => [key(x), x]));
  const pred = new Map(found.map((x) => [key(x), x as TokenSpan]));
  const text = (x: TokenSpan) => s.forms.slice(x.start, x.end).join(' ');
  for (const [k, x] of gold) {
    if (pred.has(k)) bump(scoredType(x.type), 'tp');
    else { bump(scoredType(x.type), 'fn'); errors.push(`MISS ${scoredType(x.type).padEnd(12)} ${text(x)}   | ${s.forms.join(' ')}`); }
  }
  for (const [k, x] of pred) {
    if (!gold.has(k)) { bump(scoredType(x.type), 'fp'); errors.push(`FALSE ${scoredType(x.type).padEnd(11)} ${text(x)}   | ${s.forms.join(' ')}`); }
  }
}
const ms = performance.now() - t0;

const f = (c: { tp: number; fp: number; fn: number }) => {
  const p = c.tp / Math.max(1, c.tp + c.fp), r = c.tp / Math.max(1, c.tp + c.fn);
  return { p: 100 * p, r: 100 * r, f: p + r > 0 ? (200 * p * r) / (p + r) : 0 };
};
const all = { tp: 0, fp: 0, fn: 0 };
console.log(`GUM ${split}, genres ${genres}, ${docs.length} documents, ${tokens} tokens, POS ${weights.meta.usesPos ? posMode : 'not used by this model'}, model ${modelPath}`);
console.log('type          gold  pred    P      R      F1');
const line = (name: string, c: { tp: number; fp: number; fn: number }) => {
  const s = f(c);
  console.log(`${name.padEnd(12)} ${String(c.tp + c.fn).padStart(5)} ${String(c.tp + c.fp).padStart(5)}  ${s.p.toFixed(1).padStart(5)}  ${s.r.toFixed(1).padStart(5)}  ${s.f.toFixed(1).padStart(5)}`);
};
for (const t of SCORED) {
  const c = counts.get(t) ?? { tp: 0, fp: 0, fn: 0 };
  all.tp += c.tp; all.fp += c.fp; all.fn += c.fn;
  line(t, c);
}
line('overall', all);
if (counts.has('group')) line('(group)', counts.get('group')!);
console.log(`speed: ${Math.round(tokens / (ms / 1000))} tokens/s (recognizer only, first call included)`);
if (showErrors) {
  console.log('error classes (gold-side: missed/type/boundary; predicted-side: spurious):');
  for (const [k, v] of [...errorClasses].sort((a, b) => b[1] - a[1])) console.log(`  ${String(v).padStart(4)}  ${k}`);
  for (const e of errors.sort()) console.log(e);
}
